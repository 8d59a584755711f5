package dev.ferry.transfer;

/** Bytes per second over the last few seconds, in one-second buckets. */
final class SpeedMeter {
    private static final int BUCKETS = 5;
    private final long[] bytes = new long[BUCKETS];
    private final long[] second = new long[BUCKETS];

    synchronized void add(long delta) {
        long now = System.nanoTime() / 1_000_000_000L;
        int b = (int) (now % BUCKETS);
        if (second[b] != now) {
            second[b] = now;
            bytes[b] = 0;
        }
        bytes[b] += delta;
    }

    synchronized double bytesPerSecond() {
        long now = System.nanoTime() / 1_000_000_000L;
        long sum = 0;
        int seconds = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (second[i] > now - BUCKETS && second[i] < now) {
                sum += bytes[i];
                seconds++;
            }
        }
        return seconds == 0 ? 0 : (double) sum / (BUCKETS - 1);
    }
}
