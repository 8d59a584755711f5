package dev.ferry.engine.tls;

/**
 * Why a server certificate is not trusted.
 *
 * <p>Each constant has a short, static description in plain words ({@link #describe()}); the
 * specifics (dates, names) of one evaluation are in
 * {@link ServerCertificateEvaluator.Evaluation#explanations()}.
 */
public enum CertificateProblem {
    /** A certificate of the chain is past its end date. */
    EXPIRED("the certificate has expired"),
    /** A certificate of the chain is not valid yet (its start date is in the future). */
    NOT_YET_VALID("the certificate is not valid yet"),
    /** The chain does not lead to an authority Ferry trusts. */
    UNKNOWN_ISSUER("the certificate was issued by an authority that is not trusted"),
    /** The server's certificate vouches for itself and is not trusted. */
    SELF_SIGNED("the certificate is self-signed and not trusted"),
    /** The certificate was issued for other names than the host Ferry connected to. */
    NAME_MISMATCH("the certificate was issued for a different server name"),
    /** The chain is broken: a signature does not verify, or a certificate may not issue others. */
    INVALID_CHAIN("the certificate chain is broken or has been tampered with");

    private final String description;

    CertificateProblem(String description) {
        this.description = description;
    }

    /** A short description for people, such as "the certificate has expired". */
    public String describe() {
        return description;
    }
}
