package dev.ferry.engine;

import dev.ferry.engine.control.NameCodec;

import java.util.List;

/**
 * One reply of the server on the control connection.
 *
 * @param code  the three-digit reply code
 * @param lines the reply's text lines as sent, including the code prefixes
 */
public record FtpReply(int code, List<String> lines) {
    public FtpReply {
        lines = List.copyOf(lines);
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
    }

    /** 1xx: the action started; another reply follows. */
    public boolean isPreliminary() {
        return code < 200;
    }

    /** 2xx: done. */
    public boolean isPositive() {
        return code >= 200 && code < 300;
    }

    /** 3xx: more information needed (for example a password). */
    public boolean isIntermediate() {
        return code >= 300 && code < 400;
    }

    /** 4xx: failed, but trying again later may work. */
    public boolean isTransientFailure() {
        return code >= 400 && code < 500;
    }

    /** 5xx: failed. */
    public boolean isPermanentFailure() {
        return code >= 500;
    }

    /** The text of the reply without the code prefixes, lines joined by newlines. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.length() >= 4 && line.startsWith(Integer.toString(code))
                    ? line.substring(4)
                    : line.stripLeading();
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(text);
        }
        return sb.toString().strip();
    }

    /** The first line after the code, which most replies carry their data in. */
    public String firstLineText() {
        String line = lines.isEmpty() ? "" : lines.get(0);
        return line.length() >= 4 ? line.substring(4) : "";
    }

    @Override
    public String toString() {
        return code + " " + NameCodec.readable(message().replace('\n', ' '));
    }
}
