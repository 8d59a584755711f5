package dev.ferry.cli;

import dev.ferry.engine.Cancellation;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

/**
 * Downloads one file safely: into {@code name.ferry-part}, continued with REST when a part file is
 * already there, renamed over the target only when complete. A failure leaves the old target
 * untouched and the part file for the next try.
 */
final class Download {
    static final String PART_SUFFIX = ".ferry-part";

    private Download() {
    }

    /**
     * @param size     the remote size, or -1 when unknown
     * @param modified the remote modification time, set on the local file when known
     * @return false when skipped because the target is already complete (only with {@code skipComplete})
     */
    static boolean file(FtpSession session, String remotePath, long size, Optional<Instant> modified, Path target,
                        boolean skipComplete, Progress progress) throws IOException {
        if (skipComplete && size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            progress.add(size);
            return false;
        }
        Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
        long offset = 0;
        if (Files.isRegularFile(part) && size > 0 && session.features().supportsResume()) {
            offset = Files.size(part);
            if (offset > size) {
                offset = 0;
            }
        }
        long start = offset;
        progress.add(start);
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (OutputStream out = openLocal(part, mode)) {
            long[] last = {0};
            session.download(remotePath, offset, out, done -> {
                progress.add(done - last[0]);
                last[0] = done;
            }, Cancellation.none());
        }
        long got = Files.size(part);
        if (size >= 0 && got != size) {
            throw new FtpException("the download of " + remotePath + " ended at " + got + " of " + size
                    + " bytes; the part file is kept for the next try");
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (modified.isPresent()) {
            Files.setLastModifiedTime(target, FileTime.from(modified.get()));
        }
        return true;
    }

    private static OutputStream openLocal(Path part, StandardOpenOption mode) throws IOException {
        try {
            return Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (AccessDeniedException e) {
            throw new FileSystemException(part.toString(), null, "cannot write here: permission denied");
        }
    }
}
