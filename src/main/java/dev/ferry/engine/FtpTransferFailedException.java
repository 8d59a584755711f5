package dev.ferry.engine;

import java.util.Locale;

/**
 * A transfer the server had accepted (it said {@code 150}) ended badly: its final reply is negative,
 * such as {@code 426 Connection closed; transfer aborted} or vsftpd's {@code 522} when the data
 * connection did not reuse the TLS session. Unlike a refused command, bytes may have moved.
 */
public final class FtpTransferFailedException extends FtpReplyException {
    public FtpTransferFailedException(String command, FtpReply finalReply) {
        super(describe(command, finalReply), command, finalReply);
    }

    private static String describe(String command, FtpReply reply) {
        String how = reply.code() == 426 ? " broke off: " : " failed: ";
        return what(command) + how + reply;
    }

    /** "the download of /a.txt", "the listing of /pub", "the transfer of SITE X" */
    private static String what(String command) {
        int space = command.indexOf(' ');
        String verb = (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : command.substring(space + 1);
        String kind = switch (verb) {
            case "RETR" -> "the download";
            case "STOR", "APPE", "STOU" -> "the upload";
            case "LIST", "MLSD", "NLST" -> "the listing";
            default -> null;
        };
        if (kind == null) {
            return "the transfer of " + command;
        }
        return argument.isEmpty() ? kind : kind + " of " + argument;
    }
}
