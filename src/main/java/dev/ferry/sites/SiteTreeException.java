package dev.ferry.sites;

/**
 * A change to the site list was refused: an unknown site or folder, a name already taken, a move into itself,
 * a blank name. The message is a sentence to show as it is.
 */
public class SiteTreeException extends Exception {
    private static final long serialVersionUID = 1L;

    public SiteTreeException(String message) {
        super(message);
    }
}
