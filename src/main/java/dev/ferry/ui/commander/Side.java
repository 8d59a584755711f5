package dev.ferry.ui.commander;

/** The two panes of the commander. */
public enum Side {
    LOCAL, REMOTE;

    public Side other() {
        return this == LOCAL ? REMOTE : LOCAL;
    }
}
