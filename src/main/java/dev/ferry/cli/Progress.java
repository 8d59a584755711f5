package dev.ferry.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** Transfer progress on standard error, redrawn in place, only when standard error is a terminal. */
final class Progress {
    private final PrintStream err;
    private final boolean enabled;
    private final AtomicLong bytes = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long total = -1;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void expectTotal(long totalBytes) {
        this.total = totalBytes;
    }

    void add(long delta) {
        bytes.addAndGet(delta);
    }

    long bytes() {
        return bytes.get();
    }

    /** Redraws at most four times a second. */
    synchronized void draw(String label) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        long done = bytes.get();
        String percent = total > 0 ? String.format("%3d%% ", Math.min(100, done * 100 / total)) : "";
        err.print("\r" + percent + Sizes.human(done) + "  " + Sizes.human((long) (done / seconds)) + "/s  " + label + "\033[K");
        err.flush();
    }

    /** Shows a total that is tracked elsewhere (the queue's), redrawn at most four times a second. */
    synchronized void show(long done, long totalBytes, String label) {
        bytes.set(done);
        total = totalBytes;
        draw(label);
    }

    synchronized void finish() {
        if (enabled && drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
