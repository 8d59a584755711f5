package dev.ferry.security;

/** {@code known-certs.json} could not be read or written; the message says why in plain words. */
public final class KnownCertificatesException extends Exception {
    public KnownCertificatesException(String message) {
        super(message);
    }

    public KnownCertificatesException(String message, Throwable cause) {
        super(message, cause);
    }
}
