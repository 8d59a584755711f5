package dev.ferry.sites;

import dev.ferry.security.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How {@code sites.json} is written and set aside (DESIGN §5, as {@code app.JsonFiles} does for the settings):
 * a temporary file, synced, renamed over the old one, which is first copied to {@code <name>.bak}.
 */
final class StoredFiles {
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private StoredFiles() {
    }

    static void write(Path file, byte[] content) throws IOException {
        AtomicFiles.write(file, content);
    }

    /** Renames {@code file} to {@code <name>.<tag>-<time>}; empty when it cannot (then leave it alone). */
    static Optional<Path> moveAside(Path file, String tag, LocalDateTime now) {
        Path aside = asideName(file, tag, now);
        try {
            Files.move(file, aside);
            return Optional.of(aside);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies {@code file} to {@code <name>.<tag>-<time>}, keeping the original; empty when it cannot. */
    static Optional<Path> copyAside(Path file, String tag, LocalDateTime now) {
        Path aside = asideName(file, tag, now);
        try {
            Files.copy(file, aside);
            return Optional.of(aside);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path asideName(Path file, String tag, LocalDateTime now) {
        String base = file.getFileName() + "." + tag + "-" + ASIDE_TIME.format(now);
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        return aside;
    }
}
