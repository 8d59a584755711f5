package dev.ferry.cli;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.engine.tls.TrustDecision;

import dev.ferry.security.Fingerprints;

import java.util.List;

/**
 * The command line's answer to "trust this server?": yes when the certificate chains to a trusted
 * authority (the JDK's or one given with {@code --cacert}) and names the host, or when its SHA-256
 * fingerprint is one given with {@code --fingerprint}; otherwise no. It never asks.
 */
final class CliTrust implements ServerTrust {
    private final List<String> fingerprints;

    CliTrust(List<String> fingerprints) {
        this.fingerprints = fingerprints.stream().map(CliTrust::normalize).toList();
    }

    @Override
    public TrustDecision decide(ServerCertificate certificate) {
        if (certificate.evaluation().trusted()) {
            return TrustDecision.ACCEPT;
        }
        return fingerprints.contains(certificate.sha256Fingerprint()) ? TrustDecision.ACCEPT : TrustDecision.REFUSE;
    }

    static String normalize(String input) {
        try {
            return Fingerprints.normalize(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fingerprint: " + e.getMessage(), e);
        }
    }
}
