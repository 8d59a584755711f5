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

/**
 * Writes a whole file so that a crash or a full disk leaves the old content or the new, never a mix or an empty
 * file: to {@code <name>.tmp} beside it, synced to the disk, then renamed over the old one. Every store in the
 * config folder writes through here (the vault and the known certificates here; sites, the queue and the
 * settings from the packages that may import this one).
 */
public final class AtomicFiles {
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
