package dev.ferry.engine;

import java.io.IOException;
import java.util.Optional;

/**
 * Something went wrong talking to an FTP server. Subclasses say what; {@link #reply()} carries the
 * server's own words when it said any.
 */
public class FtpException extends IOException {
    private final transient FtpReply reply;

    public FtpException(String message) {
        this(message, null, null);
    }

    public FtpException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public FtpException(String message, FtpReply reply, Throwable cause) {
        super(message, cause);
        this.reply = reply;
    }

    /** The server reply that caused this, if the server sent one. */
    public Optional<FtpReply> reply() {
        return Optional.ofNullable(reply);
    }

    /** Whether trying again (on a new connection if need be) may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
