package dev.ferry.ui.pane;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a pane shows sizes and times. */
final class PaneFormats {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private PaneFormats() {
    }

    /** {@code 512 B}, {@code 1.5 MiB}; "" for unknown. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** {@code 2026-11-22 14:03} in the local zone; "" for unknown. */
    static String time(long epochMillis) {
        return epochMillis < 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
