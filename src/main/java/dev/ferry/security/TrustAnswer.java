package dev.ferry.security;

/** What the user answered about a certificate that is not trusted. */
public enum TrustAnswer {
    /** Go on, for this run of Ferry only: the same certificate from the same server is not asked about again. */
    TRUST_ONCE,
    /** Go on, and pin the certificate in {@code known-certs.json} so that it is trusted from now on. */
    ALWAYS_TRUST,
    /** Refuse: the connection is closed before anything secret is sent. */
    CANCEL
}
