package dev.ferry.ui;

import java.util.Locale;

/**
 * Numbers as a person reads them: sizes in binary units ("1.5 MiB"), speeds ("2.1 MiB/s"), durations
 * ("1:05", "1:02:03"), and "—" for anything unknown.
 */
public final class Formats {
    /** Shown where a value is not known. */
    public static final String UNKNOWN = "—";

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final long MAX_SECONDS = 100L * 3600 - 1;

    private Formats() {
    }

    /** {@code bytes} in the largest binary unit that keeps at least 1: "0 B", "999 B", "1.5 KiB", "40 MiB". */
    public static String size(long bytes) {
        if (bytes < 0) {
            return UNKNOWN;
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (unit < UNITS.length - 1 && Math.round(value * 10) >= 1024 * 10) {
            value /= 1024;
            unit++;
        }
        return decimal(value) + " " + UNITS[unit];
    }

    /** A speed: "2.1 MiB/s"; unknown (negative or not a number) as "—". */
    public static String speed(double bytesPerSecond) {
        if (!(bytesPerSecond >= 0) || Double.isInfinite(bytesPerSecond)) {
            return UNKNOWN;
        }
        return size(Math.round(bytesPerSecond)) + "/s";
    }

    /** A duration: "0:05", "1:05", "1:02:03"; negative (unknown) or 100 hours and more as "—". */
    public static String duration(long seconds) {
        if (seconds < 0 || seconds > MAX_SECONDS) {
            return UNKNOWN;
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** A fraction 0..1 as a whole percentage, "42%"; unknown (negative) as "—". */
    public static String percent(double fraction) {
        if (!(fraction >= 0)) {
            return UNKNOWN;
        }
        return (int) Math.floor(Math.min(1, fraction) * 100) + "%";
    }

    /** One decimal below 100 ("1.5", "12.3", "40"), none from 100 on ("123"). */
    private static String decimal(double value) {
        if (Math.round(value * 10) >= 1000) {
            return Long.toString(Math.round(value));
        }
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
