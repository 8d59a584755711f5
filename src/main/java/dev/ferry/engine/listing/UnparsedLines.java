package dev.ferry.engine.listing;

import org.slf4j.Logger;

/**
 * Logs the lines one {@code parse} call could not understand: the first {@value #LOGGED} each as a
 * warning, then how many more there were, so a listing in an unknown format cannot flood the log.
 */
final class UnparsedLines {
    static final int LOGGED = 20;

    private final Logger log;
    private final String format;
    private int count;

    UnparsedLines(Logger log, String format) {
        this.log = log;
        this.format = format;
    }

    RemoteEntry add(String line) {
        count++;
        if (count <= LOGGED) {
            log.warn("{} line not understood, kept as a raw entry: \"{}\"", format, Lines.forLog(line));
        }
        return RemoteEntry.unparsed(line);
    }

    void finish() {
        if (count > LOGGED) {
            log.warn("{} more {} lines not understood (not logged one by one)", count - LOGGED, format);
        }
    }
}
