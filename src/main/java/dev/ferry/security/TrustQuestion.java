package dev.ferry.security;

import java.util.concurrent.CompletableFuture;

/**
 * Asks a person about a certificate that is not trusted or has changed. Called on the connection's thread,
 * which waits for the answer; the window answers with its certificate dialog on the FX thread.
 *
 * <p>Security warning: an implementation must never answer {@link TrustAnswer#TRUST_ONCE} or
 * {@link TrustAnswer#ALWAYS_TRUST} without a person's informed choice.
 */
@FunctionalInterface
public interface TrustQuestion {
    /** Completes with the answer; completing exceptionally or cancelling counts as {@link TrustAnswer#CANCEL}. */
    CompletableFuture<TrustAnswer> ask(TrustAssessment assessment);
}
