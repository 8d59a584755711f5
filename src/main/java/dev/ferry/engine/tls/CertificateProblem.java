package dev.ferry.engine.tls;

/** Why a server certificate is not trusted. (Placeholder: replaced by the security branch.) */
public enum CertificateProblem {
    EXPIRED, NOT_YET_VALID, UNKNOWN_ISSUER, SELF_SIGNED, NAME_MISMATCH, INVALID_CHAIN;

    public String describe() {
        return name().toLowerCase().replace('_', ' ');
    }
}
