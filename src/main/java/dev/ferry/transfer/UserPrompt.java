package dev.ferry.transfer;

import java.util.concurrent.CompletableFuture;

/**
 * Questions a transfer cannot answer alone. A worker calls it and waits for the future; the window
 * completes it on the FX thread, the command line from its flags.
 */
public interface UserPrompt {
    /** The target of {@code item} exists; how to go on. */
    CompletableFuture<FileExistsAnswer> fileExists(TransferSnapshot item, ExistingTarget target);

    /**
     * @param policy     what to do; never {@link FileExistsPolicy#ASK}
     * @param applyToAll use the same answer for the rest of the queue
     */
    record FileExistsAnswer(FileExistsPolicy policy, boolean applyToAll) {
    }

    /**
     * What is already there.
     *
     * @param size     its size, or -1
     * @param modified when it was last changed (epoch milliseconds), or -1
     */
    record ExistingTarget(long size, long modified, long sourceSize, long sourceModified) {
    }

    /** Answers every question with {@code policy}. */
    static UserPrompt always(FileExistsPolicy policy) {
        return (item, target) -> CompletableFuture.completedFuture(new FileExistsAnswer(policy, true));
    }
}
