package dev.ferry.engine;

import java.time.Duration;

/** The server did not answer in time; the connection is no longer usable. */
public final class FtpTimeoutException extends FtpException {
    public FtpTimeoutException(String whatWeWaitedFor, Duration timeout, Throwable cause) {
        super("the server did not answer within " + seconds(timeout) + " while waiting for " + whatWeWaitedFor, null, cause);
    }

    private FtpTimeoutException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /** A transfer that moved no data for {@code timeout}, in either direction, and was broken off. */
    public static FtpTimeoutException noProgress(String during, Duration timeout, Throwable cause) {
        return new FtpTimeoutException("no data moved for " + seconds(timeout) + " during " + during
                + "; the data connection was dropped", cause);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format("%.1f s", ms / 1000.0);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
