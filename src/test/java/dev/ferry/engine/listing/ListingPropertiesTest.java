package dev.ferry.engine.listing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.slf4j.helpers.NOPLogger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.ferry.engine.listing.ListingFixtures.CLOCK;
import static dev.ferry.engine.listing.ListingFixtures.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingPropertiesTest {
    private static final List<String> VALID_LINES = Stream.of("vsftpd-list.txt", "proftpd-list-a.txt",
                    "pureftpd-list.txt", "iis-list.txt", "filezilla-server-list.txt", "proftpd-mlsd.txt",
                    "pureftpd-mlsd.txt", "iis-mlsd.txt", "filezilla-server-mlsd.txt")
            .flatMap(f -> recorded(f).stream())
            .toList();

    private final ListParser list = new ListParser(CLOCK, ZoneOffset.UTC, NOPLogger.NOP_LOGGER);
    private final UnixListParser unix = ListingFixtures.unix();
    private final WindowsListParser windows = ListingFixtures.windows();

    @Property
    void noParserFailsOnAnyString(@ForAll String line) {
        checkEveryParser(line);
    }

    @Property
    void noParserFailsOnRandomBytesReadAsLatin1OrUtf8(@ForAll @Size(max = 400) byte[] bytes) {
        checkEveryParser(new String(bytes, StandardCharsets.ISO_8859_1));
        checkEveryParser(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void noParserFailsOnAnyTruncationOfAValidLine(@ForAll("validLines") String line) {
        for (int i = 0; i <= line.length(); i++) {
            checkEveryParser(line.substring(0, i));
            checkEveryParser(line.substring(i));
        }
    }

    @Property
    void noParserFailsOnAValidLineWithOneCharacterChanged(@ForAll("mutatedLines") String line) {
        checkEveryParser(line);
    }

    @Property
    void listingGivesOneEntryPerLineInInputOrder(@ForAll("listingLines") List<String> lines) {
        assertEquals(lines, list.parse(lines).stream().map(RemoteEntry::rawLine).toList());
    }

    @Property
    void mlsdGivesOneEntryPerLineInInputOrder(@ForAll("listingLines") List<String> lines) {
        List<String> kept = lines.stream().filter(l -> !l.toLowerCase(Locale.ROOT).matches("(?s).*type=[cp]dir.*"))
                .toList();
        assertEquals(kept, MlsdParser.parse(kept, NOPLogger.NOP_LOGGER).stream().map(RemoteEntry::rawLine).toList());
    }

    @Property
    void anyNameAndSizeSurviveAUnixLine(@ForAll("names") String name, @ForAll @LongRange(max = Long.MAX_VALUE / 10) long size,
                                        @ForAll("times") LocalDateTime time) {
        String line = String.format(Locale.ROOT, "-rw-r--r--    1 ftp      ftp      %8d %s %s", size,
                time.format(DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)), name);
        RemoteEntry e = unix.parseLine(line).orElseThrow(() -> new AssertionError(line));
        assertEquals(name, e.name());
        assertEquals(size, e.size());
        assertEquals(Optional.of(time.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC)), e.modified());
    }

    @Property
    void anyNameAndSizeSurviveAWindowsLine(@ForAll("names") String name, @ForAll @LongRange(max = Long.MAX_VALUE / 10) long size,
                                           @ForAll("times") LocalDateTime time) {
        String line = String.format(Locale.ROOT, "%s %20d %s",
                time.format(DateTimeFormatter.ofPattern("MM-dd-yyyy  hh:mma", Locale.ENGLISH)), size, name);
        RemoteEntry e = windows.parseLine(line).orElseThrow(() -> new AssertionError(line));
        assertEquals(name, e.name());
        assertEquals(size, e.size());
        assertEquals(Optional.of(time.withSecond(0).toInstant(ZoneOffset.UTC)), e.modified());
    }

    @Property
    void anyNameAndTimeSurviveAFactsLine(@ForAll("names") String name, @ForAll("times") LocalDateTime time) {
        String line = "type=file;size=1;modify="
                + time.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "; " + name;
        RemoteEntry e = MlsdParser.parseLine(line).orElseThrow(() -> new AssertionError(line));
        assertEquals(name, e.name());
        assertEquals(Optional.of(time.toInstant(ZoneOffset.UTC)), e.modified());
    }

    private void checkEveryParser(String line) {
        for (Optional<RemoteEntry> parsed : List.of(unix.parseLine(line), windows.parseLine(line),
                MlsdParser.parseLine(line))) {
            parsed.ifPresent(e -> {
                assertFalse(e.name().isEmpty(), line);
                assertEquals(line, e.rawLine());
                assertTrue(e.size() >= -1, line);
            });
        }
        List<RemoteEntry> listed = list.parse(List.of(line));
        List<RemoteEntry> facts = MlsdParser.parse(List.of(line), NOPLogger.NOP_LOGGER);
        assertTrue(listed.size() <= 1 && facts.size() <= 1, line);
        if (!isSkippedByAnyListing(line)) {
            assertEquals(1, listed.size(), line);
        }
        Stream.concat(listed.stream(), facts.stream()).forEach(e -> assertFalse(e.name().isEmpty(), line));
    }

    /** Lines a listing may legitimately drop: blank, "total", "." and ".." in any form. */
    private static boolean isSkippedByAnyListing(String line) {
        String s = line.strip();
        int lastSpace = Math.max(s.lastIndexOf(' '), Math.max(s.lastIndexOf('\t'), s.lastIndexOf(';')));
        String tail = s.substring(lastSpace + 1);
        return s.isEmpty() || tail.equals(".") || tail.equals("..")
                || s.toLowerCase(Locale.ROOT).startsWith("total");
    }

    @Provide
    Arbitrary<String> validLines() {
        return Arbitraries.of(VALID_LINES);
    }

    @Provide
    Arbitrary<String> mutatedLines() {
        return Combinators.combine(validLines(), Arbitraries.integers().between(0, 200), Arbitraries.chars())
                .as((line, at, c) -> {
                    int i = Math.min(at, line.length() - 1);
                    return line.substring(0, i) + c + line.substring(i + 1);
                });
    }

    @Provide
    Arbitrary<List<String>> listingLines() {
        Arbitrary<String> truncated = Combinators.combine(validLines(), Arbitraries.integers().between(0, 200))
                .as((line, cut) -> line.substring(0, Math.min(cut, line.length())));
        Arbitrary<String> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(120)
                .map(b -> new String(b, StandardCharsets.UTF_8));
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(120)),
                Tuple.of(3, validLines()),
                Tuple.of(3, truncated),
                Tuple.of(2, mutatedLines()),
                Tuple.of(1, bytes));
        return line.filter(l -> !isSkippedByAnyListing(l)).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(60)
                .withCharRange(' ', '~').withCharRange('\u00a0', '\u07ff').withChars('\t', '\u0001', '\u3042', ';')
                .filter(n -> !n.endsWith("\r") && !n.endsWith("\n"));
    }

    @Provide
    Arbitrary<LocalDateTime> times() {
        return Arbitraries.longs().between(0, 4_102_444_799L)
                .map(s -> LocalDateTime.ofInstant(Instant.ofEpochSecond(s), ZoneOffset.UTC));
    }
}
