package dev.ferry.engine.listing;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses one line of Unix {@code ls -l} style {@code LIST} output, e.g.
 * {@code drwxr-xr-x  2 ftp  ftp  4096 Jan 15 14:30 a folder}.
 *
 * <p>Handles listings with and without a group column, numeric ids, device files
 * ({@code crw-rw-rw- 1 root root 1, 3 ...}), symlinks ({@code name -> target}), ACL and extended
 * attribute markers after the permissions, and dates as {@code Mon DD HH:MM}, {@code Mon DD YYYY},
 * {@code YYYY-MM-DD HH:MM} and some localized month names. The name is everything after the one
 * space that follows the date, so spaces inside and around names are kept. Never throws.
 */
public final class UnixListParser {
    private static final int MAX_TOKENS = 16;
    private static final int MAX_LEADING_NUMBERS = 2;
    private static final String[] PERMISSION_CHARS = {"r-", "w-", "xsS-", "r-", "w-", "xsSlL-", "r-", "w-", "xtT-"};

    private final Clock clock;
    private final ZoneId serverZone;

    /**
     * @param clock      decides the year of {@code Mon DD HH:MM} dates: the most recent such date
     *                   that is not more than a day ahead of this clock
     * @param serverZone the server's time zone; {@code LIST} times are local to the server
     */
    public UnixListParser(Clock clock, ZoneId serverZone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
    }

    /** The entry this line describes, or empty when it is not an {@code ls -l} line. */
    public Optional<RemoteEntry> parseLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String s = Lines.withoutTerminator(line);
        Tokens t = Tokens.of(s, MAX_TOKENS);
        int p = permissionsToken(t);
        if (p < 0) {
            return Optional.empty();
        }
        for (int minimumMiddle = 1; minimumMiddle >= 0; minimumMiddle--) {
            for (int d = p + 2; d < t.count(); d++) {
                Optional<RemoteEntry> entry = entryWithDateAt(t, p, d, minimumMiddle, line);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }

    private static int permissionsToken(Tokens t) {
        for (int i = 0; i < t.count() && i <= MAX_LEADING_NUMBERS; i++) {
            if (isPermissions(t, i)) {
                return i;
            }
            if (!Lines.isDigits(t.get(i))) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isPermissions(Tokens t, int index) {
        int length = t.length(index);
        if (length != 10 && length != 11) {
            return false;
        }
        String s = t.get(index);
        if ("-dlcbpsD".indexOf(s.charAt(0)) < 0 || (length == 11 && "+@.".indexOf(s.charAt(10)) < 0)) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            if (PERMISSION_CHARS[i].indexOf(s.charAt(i + 1)) < 0) {
                return false;
            }
        }
        return true;
    }

    private Optional<RemoteEntry> entryWithDateAt(Tokens t, int p, int d, int minimumMiddle, String rawLine) {
        DateMatch date = date(t, d);
        if (date == null) {
            return Optional.empty();
        }
        String s = t.line();
        int nameStart = t.end(date.lastToken) + 1;
        if (nameStart >= s.length()) {
            return Optional.empty();
        }
        String perms = t.get(p);
        char typeChar = perms.charAt(0);
        Size size = size(t, p, d - 1, typeChar == 'c' || typeChar == 'b');
        if (size == null || size.firstToken - p - 1 < minimumMiddle) {
            return Optional.empty();
        }
        EntryType type = switch (typeChar) {
            case '-' -> EntryType.FILE;
            case 'd' -> EntryType.DIRECTORY;
            case 'l' -> EntryType.SYMLINK;
            default -> EntryType.OTHER;
        };
        String name = s.substring(nameStart);
        Optional<String> target = Optional.empty();
        if (type == EntryType.SYMLINK) {
            int arrow = name.indexOf(" -> ", 1);
            if (arrow > 0) {
                String to = name.substring(arrow + 4);
                target = to.isEmpty() ? Optional.empty() : Optional.of(to);
                name = name.substring(0, arrow);
            }
        }
        Optional<String> owner = Optional.empty();
        Optional<String> group = Optional.empty();
        int first = p + 1;
        int middle = size.firstToken - first;
        if (middle == 1) {
            owner = Lines.isDigits(t.get(first)) ? Optional.empty() : Optional.of(t.get(first));
        } else if (middle >= 2) {
            int ownerToken = middle == 2 && !Lines.isDigits(t.get(first)) ? first : first + 1;
            owner = Optional.of(t.get(ownerToken));
            if (ownerToken + 1 < size.firstToken) {
                group = Optional.of(s.substring(t.start(ownerToken + 1), t.end(size.firstToken - 1)));
            }
        }
        return Optional.of(new RemoteEntry(name, type, size.bytes, instant(date), Optional.of(perms.substring(1, 10)),
                owner, group, target, rawLine));
    }

    private record Size(long bytes, int firstToken) {
    }

    /** The size column ending at token {@code last}: a number, or a device's "major, minor". */
    private static Size size(Tokens t, int p, int last, boolean device) {
        if (last <= p) {
            return null;
        }
        String token = t.get(last);
        if (!device && Sizes.isGrouped(token)) {
            return new Size(Sizes.value(token), last);
        }
        int comma = token.indexOf(',');
        if (comma > 0 && comma < token.length() - 1 && token.indexOf(',', comma + 1) < 0
                && Lines.isDigits(token.substring(0, comma)) && Lines.isDigits(token.substring(comma + 1))) {
            return new Size(-1, last);
        }
        if (!Lines.isDigits(token)) {
            return null;
        }
        String before = last - 1 > p ? t.get(last - 1) : "";
        if (before.length() > 1 && before.endsWith(",") && Lines.isDigits(before.substring(0, before.length() - 1))) {
            return new Size(-1, last - 1);
        }
        return new Size(device ? -1 : Lines.digitsValue(token), last);
    }

    /** A date starting at token {@code d}; {@code lastToken} is its last token. */
    private record DateMatch(int year, int month, int day, int hour, int minute, int second, int nanos,
                             boolean yearKnown, ZoneId zone, int lastToken) {
    }

    private Optional<Instant> instant(DateMatch date) {
        try {
            LocalDateTime local = date.yearKnown()
                    ? LocalDateTime.of(date.year(), date.month(), date.day(), date.hour(), date.minute(),
                    date.second(), date.nanos())
                    : recentDate(date.month(), date.day(), date.hour(), date.minute());
            return local == null ? Optional.empty()
                    : Optional.of(local.atZone(date.zone() == null ? serverZone : date.zone()).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private LocalDateTime recentDate(int month, int day, int hour, int minute) {
        ZonedDateTime now = clock.instant().atZone(serverZone);
        LocalDateTime limit = now.toLocalDateTime().plusDays(1);
        for (int year = now.getYear() + 1; year >= now.getYear() - 8; year--) {
            try {
                LocalDateTime candidate = LocalDateTime.of(year, month, day, hour, minute);
                if (!candidate.isAfter(limit)) {
                    return candidate;
                }
            } catch (DateTimeException e) {
                // Feb 29 in a year that has none: try an earlier year
            }
        }
        return null;
    }

    private static DateMatch date(Tokens t, int d) {
        if (d + 1 >= t.count()) {
            return null;
        }
        DateMatch iso = isoDate(t, d);
        if (iso != null) {
            return iso;
        }
        if (d + 2 >= t.count()) {
            return null;
        }
        int month = Months.number(t.get(d));
        int day = day(t.get(d + 1));
        if (month == 0 || day == 0) {
            month = Months.number(t.get(d + 1));
            day = day(t.get(d));
            if (month == 0 || day == 0) {
                return null;
            }
        }
        String third = t.get(d + 2);
        if (third.length() == 4 && Lines.isDigits(third)) {
            return new DateMatch(Integer.parseInt(third), month, day, 0, 0, 0, 0, true, null, d + 2);
        }
        int[] time = time(third);
        if (time == null) {
            return null;
        }
        if (time[2] >= 0 && d + 3 < t.count() && t.length(d + 3) == 4 && Lines.isDigits(t.get(d + 3))) {
            return new DateMatch(Integer.parseInt(t.get(d + 3)), month, day, time[0], time[1], time[2], 0, true,
                    null, d + 3);
        }
        if (time[2] >= 0) {
            return null;
        }
        return new DateMatch(0, month, day, time[0], time[1], 0, 0, false, null, d + 2);
    }

    /** {@code YYYY-MM-DD HH:MM[:SS[.fraction]] [+HHMM]}. */
    private static DateMatch isoDate(Tokens t, int d) {
        String date = t.get(d);
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return null;
        }
        String y = date.substring(0, 4);
        String m = date.substring(5, 7);
        String dd = date.substring(8, 10);
        if (!Lines.isDigits(y) || !Lines.isDigits(m) || !Lines.isDigits(dd)) {
            return null;
        }
        String timeToken = t.get(d + 1);
        int nanos = 0;
        int dot = timeToken.indexOf('.');
        if (dot >= 0) {
            String fraction = timeToken.substring(dot + 1);
            if (fraction.isEmpty() || fraction.length() > 9 || !Lines.isDigits(fraction)) {
                return null;
            }
            nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
            timeToken = timeToken.substring(0, dot);
        }
        int[] time = time(timeToken);
        if (time == null || (dot >= 0 && time[2] < 0)) {
            return null;
        }
        ZoneId zone = null;
        int last = d + 1;
        if (time[2] >= 0 && d + 2 < t.count()) {
            zone = offset(t.get(d + 2));
            if (zone != null) {
                last = d + 2;
            }
        }
        return new DateMatch(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(dd), time[0], time[1],
                Math.max(time[2], 0), nanos, true, zone, last);
    }

    private static ZoneId offset(String token) {
        if (token.length() != 5 || (token.charAt(0) != '+' && token.charAt(0) != '-')
                || !Lines.isDigits(token.substring(1))) {
            return null;
        }
        try {
            return ZoneOffset.of(token.substring(0, 3) + ":" + token.substring(3));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** 1 to 31, or 0; accepts a trailing "." or "日". */
    private static int day(String token) {
        String s = token.endsWith(".") || token.endsWith("日") ? token.substring(0, token.length() - 1) : token;
        if (s.isEmpty() || s.length() > 2 || !Lines.isDigits(s)) {
            return 0;
        }
        int day = Integer.parseInt(s);
        return day <= 31 ? day : 0;
    }

    /** {hour, minute, second or -1} for {@code H:MM}, {@code HH:MM} or {@code HH:MM:SS}; else null. */
    private static int[] time(String token) {
        int colon = token.indexOf(':');
        if (colon < 1 || colon > 2 || token.length() < colon + 3) {
            return null;
        }
        String h = token.substring(0, colon);
        String m = token.substring(colon + 1, colon + 3);
        int second = -1;
        if (token.length() != colon + 3) {
            if (token.length() != colon + 6 || token.charAt(colon + 3) != ':') {
                return null;
            }
            String sec = token.substring(colon + 4);
            if (!Lines.isDigits(sec)) {
                return null;
            }
            second = Integer.parseInt(sec);
        }
        if (!Lines.isDigits(h) || !Lines.isDigits(m)) {
            return null;
        }
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour > 23 || minute > 59 || second > 60) {
            return null;
        }
        return new int[]{hour, minute, Math.min(second, 59)};
    }
}
