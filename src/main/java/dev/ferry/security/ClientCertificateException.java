package dev.ferry.security;

import java.util.Objects;

/**
 * A client certificate could not be loaded. The message says why in plain words and names the
 * file; it never contains a password.
 */
public final class ClientCertificateException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why loading failed, for callers that react differently (for example, ask for a password). */
    public enum Reason {
        /** The file does not exist, is a folder, or cannot be read. */
        FILE_NOT_READABLE,
        /** The file holds no certificate Ferry can read (not PKCS#12, not PEM, or damaged). */
        NOT_A_CERTIFICATE,
        /** A certificate was found, but no private key in the files given. */
        NO_PRIVATE_KEY,
        /** The file or key is protected by a password and none was given. */
        PASSWORD_REQUIRED,
        /** The password given does not open the file or key. */
        WRONG_PASSWORD,
        /** The private key does not belong to the certificate. */
        KEY_DOES_NOT_MATCH,
        /** The key's kind or its encryption is not supported. */
        UNSUPPORTED_KEY
    }

    private final Reason reason;

    /**
     * @param reason  why loading failed
     * @param message a sentence for people naming the file; never a password
     */
    public ClientCertificateException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason  why loading failed
     * @param message a sentence for people naming the file; never a password
     * @param cause   the underlying error, if any
     */
    public ClientCertificateException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why loading failed. */
    public Reason reason() {
        return reason;
    }
}
