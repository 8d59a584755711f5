package dev.ferry.engine.tls;

import dev.ferry.engine.tls.ServerCertificateEvaluator.Evaluation;
import dev.ferry.testsupport.TestPki;
import dev.ferry.testsupport.TestPki.Issued;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCertificateEvaluatorTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Issued root(String name) {
        return TestPki.selfSigned(TestPki.spec(name).ca()
                .validFrom(NOW.minus(Duration.ofDays(3650))).validUntil(NOW.plus(Duration.ofDays(3650))));
    }

    private static ServerCertificateEvaluator trusting(X509Certificate... anchors) {
        return new ServerCertificateEvaluator(List.of(anchors), false, CLOCK);
    }

    private static String explanation(Evaluation e, CertificateProblem p) {
        return e.explanation(p).orElseThrow(() -> new AssertionError("no explanation for " + p + " in " + e));
    }

    @Test
    void aValidChainFromAnExtraAnchorIsTrusted() {
        Issued root = root("Evaluator Root A");
        Issued leaf = TestPki.issue(root, TestPki.spec("localhost").loopback());

        Evaluation result = trusting(root.certificate()).evaluate(leaf.chain(), "localhost");

        assertTrue(result.trusted(), result::toString);
        assertEquals(List.of(), result.explanations());
    }

    @Test
    void aChainWithoutItsRootIsTrustedWhenTheRootIsAnAnchor() {
        Issued root = root("Evaluator Root B");
        Issued leaf = TestPki.issue(root, TestPki.spec("localhost").loopback());

        assertTrue(trusting(root.certificate()).evaluate(List.of(leaf.certificate()), "127.0.0.1").trusted());
    }

    @Test
    void anExpiredCertificateOtherwiseTrustedIsOnlyExpired() {
        Issued root = root("Evaluator Root C");
        Instant end = NOW.minus(Duration.ofDays(10));
        Issued leaf = TestPki.issue(root, TestPki.spec("localhost").loopback().validFrom(end.minus(Duration.ofDays(90))).validUntil(end));

        Evaluation result = trusting(root.certificate()).evaluate(leaf.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.EXPIRED), result.problems());
        String why = explanation(result, CertificateProblem.EXPIRED);
        assertTrue(why.contains("expired on " + end.toString().substring(0, 10)) && why.contains("(10 days ago)"), why);
    }

    @Test
    void aCertificateNotValidYetIsOnlyNotYetValid() {
        Issued root = root("Evaluator Root D");
        Instant start = NOW.plus(Duration.ofDays(30));
        Issued leaf = TestPki.issue(root, TestPki.spec("localhost").loopback().validFrom(start).validUntil(start.plus(Duration.ofDays(90))));

        Evaluation result = trusting(root.certificate()).evaluate(leaf.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.NOT_YET_VALID), result.problems());
        String why = explanation(result, CertificateProblem.NOT_YET_VALID);
        assertTrue(why.contains(start.toString().substring(0, 10)) && why.contains("in 30 days"), why);
    }

    @Test
    void anExpiredIntermediateIsReportedByName() {
        Issued root = root("Evaluator Root E");
        Instant end = NOW.minus(Duration.ofDays(2));
        Issued intermediate = TestPki.issue(root, TestPki.spec("Evaluator Old Intermediate").ca()
                .validFrom(end.minus(Duration.ofDays(300))).validUntil(end));
        Issued leaf = TestPki.issue(intermediate, TestPki.spec("localhost").loopback()
                .validFrom(end.minus(Duration.ofDays(100))).validUntil(NOW.plus(Duration.ofDays(100))));

        Evaluation result = trusting(root.certificate()).evaluate(leaf.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.EXPIRED), result.problems());
        assertTrue(explanation(result, CertificateProblem.EXPIRED).contains("CN=Evaluator Old Intermediate"), result::toString);
    }

    @Test
    void aCertificateForAnotherNameIsANameMismatchListingItsNames() {
        Issued root = root("Evaluator Root F");
        Issued leaf = TestPki.issue(root, TestPki.spec("localhost").loopback());

        Evaluation result = trusting(root.certificate()).evaluate(leaf.chain(), "example.org");

        assertEquals(Set.of(CertificateProblem.NAME_MISMATCH), result.problems());
        assertEquals("The certificate was issued for localhost, 127.0.0.1, not for example.org.",
                explanation(result, CertificateProblem.NAME_MISMATCH));
    }

    @Test
    void aSelfSignedCertificateThatIsNotAnAnchorIsSelfSigned() {
        Issued self = TestPki.selfSigned(TestPki.spec("localhost").loopback());

        Evaluation result = trusting(root("Evaluator Root G").certificate()).evaluate(self.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.SELF_SIGNED), result.problems());
        assertTrue(explanation(result, CertificateProblem.SELF_SIGNED).contains("self-signed"));
    }

    @Test
    void aChainFromAnUnknownRootHasAnUnknownIssuer() {
        Issued unknownRoot = TestPki.selfSigned(TestPki.spec("Evaluator Stranger Root").ca().freshKey());
        Issued leaf = TestPki.issue(unknownRoot, TestPki.spec("localhost").loopback());

        Evaluation result = trusting(root("Evaluator Root H").certificate()).evaluate(leaf.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.UNKNOWN_ISSUER), result.problems());
        String why = explanation(result, CertificateProblem.UNKNOWN_ISSUER);
        assertTrue(why.contains("CN=Evaluator Stranger Root") && why.contains("not a trusted authority"), why);
    }

    @Test
    void aChainWhoseIssuerIsMissingHasAnUnknownIssuerNamingIt() {
        Issued unknownRoot = TestPki.selfSigned(TestPki.spec("Evaluator Absent Root").ca().freshKey());
        Issued leaf = TestPki.issue(unknownRoot, TestPki.spec("localhost").loopback());

        Evaluation result = trusting().evaluate(List.of(leaf.certificate()), "localhost");

        assertEquals(Set.of(CertificateProblem.UNKNOWN_ISSUER), result.problems());
        assertTrue(explanation(result, CertificateProblem.UNKNOWN_ISSUER).contains("CN=Evaluator Absent Root"));
    }

    @Test
    void theSystemAnchorsDoNotTrustATestRoot() {
        Issued unknownRoot = TestPki.selfSigned(TestPki.spec("Evaluator System Stranger").ca().freshKey());
        Issued leaf = TestPki.issue(unknownRoot, TestPki.spec("localhost").loopback());

        Evaluation result = new ServerCertificateEvaluator(List.of(), true, CLOCK).evaluate(leaf.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.UNKNOWN_ISSUER), result.problems());
    }

    @Test
    void aThreeLevelChainIsTrustedWhenTheRootIsAnAnchor() {
        Issued root = root("Evaluator Root I");
        Issued intermediate = TestPki.issue(root, TestPki.spec("Evaluator Intermediate I").ca());
        Issued leaf = TestPki.issue(intermediate, TestPki.spec("localhost").loopback());
        assertEquals(3, leaf.chain().size());

        assertTrue(trusting(root.certificate()).evaluate(leaf.chain(), "localhost").trusted());
    }

    @Test
    void aChainSentOutOfOrderIsStillTrusted() {
        Issued root = root("Evaluator Root J");
        Issued intermediate = TestPki.issue(root, TestPki.spec("Evaluator Intermediate J").ca());
        Issued leaf = TestPki.issue(intermediate, TestPki.spec("localhost").loopback());
        List<X509Certificate> shuffled = List.of(leaf.certificate(), root.certificate(), intermediate.certificate());

        assertTrue(trusting(root.certificate()).evaluate(shuffled, "localhost").trusted());
    }

    @Test
    void aPinnedSelfSignedServerCertificateIsTrusted() {
        Issued self = TestPki.selfSigned(TestPki.spec("localhost").loopback());

        assertTrue(trusting(self.certificate()).evaluate(self.chain(), "localhost").trusted());
    }

    @Test
    void aPinnedCertificateIsStillCheckedForItsDatesAndNames() {
        Issued self = TestPki.selfSigned(TestPki.spec("localhost").loopback()
                .validFrom(NOW.minus(Duration.ofDays(60))).validUntil(NOW.minus(Duration.ofDays(1))));

        Evaluation result = trusting(self.certificate()).evaluate(self.chain(), "ftp.example.org");

        assertEquals(Set.of(CertificateProblem.EXPIRED, CertificateProblem.NAME_MISMATCH), result.problems());
    }

    @Test
    void aTamperedCertificateMakesTheChainInvalid() throws Exception {
        Issued root = root("Evaluator Root K");
        Issued leaf = TestPki.issue(root, TestPki.spec("localhost").loopback());
        byte[] der = leaf.certificate().getEncoded();
        der[der.length - 1] ^= 0x01; // flip a bit of the signature
        X509Certificate tampered = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));

        Evaluation result = trusting(root.certificate()).evaluate(List.of(tampered, root.certificate()), "localhost");

        assertEquals(Set.of(CertificateProblem.INVALID_CHAIN), result.problems());
        assertTrue(explanation(result, CertificateProblem.INVALID_CHAIN).contains("does not verify"), result::toString);
    }

    @Test
    void aCertificateIssuedByAnEndEntityMakesTheChainInvalid() {
        Issued root = root("Evaluator Root L");
        Issued notACa = TestPki.issue(root, TestPki.spec("Evaluator Not A CA"));
        Issued leaf = TestPki.issue(notACa, TestPki.spec("localhost").loopback());

        Evaluation result = trusting(root.certificate()).evaluate(leaf.chain(), "localhost");

        assertEquals(Set.of(CertificateProblem.INVALID_CHAIN), result.problems());
    }

    @Test
    void everyProblemFoundIsReportedWithItsOwnExplanationInOrder() {
        Issued self = TestPki.selfSigned(TestPki.spec("localhost").loopback()
                .validFrom(NOW.minus(Duration.ofDays(60))).validUntil(NOW.minus(Duration.ofDays(5))));

        Evaluation result = trusting().evaluate(self.chain(), "ftp.example.org");

        assertEquals(List.of(CertificateProblem.EXPIRED, CertificateProblem.SELF_SIGNED, CertificateProblem.NAME_MISMATCH),
                List.copyOf(result.problems()));
        assertEquals(3, result.explanations().size());
        assertAll(result.explanations().stream().map(s -> () -> assertTrue(s.endsWith("."), s)));
    }

    @Test
    void anEmptyChainIsInvalidRatherThanAnError() {
        Evaluation result = trusting().evaluate(List.of(), "localhost");

        assertEquals(Set.of(CertificateProblem.INVALID_CHAIN), result.problems());
    }

    @Test
    void anEvaluationNeedsOneExplanationPerProblem() {
        assertThrows(IllegalArgumentException.class,
                () -> new Evaluation(Set.of(CertificateProblem.EXPIRED), List.of()));
    }

    @Test
    void everyProblemDescribesItselfInWords() {
        for (CertificateProblem p : CertificateProblem.values()) {
            assertFalse(p.describe().isBlank(), p::name);
        }
        assertEquals("the certificate has expired", CertificateProblem.EXPIRED.describe());
    }
}
