package dev.ferry.ui.pane;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a pane shows sizes and times. */
final class PaneFormats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private PaneFormats() {
    }

    /** {@code 512 B}, {@code 1.5 MiB} as everywhere in the window; "" for unknown. */
    static String size(long bytes) {
        return bytes < 0 ? "" : dev.ferry.ui.Formats.size(bytes);
    }

    /** {@code 2026-11-22 14:03} in the local zone; "" for unknown. */
    static String time(long epochMillis) {
        return epochMillis < 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
