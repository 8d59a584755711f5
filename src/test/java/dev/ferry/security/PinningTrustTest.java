package dev.ferry.security;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.TrustDecision;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinningTrustTest {
    @TempDir
    Path dir;

    /** Answers every question with the next of the given answers and remembers what it was asked. */
    private static final class ScriptedQuestion implements TrustQuestion {
        final List<TrustAssessment> asked = new CopyOnWriteArrayList<>();
        private final List<TrustAnswer> answers;

        ScriptedQuestion(TrustAnswer... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public CompletableFuture<TrustAnswer> ask(TrustAssessment assessment) {
            asked.add(assessment);
            return CompletableFuture.completedFuture(answers.isEmpty() ? TrustAnswer.CANCEL : answers.remove(0));
        }
    }

    private final List<String> problems = new CopyOnWriteArrayList<>();

    private PinningTrust trust(ScriptedQuestion question) {
        return new PinningTrust(new KnownCertificates(dir.resolve("known-certs.json")), question, Clock.systemUTC(),
                problems::add);
    }

    @Test
    void aCertificateTheAuthoritiesTrustIsAcceptedWithoutAsking() {
        TestPki.Issued root = TestPki.selfSigned(TestPki.spec("Pinning Root").ca());
        ServerCertificate good = Presented.by(TestPki.issue(root, TestPki.spec("localhost").loopback()), "localhost", 21,
                root.certificate());
        ScriptedQuestion question = new ScriptedQuestion();

        assertEquals(TrustDecision.ACCEPT, trust(question).decide(good));
        assertTrue(question.asked.isEmpty());
    }

    @Test
    void cancelRefusesTheCertificate() {
        ScriptedQuestion question = new ScriptedQuestion(TrustAnswer.CANCEL);

        assertEquals(TrustDecision.REFUSE, trust(question).decide(Presented.selfSigned(21)));
        assertEquals(1, question.asked.size());
    }

    @Test
    void trustOnceIsRememberedForTheRunButNotSaved() {
        ServerCertificate presented = Presented.selfSigned(21);
        ScriptedQuestion question = new ScriptedQuestion(TrustAnswer.TRUST_ONCE);
        PinningTrust trust = trust(question);

        assertEquals(TrustDecision.ACCEPT, trust.decide(presented));
        assertEquals(TrustDecision.ACCEPT, trust.decide(presented), "a transfer connection to the same server");
        assertEquals(1, question.asked.size());
        assertTrue(Files.notExists(dir.resolve("known-certs.json")));

        ScriptedQuestion nextRun = new ScriptedQuestion(TrustAnswer.CANCEL);
        assertEquals(TrustDecision.REFUSE, trust(nextRun).decide(presented));
        assertEquals(1, nextRun.asked.size());
    }

    @Test
    void alwaysTrustPersistsSoTheNextRunDoesNotAsk() {
        ServerCertificate presented = Presented.selfSigned(21);
        trust(new ScriptedQuestion(TrustAnswer.ALWAYS_TRUST)).decide(presented);

        ScriptedQuestion nextRun = new ScriptedQuestion();
        assertEquals(TrustDecision.ACCEPT, trust(nextRun).decide(presented));
        assertTrue(nextRun.asked.isEmpty());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void aChangedCertificateAsksAgainWithBothFingerprints() {
        ServerCertificate before = Presented.selfSigned(21);
        ServerCertificate after = Presented.selfSigned(21);
        trust(new ScriptedQuestion(TrustAnswer.ALWAYS_TRUST)).decide(before);

        ScriptedQuestion question = new ScriptedQuestion(TrustAnswer.CANCEL);
        assertEquals(TrustDecision.REFUSE, trust(question).decide(after));

        TrustAssessment asked = question.asked.get(0);
        assertEquals(TrustAssessment.Verdict.CHANGED, asked.verdict());
        assertEquals(before.sha256Fingerprint(), asked.pinned().orElseThrow().sha256());
        assertEquals(after.sha256Fingerprint(), asked.certificate().sha256Fingerprint());
    }

    @Test
    void aChangedCertificateIsAskedAboutEvenWhenTheAuthoritiesTrustIt() throws Exception {
        TestPki.Issued root = TestPki.selfSigned(TestPki.spec("Pinning Root").ca());
        ServerCertificate valid = Presented.by(TestPki.issue(root, TestPki.spec("localhost").loopback()), "localhost", 21,
                root.certificate());
        new KnownCertificates(dir.resolve("known-certs.json"))
                .pin(KnownCertificate.of(Presented.selfSigned(21), Instant.now()));
        ScriptedQuestion question = new ScriptedQuestion(TrustAnswer.CANCEL);

        assertEquals(TrustDecision.REFUSE, trust(question).decide(valid));
        assertEquals(TrustAssessment.Verdict.CHANGED, question.asked.get(0).verdict());
    }

    @Test
    void alwaysTrustingAChangedCertificateReplacesThePin() throws Exception {
        ServerCertificate before = Presented.selfSigned(21);
        ServerCertificate after = Presented.selfSigned(21);
        trust(new ScriptedQuestion(TrustAnswer.ALWAYS_TRUST)).decide(before);
        trust(new ScriptedQuestion(TrustAnswer.ALWAYS_TRUST)).decide(after);

        ScriptedQuestion question = new ScriptedQuestion();
        assertEquals(TrustDecision.ACCEPT, trust(question).decide(after));
        assertTrue(question.asked.isEmpty());
        assertEquals(1, new KnownCertificates(dir.resolve("known-certs.json")).list().size());
    }

    @Test
    void aCorruptStoreIsReportedAndTheUserIsStillAsked() throws Exception {
        Files.writeString(dir.resolve("known-certs.json"), "not json");
        ScriptedQuestion question = new ScriptedQuestion(TrustAnswer.ALWAYS_TRUST);

        assertEquals(TrustDecision.ACCEPT, trust(question).decide(Presented.selfSigned(21)));
        assertEquals(1, question.asked.size());
        assertTrue(problems.stream().anyMatch(p -> p.contains("known-certs.json could not be read")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("trusted for this run only")), problems::toString);
        assertEquals("not json", Files.readString(dir.resolve("known-certs.json")));
    }
}
