package dev.ferry.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes a whole file so that a crash or a full disk leaves the old content or the new, never a mix or an empty
 * file: to {@code <name>.tmp} beside it, synced to the disk, then renamed over the old one. A file that cannot be
 * read is set aside under a dated name rather than overwritten (DESIGN §5). Every store in the config folder
 * works through here (the vault and the known certificates here; sites, the queue and the settings from the
 * packages that may import this one).
 */
public final class AtomicFiles {
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private AtomicFiles() {
    }

    /** Writes {@code content}, first copying the old file (if any) to {@code <name>.bak}. */
    public static void write(Path file, byte[] content) throws IOException {
        Path temp = writeTemporary(file, content, false);
        if (Files.exists(file)) {
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        replace(temp, file);
    }

    /**
     * Writes {@code content} readable by the user only, and keeps no backup (a secret's old copy would outlive a
     * change meant to retire it).
     */
    public static void writePrivate(Path file, byte[] content) throws IOException {
        replace(writeTemporary(file, content, true), file);
    }

    /** The temporary file a write goes through first. */
    public static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /**
     * Renames {@code file} to {@code <name>.<tag>-<local time>} (a number added if that is taken), or returns empty
     * when it cannot be moved: then it must be left alone, not overwritten.
     */
    public static Optional<Path> moveAside(Path file, String tag, LocalDateTime now) {
        Path aside = asideName(file, tag, now);
        try {
            Files.move(file, aside);
            return Optional.of(aside);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies {@code file} to {@code <name>.<tag>-<local time>}, keeping the original; empty when it cannot. */
    public static Optional<Path> copyAside(Path file, String tag, LocalDateTime now) {
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

    private static Path writeTemporary(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = temporary(file);
        Files.deleteIfExists(temp);
        if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            // The rename must not reach the disk before the contents do, or a crash leaves an empty file.
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void replace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
