package dev.ferry.ui.session;

import java.util.Objects;
import java.util.Optional;

import dev.ferry.engine.tls.ClientCredentials;

/**
 * Where the client certificate of the form stands, with a line for people: "Checking…", the subject and expiry,
 * or what is wrong ("Wrong password", "Key does not match certificate", "Expired on 2025-01-31").
 *
 * @param credentials the loaded certificate and key, only when {@link State#LOADED}
 */
public record CertificateStatus(State state, String text, Optional<ClientCredentials> credentials) {
    /** Where loading stands. */
    public enum State {
        /** No certificate file chosen: connections present none. */
        NONE,
        /** Being read in the background. */
        CHECKING,
        /** Read, the key matches and the certificate is valid today. */
        LOADED,
        /** Cannot be used; {@link #text()} says why. */
        FAILED
    }

    /** No certificate. */
    public static final CertificateStatus NONE = new CertificateStatus(State.NONE, "", Optional.empty());
    /** Being read. */
    public static final CertificateStatus CHECKING = new CertificateStatus(State.CHECKING, "Checking…", Optional.empty());

    public CertificateStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** A certificate that can be used; {@code text} names its subject and expiry. */
    public static CertificateStatus loaded(ClientCredentials credentials, String text) {
        return new CertificateStatus(State.LOADED, text, Optional.of(credentials));
    }

    /** A certificate that cannot be used, and why. */
    public static CertificateStatus failed(String why) {
        return new CertificateStatus(State.FAILED, why, Optional.empty());
    }

    /** The inline error, or "" when there is none. */
    public String error() {
        return state == State.FAILED ? text : "";
    }
}
