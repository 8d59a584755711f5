package dev.ferry.engine;

/** The server sent something that is not FTP as the standards describe it. */
public final class FtpProtocolException extends FtpException {
    public FtpProtocolException(String message) {
        super(message);
    }

    public FtpProtocolException(String message, FtpReply reply) {
        super(message, reply, null);
    }
}
