package dev.ferry.security;

/** Placeholder until the security branch lands. */
public final class ClientCertificateException extends Exception {
    public ClientCertificateException(String m) {
        super(m);
    }
}
