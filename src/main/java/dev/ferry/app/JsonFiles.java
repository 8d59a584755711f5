package dev.ferry.app;

import dev.ferry.security.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How Ferry's JSON files are written (DESIGN §5, as {@code QueueStore} does): to a temporary file, synced, then
 * renamed over the old one, which is first copied to {@code <name>.bak}; and how an unreadable one is moved aside.
 */
final class JsonFiles {
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private JsonFiles() {
    }

    static void write(ObjectMapper json, Path file, JsonNode root) throws IOException {
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /**
     * Renames {@code file} to {@code <name>.<tag>-<local time>}, or returns empty when it cannot be moved (then
     * it must be left alone, not overwritten).
     */
    static Optional<Path> moveAside(Path file, String tag, LocalDateTime now) {
        String base = file.getFileName() + "." + tag + "-" + ASIDE_TIME.format(now);
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        try {
            Files.move(file, aside);
            return Optional.of(aside);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
