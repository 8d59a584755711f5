package dev.ferry.security;

import dev.ferry.engine.tls.CertificateProblem;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.testsupport.TestPki;
import dev.ferry.testsupport.TestPki.Issued;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustAssessmentTest {
    private static final Issued ROOT = TestPki.selfSigned(TestPki.spec("Assessment Root CA").ca());

    private static TrustAssessment assess(Issued issued, String host) {
        return TrustAssessment.of(Presented.by(issued, host, 21, ROOT.certificate()), Optional.empty());
    }

    private static void says(TrustAssessment a, String... words) {
        String text = a.headline() + " / " + a.summary() + " / "
                + String.join(" ", a.problems().stream().map(TrustAssessment.Problem::detail).toList());
        for (String w : words) {
            assertTrue(text.contains(w), () -> "\"" + w + "\" in: " + text);
        }
    }

    @Test
    void anExpiredCertificateSaysItHasExpiredAndWhen() {
        TrustAssessment a = assess(TestPki.issue(ROOT, TestPki.spec("localhost").loopback().expired()), "localhost");

        assertEquals(TrustAssessment.Verdict.NOT_TRUSTED, a.verdict());
        assertTrue(a.has(CertificateProblem.EXPIRED));
        says(a, "The certificate of localhost:21 is not trusted", "The certificate has expired.",
                "The server's certificate expired on", "30 days ago");
    }

    @Test
    void aCertificateNotYetValidSaysFromWhen() {
        TrustAssessment a = assess(TestPki.issue(ROOT, TestPki.spec("localhost").loopback().notYetValid()), "localhost");

        assertEquals(1, a.problems().size());
        says(a, "The certificate is not valid yet.", "is valid only from", "in 30 days");
    }

    @Test
    void aCertificateForAnotherNameSaysWhichNamesItHas() {
        TrustAssessment a = assess(TestPki.issue(ROOT, TestPki.spec("files.example.org").dns("files.example.org")),
                "127.0.0.1");

        assertEquals(1, a.problems().size());
        says(a, "The certificate was issued for a different server name.",
                "issued for files.example.org, not for 127.0.0.1");
    }

    @Test
    void aSelfSignedCertificateSaysItVouchesForItself() {
        TrustAssessment a = assess(TestPki.selfSigned(TestPki.spec("localhost").loopback()), "localhost");

        assertEquals(1, a.problems().size());
        says(a, "The certificate is self-signed and not trusted.", "vouches for itself");
    }

    @Test
    void aThreeLevelChainToATrustedRootIsTrusted() {
        Issued intermediate = TestPki.issue(ROOT, TestPki.spec("Assessment Intermediate CA").ca());
        Issued server = TestPki.issue(intermediate, TestPki.spec("localhost").loopback());

        TrustAssessment a = assess(server, "localhost");

        assertEquals(3, a.certificate().chain().size());
        assertEquals(TrustAssessment.Verdict.TRUSTED, a.verdict());
        assertTrue(a.problems().isEmpty());
        says(a, "The certificate of localhost:21 is trusted", "issued by a trusted authority");
    }

    @Test
    void aThreeLevelChainToAnUnknownRootNamesTheAuthority() {
        Issued otherRoot = TestPki.selfSigned(TestPki.spec("Stranger Root CA").ca());
        Issued intermediate = TestPki.issue(otherRoot, TestPki.spec("Stranger Intermediate CA").ca());
        Issued server = TestPki.issue(intermediate, TestPki.spec("localhost").loopback());

        TrustAssessment a = assess(server, "localhost");

        assertEquals(1, a.problems().size());
        says(a, "The certificate was issued by an authority that is not trusted.", "Stranger Root CA");
    }

    @Test
    void aChangedCertificateLeadsWithTheChange() {
        ServerCertificate before = Presented.selfSigned(21);
        ServerCertificate now = Presented.selfSigned(21);
        KnownCertificate pin = KnownCertificate.of(before, Instant.parse("2025-04-02T08:00:00Z"));

        TrustAssessment a = TrustAssessment.of(now, Optional.of(pin));

        assertEquals(TrustAssessment.Verdict.CHANGED, a.verdict());
        assertEquals("The certificate has changed since you trusted it", a.problems().get(0).title());
        says(a, "Warning: the certificate of localhost:21 has changed since you trusted it", "On 2025-04-02");
    }

    @Test
    void thePinnedCertificateItselfIsAcceptable() {
        ServerCertificate presented = Presented.selfSigned(21);

        TrustAssessment a = TrustAssessment.of(presented, Optional.of(KnownCertificate.of(presented, Instant.now())));

        assertEquals(TrustAssessment.Verdict.PINNED, a.verdict());
        assertTrue(a.verdict().acceptable());
    }
}
