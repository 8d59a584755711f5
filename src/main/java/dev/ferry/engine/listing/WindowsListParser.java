package dev.ferry.engine.listing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses one line of Windows (IIS, DOS {@code dir}) style {@code LIST} output, e.g.
 * {@code 01-15-24  02:30PM       <DIR>          folder name} or
 * {@code 01-15-2024  14:30                 1234 file.txt}.
 *
 * <p>Dates as {@code MM-DD-YY} or {@code MM-DD-YYYY} (also with {@code /}), times in 12-hour form
 * with AM/PM or in 24-hour form, sizes with or without thousands separators. Two-digit years are
 * 1970-2069. Never throws.
 */
public final class WindowsListParser {
    private static final int MAX_TOKENS = 6;
    private static final int SIZE_COLUMN_WIDTH = 15;

    private final ZoneId serverZone;

    /** @param serverZone the server's time zone; {@code LIST} times are local to the server */
    public WindowsListParser(ZoneId serverZone) {
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
    }

    /** The entry this line describes, or empty when it is not a Windows-style line. */
    public Optional<RemoteEntry> parseLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String s = Lines.withoutTerminator(line);
        Tokens t = Tokens.of(s, MAX_TOKENS);
        if (t.count() < 3) {
            return Optional.empty();
        }
        int[] date = date(t.get(0));
        if (date == null) {
            return Optional.empty();
        }
        int next = 2;
        String timeToken = t.get(1);
        String upper = t.get(2).toUpperCase(Locale.ROOT);
        if (upper.equals("AM") || upper.equals("PM")) {
            timeToken = timeToken + upper;
            next = 3;
        }
        int[] time = time(timeToken);
        if (time == null || next >= t.count()) {
            return Optional.empty();
        }
        String kind = t.get(next);
        EntryType type;
        long size = -1;
        int nameStart;
        if (kind.startsWith("<") && kind.endsWith(">") && kind.length() > 2) {
            switch (kind.toUpperCase(Locale.ROOT)) {
                case "<DIR>" -> type = EntryType.DIRECTORY;
                case "<JUNCTION>", "<SYMLINK>", "<SYMLINKD>" -> type = EntryType.SYMLINK;
                default -> {
                    return Optional.empty();
                }
            }
            nameStart = nameAfterColumn(s, t.start(next), t.end(next));
        } else if (Lines.isDigits(kind) || Sizes.isGrouped(kind)) {
            type = EntryType.FILE;
            size = Sizes.value(kind);
            nameStart = t.end(next) + 1;
        } else {
            return Optional.empty();
        }
        if (nameStart >= s.length()) {
            return Optional.empty();
        }
        String name = s.substring(nameStart);
        Optional<String> target = Optional.empty();
        if (type == EntryType.SYMLINK && name.endsWith("]")) {
            int open = name.lastIndexOf(" [");
            if (open > 0) {
                target = Optional.of(name.substring(open + 2, name.length() - 1)).filter(x -> !x.isEmpty());
                name = name.substring(0, open);
            }
        }
        return Optional.of(new RemoteEntry(name, type, size, instant(date, time), Optional.empty(), Optional.empty(),
                Optional.empty(), target, line));
    }

    /**
     * Where the name starts after {@code <DIR>}: the listing pads that column to a fixed width, so a
     * name's own leading spaces survive when the padding is complete; otherwise after all spaces.
     */
    private static int nameAfterColumn(String s, int start, int end) {
        int column = start + SIZE_COLUMN_WIDTH;
        if (column > end && column < s.length()) {
            boolean padded = true;
            for (int i = end; i < column; i++) {
                if (s.charAt(i) != ' ') {
                    padded = false;
                    break;
                }
            }
            if (padded) {
                return column;
            }
        }
        int i = end;
        while (i < s.length() && Lines.isSeparator(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private Optional<Instant> instant(int[] date, int[] time) {
        try {
            return Optional.of(LocalDateTime.of(date[0], date[1], date[2], time[0], time[1], time[2])
                    .atZone(serverZone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {year, month, day} from {@code MM-DD-YY}, {@code MM-DD-YYYY} or with slashes; else null. */
    private static int[] date(String token) {
        int first = indexOfSeparator(token, 0);
        if (first < 1 || first > 2) {
            return null;
        }
        char separator = token.charAt(first);
        int second = token.indexOf(separator, first + 1);
        if (second - first < 2 || second - first > 3) {
            return null;
        }
        String m = token.substring(0, first);
        String d = token.substring(first + 1, second);
        String y = token.substring(second + 1);
        if (!Lines.isDigits(m) || !Lines.isDigits(d) || !Lines.isDigits(y) || (y.length() != 2 && y.length() != 4)) {
            return null;
        }
        int month = Integer.parseInt(m);
        int day = Integer.parseInt(d);
        int year = Integer.parseInt(y);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (y.length() == 2) {
            year += year < 70 ? 2000 : 1900;
        }
        return new int[]{year, month, day};
    }

    private static int indexOfSeparator(String token, int from) {
        for (int i = from; i < token.length() && i < 3; i++) {
            char c = token.charAt(i);
            if (c == '-' || c == '/') {
                return i;
            }
        }
        return -1;
    }

    /** {hour, minute, second} from {@code HH:MM[:SS]} with an optional AM/PM suffix; else null. */
    private static int[] time(String token) {
        String s = token.toUpperCase(Locale.ROOT);
        int half = 0;
        if (s.endsWith("AM") || s.endsWith("PM")) {
            half = s.endsWith("AM") ? 1 : 2;
            s = s.substring(0, s.length() - 2);
        }
        int colon = s.indexOf(':');
        if (colon < 1 || colon > 2) {
            return null;
        }
        String h = s.substring(0, colon);
        String rest = s.substring(colon + 1);
        String m = rest;
        String sec = "0";
        if (rest.length() == 5 && rest.charAt(2) == ':') {
            m = rest.substring(0, 2);
            sec = rest.substring(3);
        }
        if (m.length() != 2 || !Lines.isDigits(h) || !Lines.isDigits(m) || !Lines.isDigits(sec)) {
            return null;
        }
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        int second = Integer.parseInt(sec);
        if (minute > 59 || second > 59) {
            return null;
        }
        if (half != 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half == 2 ? 12 : 0);
        } else if (hour > 23) {
            return null;
        }
        return new int[]{hour, minute, second};
    }
}
