package dev.ferry.engine.listing;

import dev.ferry.engine.listing.ListingFixtures.RecordingLogger;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ferry.engine.listing.ListingFixtures.CLOCK;
import static dev.ferry.engine.listing.ListingFixtures.recorded;
import static dev.ferry.engine.listing.ListingFixtures.utc;
import static dev.ferry.engine.listing.EntryType.DIRECTORY;
import static dev.ferry.engine.listing.EntryType.FILE;
import static dev.ferry.engine.listing.EntryType.OTHER;
import static dev.ferry.engine.listing.EntryType.SYMLINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listings in the formats the common servers send, saved as they arrive on the data connection
 * (CRLF line ends, UTF-8), with tricky names. "Now" is 2024-06-15 12:00 UTC and servers run in UTC.
 */
class RecordedListingsTest {
    private final RecordingLogger log = new RecordingLogger();

    /** What a test expects of one entry; {@code modified} and {@code target} may be null for "none". */
    private record Expected(String name, EntryType type, long size, String modified, String target) {
    }

    private static Expected entry(String name, EntryType type, long size, String modified) {
        return new Expected(name, type, size, modified, null);
    }

    private static Expected link(String name, long size, String modified, String target) {
        return new Expected(name, SYMLINK, size, modified, target);
    }

    private List<RemoteEntry> list(String file) {
        return new ListParser(CLOCK, ZoneOffset.UTC, log).parse(recorded(file));
    }

    private List<RemoteEntry> mlsd(String file) {
        return MlsdParser.parse(recorded(file), log);
    }

    private void assertEntries(List<Expected> expected, List<RemoteEntry> actual) {
        List<Expected> seen = new ArrayList<>();
        for (RemoteEntry e : actual) {
            seen.add(new Expected(e.name(), e.type(), e.size(), e.modified().map(Object::toString).orElse(null),
                    e.linkTarget().orElse(null)));
        }
        List<Expected> wanted = expected.stream().map(x -> new Expected(x.name, x.type, x.size,
                x.modified == null ? null : utc(x.modified).toString(), x.target)).toList();
        assertEquals(wanted, seen);
        assertTrue(log.warnings.isEmpty(), () -> "warnings: " + log.warnings);
    }

    @Test
    void vsftpdListWithHiddenIds() {
        List<RemoteEntry> entries = list("vsftpd-list.txt");
        assertEntries(List.of(
                entry("pub", DIRECTORY, 4096, "2024-01-15T14:30:00Z"),
                entry("archive 2021", DIRECTORY, 4096, "2021-03-03T00:00:00Z"),
                entry("disk image.iso", FILE, 1048576, "2024-06-14T23:59:00Z"),
                entry("two  spaces  inside.txt", FILE, 12, "2023-12-24T09:00:00Z"),
                entry(" leading space.txt", FILE, 531, "2024-02-29T10:15:00Z"),
                entry("trailing space.txt ", FILE, 0, "2024-06-16T08:00:00Z"),
                link("latest", 11, "2024-03-03T09:12:00Z", "release-2.1"),
                entry("Jan 15 14:30 notes.txt", FILE, 2048, "2020-01-05T00:00:00Z"),
                entry("a -> b", FILE, 42, "2024-04-01T00:00:00Z"),
                entry("Ünïcödé 日本語 файл.txt", FILE, 7340, "2024-05-20T17:45:00Z"),
                entry("big.bin", FILE, 8589934592L, "2023-11-30T00:00:00Z")), entries);
        assertTrue(entries.stream().allMatch(e -> e.owner().equals(Optional.of("ftp"))
                && e.group().equals(Optional.of("ftp"))));
    }

    @Test
    void proftpdListDashAWithDotEntriesSpecialFilesAndAcls() {
        List<RemoteEntry> entries = list("proftpd-list-a.txt");
        assertEntries(List.of(
                entry(".bash_logout", FILE, 220, "2023-01-02T00:00:00Z"),
                entry("shared folder", DIRECTORY, 4096, "2024-03-03T07:00:00Z"),
                entry("setuid-sticky", FILE, 12345, "2023-11-30T00:00:00Z"),
                entry("2024-01-15 backup.tar.gz", FILE, 5242880, "2024-06-01T13:37:00Z"),
                link("docs", 24, "2024-06-02T08:05:00Z", "/srv/share/documentation"),
                entry("fifo", OTHER, 0, "2024-06-10T10:10:00Z"),
                entry("app.sock", OTHER, 0, "2024-06-10T10:11:00Z"),
                entry("semi;colon; name.txt", FILE, 733, "2024-04-18T22:04:00Z")), entries);
        assertEquals(Optional.of("rwxrwsr-x"), entries.get(1).permissions());
        assertEquals(Optional.of("webdev"), entries.get(1).group());
        assertEquals(Optional.of("rwsr-xr-t"), entries.get(2).permissions());
    }

    @Test
    void proftpdMlsdWithUnixFacts() {
        List<RemoteEntry> entries = mlsd("proftpd-mlsd.txt");
        assertEntries(List.of(
                entry(".bash_logout", FILE, 220, "2023-01-02T10:10:10Z"),
                entry("shared folder", DIRECTORY, -1, "2024-03-03T07:00:00Z"),
                entry("setuid-sticky", FILE, 12345, "2023-11-30T00:00:00Z"),
                entry("2024-01-15 backup.tar.gz", FILE, 5242880, "2024-06-01T13:37:00Z"),
                link("docs", 24, "2024-06-02T08:05:00Z", "/srv/share/documentation"),
                entry("semi;colon; name.txt", FILE, 733, "2024-04-18T22:04:00Z")), entries);
        RemoteEntry shared = entries.get(1);
        assertEquals(Optional.of("rwxrwsr-x"), shared.permissions());
        assertEquals(Optional.of("alice"), shared.owner());
        assertEquals(Optional.of("webdev"), shared.group());
        assertEquals(Optional.of("rwsr-xr-t"), entries.get(2).permissions());
    }

    @Test
    void pureFtpdListWithNumericIds() {
        List<RemoteEntry> entries = list("pureftpd-list.txt");
        assertEntries(List.of(
                entry("photos", DIRECTORY, 4096, "2024-06-12T18:22:00Z"),
                entry("IMG 0001.JPG", FILE, 2345678, "2023-11-11T00:00:00Z"),
                link("current", 6, "2024-06-03T07:45:00Z", "photos"),
                entry("a; b.txt", FILE, 77, "2024-06-04T21:09:00Z"),
                entry("  two leading spaces.txt", FILE, 19, "2024-06-05T06:30:00Z")), entries);
        assertEquals(Optional.of("1000"), entries.get(0).owner());
        assertEquals(Optional.of("1000"), entries.get(0).group());
    }

    @Test
    void pureFtpdMlsdWithSizdUniqueAndAnSlinkWithoutTarget() {
        List<RemoteEntry> entries = mlsd("pureftpd-mlsd.txt");
        assertEntries(List.of(
                entry("photos", DIRECTORY, 4096, "2024-06-12T18:22:00Z"),
                entry("IMG 0001.JPG", FILE, 2345678, "2023-11-11T08:15:01Z"),
                link("current", 6, "2024-06-03T07:45:00Z", null),
                entry("a; b.txt", FILE, 77, "2024-06-04T21:09:00Z"),
                entry("  two leading spaces.txt", FILE, 19, "2024-06-05T06:30:00Z")), entries);
        assertEquals(Optional.of("rw-------"), entries.get(4).permissions());
        assertEquals(Optional.of("1000"), entries.get(4).owner());
    }

    @Test
    void iisListInDosStyle() {
        assertEntries(List.of(
                entry("folder name", DIRECTORY, -1, "2024-01-15T14:30:00Z"),
                entry("setup.exe", FILE, 1048576, "2024-06-14T11:05:00Z"),
                entry("readme.htm", FILE, 589, "1999-12-31T23:59:00Z"),
                entry("aspnet_client", DIRECTORY, -1, "2024-03-01T00:00:00Z"),
                entry("empty file.txt", FILE, 0, "2024-02-29T12:30:00Z"),
                entry("01-02-03 meeting notes.docx", FILE, 2048, "2024-05-06T09:41:00Z"),
                entry(" leading space dir", DIRECTORY, -1, "2024-06-01T16:15:00Z"),
                entry("Ünïcödé.txt", FILE, 123, "2024-04-10T20:00:00Z")), list("iis-list.txt"));
    }

    @Test
    void iisMlsdWithMilliseconds() {
        assertEntries(List.of(
                entry("folder name", DIRECTORY, -1, "2024-01-15T14:30:00.123Z"),
                entry("setup.exe", FILE, 1048576, "2024-06-14T11:05:12Z"),
                entry("readme.htm", FILE, 589, "1999-12-31T23:59:00Z"),
                entry("aspnet_client", DIRECTORY, -1, "2024-03-01T00:00:00Z"),
                entry("empty file.txt", FILE, 0, "2024-02-29T12:30:00.5Z"),
                entry("01-02-03 meeting notes.docx", FILE, 2048, "2024-05-06T09:41:00Z")), mlsd("iis-mlsd.txt"));
    }

    @Test
    void fileZillaServerListInUnixStyle() {
        assertEntries(List.of(
                entry("Documents", DIRECTORY, 0, "2024-01-15T14:30:00Z"),
                entry("holiday photos.zip", FILE, 1234567, "2024-06-15T09:12:00Z"),
                entry("notes (old).txt", FILE, 17, "2022-08-08T00:00:00Z"),
                entry("Straße & Café – 2024.txt", FILE, 4096, "2024-06-15T09:13:00Z"),
                entry("name with -> arrow", FILE, 99, "2024-06-15T09:14:00Z")), list("filezilla-server-list.txt"));
    }

    @Test
    void fileZillaServerMlsdWithPermFacts() {
        List<RemoteEntry> entries = mlsd("filezilla-server-mlsd.txt");
        assertEntries(List.of(
                entry("Documents", DIRECTORY, -1, "2024-01-15T14:30:00Z"),
                entry("holiday photos.zip", FILE, 1234567, "2024-06-15T09:12:00Z"),
                entry("notes (old).txt", FILE, 17, "2022-08-08T00:00:00Z"),
                entry("Straße & Café – 2024.txt", FILE, 4096, "2024-06-15T09:13:00Z"),
                entry("name with -> arrow", FILE, 99, "2024-06-15T09:14:00Z")), entries);
        assertEquals(Optional.of("cdeflmp"), entries.get(0).permissions());
        assertEquals(Optional.of("adfrw"), entries.get(1).permissions());
    }

    @Test
    void everyRecordedLineKeepsItsRawText() {
        List<String> lines = recorded("vsftpd-list.txt");
        List<RemoteEntry> entries = list("vsftpd-list.txt");
        assertEquals(lines, entries.stream().map(RemoteEntry::rawLine).toList());
    }
}
