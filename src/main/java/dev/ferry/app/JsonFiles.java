package dev.ferry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            // The rename must not reach the disk before the contents do, or a crash leaves an empty file.
            channel.force(true);
        }
        if (Files.exists(file)) {
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
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
