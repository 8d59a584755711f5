package dev.ferry.ui.session;

/** What the session dialog is for: its title, its main button, and whether the site has a name. */
public enum SessionKind {
    /** A new saved site: a name, "Save". */
    NEW_SITE("New site", "Save"),
    /** An existing saved site: a name, "Save". */
    EDIT_SITE("Edit site", "Save"),
    /** Connect now without saving: no name, "Connect". */
    QUICK_CONNECT("New session", "Connect");

    private final String title;
    private final String action;

    SessionKind(String title, String action) {
        this.title = title;
        this.action = action;
    }

    /** The dialog's title. */
    public String title() {
        return title;
    }

    /** The text of the button that accepts the dialog. */
    public String action() {
        return action;
    }

    /** Whether the form names the site (saved sites do; a quick connection does not). */
    public boolean named() {
        return this != QUICK_CONNECT;
    }
}
