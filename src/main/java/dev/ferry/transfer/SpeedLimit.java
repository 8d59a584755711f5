package dev.ferry.transfer;

import java.util.concurrent.locks.LockSupport;

/** A shared token bucket: transfers that would exceed the limit wait a little. 0 means no limit. */
final class SpeedLimit {
    private volatile long bytesPerSecond;
    private long available;
    private long lastRefill = System.nanoTime();

    SpeedLimit(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
    }

    /** Changes the limit; 0 removes it. */
    synchronized void setBytesPerSecond(long limit) {
        bytesPerSecond = limit;
        available = Math.min(available, limit);
    }

    /** Takes {@code bytes} from the bucket, waiting as long as the limit asks. */
    void take(long bytes) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            if (bytesPerSecond <= 0) {
                return;
            }
            long now = System.nanoTime();
            available = Math.min(bytesPerSecond, available + (now - lastRefill) * bytesPerSecond / 1_000_000_000L);
            lastRefill = now;
            available -= bytes;
            waitNanos = available >= 0 ? 0 : -available * 1_000_000_000L / bytesPerSecond;
        }
        if (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }
}
