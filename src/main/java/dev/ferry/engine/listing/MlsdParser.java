package dev.ferry.engine.listing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses RFC 3659 facts lines, as sent by {@code MLSD} (one a line) and {@code MLST} (the reply
 * line that starts with one space): {@code type=file;size=12;modify=20240115143000; name}.
 *
 * <p>Fact names are case-insensitive. The name starts after the single space that ends the facts
 * and may itself contain spaces and semicolons. Never throws on server input.
 */
public final class MlsdParser {
    private static final Logger LOG = LoggerFactory.getLogger(MlsdParser.class);

    private MlsdParser() {
    }

    /**
     * Parses a whole {@code MLSD} listing in order. Skips blank lines and the folder itself and its
     * parent ({@code type=cdir}/{@code pdir}, names {@code .} and {@code ..}); every other line
     * yields one entry, an {@linkplain RemoteEntry#unparsed(String) unparsed} one when it is not a
     * facts line (and then logged).
     */
    public static List<RemoteEntry> parse(List<String> lines) {
        return parse(lines, LOG);
    }

    static List<RemoteEntry> parse(List<String> lines, Logger log) {
        List<RemoteEntry> entries = new ArrayList<>(lines.size());
        UnparsedLines unparsed = new UnparsedLines(log, "MLSD");
        for (String line : lines) {
            if (line == null || Lines.isSkippable(Lines.withoutTerminator(line))) {
                continue;
            }
            Optional<Facts> facts = Facts.read(line);
            if (facts.isEmpty()) {
                entries.add(unparsed.add(line));
            } else if (!facts.get().isSelfOrParent() && !Lines.isDotOrDotDot(facts.get().name)) {
                entries.add(facts.get().toEntry(line));
            }
        }
        unparsed.finish();
        return entries;
    }

    /**
     * Parses one facts line: an {@code MLSD} line, or an {@code MLST} reply line with its one
     * leading space. Empty when the line has no facts or no name.
     */
    public static Optional<RemoteEntry> parseLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        return Facts.read(line).map(f -> f.toEntry(line));
    }

    private static final class Facts {
        private final Map<String, String> values = new HashMap<>();
        private String name;

        static Optional<Facts> read(String line) {
            String s = Lines.withoutTerminator(line);
            int n = s.length();
            int i = n > 0 && s.charAt(0) == ' ' ? 1 : 0;
            Facts facts = new Facts();
            while (true) {
                int equals = -1;
                int semicolon = -1;
                for (int j = i; j < n; j++) {
                    char c = s.charAt(j);
                    if (c == ';') {
                        semicolon = j;
                        break;
                    }
                    if (equals < 0) {
                        if (c == '=') {
                            equals = j;
                        } else if (Lines.isSeparator(c)) {
                            return Optional.empty();
                        }
                    }
                }
                if (semicolon < 0 || equals <= i) {
                    return Optional.empty();
                }
                facts.values.putIfAbsent(s.substring(i, equals).toLowerCase(Locale.ROOT),
                        s.substring(equals + 1, semicolon));
                i = semicolon + 1;
                if (i < n && s.charAt(i) == ' ') {
                    facts.name = s.substring(i + 1);
                    return facts.name.isEmpty() ? Optional.empty() : Optional.of(facts);
                }
            }
        }

        boolean isSelfOrParent() {
            String type = lower("type");
            return "cdir".equals(type) || "pdir".equals(type);
        }

        RemoteEntry toEntry(String rawLine) {
            String type = values.get("type");
            String lowerType = type == null ? null : type.toLowerCase(Locale.ROOT);
            long size = size();
            EntryType entryType;
            Optional<String> target = Optional.empty();
            if (lowerType == null) {
                entryType = !values.containsKey("size") && values.containsKey("sizd")
                        ? EntryType.DIRECTORY : EntryType.FILE;
            } else if (lowerType.equals("file")) {
                entryType = EntryType.FILE;
            } else if (lowerType.equals("dir") || lowerType.equals("cdir") || lowerType.equals("pdir")) {
                entryType = EntryType.DIRECTORY;
            } else if (lowerType.startsWith("os.unix=slink") || lowerType.startsWith("os.unix=symlink")) {
                entryType = EntryType.SYMLINK;
                int colon = type.indexOf(':');
                if (colon >= 0 && colon + 1 < type.length()) {
                    target = Optional.of(type.substring(colon + 1));
                }
            } else {
                entryType = EntryType.OTHER;
            }
            return new RemoteEntry(name, entryType, size, modified(), permissions(),
                    first("unix.ownername", "unix.owner", "unix.uid"),
                    first("unix.groupname", "unix.group", "unix.gid"), target, rawLine);
        }

        private String lower(String fact) {
            String value = values.get(fact);
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        }

        private long size() {
            long size = values.containsKey("size") ? Lines.digitsValue(values.get("size").strip()) : -1;
            if (size < 0 && values.containsKey("sizd")) {
                size = Lines.digitsValue(values.get("sizd").strip());
            }
            return size;
        }

        private Optional<Instant> modified() {
            String value = values.get("modify");
            return value == null ? Optional.empty() : timeVal(value.strip());
        }

        private Optional<String> permissions() {
            String mode = values.get("unix.mode");
            if (mode != null) {
                Optional<String> rwx = UnixModes.fromOctal(mode.strip());
                if (rwx.isPresent()) {
                    return rwx;
                }
            }
            String perm = values.get("perm");
            return perm == null || perm.isEmpty() ? Optional.empty() : Optional.of(perm);
        }

        private Optional<String> first(String... facts) {
            for (String fact : facts) {
                String value = values.get(fact);
                if (value != null && !value.isBlank()) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code YYYYMMDDHHMMSS[.sss]} in UTC (RFC 3659 time-val). */
    static Optional<Instant> timeVal(String value) {
        int n = value.length();
        if (n < 14) {
            return Optional.empty();
        }
        for (int i = 0; i < 14; i++) {
            if (!Lines.isAsciiDigit(value.charAt(i))) {
                return Optional.empty();
            }
        }
        int nanos = 0;
        if (n > 14) {
            if (value.charAt(14) != '.' || n == 15) {
                return Optional.empty();
            }
            int scale = 100_000_000;
            for (int i = 15; i < n; i++) {
                char c = value.charAt(i);
                if (!Lines.isAsciiDigit(c)) {
                    return Optional.empty();
                }
                nanos += (c - '0') * scale;
                scale /= 10;
            }
        }
        try {
            LocalDateTime time = LocalDateTime.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8),
                    number(value, 8, 10), number(value, 10, 12), number(value, 12, 14), nanos);
            return Optional.of(time.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
