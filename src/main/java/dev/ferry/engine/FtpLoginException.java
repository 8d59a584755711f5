package dev.ferry.engine;

/** The server did not accept the user name or password. */
public final class FtpLoginException extends FtpReplyException {
    public FtpLoginException(String user, String command, FtpReply reply) {
        super("login as \"" + user + "\" failed: " + reply, command, reply);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
