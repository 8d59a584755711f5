package dev.ferry.engine;

/**
 * Told how far a transfer has come. Called on the transferring thread after every buffer, so an
 * implementation must be cheap (add to a counter; never touch a UI from here).
 */
@FunctionalInterface
public interface TransferListener {
    /**
     * @param bytesSoFar bytes moved in this transfer, not counting a resume offset
     */
    void transferred(long bytesSoFar);

    static TransferListener none() {
        return bytes -> {
        };
    }
}
