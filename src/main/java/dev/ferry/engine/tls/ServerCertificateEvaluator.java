package dev.ferry.engine.tls;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Placeholder: replaced by the security branch. */
public final class ServerCertificateEvaluator {
    private final Collection<X509Certificate> anchors;

    public ServerCertificateEvaluator(Collection<X509Certificate> extraTrustAnchors, boolean useSystemTrustAnchors, Clock clock) {
        this.anchors = List.copyOf(extraTrustAnchors);
    }

    public Evaluation evaluate(List<X509Certificate> chain, String host) {
        for (X509Certificate c : chain) {
            if (anchors.contains(c)) {
                return new Evaluation(Set.of(), List.of());
            }
        }
        return new Evaluation(Set.of(CertificateProblem.UNKNOWN_ISSUER), List.of("unknown issuer"));
    }

    public record Evaluation(Set<CertificateProblem> problems, List<String> explanations) {
        public boolean trusted() {
            return problems.isEmpty();
        }
    }
}
