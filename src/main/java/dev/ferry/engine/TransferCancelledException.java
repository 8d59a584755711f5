package dev.ferry.engine;

/** A transfer was cancelled by the user; what was written so far stays where it is. */
public final class TransferCancelledException extends FtpException {
    private final long bytesTransferred;

    public TransferCancelledException(long bytesTransferred) {
        super("the transfer was cancelled after " + bytesTransferred + " bytes");
        this.bytesTransferred = bytesTransferred;
    }

    /** Bytes moved before the cancel took effect. */
    public long bytesTransferred() {
        return bytesTransferred;
    }
}
