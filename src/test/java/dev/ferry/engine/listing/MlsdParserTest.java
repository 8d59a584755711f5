package dev.ferry.engine.listing;

import dev.ferry.engine.listing.ListingFixtures.RecordingLogger;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.ferry.engine.listing.ListingFixtures.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlsdParserTest {
    private static RemoteEntry parse(String line) {
        return MlsdParser.parseLine(line).orElseThrow(() -> new AssertionError("not parsed: " + line));
    }

    @Test
    void readsTheTypeSizeAndModificationTimeOfAFile() {
        RemoteEntry e = parse("type=file;size=1234;modify=20240115143005; report.pdf");
        assertEquals("report.pdf", e.name());
        assertEquals(EntryType.FILE, e.type());
        assertEquals(1234, e.size());
        assertEquals(Optional.of(utc("2024-01-15T14:30:05Z")), e.modified());
    }

    @Test
    void factNamesAreCaseInsensitive() {
        RemoteEntry e = parse("Type=file;SIZE=12;Modify=20240115143005;unix.MODE=0644; a");
        assertEquals(EntryType.FILE, e.type());
        assertEquals(12, e.size());
        assertTrue(e.modified().isPresent());
        assertEquals(Optional.of("rw-r--r--"), e.permissions());
    }

    @Test
    void readsApacheFtpServerFactsWithCapitalisedNames() {
        RemoteEntry e = parse("Size=13;Modify=20050202030400.000;Type=file; short\r\n");
        assertEquals("short", e.name());
        assertEquals(EntryType.FILE, e.type());
        assertEquals(13, e.size());
        assertEquals(Optional.of(utc("2005-02-02T03:04:00Z")), e.modified());
    }

    @Test
    void typeValuesAreCaseInsensitive() {
        assertEquals(EntryType.DIRECTORY, parse("type=DIR; a").type());
        assertEquals(EntryType.FILE, parse("type=File; a").type());
    }

    @Test
    void aDirectoryTakesItsSizeFromSizd() {
        RemoteEntry e = parse("type=dir;sizd=4096;modify=20240612182200; photos");
        assertEquals(EntryType.DIRECTORY, e.type());
        assertEquals(4096, e.size());
    }

    @Test
    void aDirectoryWithoutSizeHasUnknownSize() {
        assertEquals(-1, parse("type=dir;modify=20240612182200; photos").size());
    }

    @Test
    void anSlinkTypeIsASymlinkWithItsTarget() {
        RemoteEntry e = parse("type=OS.unix=slink:/srv/share/my docs;size=24; docs");
        assertEquals(EntryType.SYMLINK, e.type());
        assertEquals(Optional.of("/srv/share/my docs"), e.linkTarget());
        assertEquals("docs", e.name());
    }

    @Test
    void aSymlinkTypeWithoutTargetIsASymlinkWithNoTarget() {
        assertEquals(EntryType.SYMLINK, parse("type=OS.unix=symlink; a").type());
        assertEquals(Optional.empty(), parse("type=OS.unix=symlink; a").linkTarget());
        assertEquals(EntryType.SYMLINK, parse("type=os.UNIX=slink:;size=6; current").type());
        assertEquals(Optional.empty(), parse("type=OS.unix=slink:;size=6; current").linkTarget());
        assertEquals(Optional.empty(), parse("type=OS.unix=slink; current").linkTarget());
    }

    @Test
    void devicesAndUnknownTypesAreOther() {
        assertEquals(EntryType.OTHER, parse("type=OS.unix=chr-13/29;perm=; device").type());
        assertEquals(EntryType.OTHER, parse("type=OS.unix=blk-11/108;perm=; block").type());
        assertEquals(EntryType.OTHER, parse("type=unknown;size=0; thing").type());
    }

    @Test
    void withoutATypeFactAnEntryIsAFileUnlessItOnlyHasSizd() {
        assertEquals(EntryType.FILE, parse("size=3;modify=20240101000000; a").type());
        assertEquals(EntryType.DIRECTORY, parse("sizd=4096; b").type());
    }

    @Test
    void fractionalSecondsOfModifyAreKept() {
        assertEquals(Optional.of(utc("2024-01-15T14:30:00.123Z")), parse("type=dir;modify=20240115143000.123; a").modified());
        assertEquals(Optional.of(utc("2024-01-15T14:30:00.5Z")), parse("type=dir;modify=20240115143000.5; a").modified());
    }

    @Test
    void anInvalidModifyLeavesTheTimeUnknown() {
        for (String modify : List.of("20241340000000", "2024011514300", "2024011514300x", "20240115143000.",
                "20240115143000Z", "", "20230229000000")) {
            RemoteEntry e = parse("type=file;modify=" + modify + "; a");
            assertEquals(Optional.empty(), e.modified(), modify);
        }
    }

    @Test
    void anInvalidSizeIsUnknown() {
        assertEquals(-1, parse("type=file;size=12a; a").size());
        assertEquals(-1, parse("type=file;size=-5; a").size());
        assertEquals(-1, parse("type=file;size=99999999999999999999999; a").size());
    }

    @Test
    void unixModeBecomesTheNinePermissionCharacters() {
        assertEquals(Optional.of("rwxr-xr-x"), parse("type=dir;UNIX.mode=0755; a").permissions());
        assertEquals(Optional.of("rw-------"), parse("type=file;UNIX.mode=600; a").permissions());
        assertEquals(Optional.of("rwsr-xr-t"), parse("type=file;UNIX.mode=05755; a").permissions());
        assertEquals(Optional.of("rwxrwsr-x"), parse("type=dir;UNIX.mode=02775; a").permissions());
        assertEquals(Optional.of("rwSr-Sr-T"), parse("type=file;UNIX.mode=07644; a").permissions());
    }

    @Test
    void thePermFactIsUsedWhenThereIsNoUsableUnixMode() {
        assertEquals(Optional.of("adfrw"), parse("type=file;perm=adfrw; a").permissions());
        assertEquals(Optional.of("adfrw"), parse("type=file;perm=adfrw;UNIX.mode=0999; a").permissions());
        assertEquals(Optional.empty(), parse("type=file;perm=; a").permissions());
    }

    @Test
    void ownerAndGroupPreferNamesOverNumbers() {
        RemoteEntry e = parse("type=file;UNIX.group=1001;UNIX.groupname=staff;UNIX.owner=1000;UNIX.ownername=alice; a");
        assertEquals(Optional.of("alice"), e.owner());
        assertEquals(Optional.of("staff"), e.group());
    }

    @Test
    void ownerAndGroupFallBackToUidAndGid() {
        RemoteEntry e = parse("type=file;UNIX.uid=1000;UNIX.gid=100; a");
        assertEquals(Optional.of("1000"), e.owner());
        assertEquals(Optional.of("100"), e.group());
        RemoteEntry named = parse("type=file;UNIX.owner=ftp;UNIX.group=ftp;UNIX.uid=14; a");
        assertEquals(Optional.of("ftp"), named.owner());
        assertEquals(Optional.of("ftp"), named.group());
    }

    @Test
    void theNameIsEverythingAfterTheOneSpaceThatEndsTheFacts() {
        assertEquals("my  report; final.txt", parse("type=file;size=1; my  report; final.txt").name());
        assertEquals("  two leading spaces ", parse("type=file;size=1;   two leading spaces ").name());
        assertEquals("a=b;c=d; e", parse("type=file; a=b;c=d; e").name());
        assertEquals("-rw-r--r-- 1 ftp ftp", parse("type=file; -rw-r--r-- 1 ftp ftp").name());
    }

    @Test
    void factValuesMayBeEmptyOrContainEqualsSignsAndSpaces() {
        RemoteEntry e = parse("type=cdir;perm=el;unique==keVO1+ZF4;UNIX.ownername=John Smith; test");
        assertEquals("test", e.name());
        assertEquals(Optional.of("John Smith"), e.owner());
        assertEquals(EntryType.FILE, parse("type=file;perm=;unique==keVO1+1G4; file1").type());
    }

    @Test
    void anMlstReplyLineWithItsLeadingSpaceParses() {
        RemoteEntry e = parse(" type=file;size=3;modify=20240101000000; /home/alice/a b.txt");
        assertEquals("/home/alice/a b.txt", e.name());
        assertEquals(3, e.size());
    }

    @Test
    void aTrailingLineEndIsNotPartOfTheName() {
        assertEquals("a.txt", parse("type=file;size=3; a.txt\r\n").name());
        assertEquals("a.txt", parse("type=file;size=3; a.txt\r").name());
    }

    @Test
    void linesWithoutFactsAndNameAreNotFactsLines() {
        for (String line : List.of("", " ", "just a name", "-rw-r--r--   1 ftp ftp 12 Jan 15 14:30 a",
                "type=file", "type=file;", "type=file; ", "type=file;name", "type file; a", "=file; a",
                "; a", "type=file;;size=1; a", "  type=file; a", "250-Listing /", "type=file;size=1;\r\n")) {
            assertEquals(Optional.empty(), MlsdParser.parseLine(line), "\"" + line + "\"");
        }
        assertEquals(Optional.empty(), MlsdParser.parseLine(null));
    }

    @Test
    void theRawLineIsKept() {
        assertEquals("type=file;size=3; a\r", parse("type=file;size=3; a\r").rawLine());
    }

    @Test
    void aListingSkipsTheFolderItselfItsParentAndDotEntries() {
        List<RemoteEntry> entries = MlsdParser.parse(List.of(
                "type=cdir;modify=20240101000000; /home/alice",
                "Type=PDir;modify=20240101000000; /home",
                "type=dir;modify=20240101000000; .",
                "type=dir;modify=20240101000000; ..",
                "type=file;size=1; kept"));
        assertEquals(List.of("kept"), entries.stream().map(RemoteEntry::name).toList());
    }

    @Test
    void aListingSkipsBlankLinesAndKeepsEveryOtherLineInOrder() {
        RecordingLogger log = new RecordingLogger();
        List<RemoteEntry> entries = MlsdParser.parse(Arrays.asList("type=file;size=1; one", "", "\r", null,
                "no facts here", "type=dir; two"), log);
        assertEquals(List.of("one", "no facts here", "two"), entries.stream().map(RemoteEntry::name).toList());
        assertTrue(entries.get(1).isUnparsed());
        assertEquals(List.of("MLSD line not understood, kept as a raw entry: \"no facts here\""), log.warnings);
    }
}
