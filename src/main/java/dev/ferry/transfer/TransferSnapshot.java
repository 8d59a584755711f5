package dev.ferry.transfer;

import java.util.Optional;

/**
 * One item of the queue as it was at one moment.
 *
 * @param id          stable within a queue (and across restarts)
 * @param site        the key of the site the item belongs to
 * @param folder      whether the item is a folder that expands into file items
 * @param parent      the folder item it came from, or 0
 * @param size        bytes in all, or -1 when unknown
 * @param bytesDone   bytes at the target so far, resumed bytes included
 * @param lastError   why it failed or is waiting to retry, in words
 * @param fileExists  the item's own answer to "the target exists", or empty for the queue's
 */
public record TransferSnapshot(long id, String site, TransferDirection direction, boolean folder, long parent,
                               String remotePath, String localPath, long size, long bytesDone, TransferState state,
                               int attempts, Optional<String> lastError, Optional<String> note,
                               Optional<FileExistsPolicy> fileExists) {

    /** This snapshot in {@code state}, with {@code note}: how a saved item comes back. */
    public TransferSnapshot restoredAs(TransferState state, Optional<String> note) {
        return new TransferSnapshot(id, site, direction, folder, parent, remotePath, localPath, size, bytesDone, state,
                attempts, lastError, note, fileExists);
    }
}
