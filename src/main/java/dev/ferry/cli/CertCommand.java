package dev.ferry.cli;

import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.TrustDecision;
import dev.ferry.security.CertificateDetails;

import java.io.PrintStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * {@code ferry cert URL}: the server's certificate chain with fingerprints, the TLS version and cipher,
 * and whether Ferry would trust it. Exit 0 when trusted, 3 when not.
 */
final class CertCommand {
    private CertCommand() {
    }

    static int run(FtpUrl url, SessionFactory sessions, PrintStream out) throws FtpException {
        ServerCertificate presented = FtpSession.fetchCertificate(sessions.settings());
        out.println("Server:      " + url.host() + ":" + url.port());
        out.println("TLS:         " + presented.tlsProtocol() + ", " + presented.cipherSuite());
        List<X509Certificate> chain = presented.chain();
        for (int i = 0; i < chain.size(); i++) {
            CertificateDetails d = CertificateDetails.of(chain.get(i));
            out.println();
            out.println(i == 0 ? "Certificate (the server's own)" : "Certificate " + (i + 1) + " of the chain");
            out.println("  Subject:     " + d.subject());
            out.println("  Issuer:      " + d.issuer());
            out.println("  Valid:       " + d.notBefore() + " to " + d.notAfter() + " (" + daysLeft(d) + ")");
            out.println("  Serial:      " + d.serialHex());
            out.println("  SHA-256:     " + d.sha256Fingerprint());
            out.println("  SHA-1:       " + d.sha1Fingerprint());
            if (!d.alternativeNames().isEmpty()) {
                out.println("  Names:       " + String.join(", ", d.alternativeNames()));
            }
            out.println("  Key:         " + d.keyDescription());
            out.println("  Signature:   " + d.signatureAlgorithm());
        }
        out.println();
        boolean trusted = sessions.settings().trust().decide(presented) == TrustDecision.ACCEPT;
        if (trusted && presented.evaluation().trusted()) {
            out.println("Trusted:     yes");
        } else if (trusted) {
            out.println(sessions.trust().byFingerprint(presented)
                    ? "Trusted:     yes, by the fingerprint given with --fingerprint"
                    : "Trusted:     yes, you chose to always trust it in Ferry (known certificates)");
            presented.evaluation().explanations().forEach(e -> out.println("  note: " + e));
        } else {
            out.println("Trusted:     no");
            presented.evaluation().explanations().forEach(e -> out.println("  - " + e));
            sessions.trust().pinFor(presented).filter(pin -> !pin.matches(presented)).ifPresent(pin -> out.println(
                    "  - It is not the certificate you chose to always trust in Ferry for " + pin.server()
                            + " (SHA-256 fingerprint " + pin.sha256() + "): it has changed since."));
            out.println("To trust it after checking the fingerprint with the server's administrator:");
            out.println("  --fingerprint " + presented.sha256Fingerprint());
        }
        return trusted ? 0 : FerryCli.EXIT_UNTRUSTED;
    }

    private static String daysLeft(CertificateDetails d) {
        long days = d.daysLeft(Clock.systemUTC());
        return days < 0 ? "expired " + (-days) + " days ago" : days + " days left";
    }
}
