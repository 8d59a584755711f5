package dev.ferry.ui.pane;

/**
 * Something a pane wants the user to read: what failed and why, in words.
 *
 * @param text   the message
 * @param error  whether it reports a failure
 * @param serial distinct for each message, so the same text twice is shown twice
 */
public record PaneMessage(String text, boolean error, long serial) {
}
