package dev.ferry.cli;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.engine.tls.TrustDecision;

import java.util.List;
import java.util.Locale;

/**
 * The command line's answer to "trust this server?": yes when the certificate chains to a trusted
 * authority (the JDK's or one given with {@code --cacert}) and names the host, or when its SHA-256
 * fingerprint is one given with {@code --fingerprint}; otherwise no. It never asks.
 */
final class CliTrust implements ServerTrust {
    private final List<String> fingerprints;

    CliTrust(List<String> fingerprints) throws UsageException {
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
        String hex = input.strip();
        int prefix = hex.indexOf(':');
        if (prefix > 0 && hex.substring(0, prefix).toUpperCase(Locale.ROOT).startsWith("SHA")) {
            hex = hex.substring(prefix + 1);
        }
        hex = hex.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("--fingerprint takes a SHA-256 fingerprint: 64 hex digits, "
                    + "with or without colons, not \"" + input + "\"");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
