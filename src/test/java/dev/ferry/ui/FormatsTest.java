package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void bytesBelowOneKibibyteAreShownAsBytes() {
        assertEquals("0 B", Formats.size(0));
        assertEquals("1023 B", Formats.size(1023));
    }

    @Test
    void sizesUseBinaryUnitsWithOneDecimal() {
        assertEquals("1 KiB", Formats.size(1024));
        assertEquals("1.5 KiB", Formats.size(1536));
        assertEquals("1.5 MiB", Formats.size(1_572_864));
        assertEquals("12.3 MiB", Formats.size(12_897_484));
        assertEquals("40 MiB", Formats.size(40L * 1024 * 1024));
        assertEquals("2 GiB", Formats.size(2L << 30));
    }

    @Test
    void sizesOfAHundredUnitsOrMoreHaveNoDecimal() {
        assertEquals("123 MiB", Formats.size(123L * 1024 * 1024 + 300_000));
    }

    @Test
    void aSizeThatRoundsToTheNextUnitIsShownInThatUnit() {
        assertEquals("1 MiB", Formats.size(1024L * 1024 - 1));
    }

    @Test
    void theLargestSizesAreShownInExbibytes() {
        assertEquals("8 EiB", Formats.size(Long.MAX_VALUE));
    }

    @Test
    void anUnknownSizeIsADash() {
        assertEquals("—", Formats.size(-1));
    }

    @Test
    void speedsArePerSecond() {
        assertEquals("2.1 MiB/s", Formats.speed(2.1 * 1024 * 1024));
        assertEquals("0 B/s", Formats.speed(0));
        assertEquals("512 B/s", Formats.speed(512.4));
    }

    @Test
    void anUnknownSpeedIsADash() {
        assertEquals("—", Formats.speed(-1));
        assertEquals("—", Formats.speed(Double.NaN));
        assertEquals("—", Formats.speed(Double.POSITIVE_INFINITY));
    }

    @Test
    void durationsUnderAnHourAreMinutesAndSeconds() {
        assertEquals("0:00", Formats.duration(0));
        assertEquals("0:14", Formats.duration(14));
        assertEquals("1:05", Formats.duration(65));
        assertEquals("59:59", Formats.duration(3599));
    }

    @Test
    void durationsOfAnHourOrMoreShowHours() {
        assertEquals("1:02:03", Formats.duration(3723));
        assertEquals("99:59:59", Formats.duration(100L * 3600 - 1));
    }

    @Test
    void unknownAndAbsurdlyLongDurationsAreADash() {
        assertEquals("—", Formats.duration(-1));
        assertEquals("—", Formats.duration(100L * 3600));
    }

    @Test
    void percentagesRoundDownSoOnlyFinishedWorkShowsAHundred() {
        assertEquals("42%", Formats.percent(0.429));
        assertEquals("99%", Formats.percent(0.9999));
        assertEquals("100%", Formats.percent(1));
        assertEquals("—", Formats.percent(-1));
    }
}
