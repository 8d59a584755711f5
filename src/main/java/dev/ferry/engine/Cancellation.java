package dev.ferry.engine;

import java.io.Closeable;
import java.io.IOException;

/**
 * Lets another thread stop a running transfer: {@link #cancel()} sets a flag the transfer loop checks
 * after every buffer and drops the data connection (a reset, without TLS's polite close), so a
 * transfer blocked on a slow or stalled server, in a read or a write, stops at once too, and
 * {@code cancel()} itself never waits for the server. One instance per transfer.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private volatile boolean stalled;
    private volatile Closeable current;

    /** Stops the transfer as soon as possible. Safe from any thread, more than once. */
    public void cancel() {
        cancelled = true;
        Closeable c = current;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the transfer notices the closed socket
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Drops the data connection of a transfer that made no progress, without cancelling it: the transfer
     * fails with a timeout, as a stalled read does, and whoever runs it may retry. This is how a socket write
     * gets a timeout (Java has none): a watchdog that saw no progress for the read timeout calls it.
     * Safe from any thread; does nothing when no data connection is open.
     */
    public void abortStalled() {
        Closeable c = current;
        if (c != null) {
            stalled = true;
            try {
                c.close();
            } catch (IOException ignored) {
                // the transfer notices the closed socket
            }
        }
    }

    /** Whether a watchdog dropped the data connection for want of progress. */
    public boolean wasStalled() {
        return stalled;
    }

    /** The engine registers the data connection here while it is open. */
    void attach(Closeable dataConnection) {
        current = dataConnection;
        if (cancelled) {
            cancel();
        }
    }

    void detach() {
        current = null;
    }

    /** A cancellation nobody will trigger. */
    public static Cancellation none() {
        return new Cancellation();
    }
}
