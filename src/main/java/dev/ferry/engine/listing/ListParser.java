package dev.ferry.engine.listing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses {@code LIST} output line by line: as Unix {@code ls -l} first, then as Windows/IIS.
 *
 * <p>Blank lines, {@code total N} lines and the entries {@code .} and {@code ..} are skipped.
 * Every other line yields exactly one entry, in input order; a line neither parser understands
 * becomes an {@linkplain RemoteEntry#unparsed(String) unparsed entry} and is logged as a warning
 * (cut to 200 characters and escaped). Never throws on server input.
 */
public final class ListParser {
    private static final Logger LOG = LoggerFactory.getLogger(ListParser.class);

    private final UnixListParser unix;
    private final WindowsListParser windows;
    private final Logger log;

    /**
     * @param clock      decides the year of Unix dates given without one
     * @param serverZone the server's time zone; {@code LIST} times are local to the server
     */
    public ListParser(Clock clock, ZoneId serverZone) {
        this(clock, serverZone, LOG);
    }

    /** A parser for a server in UTC, using the system clock. */
    public ListParser() {
        this(Clock.systemUTC(), ZoneOffset.UTC);
    }

    ListParser(Clock clock, ZoneId serverZone, Logger log) {
        this.unix = new UnixListParser(clock, serverZone);
        this.windows = new WindowsListParser(serverZone);
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The entries of a {@code LIST} listing, one per meaningful line, in input order. */
    public List<RemoteEntry> parse(List<String> lines) {
        List<RemoteEntry> entries = new ArrayList<>(lines.size());
        UnparsedLines unparsed = new UnparsedLines(log, "LIST");
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            String s = Lines.withoutTerminator(line);
            if (Lines.isSkippable(s) || Lines.isTotalLine(s)) {
                continue;
            }
            Optional<RemoteEntry> entry = unix.parseLine(line);
            if (entry.isEmpty()) {
                entry = windows.parseLine(line);
            }
            if (entry.isEmpty()) {
                entries.add(unparsed.add(line));
            } else if (!Lines.isDotOrDotDot(entry.get().name())) {
                entries.add(entry.get());
            }
        }
        unparsed.finish();
        return entries;
    }
}
