package dev.ferry.transfer;

/**
 * The whole queue at one moment, for an overall progress bar.
 *
 * @param items         items in the queue (folder items included)
 * @param finished      items that are done, failed or cancelled
 * @param files         file items in the queue (what a person counts as files: no folders)
 * @param filesFinished file items that are done, failed or cancelled
 * @param failed        items that failed
 * @param bytesTotal    known bytes of all file items
 * @param bytesDone     bytes done of all file items
 * @param bytesPerSecond recent speed over all running items
 */
public record QueueTotals(int items, int finished, int files, int filesFinished, int failed, long bytesTotal,
                          long bytesDone, double bytesPerSecond) {
    /** Whether nothing is left to run. */
    public boolean allFinished() {
        return finished == items;
    }
}
