package dev.ferry.ui.queue;

/**
 * A byte rate smoothed over about two seconds, from a counter read at irregular moments. A counter that
 * goes backwards (a restarted item, removed items) starts a new measurement instead of counting negative.
 */
final class RateEstimator {
    private static final double TIME_CONSTANT_SECONDS = 2.0;

    private long lastBytes;
    private long lastNanos;
    private boolean started;
    private double rate = -1;

    /** Forgets the history: the next reading is the new starting point. */
    void reset() {
        started = false;
        rate = -1;
    }

    /** Takes a reading of the counter at {@code nanos}; returns bytes per second, or -1 until two readings are in. */
    double update(long bytes, long nanos) {
        if (!started || bytes < lastBytes) {
            started = true;
            lastBytes = bytes;
            lastNanos = nanos;
            return rate;
        }
        long elapsed = nanos - lastNanos;
        if (elapsed <= 0) {
            return rate;
        }
        double seconds = elapsed / 1e9;
        double now = (bytes - lastBytes) / seconds;
        rate = rate < 0 ? now : rate + (now - rate) * (1 - Math.exp(-seconds / TIME_CONSTANT_SECONDS));
        lastBytes = bytes;
        lastNanos = nanos;
        return rate;
    }

    /** The last estimate, or -1. */
    double rate() {
        return rate;
    }
}
