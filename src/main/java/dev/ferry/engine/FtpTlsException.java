package dev.ferry.engine;

/**
 * TLS could not be set up: the server does not offer it ({@code AUTH TLS} refused), the handshake
 * failed, or a data connection was not protected as the control connection was. Ferry never falls
 * back to plain FTP when this happens.
 */
public final class FtpTlsException extends FtpException {
    public FtpTlsException(String message, FtpReply reply, Throwable cause) {
        super(message, reply, cause);
    }
}
