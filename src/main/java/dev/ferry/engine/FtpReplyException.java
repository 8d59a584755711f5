package dev.ferry.engine;

import dev.ferry.engine.control.NameCodec;

/**
 * The server refused a command; the reply says why. A transfer that was accepted and then failed is
 * the subclass {@link FtpTransferFailedException}.
 */
public class FtpReplyException extends FtpException {
    private final String command;

    public FtpReplyException(String command, FtpReply reply) {
        this(describe(command, reply), command, reply);
    }

    protected FtpReplyException(String message, String command, FtpReply reply) {
        super(message, reply, null);
        this.command = command;
    }

    /** The command that was refused (the password of {@code PASS} is masked). */
    public String command() {
        return command;
    }

    /** The reply code. */
    public int code() {
        return reply().orElseThrow().code();
    }

    @Override
    public boolean isRetryable() {
        return reply().orElseThrow().isTransientFailure();
    }

    private static String describe(String command, FtpReply reply) {
        return "the server refused " + NameCodec.readable(command) + ": " + reply;
    }
}
