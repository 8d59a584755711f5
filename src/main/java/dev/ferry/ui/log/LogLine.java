package dev.ferry.ui.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the log panel.
 *
 * @param time       when it was logged
 * @param connection which connection it came from ("browse", "transfer 1"), empty for the application's own
 * @param kind       what it is
 * @param text       the line itself, one line, password masked
 */
public record LogLine(Instant time, String connection, Kind kind, String text) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** What a line is; the marks are those of {@code ferry -v} (and curl). */
    public enum Kind {
        SENT("> "),
        RECEIVED("< "),
        NOTE("* "),
        ERROR("! ");

        private final String mark;

        Kind(String mark) {
            this.mark = mark;
        }

        /** The two characters that start the line's text: {@code > }, {@code < }, {@code * }, {@code ! }. */
        public String mark() {
            return mark;
        }

        /** The style class of a line of this kind: sent, received, note, error. */
        public String styleClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The time as the panel shows it, local time to the millisecond. */
    public String clockTime() {
        return TIME.format(time);
    }

    /** The line as copied: {@code 12:03:04.512 [transfer 1] > RETR a.txt}. */
    public String format() {
        return clockTime() + (connection.isEmpty() ? "" : " [" + connection + "]") + " " + kind.mark() + text;
    }
}
