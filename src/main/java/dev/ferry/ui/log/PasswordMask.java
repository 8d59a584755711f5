package dev.ferry.ui.log;

import java.util.regex.Pattern;

/**
 * Masks passwords in log lines. The engine already sends {@code PASS ****}; this catches anything that slips
 * through another way (an error message quoting a command, a future code path).
 */
final class PasswordMask {
    /** A sent command: FTP commands are case-insensitive. */
    private static final Pattern COMMAND = Pattern.compile("(?i)^(\\s*)(PASS)\\s+\\S.*$");
    /** Any other line: only the upper-case command, so that prose ("pass the proxy") stays readable. */
    private static final Pattern QUOTED = Pattern.compile("\\bPASS\\s+(?!\\*{4}(?:\\W|$))\\S.*$");

    private PasswordMask() {
    }

    /** A line the client sent. */
    static String command(String line) {
        return text(COMMAND.matcher(line).replaceFirst("$1$2 ****"));
    }

    /** Any line. */
    static String text(String line) {
        return QUOTED.matcher(line).replaceFirst("PASS ****");
    }
}
