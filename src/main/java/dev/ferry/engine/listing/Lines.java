package dev.ferry.engine.listing;

import java.util.Locale;

/** Small text helpers shared by the parsers. */
final class Lines {
    static final int LOG_LIMIT = 200;

    private Lines() {
    }

    static String withoutTerminator(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of an all-digit string, or -1 when it is not one or does not fit a long. */
    static long digitsValue(String s) {
        if (!isDigits(s) || s.length() > 18) {
            return -1;
        }
        return Long.parseLong(s);
    }

    /** A line skipped by the facades: blank, or only "." or "..". */
    static boolean isSkippable(String line) {
        String s = line.strip();
        return s.isEmpty() || s.equals(".") || s.equals("..");
    }

    static boolean isDotOrDotDot(String name) {
        return name.equals(".") || name.equals("..");
    }

    /** A {@code "total 123"} line of {@code ls -l} (also {@code "total 1.2K"}). */
    static boolean isTotalLine(String line) {
        String s = line.strip();
        if (s.length() < 7 || !s.substring(0, 5).toLowerCase(Locale.ROOT).equals("total")
                || !isSeparator(s.charAt(5))) {
            return false;
        }
        String rest = s.substring(6).strip();
        if (rest.isEmpty() || !isAsciiDigit(rest.charAt(0))) {
            return false;
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            boolean unit = i == rest.length() - 1 && "KMGTkmgt".indexOf(c) >= 0;
            if (!isAsciiDigit(c) && c != '.' && c != ',' && !unit) {
                return false;
            }
        }
        return true;
    }

    /**
     * A line made safe for a log: cut to {@value #LOG_LIMIT} characters, then control, format and
     * lone surrogate characters, backslashes and quotes escaped.
     */
    static String forLog(String line) {
        boolean cut = line.length() > LOG_LIMIT;
        String head = cut ? line.substring(0, LOG_LIMIT) : line;
        StringBuilder out = new StringBuilder(head.length() + 16);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isHighSurrogate(c) && i + 1 < head.length()
                    && Character.isLowSurrogate(head.charAt(i + 1))) {
                out.append(c).append(head.charAt(++i));
            } else if (needsEscape(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (cut) {
            out.append("...(").append(line.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }
}
