package dev.ferry.transfer;

import dev.ferry.engine.Cancellation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One entry of the queue: a file or a folder to move. The queue owns its state (changed under the
 * queue's lock); progress bytes are updated by the worker without the lock and read by sampling.
 */
final class TransferItem {
    final long id;
    final String site;
    final TransferDirection direction;
    final boolean folder;
    final long parent;
    final String remotePath;
    final String localPath;
    final AtomicLong bytesDone = new AtomicLong();
    volatile long size;
    NewTransfer.RemoteHint remote = NewTransfer.RemoteHint.UNKNOWN;
    TransferState state = TransferState.QUEUED;
    int attempts;
    String lastError;
    String note;
    long retryAtNanos;
    Cancellation cancellation;
    TransferState stopAs;
    /** The item's own answer to "the target exists"; null: the queue's. */
    FileExistsPolicy fileExists;

    TransferItem(long id, String site, TransferDirection direction, boolean folder, long parent, String remotePath,
                 String localPath, long size) {
        this.id = id;
        this.site = site;
        this.direction = direction;
        this.folder = folder;
        this.parent = parent;
        this.remotePath = remotePath;
        this.localPath = localPath;
        this.size = size;
    }

    TransferSnapshot snapshot() {
        return new TransferSnapshot(id, site, direction, folder, parent, remotePath, localPath, size, bytesDone.get(),
                state, attempts, Optional.ofNullable(lastError), Optional.ofNullable(note), Optional.ofNullable(fileExists));
    }
}
