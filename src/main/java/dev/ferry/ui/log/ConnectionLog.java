package dev.ferry.ui.log;

import dev.ferry.engine.ProtocolLog;

/**
 * One connection's protocol log: what it sends and receives, tagged with its label, into a {@link LogModel}. Also
 * takes the window's own errors about that connection ("Connection lost").
 */
public final class ConnectionLog implements ProtocolLog {
    private final LogModel model;
    private final String label;

    ConnectionLog(LogModel model, String label) {
        this.model = model;
        this.label = label;
    }

    /** The label its lines carry. */
    public String label() {
        return label;
    }

    @Override
    public void sent(String line) {
        model.add(label, LogLine.Kind.SENT, line);
    }

    @Override
    public void received(String line) {
        model.add(label, LogLine.Kind.RECEIVED, line);
    }

    @Override
    public void note(String message) {
        model.add(label, LogLine.Kind.NOTE, message);
    }

    /** An error on this connection. */
    public void error(String message) {
        model.add(label, LogLine.Kind.ERROR, message);
    }
}
