package dev.ferry.transfer;

import java.util.List;

/**
 * Told when items are added, change state, move or are removed. Never told about progress bytes:
 * read those by sampling {@link TransferQueue#totals()} and {@link TransferQueue#snapshot(long)}, so
 * that a queue of many small files cannot flood a listener. Called on the thread that made the change,
 * while the queue is locked: return quickly and never wait for another thread that uses the queue;
 * implementations hand the work to their own thread (the UI to its FX bridge).
 */
public interface QueueListener {
    /** Items were added (one call for a whole batch). */
    default void added(List<TransferSnapshot> items) {
    }

    /** An item changed state (or its error or note changed). */
    default void changed(TransferSnapshot item) {
    }

    /** Items were removed. */
    default void removed(List<Long> ids) {
    }

    /** The order of waiting items changed. */
    default void reordered() {
    }
}
