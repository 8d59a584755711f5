package dev.ferry.transfer;

import dev.ferry.engine.listing.RemoteEntry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What to add to the queue.
 *
 * @param size           bytes of the source, -1 when unknown (learned when the transfer starts)
 * @param remote         what is known of the remote side without asking the server again (from a listing)
 * @param fileExists     what to do when the target exists, for this transfer (and the files a folder holds);
 *                       empty: the queue's {@link QueueOptions#fileExists()}
 */
public record NewTransfer(String site, TransferDirection direction, boolean folder, String remotePath, Path localPath,
                          long size, RemoteHint remote, Optional<FileExistsPolicy> fileExists) {

    public NewTransfer(String site, TransferDirection direction, boolean folder, String remotePath, Path localPath,
                       long size, RemoteHint remote) {
        this(site, direction, folder, remotePath, localPath, size, remote, Optional.empty());
    }

    /** This transfer with its own answer to "the target exists", kept whatever is queued later. */
    public NewTransfer withFileExists(FileExistsPolicy policy) {
        return new NewTransfer(site, direction, folder, remotePath, localPath, size, remote, Optional.of(policy));
    }

    public static NewTransfer download(String site, String remotePath, Path localPath, long size) {
        return new NewTransfer(site, TransferDirection.DOWNLOAD, false, remotePath, localPath, size, RemoteHint.UNKNOWN);
    }

    /** A download whose size and time came from a listing, so no extra round trip asks for them. */
    public static NewTransfer download(String site, String remotePath, Path localPath, RemoteHint listed) {
        return new NewTransfer(site, TransferDirection.DOWNLOAD, false, remotePath, localPath, listed.size(), listed);
    }

    public static NewTransfer downloadFolder(String site, String remotePath, Path localFolder) {
        return new NewTransfer(site, TransferDirection.DOWNLOAD, true, remotePath, localFolder, -1, RemoteHint.UNKNOWN);
    }

    public static NewTransfer upload(String site, Path localPath, String remotePath, long size) {
        return new NewTransfer(site, TransferDirection.UPLOAD, false, remotePath, localPath, size, RemoteHint.UNKNOWN);
    }

    /** An upload for which the remote folder's listing already says what is there. */
    public static NewTransfer upload(String site, Path localPath, String remotePath, long size, RemoteHint listed) {
        return new NewTransfer(site, TransferDirection.UPLOAD, false, remotePath, localPath, size, listed);
    }

    public static NewTransfer uploadFolder(String site, Path localFolder, String remotePath) {
        return uploadFolder(site, localFolder, remotePath, RemoteHint.UNKNOWN);
    }

    /**
     * A folder upload for which the parent's listing (or its creation) already says whether the remote
     * folder is there: {@link RemoteHint#exists()} means a folder of that name, {@link RemoteHint#ABSENT}
     * nothing of that name; anything else (a file, a link) is {@link RemoteHint#UNKNOWN} and checked.
     */
    public static NewTransfer uploadFolder(String site, Path localFolder, String remotePath, RemoteHint listed) {
        return new NewTransfer(site, TransferDirection.UPLOAD, true, remotePath, localFolder, -1, listed);
    }

    /**
     * What a listing said of the remote file.
     *
     * @param known    whether the listing was read at all
     * @param exists   whether the file is there
     * @param size     its size, or -1
     * @param modified its modification time in epoch milliseconds, or -1
     */
    public record RemoteHint(boolean known, boolean exists, long size, long modified) {
        public static final RemoteHint UNKNOWN = new RemoteHint(false, false, -1, -1);
        public static final RemoteHint ABSENT = new RemoteHint(true, false, -1, -1);

        public static RemoteHint present(long size, long modified) {
            return new RemoteHint(true, true, size, modified);
        }

        /** What a listing's or a stat's entry for the file says: its size and time, or {@link #ABSENT}. */
        public static RemoteHint of(Optional<RemoteEntry> entry) {
            return entry.map(e -> present(e.size(), e.modified().map(Instant::toEpochMilli).orElse(-1L))).orElse(ABSENT);
        }
    }
}
