package dev.ferry.transfer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ferry.engine.Cancellation;

/**
 * Breaks off uploads that moved no data for too long. A socket read has a timeout, a socket write has
 * none: an upload to a server that stopped reading blocks once the socket buffers are full, for ever.
 * The watchdog drops such a data connection ({@link Cancellation#abortStalled()}), the upload fails with a
 * timeout, and the queue retries it with REST as after any broken connection. Time a transfer spends
 * held back by the speed limit does not count. One daemon thread per queue, started on first use.
 */
final class StallWatchdog implements AutoCloseable {
    private static final long TICK_MS = 250;

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    /** Starts watching one transfer; close the watch when the transfer ends, however it ends. */
    synchronized Watch watch(Cancellation cancellation, Duration limit) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ferry-stall-watchdog");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::check, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
        Watch w = new Watch(cancellation, limit.toNanos());
        watches.add(w);
        return w;
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch w : watches) {
            if (!w.held && now - w.lastProgress > w.limitNanos) {
                watches.remove(w);
                w.cancellation.abortStalled();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        watches.clear();
    }

    /** One watched transfer: told after each step of progress whether it is now held back on purpose. */
    final class Watch implements AutoCloseable {
        private final Cancellation cancellation;
        private final long limitNanos;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean held;

        private Watch(Cancellation cancellation, long limitNanos) {
            this.cancellation = cancellation;
            this.limitNanos = limitNanos;
        }

        /** The transfer waits for the speed limit (true) or goes on (false); waiting is not a stall. */
        void held(boolean value) {
            lastProgress = System.nanoTime();
            held = value;
        }

        @Override
        public void close() {
            watches.remove(this);
        }
    }
}
