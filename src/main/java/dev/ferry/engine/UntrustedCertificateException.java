package dev.ferry.engine;

import dev.ferry.engine.tls.ServerCertificate;

/**
 * The server's certificate was not accepted (by the {@link dev.ferry.engine.tls.ServerTrust} in use),
 * so the connection was closed before any password was sent.
 */
public final class UntrustedCertificateException extends FtpException {
    private final transient ServerCertificate certificate;

    public UntrustedCertificateException(ServerCertificate certificate) {
        super(certificate.summary());
        this.certificate = certificate;
    }

    /** The certificate the server presented, with what is wrong with it. */
    public ServerCertificate certificate() {
        return certificate;
    }
}
