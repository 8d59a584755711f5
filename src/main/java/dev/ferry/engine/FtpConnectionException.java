package dev.ferry.engine;

/** A connection could not be made, or broke; trying again on a new connection may work. */
public final class FtpConnectionException extends FtpException {
    public FtpConnectionException(String message, Throwable cause) {
        super(message, null, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
