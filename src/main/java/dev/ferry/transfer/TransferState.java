package dev.ferry.transfer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a transfer item is in its life. Transitions:
 * <pre>
 * QUEUED           → CONNECTING, PAUSED, CANCELLED
 * CONNECTING       → RUNNING, RETRY_WAIT, FAILED, PAUSED, CANCELLED, QUEUED (given back unstarted)
 * RUNNING          → VERIFYING, DONE, WAITING_FOR_USER, RETRY_WAIT, FAILED, PAUSED, CANCELLED, QUEUED
 * WAITING_FOR_USER → RUNNING, DONE (skipped), CANCELLED, FAILED
 * VERIFYING        → DONE, FAILED
 * RETRY_WAIT       → QUEUED, PAUSED, CANCELLED
 * PAUSED           → QUEUED, CANCELLED
 * FAILED           → QUEUED (retry)
 * CANCELLED        → QUEUED (retry)
 * DONE             → (final)
 * </pre>
 * A paused or interrupted item keeps its bytes: its part file (download) or the remote partial file
 * (upload) is continued when it runs again.
 */
public enum TransferState {
    QUEUED, CONNECTING, RUNNING, VERIFYING, DONE, PAUSED, WAITING_FOR_USER, RETRY_WAIT, FAILED, CANCELLED;

    private Set<TransferState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(CONNECTING, PAUSED, CANCELLED);
            case CONNECTING -> EnumSet.of(RUNNING, RETRY_WAIT, FAILED, PAUSED, CANCELLED, QUEUED);
            case RUNNING -> EnumSet.of(VERIFYING, DONE, WAITING_FOR_USER, RETRY_WAIT, FAILED, PAUSED, CANCELLED, QUEUED);
            case WAITING_FOR_USER -> EnumSet.of(RUNNING, DONE, CANCELLED, FAILED);
            case VERIFYING -> EnumSet.of(DONE, FAILED);
            case RETRY_WAIT -> EnumSet.of(QUEUED, PAUSED, CANCELLED);
            case PAUSED -> EnumSet.of(QUEUED, CANCELLED);
            case FAILED, CANCELLED -> EnumSet.of(QUEUED);
            case DONE -> EnumSet.noneOf(TransferState.class);
        };
    }

    /** Whether an item may go from this state to {@code target}. */
    public boolean canBecome(TransferState target) {
        return next().contains(target);
    }

    /** DONE, FAILED or CANCELLED: nothing runs until the user retries. */
    public boolean isFinished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /** Finished or paused: the queue has nothing more to do with the item until the user acts. */
    public boolean isSettled() {
        return isFinished() || this == PAUSED;
    }

    /** A worker holds the item. */
    public boolean isActive() {
        return this == CONNECTING || this == RUNNING || this == VERIFYING || this == WAITING_FOR_USER;
    }
}
