package dev.ferry.engine.tls;

/** What to do with a server certificate. */
public enum TrustDecision {
    /** Continue: the certificate is trusted (by evaluation, a pin, or the user's word). */
    ACCEPT,
    /** Close the connection before anything secret is sent. */
    REFUSE
}
