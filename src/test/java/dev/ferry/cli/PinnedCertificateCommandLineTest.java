package dev.ferry.cli;

import dev.ferry.security.Fingerprints;
import dev.ferry.security.KnownCertificate;
import dev.ferry.security.KnownCertificates;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line trusts what the user pinned in the window ("Always trust"), with no flag. */
class PinnedCertificateCommandLineTest {
    private static final TestPki.Issued SELF_SIGNED = TestPki.selfSigned(TestPki.spec("localhost").loopback());

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().certificate(SELF_SIGNED).build();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Path knownCerts() {
        return dir.resolve("known-certs.json");
    }

    private Run ferry(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FerryCli(new PrintStream(out, true), new PrintStream(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of("PW", server.password()), false, knownCerts()).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String url() {
        return "ftpes://" + server.user() + "@127.0.0.1:" + server.explicitPort() + "/";
    }

    private void pin(X509Certificate certificate) throws Exception {
        new KnownCertificates(knownCerts()).pin(new KnownCertificate("127.0.0.1", server.explicitPort(),
                Fingerprints.sha256(certificate), "CN=localhost", "CN=localhost", certificate.getNotAfter().toInstant(),
                Instant.now()));
    }

    @Test
    void anUnpinnedSelfSignedCertificateIsRefusedWithExitThreeAndItsFingerprint() {
        Run run = ferry("ls", "--password-env", "PW", url());

        assertEquals(FerryCli.EXIT_UNTRUSTED, run.status(), run.err());
        assertTrue(run.err().contains("is not trusted"), run.err());
        assertTrue(run.err().contains(Fingerprints.sha256(SELF_SIGNED.certificate())), run.err());
    }

    @Test
    void aCertificatePinnedInTheAppIsTrustedWithoutAFlag() throws Exception {
        pin(SELF_SIGNED.certificate());
        Files.writeString(server.home().resolve("hello.txt"), "hi");

        Run run = ferry("ls", "--password-env", "PW", url());

        assertEquals(FerryCli.EXIT_OK, run.status(), run.err());
        assertTrue(run.out().contains("hello.txt"), run.out());
    }

    @Test
    void certSaysThePinnedCertificateIsTrustedBecauseTheUserChoseIt() throws Exception {
        pin(SELF_SIGNED.certificate());

        Run run = ferry("cert", url());

        assertEquals(FerryCli.EXIT_OK, run.status(), run.err());
        assertTrue(run.out().contains("Trusted:     yes, you chose to always trust it in Ferry"), run.out());
    }

    @Test
    void aCertificateDifferentFromThePinnedOneIsRefusedNamingBoth() throws Exception {
        X509Certificate other = TestPki.selfSigned(TestPki.spec("localhost").loopback()).certificate();
        pin(other);

        Run run = ferry("ls", "--password-env", "PW", url());

        assertEquals(FerryCli.EXIT_UNTRUSTED, run.status(), run.err());
        assertTrue(run.err().contains("It is not the certificate you chose to always trust in Ferry"), run.err());
        assertTrue(run.err().contains(Fingerprints.sha256(other)), run.err());
        assertTrue(run.err().contains("SHA-256 fingerprint: " + Fingerprints.sha256(SELF_SIGNED.certificate())), run.err());
    }

    @Test
    void theFingerprintFlagStillTrustsTheCertificate() {
        Run run = ferry("ls", "--password-env", "PW", "--fingerprint", Fingerprints.sha256(SELF_SIGNED.certificate()), url());

        assertEquals(FerryCli.EXIT_OK, run.status(), run.err());
    }

    @Test
    void aCorruptKnownCertificatesFileIsReportedAndKept() throws Exception {
        Files.writeString(knownCerts(), "{ broken");

        Run run = ferry("ls", "--password-env", "PW", url());

        assertEquals(FerryCli.EXIT_UNTRUSTED, run.status(), run.err());
        assertTrue(run.err().contains("ferry: warning: known-certs.json could not be read"), run.err());
        assertEquals("{ broken", Files.readString(knownCerts()));
    }
}
