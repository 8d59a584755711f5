package dev.ferry.engine.tls;

/**
 * Decides whether to go on with a server whose certificate has been presented and evaluated. The
 * engine calls it once per control connection, right after the TLS handshake and before the user
 * name or password is sent. The command line answers from its flags; the window asks the user.
 *
 * <p>Security warning: an implementation that accepts a certificate with problems exposes the
 * password and every file to whoever can intercept the connection. Accept only what the user has
 * explicitly trusted (a pinned fingerprint, a given CA, or an informed "trust" answer).
 */
@FunctionalInterface
public interface ServerTrust {
    /** Called on the session's thread; may block while a person decides. */
    TrustDecision decide(ServerCertificate certificate);

    /** Accepts exactly the certificates the evaluator found no problem with. */
    static ServerTrust evaluatedOnly() {
        return c -> c.evaluation().trusted() ? TrustDecision.ACCEPT : TrustDecision.REFUSE;
    }
}
