package dev.ferry.engine;

import dev.ferry.security.ClientCertificateLoader;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that demands a client certificate. */
class ClientCertificateSessionTest {
    static final TestPki.Issued CLIENT_CA = TestPki.selfSigned(TestPki.spec("Ferry Test Client CA").ca());
    static final TestPki.Issued ALICE = TestPki.issue(CLIENT_CA, TestPki.spec("alice"));

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .clientAuth(FtpsServerExtension.ClientAuth.NEED, CLIENT_CA.certificate())
            .build();

    @TempDir
    Path dir;

    @Test
    void logsInWithAPkcs12ClientCertificate() throws Exception {
        Path p12 = ALICE.writePkcs12(dir.resolve("alice.p12"), "p12-secret");
        var credentials = new ClientCertificateLoader().load(p12, Optional.empty(), Optional.of("p12-secret".toCharArray()));
        try (FtpSession s = FtpSession.open(FtpServerSessionTest.settings(server, FtpsMode.IMPLICIT)
                .clientCredentials(credentials).build())) {
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void logsInWithAPemCertificateAndEncryptedKey() throws Exception {
        Path cert = ALICE.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = ALICE.writeEncryptedKeyPem(dir.resolve("alice.key"), "key-secret");
        var credentials = new ClientCertificateLoader().load(cert, Optional.of(key), Optional.of("key-secret".toCharArray()));
        // Apache FtpServer (MINA) sometimes never answers the first command after an AUTH TLS
        // handshake with TLS 1.3 client authentication; over Implicit FTPS, and over TLS 1.2, it always does.
        try (FtpSession s = FtpSession.open(FtpServerSessionTest.settings(server, FtpsMode.EXPLICIT)
                .tlsMaximum(TlsVersion.TLS_1_2).clientCredentials(credentials).build())) {
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void saysAClientCertificateMayBeNeededWhenNoneWasGiven() {
        FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(
                FtpServerSessionTest.settings(server, FtpsMode.EXPLICIT).build()));
        assertTrue(e.getMessage().contains("client certificate") || e instanceof FtpConnectionException,
                e.getMessage());
    }
}
