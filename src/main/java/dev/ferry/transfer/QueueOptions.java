package dev.ferry.transfer;

import java.time.Duration;

/**
 * How a queue runs.
 *
 * @param parallel          transfers at once, 1 to 10 (each on its own connection)
 * @param fileExists        what to do when a target exists
 * @param prompt            asked when {@code fileExists} is {@link FileExistsPolicy#ASK}
 * @param maxAttempts       tries per item before it fails (broken connections, timeouts, 4xx replies)
 * @param firstRetryDelay   the wait before the second try; doubled for each further try, at most a minute
 * @param keepTimestamps    set the target's modification time to the source's
 * @param verify            compare a server checksum (HASH, XSHA256, ...) with the local file where offered
 * @param bytesPerSecond    a global speed limit, or 0 for none
 */
public record QueueOptions(int parallel, FileExistsPolicy fileExists, UserPrompt prompt, int maxAttempts,
                           Duration firstRetryDelay, boolean keepTimestamps, boolean verify, long bytesPerSecond) {
    public QueueOptions {
        if (parallel < 1 || parallel > 10) {
            throw new IllegalArgumentException("parallel transfers must be 1 to 10, not " + parallel);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Two transfers, overwrite, five tries from one second, timestamps kept, verified where offered. */
    public static QueueOptions defaults() {
        return new QueueOptions(2, FileExistsPolicy.OVERWRITE, UserPrompt.always(FileExistsPolicy.OVERWRITE), 5,
                Duration.ofSeconds(1), true, true, 0);
    }

    public QueueOptions withParallel(int n) {
        return new QueueOptions(n, fileExists, prompt, maxAttempts, firstRetryDelay, keepTimestamps, verify, bytesPerSecond);
    }

    public QueueOptions withFileExists(FileExistsPolicy policy) {
        return new QueueOptions(parallel, policy, prompt, maxAttempts, firstRetryDelay, keepTimestamps, verify, bytesPerSecond);
    }

    public QueueOptions withRetries(int attempts, Duration firstDelay) {
        return new QueueOptions(parallel, fileExists, prompt, attempts, firstDelay, keepTimestamps, verify, bytesPerSecond);
    }

    public QueueOptions withPrompt(UserPrompt userPrompt) {
        return new QueueOptions(parallel, fileExists, userPrompt, maxAttempts, firstRetryDelay, keepTimestamps, verify, bytesPerSecond);
    }

    public QueueOptions withKeepTimestamps(boolean keep) {
        return new QueueOptions(parallel, fileExists, prompt, maxAttempts, firstRetryDelay, keep, verify, bytesPerSecond);
    }

    public QueueOptions withSpeedLimit(long limit) {
        return new QueueOptions(parallel, fileExists, prompt, maxAttempts, firstRetryDelay, keepTimestamps, verify, limit);
    }
}
