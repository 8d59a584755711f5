package dev.ferry.cli;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.engine.tls.TrustDecision;

import dev.ferry.security.Fingerprints;
import dev.ferry.security.KnownCertificate;
import dev.ferry.security.KnownCertificates;
import dev.ferry.security.KnownCertificatesException;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The command line's answer to "trust this server?". It never asks:
 * <ul>
 *   <li>yes when its SHA-256 fingerprint is one given with {@code --fingerprint};</li>
 *   <li>when the user pinned a certificate for this host and port in the window ("Always trust", in
 *       {@code known-certs.json}): yes for that very certificate, no for any other, even one an authority
 *       vouches for (a changed certificate is never accepted silently);</li>
 *   <li>otherwise yes when the certificate chains to a trusted authority (the JDK's or one given with
 *       {@code --cacert}) and names the host; no for anything else.</li>
 * </ul>
 */
final class CliTrust implements ServerTrust {
    private final List<String> fingerprints;
    private final Optional<KnownCertificates> known;
    private final Consumer<String> warnings;

    CliTrust(List<String> fingerprints) {
        this(fingerprints, Optional.empty(), w -> { });
    }

    /** @param warnings told, in words, when the known certificates cannot be read (then no pin is used) */
    CliTrust(List<String> fingerprints, Optional<KnownCertificates> known, Consumer<String> warnings) {
        this.fingerprints = fingerprints.stream().map(CliTrust::normalize).toList();
        this.known = known;
        this.warnings = warnings;
    }

    @Override
    public TrustDecision decide(ServerCertificate certificate) {
        if (byFingerprint(certificate)) {
            return TrustDecision.ACCEPT;
        }
        Optional<KnownCertificate> pin = pinFor(certificate);
        if (pin.isPresent()) {
            return pin.get().matches(certificate) ? TrustDecision.ACCEPT : TrustDecision.REFUSE;
        }
        return certificate.evaluation().trusted() ? TrustDecision.ACCEPT : TrustDecision.REFUSE;
    }

    /** Whether the certificate's fingerprint was given with {@code --fingerprint}. */
    boolean byFingerprint(ServerCertificate certificate) {
        return fingerprints.contains(certificate.sha256Fingerprint());
    }

    /** The certificate the user chose to always trust for this server in the window, if any. */
    Optional<KnownCertificate> pinFor(ServerCertificate certificate) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        try {
            return known.get().find(certificate.host(), certificate.port());
        } catch (KnownCertificatesException e) {
            warnings.accept(e.getMessage());
            return Optional.empty();
        }
    }

    static String normalize(String input) {
        try {
            return Fingerprints.normalize(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fingerprint: " + e.getMessage(), e);
        }
    }
}
