package dev.ferry.engine.listing;

import dev.ferry.engine.listing.ListingFixtures.RecordingLogger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.ferry.engine.listing.ListingFixtures.CLOCK;
import static dev.ferry.engine.listing.ListingFixtures.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListParserTest {
    private final RecordingLogger log = new RecordingLogger();
    private final ListParser parser = new ListParser(CLOCK, ZoneOffset.UTC, log);

    private static List<String> names(List<RemoteEntry> entries) {
        return entries.stream().map(RemoteEntry::name).toList();
    }

    @Test
    void eachLineIsTriedAsUnixThenAsWindows() {
        List<RemoteEntry> entries = parser.parse(List.of(
                "-rw-r--r-- 1 ftp ftp 12 Jan 15 14:30 unix.txt",
                "01-15-24  02:30PM       <DIR>          windows dir"));
        assertEquals(List.of("unix.txt", "windows dir"), names(entries));
        assertEquals(EntryType.FILE, entries.get(0).type());
        assertEquals(EntryType.DIRECTORY, entries.get(1).type());
    }

    @Test
    void blankLinesTotalLinesAndDotEntriesAreSkipped() {
        List<RemoteEntry> entries = parser.parse(Arrays.asList(
                "total 24", "", "   ", "\r", null, "TOTAL 1.5K",
                "drwxr-xr-x 5 a b 4096 Jun 15 11:02 .",
                "drwxr-xr-x 9 a b 4096 Jan  2  2023 ..",
                "..",
                "-rw-r--r-- 1 a b 220 Jan  2  2023 .profile"));
        assertEquals(List.of(".profile"), names(entries));
        assertTrue(log.warnings.isEmpty());
    }

    @Test
    void aLineNoParserUnderstandsIsKeptInPlaceAsAnUnparsedEntry() {
        List<RemoteEntry> entries = parser.parse(List.of(
                "-rw-r--r-- 1 ftp ftp 12 Jan 15 14:30 first",
                "+i8388621.48594,m825718503,r,s280,\tdjb.html",
                "total of nothing",
                "-rw-r--r-- 1 ftp ftp 12 Jan 15 14:30 last"));
        assertEquals(4, entries.size());
        assertTrue(entries.get(1).isUnparsed());
        assertEquals("+i8388621.48594,m825718503,r,s280,djb.html", entries.get(1).name());
        assertEquals("+i8388621.48594,m825718503,r,s280,\tdjb.html", entries.get(1).rawLine());
        assertTrue(entries.get(2).isUnparsed());
        assertEquals("last", entries.get(3).name());
    }

    @Test
    void anUnparsedLineIsLoggedAsAWarning() {
        parser.parse(List.of("something odd"));
        assertEquals(List.of("LIST line not understood, kept as a raw entry: \"something odd\""), log.warnings);
    }

    @Test
    void theLoggedLineIsCutTo200CharactersAndEscaped() {
        String head = "evil\r\n2024 INFO forged \"entry\" \\ \u001b[2J \u202eexe.txt ";
        String hostile = head + "y".repeat(300);
        parser.parse(List.of(hostile));
        String escapedHead = "evil\\r\\n2024 INFO forged \\\"entry\\\" \\\\ \\u001b[2J \\u202eexe.txt ";
        String expected = escapedHead + "y".repeat(200 - head.length()) + "...(" + hostile.length() + " chars)";
        assertEquals(List.of("LIST line not understood, kept as a raw entry: \"" + expected + "\""), log.warnings);
    }

    @Test
    void aValidSurrogatePairIsLoggedAsItIsAndALoneOneEscaped() {
        assertEquals("emoji \uD83D\uDE00 lone \\ud83d", Lines.forLog("emoji \uD83D\uDE00 lone \uD83D"));
    }

    @Test
    void afterTwentyUnparsedLinesTheRestAreCountedInOneWarning() {
        List<String> lines = new ArrayList<>(Collections.nCopies(25, "garbage"));
        List<RemoteEntry> entries = parser.parse(lines);
        assertEquals(25, entries.size());
        assertEquals(21, log.warnings.size());
        assertEquals("5 more LIST lines not understood (not logged one by one)", log.warnings.get(20));
    }

    @Test
    void theDefaultParserReadsTimesAsUtc() {
        RemoteEntry e = new ListParser().parse(List.of("-rw-r--r-- 1 a b 1 Mar  3  2021 a")).get(0);
        assertEquals(Optional.of(utc("2021-03-03T00:00:00Z")), e.modified());
    }

    @Test
    void aOneMebibyteLineIsKeptAsUnparsedWithoutHanging() {
        List<String> hostile = List.of(
                "-rw-r--r-- 1 a b 1 Jan 15 14:30 " + "a -> ".repeat(200_000),
                "-".repeat(1 << 20),
                "- ".repeat(1 << 19),
                "1".repeat(1 << 20),
                "01-15-24 " + "0".repeat(1 << 20),
                "drwxr-xr-x".repeat(100_000) + " 1 a b 1 Jan 15 14:30 x",
                "x".repeat(1 << 20));
        List<RemoteEntry> entries = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(hostile));
        assertEquals(hostile.size(), entries.size());
        assertTrue(entries.stream().skip(1).allMatch(RemoteEntry::isUnparsed));
        assertEquals(1 << 20, entries.get(6).name().length());
    }

    @Test
    void aOneMebibyteFactsLineDoesNotHang() {
        List<String> hostile = List.of("a=b;".repeat(1 << 18), "type=file;size=1; " + "n".repeat(1 << 20),
                "=".repeat(1 << 20), ";".repeat(1 << 20));
        List<RemoteEntry> entries = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> MlsdParser.parse(hostile, log));
        assertEquals(4, entries.size());
        assertEquals(1 << 20, entries.get(1).name().length());
        assertTrue(entries.get(0).isUnparsed() && entries.get(2).isUnparsed() && entries.get(3).isUnparsed());
    }
}
