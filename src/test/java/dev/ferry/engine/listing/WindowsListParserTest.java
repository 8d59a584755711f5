package dev.ferry.engine.listing;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static dev.ferry.engine.listing.ListingFixtures.utc;
import static dev.ferry.engine.listing.ListingFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowsListParserTest {
    private static RemoteEntry parse(String line) {
        return windows().parseLine(line).orElseThrow(() -> new AssertionError("not parsed: " + line));
    }

    @Test
    void readsAnIisDirectoryWithTwoDigitYearAndTwelveHourTime() {
        RemoteEntry e = parse("01-15-24  02:30PM       <DIR>          folder name");
        assertEquals("folder name", e.name());
        assertEquals(EntryType.DIRECTORY, e.type());
        assertEquals(-1, e.size());
        assertEquals(Optional.of(utc("2024-01-15T14:30:00Z")), e.modified());
        assertEquals(Optional.empty(), e.permissions());
        assertEquals(Optional.empty(), e.owner());
    }

    @Test
    void readsAnIisFileWithItsSize() {
        RemoteEntry e = parse("06-14-24  11:05AM              1048576 setup.exe");
        assertEquals("setup.exe", e.name());
        assertEquals(EntryType.FILE, e.type());
        assertEquals(1048576, e.size());
        assertEquals(Optional.of(utc("2024-06-14T11:05:00Z")), e.modified());
    }

    @Test
    void readsFourDigitYearsAndTwentyFourHourTimes() {
        RemoteEntry e = parse("01-15-2024  14:30                 1234 file.txt");
        assertEquals("file.txt", e.name());
        assertEquals(1234, e.size());
        assertEquals(Optional.of(utc("2024-01-15T14:30:00Z")), e.modified());
    }

    @Test
    void midnightAndNoonFollowTheTwelveHourClock() {
        assertEquals(Optional.of(utc("2024-03-01T00:00:00Z")), parse("03-01-24  12:00AM       <DIR>          a").modified());
        assertEquals(Optional.of(utc("2024-02-29T12:30:00Z")), parse("02-29-24  12:30PM                    0 b").modified());
    }

    @Test
    void twoDigitYearsFrom70AreInThe1900s() {
        assertEquals(Optional.of(utc("1999-12-31T23:59:00Z")), parse("12-31-99  11:59PM                  589 r").modified());
        assertEquals(Optional.of(utc("2069-01-01T00:00:00Z")), parse("01-01-69  12:00AM                  589 r").modified());
    }

    @Test
    void sizesWithThousandsSeparatorsAreRead() {
        assertEquals(1_234_567L, parse("01/15/2024  02:30 PM         1,234,567 big file.zip").size());
    }

    @Test
    void slashDatesAndASeparateAmPmAreRead() {
        RemoteEntry e = parse("01/15/2024  02:30 PM    <DIR>          Program Files");
        assertEquals("Program Files", e.name());
        assertEquals(Optional.of(utc("2024-01-15T14:30:00Z")), e.modified());
    }

    @Test
    void namesKeepTheirSpacesIncludingLeadingOnes() {
        assertEquals(" leading space dir", parse("06-01-24  04:15PM       <DIR>           leading space dir").name());
        assertEquals("  two  inside ", parse("06-01-24  04:15PM                   12   two  inside ").name());
    }

    @Test
    void aDirectoryWithShortPaddingStillParses() {
        assertEquals("x y", parse("01-15-24  02:30PM <DIR> x y").name());
    }

    @Test
    void aNameThatLooksLikeADateIsKept() {
        assertEquals("01-02-03 meeting notes.docx", parse("05-06-24  09:41AM                 2048 01-02-03 meeting notes.docx").name());
    }

    @Test
    void aJunctionIsASymlinkWithItsTarget() {
        RemoteEntry e = parse("01/15/2024  02:30 PM    <JUNCTION>     Application Data [C:\\Users\\al\\AppData\\Roaming]");
        assertEquals(EntryType.SYMLINK, e.type());
        assertEquals("Application Data", e.name());
        assertEquals(Optional.of("C:\\Users\\al\\AppData\\Roaming"), e.linkTarget());
    }

    @Test
    void timesAreReadInTheServersZone() {
        WindowsListParser p = new WindowsListParser(ZoneId.of("America/New_York"));
        assertEquals(Optional.of(utc("2024-01-15T19:30:00Z")),
                p.parseLine("01-15-24  02:30PM       <DIR>          a").orElseThrow().modified());
    }

    @Test
    void anImpossibleCalendarDateLeavesTheTimeUnknown() {
        RemoteEntry e = parse("02-30-24  02:30PM                   12 odd");
        assertEquals("odd", e.name());
        assertEquals(Optional.empty(), e.modified());
    }

    @Test
    void linesThatAreNotWindowsLinesGiveNothing() {
        for (String line : List.of("", "-rw-r--r-- 1 a b 1 Jan 15 14:30 a", "13-15-24  02:30PM    12 bad month",
                "01-15-24  13:30PM    12 bad hour", "01-15-24  25:30    12 bad hour", "01-15-24  02:30PM    <FOO> x",
                "01-15-24  02:30PM       <DIR>", "01-15-24  02:30PM   12", "01-15-24  02:30PM   12 ",
                "01-15-124  02:30PM   12 bad year", "0115-24  02:30PM   12 x", "01-15-24  0230PM   12 x",
                "01-15-24  02:30PM   -12 x", "01-15-24  02:30PM   1,2 x")) {
            assertEquals(Optional.empty(), windows().parseLine(line), "\"" + line + "\"");
        }
        assertEquals(Optional.empty(), windows().parseLine(null));
    }
}
