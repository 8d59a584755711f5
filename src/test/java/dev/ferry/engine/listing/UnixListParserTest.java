package dev.ferry.engine.listing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.ferry.engine.listing.ListingFixtures.CLOCK;
import static dev.ferry.engine.listing.ListingFixtures.unix;
import static dev.ferry.engine.listing.ListingFixtures.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnixListParserTest {
    private static RemoteEntry parse(String line) {
        return unix().parseLine(line).orElseThrow(() -> new AssertionError("not parsed: " + line));
    }

    @Test
    void readsAFileWithOwnerGroupSizeAndTime() {
        RemoteEntry e = parse("-rw-r--r--    1 alice    staff        1234 Jan 15 14:30 report.pdf");
        assertEquals("report.pdf", e.name());
        assertEquals(EntryType.FILE, e.type());
        assertEquals(1234, e.size());
        assertEquals(Optional.of(utc("2024-01-15T14:30:00Z")), e.modified());
        assertEquals(Optional.of("rw-r--r--"), e.permissions());
        assertEquals(Optional.of("alice"), e.owner());
        assertEquals(Optional.of("staff"), e.group());
        assertEquals(Optional.empty(), e.linkTarget());
    }

    @Test
    void readsApacheFtpServerListLines() {
        RemoteEntry e = parse("-rw-------   1 user group           13 Feb 02  2005 short");
        assertEquals("short", e.name());
        assertEquals(13, e.size());
        assertEquals(Optional.of("user"), e.owner());
        assertEquals(Optional.of("group"), e.group());
        assertEquals(Optional.of(utc("2005-02-02T00:00:00Z")), e.modified());
    }

    @Test
    void readsADirectory() {
        RemoteEntry e = parse("drwxr-xr-x    2 ftp      ftp          4096 Jan 15 14:30 pub");
        assertEquals(EntryType.DIRECTORY, e.type());
        assertEquals("pub", e.name());
        assertEquals(4096, e.size());
    }

    @Test
    void aDateWithAYearIsMidnightOfThatDay() {
        assertEquals(Optional.of(utc("2021-03-03T00:00:00Z")),
                parse("drwxr-xr-x 3 ftp ftp 4096 Mar 03  2021 archive").modified());
    }

    @Test
    void aDateWithoutYearIsInThePreviousYearWhenItWouldOtherwiseBeInTheFuture() {
        assertEquals(Optional.of(utc("2023-12-24T09:00:00Z")),
                parse("-rw-r--r-- 1 ftp ftp 12 Dec 24 09:00 a").modified());
        assertEquals(Optional.of(utc("2023-06-17T09:00:00Z")),
                parse("-rw-r--r-- 1 ftp ftp 12 Jun 17 09:00 a").modified());
    }

    @Test
    void aDateWithoutYearUpToADayAheadOfTheClockIsThisYear() {
        assertEquals(Optional.of(utc("2024-06-16T08:00:00Z")),
                parse("-rw-r--r-- 1 ftp ftp 12 Jun 16 08:00 a").modified());
    }

    @Test
    void aDateWithoutYearAroundNewYearFallsInTheComingYear() {
        UnixListParser p = new UnixListParser(Clock.fixed(Instant.parse("2024-12-31T23:00:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC);
        assertEquals(Optional.of(utc("2025-01-01T10:00:00Z")),
                p.parseLine("-rw-r--r-- 1 ftp ftp 12 Jan  1 10:00 a").orElseThrow().modified());
    }

    @Test
    void february29WithoutYearFallsInTheLastLeapYear() {
        UnixListParser p = new UnixListParser(Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC);
        assertEquals(Optional.of(utc("2024-02-29T10:15:00Z")),
                p.parseLine("-rw-r--r-- 1 ftp ftp 12 Feb 29 10:15 a").orElseThrow().modified());
    }

    @Test
    void timesAreReadInTheServersZone() {
        UnixListParser berlin = new UnixListParser(CLOCK, ZoneId.of("Europe/Berlin"));
        assertEquals(Optional.of(utc("2024-01-15T13:30:00Z")),
                berlin.parseLine("-rw-r--r-- 1 ftp ftp 12 Jan 15 14:30 a").orElseThrow().modified());
        assertEquals(Optional.of(utc("2024-06-01T12:30:00Z")),
                berlin.parseLine("-rw-r--r-- 1 ftp ftp 12 Jun  1 14:30 a").orElseThrow().modified());
    }

    @Test
    void aListingWithoutGroupColumnHasOwnerButNoGroup() {
        RemoteEntry e = parse("dr-xr-xr-x   2 root                  512 Apr  8  1994 no group dir");
        assertEquals("no group dir", e.name());
        assertEquals(Optional.of("root"), e.owner());
        assertEquals(Optional.empty(), e.group());
        assertEquals(512, e.size());
    }

    @Test
    void numericOwnerAndGroupAreKept() {
        RemoteEntry e = parse("-rw-r--r--    1 1000       1000          2345678 Nov 11  2023 IMG 0001.JPG");
        assertEquals(Optional.of("1000"), e.owner());
        assertEquals(Optional.of("1000"), e.group());
        assertEquals(2345678, e.size());
        assertEquals("IMG 0001.JPG", e.name());
    }

    @Test
    void numericOwnerWithoutGroupIsNotMistakenForTheSize() {
        RemoteEntry e = parse("-rw-r--r-- 1 1000 2345 Nov 11  2023 a");
        assertEquals(Optional.of("1000"), e.owner());
        assertEquals(2345, e.size());
    }

    @Test
    void aListingWithoutLinkCountOwnerAndGroupStillParses() {
        RemoteEntry e = parse("-rw-r--r-- 2345 Nov 11  2023 bare");
        assertEquals("bare", e.name());
        assertEquals(2345, e.size());
    }

    @Test
    void spacesInsideAndAroundNamesAreKeptExactly() {
        assertEquals("two  spaces  inside.txt", parse("-rw-r--r-- 1 ftp ftp 12 Dec 24 09:00 two  spaces  inside.txt").name());
        assertEquals(" leading.txt", parse("-rw-r--r-- 1 ftp ftp 12 Dec 24 09:00  leading.txt").name());
        assertEquals("trailing.txt  ", parse("-rw-r--r-- 1 ftp ftp 12 Dec 24 09:00 trailing.txt  ").name());
        assertEquals("tab\there", parse("-rw-r--r-- 1 ftp ftp 12 Dec 24 09:00 tab\there").name());
    }

    @Test
    void aNameThatLooksLikeADateIsKept() {
        RemoteEntry e = parse("-rw-r--r-- 1 ftp ftp 2048 Jan 05  2020 Jan 15 14:30 notes.txt");
        assertEquals("Jan 15 14:30 notes.txt", e.name());
        assertEquals(Optional.of(utc("2020-01-05T00:00:00Z")), e.modified());
        assertEquals("2024-01-15 backup.tar.gz", parse("-rw-r----- 1 a b 5 Jun  1 13:37 2024-01-15 backup.tar.gz").name());
    }

    @Test
    void anOwnerNamedLikeAMonthDoesNotMoveTheDate() {
        RemoteEntry e = parse("-rw-r--r-- 1 may 12 1234 Jan 15 14:30 x");
        assertEquals("x", e.name());
        assertEquals(1234, e.size());
        assertEquals(Optional.of("may"), e.owner());
        assertEquals(Optional.of("12"), e.group());
    }

    @Test
    void aSymlinkSplitsNameAndTargetAtTheArrow() {
        RemoteEntry e = parse("lrwxrwxrwx 1 ftp ftp 11 Mar 03 09:12 latest -> release-2.1");
        assertEquals(EntryType.SYMLINK, e.type());
        assertEquals("latest", e.name());
        assertEquals(Optional.of("release-2.1"), e.linkTarget());
        assertEquals(Optional.of("../my target"), parse("lrwxrwxrwx 1 a b 1 Mar 03 09:12 my link -> ../my target").linkTarget());
        assertEquals("my link", parse("lrwxrwxrwx 1 a b 1 Mar 03 09:12 my link -> ../my target").name());
    }

    @Test
    void aSymlinkWithoutArrowHasNoTarget() {
        RemoteEntry e = parse("lrwxrwxrwx 1 ftp ftp 11 Mar 03 09:12 latest");
        assertEquals("latest", e.name());
        assertEquals(Optional.empty(), e.linkTarget());
    }

    @Test
    void aRegularFileWithAnArrowInItsNameKeepsTheWholeName() {
        RemoteEntry e = parse("-rw-r--r-- 1 ftp ftp 42 Apr  1 00:00 a -> b");
        assertEquals("a -> b", e.name());
        assertEquals(Optional.empty(), e.linkTarget());
    }

    @Test
    void aDeviceFileIsOtherWithUnknownSize() {
        RemoteEntry e = parse("crw-rw-rw- 1 root root 1, 3 Jan  1  2024 null");
        assertEquals(EntryType.OTHER, e.type());
        assertEquals(-1, e.size());
        assertEquals("null", e.name());
        assertEquals(Optional.of("root"), e.owner());
        assertEquals(Optional.of("root"), e.group());
        assertEquals(-1, parse("brw-rw---- 1 root disk 8,   0 Jun  1 10:00 sda").size());
        assertEquals(-1, parse("crw-rw-rw- 1 root wheel 3,2 Jun  1 10:00 zero").size());
    }

    @Test
    void pipesSocketsAndDoorsAreOther() {
        assertEquals(EntryType.OTHER, parse("prw-r--r-- 1 a b 0 Jun 10 10:10 fifo").type());
        assertEquals(EntryType.OTHER, parse("srwxrwxrwx 1 a b 0 Jun 10 10:11 app.sock").type());
        assertEquals(EntryType.OTHER, parse("Dr--r--r-- 1 a b 0 Jun 10 10:11 door").type());
    }

    @Test
    void aclAndAttributeMarkersAfterThePermissionsAreAccepted() {
        assertEquals(Optional.of("rwxr-xr-x"), parse("drwxr-xr-x+ 4 a b 4096 Mar  3 07:00 acl").permissions());
        assertEquals(Optional.of("rw-r--r--"), parse("-rw-r--r--@ 1 a b 10 Mar  3 07:00 xattr").permissions());
        assertEquals(Optional.of("rw-r--r--"), parse("-rw-r--r--. 1 a b 10 Mar  3 07:00 selinux").permissions());
    }

    @Test
    void setuidSetgidAndStickyBitsAreKept() {
        assertEquals(Optional.of("rwsr-xr-t"), parse("-rwsr-xr-t 1 root root 1 Nov 30  2023 x").permissions());
        assertEquals(Optional.of("rwSrwsr-T"), parse("drwSrwsr-T 1 root root 1 Nov 30  2023 x").permissions());
    }

    @Test
    void isoDatesAreRead() {
        assertEquals(Optional.of(utc("2024-01-15T14:30:00Z")),
                parse("-rw-r--r-- 1 ftp ftp 12 2024-01-15 14:30 iso name").modified());
        assertEquals("iso name", parse("-rw-r--r-- 1 ftp ftp 12 2024-01-15 14:30 iso name").name());
        RemoteEntry full = parse("-rw-r--r-- 1 ftp ftp 12 2024-01-15 14:30:05.123456789 +0100 full iso");
        assertEquals(Optional.of(utc("2024-01-15T13:30:05.123456789Z")), full.modified());
        assertEquals("full iso", full.name());
    }

    @Test
    void localizedMonthNamesAreRead() {
        assertEquals(Optional.of(utc("2024-03-05T10:00:00Z")), parse("-rw-r--r-- 1 a b 1 Mär  5 10:00 de").modified());
        assertEquals(Optional.of(utc("2024-01-05T10:00:00Z")), parse("-rw-r--r-- 1 a b 1 janv.  5 10:00 fr").modified());
        assertEquals(Optional.of(utc("2023-10-15T10:00:00Z")), parse("-rw-r--r-- 1 a b 1 15. Okt 10:00 de day first").modified());
        assertEquals(Optional.of(utc("2024-01-15T14:30:00Z")), parse("-rw-r--r-- 1 a b 1 1月 15 14:30 日本語.txt").modified());
        assertEquals("日本語.txt", parse("-rw-r--r-- 1 a b 1 1月 15日 14:30 日本語.txt").name());
    }

    @Test
    void aBsdTimeWithSecondsAndYearIsRead() {
        RemoteEntry e = parse("-rw-r--r-- 1 a b 1 Jan 15 14:30:05 2022 bsd");
        assertEquals(Optional.of(utc("2022-01-15T14:30:05Z")), e.modified());
        assertEquals("bsd", e.name());
    }

    @Test
    void inodeAndBlockColumnsBeforeThePermissionsAreSkipped() {
        RemoteEntry e = parse("  1234567    8 -rw-r--r-- 1 a b 4321 Jan 15 14:30 inode");
        assertEquals("inode", e.name());
        assertEquals(4321, e.size());
    }

    @Test
    void sizesBeyondTwoGigabytesAndWithThousandsSeparatorsAreRead() {
        assertEquals(8_589_934_592L, parse("-rw-r--r-- 1 a b 8589934592 Jan 15 14:30 big").size());
        assertEquals(1_234_567L, parse("-rw-r--r-- 1 a b 1,234,567 Jan 15 14:30 grouped").size());
    }

    @Test
    void anImpossibleCalendarDateLeavesTheTimeUnknown() {
        RemoteEntry e = parse("-rw-r--r-- 1 a b 1 Feb 31  2023 odd");
        assertEquals("odd", e.name());
        assertEquals(Optional.empty(), e.modified());
    }

    @Test
    void aTrailingLineEndIsNotPartOfTheName() {
        assertEquals("a.txt", parse("-rw-r--r-- 1 a b 1 Jan 15 14:30 a.txt\r\n").name());
        assertEquals("-rw-r--r-- 1 a b 1 Jan 15 14:30 a.txt\r\n", parse("-rw-r--r-- 1 a b 1 Jan 15 14:30 a.txt\r\n").rawLine());
    }

    @Test
    void linesThatAreNotLsLinesGiveNothing() {
        for (String line : List.of("", "total 12", "01-15-24  02:30PM       <DIR>          folder",
                "type=file;size=1; a", "-rw-r--r--", "-rw-r--r-- 1 a b 1 Jan 15 14:30", "-rw-r--r-- 1 a b 1 Jan 15 14:30 ",
                "-rw-r--r-- 1 a b x Jan 15 14:30 no size", "-rw-r--r-- 1 a b 1 Foo 15 14:30 no month",
                "-rw-r--r-- 1 a b 1 Jan 32 14:30 bad day", "-rw-r--r-- 1 a b 1 Jan 15 24:30 bad hour",
                "xrw-r--r-- 1 a b 1 Jan 15 14:30 bad type", "-rwxrwxrwxx 1 a b 1 Jan 15 14:30 long perms",
                "-rw-r--r-- 1 a b 1 Jan 15 14:3 short time", "1 2 3 -rw-r--r-- 1 a b 1 Jan 15 14:30 too many numbers")) {
            assertEquals(Optional.empty(), unix().parseLine(line), "\"" + line + "\"");
        }
        assertEquals(Optional.empty(), unix().parseLine(null));
    }
}
