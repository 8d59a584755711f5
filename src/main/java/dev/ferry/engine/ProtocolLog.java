package dev.ferry.engine;

/**
 * Receives every line sent and received on the control connection, for the log panel and
 * {@code ferry -v}. Passwords are already masked ({@code PASS ****}) when they arrive here.
 * Called on the thread that drives the session.
 */
public interface ProtocolLog {
    /** A command the client sent. */
    void sent(String line);

    /** A reply line the server sent. */
    void received(String line);

    /** Something the client decided or noticed (a substituted passive address, a reconnect). */
    default void note(String message) {
    }

    /** A log that drops everything. */
    static ProtocolLog none() {
        return NoProtocolLog.INSTANCE;
    }
}

enum NoProtocolLog implements ProtocolLog {
    INSTANCE;

    @Override
    public void sent(String line) {
    }

    @Override
    public void received(String line) {
    }
}
