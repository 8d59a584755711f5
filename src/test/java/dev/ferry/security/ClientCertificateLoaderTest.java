package dev.ferry.security;

import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.security.ClientCertificateException.Reason;
import dev.ferry.testsupport.TestPki;
import dev.ferry.testsupport.TestPki.Issued;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCertificateLoaderTest {
    private static final String PASSWORD = "Corr3ct-Horse";
    private static final String WRONG = "Wr0ng-Battery";

    private static Issued ca;
    private static Issued client;

    @TempDir
    Path dir;

    private final ClientCertificateLoader loader = new ClientCertificateLoader();

    @BeforeAll
    static void makeCertificates() {
        ca = TestPki.selfSigned(TestPki.spec("Loader Test CA").ca());
        client = TestPki.issue(ca, TestPki.spec("alice"));
    }

    private static Optional<char[]> pw(String s) {
        return Optional.of(s.toCharArray());
    }

    private ClientCertificateException failure(Reason expected, Executable load) {
        ClientCertificateException e = assertThrows(ClientCertificateException.class, load);
        assertEquals(expected, e.reason(), e::getMessage);
        assertFalse(e.getMessage().contains(PASSWORD) || e.getMessage().contains(WRONG), "a password leaked: " + e.getMessage());
        return e;
    }

    private static void assertUsable(ClientCredentials credentials, Issued expected) throws Exception {
        assertEquals(expected.certificate(), credentials.certificate());
        assertSignsFor(credentials.key(), credentials.certificate().getPublicKey());
    }

    private static void assertSignsFor(PrivateKey key, PublicKey publicKey) throws Exception {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(new byte[]{1, 2, 3});
        byte[] signature = s.sign();
        Signature v = Signature.getInstance(algorithm);
        v.initVerify(publicKey);
        v.update(new byte[]{1, 2, 3});
        assertTrue(v.verify(signature), "the loaded key does not sign for the certificate");
    }

    @Test
    void aPkcs12FileOpensWithTheRightPassword() throws Exception {
        Path p12 = client.writePkcs12(dir.resolve("alice.p12"), PASSWORD);

        ClientCredentials credentials = loader.load(p12, Optional.empty(), pw(PASSWORD));

        assertUsable(credentials, client);
        assertEquals(List.of(client.certificate(), ca.certificate()), credentials.chain());
    }

    @Test
    void aPkcs12FileWithTheWrongPasswordIsAWrongPassword() throws Exception {
        Path p12 = client.writePkcs12(dir.resolve("alice.p12"), PASSWORD);

        ClientCertificateException e = failure(Reason.WRONG_PASSWORD, () -> loader.load(p12, Optional.empty(), pw(WRONG)));
        assertTrue(e.getMessage().contains(p12.toString()), e.getMessage());
    }

    @Test
    void aPkcs12FileWithoutAPasswordNeedsOne() throws Exception {
        Path p12 = client.writePkcs12(dir.resolve("alice.p12"), PASSWORD);

        failure(Reason.PASSWORD_REQUIRED, () -> loader.load(p12, Optional.empty(), Optional.empty()));
    }

    @Test
    void aPkcs12FileIsRecognisedByContentWhateverItsName() throws Exception {
        Path p12 = client.writePkcs12(dir.resolve("alice.pem"), PASSWORD);

        assertUsable(loader.load(p12, Optional.empty(), pw(PASSWORD)), client);
    }

    @Test
    void aPkcs12TrustStoreWithoutAKeyHasNoPrivateKey() throws Exception {
        Path store = client.writeTrustStore(dir.resolve("trust.p12"), PASSWORD);

        failure(Reason.NO_PRIVATE_KEY, () -> loader.load(store, Optional.empty(), pw(PASSWORD)));
    }

    @Test
    void aPemFileWithKeyAndCertificatesLoads() throws Exception {
        Path pem = client.writeKeyAndCertificatesPem(dir.resolve("alice.pem"));

        ClientCredentials credentials = loader.load(pem, Optional.empty(), Optional.empty());

        assertUsable(credentials, client);
        assertEquals(List.of(client.certificate(), ca.certificate()), credentials.chain());
    }

    @Test
    void aPemChainWrittenRootFirstComesBackLeafFirst() throws Exception {
        Path pem = dir.resolve("reversed.pem");
        try (Writer w = Files.newBufferedWriter(pem); JcaPEMWriter out = new JcaPEMWriter(w)) {
            out.writeObject(ca.certificate());
            out.writeObject(new JcaPKCS8Generator(client.keyPair().getPrivate(), null));
            out.writeObject(client.certificate());
        }

        assertEquals(List.of(client.certificate(), ca.certificate()),
                loader.load(pem, Optional.empty(), Optional.empty()).chain());
    }

    @Test
    void certificatesOutsideTheClientChainAreLeftOut() throws Exception {
        Issued stranger = TestPki.selfSigned(TestPki.spec("Loader Unrelated CA").ca());
        Path pem = dir.resolve("bundle.pem");
        try (Writer w = Files.newBufferedWriter(pem); JcaPEMWriter out = new JcaPEMWriter(w)) {
            out.writeObject(stranger.certificate());
            out.writeObject(client.certificate());
            out.writeObject(ca.certificate());
        }
        Path key = client.writeKeyPem(dir.resolve("alice.key"));

        assertEquals(List.of(client.certificate(), ca.certificate()), loader.load(pem, Optional.of(key), Optional.empty()).chain());
    }

    @Test
    void aPemCertificateWithASeparateKeyFileLoads() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeKeyPem(dir.resolve("alice.key"));

        assertUsable(loader.load(cert, Optional.of(key), Optional.empty()), client);
    }

    @Test
    void aPemCertificateWithoutAnyKeyHasNoPrivateKey() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));

        failure(Reason.NO_PRIVATE_KEY, () -> loader.load(cert, Optional.empty(), Optional.empty()));
    }

    @Test
    void aKeyFileWithoutAKeyHasNoPrivateKeyAndIsNamed() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path notAKey = client.writeCertificatePem(dir.resolve("also-a-cert.key"));

        ClientCertificateException e = failure(Reason.NO_PRIVATE_KEY, () -> loader.load(cert, Optional.of(notAKey), Optional.empty()));
        assertTrue(e.getMessage().contains(notAKey.toString()), e.getMessage());
    }

    @Test
    void anEncryptedPkcs8KeyOpensWithTheRightPassword() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD);

        assertUsable(loader.load(cert, Optional.of(key), pw(PASSWORD)), client);
    }

    @Test
    void anEncryptedPkcs8KeyWithTheWrongPasswordIsAWrongPassword() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD);

        ClientCertificateException e = failure(Reason.WRONG_PASSWORD, () -> loader.load(cert, Optional.of(key), pw(WRONG)));
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    }

    @Test
    void anEncryptedPkcs8KeyWithoutAPasswordNeedsOne() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD);

        failure(Reason.PASSWORD_REQUIRED, () -> loader.load(cert, Optional.of(key), Optional.empty()));
    }

    @Test
    void anEmptyPasswordCountsAsNoPasswordForAnEncryptedKey() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD);

        failure(Reason.PASSWORD_REQUIRED, () -> loader.load(cert, Optional.of(key), Optional.of(new char[0])));
    }

    @Test
    void aLegacyPbeEncryptedPkcs8KeyOpensWithTheRightPassword() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD, JcaPKCS8Generator.PBE_SHA1_3DES);

        assertUsable(loader.load(cert, Optional.of(key), pw(PASSWORD)), client);
    }

    @Test
    void aTraditionalRsaKeyLoads() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeTraditionalKeyPem(dir.resolve("alice.key"));
        assertTrue(Files.readString(key).contains("BEGIN RSA PRIVATE KEY"));

        assertUsable(loader.load(cert, Optional.of(key), Optional.empty()), client);
    }

    @Test
    void aLegacyEncryptedRsaKeyOpensWithTheRightPassword() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeLegacyEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD, "AES-256-CBC");
        String text = Files.readString(key);
        assertTrue(text.contains("BEGIN RSA PRIVATE KEY") && text.contains("Proc-Type: 4,ENCRYPTED"), text);

        assertUsable(loader.load(cert, Optional.of(key), pw(PASSWORD)), client);
    }

    @Test
    void aLegacyTripleDesEncryptedRsaKeyOpensWithTheRightPassword() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeLegacyEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD, "DES-EDE3-CBC");

        assertUsable(loader.load(cert, Optional.of(key), pw(PASSWORD)), client);
    }

    @Test
    void aLegacyEncryptedRsaKeyWithTheWrongPasswordIsAWrongPassword() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeLegacyEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD, "AES-256-CBC");

        failure(Reason.WRONG_PASSWORD, () -> loader.load(cert, Optional.of(key), pw(WRONG)));
    }

    @Test
    void aLegacyEncryptedRsaKeyWithoutAPasswordNeedsOne() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = client.writeLegacyEncryptedKeyPem(dir.resolve("alice.key"), PASSWORD, "AES-256-CBC");

        failure(Reason.PASSWORD_REQUIRED, () -> loader.load(cert, Optional.of(key), Optional.empty()));
    }

    @Test
    void anEncryptedKeyInsideTheCertificateFileIsUsed() throws Exception {
        Path pem = dir.resolve("alice.pem");
        client.writeLegacyEncryptedKeyPem(dir.resolve("k.pem"), PASSWORD, "AES-128-CBC");
        Files.writeString(pem, Files.readString(dir.resolve("k.pem"))
                + Files.readString(client.writeCertificatePem(dir.resolve("c.pem"))));

        assertUsable(loader.load(pem, Optional.empty(), pw(PASSWORD)), client);
    }

    @Test
    void anEcKeyInOpenSslFormatLoads() throws Exception {
        Issued ec = TestPki.issue(ca, TestPki.spec("bob").ecKey());
        Path cert = ec.writeCertificatePem(dir.resolve("bob.crt"));
        Path key = ec.writeTraditionalKeyPem(dir.resolve("bob.key"));
        assertTrue(Files.readString(key).contains("BEGIN EC PRIVATE KEY"));

        assertUsable(loader.load(cert, Optional.of(key), Optional.empty()), ec);
    }

    @Test
    void aLegacyEncryptedEcKeyOpensWithTheRightPassword() throws Exception {
        Issued ec = TestPki.issue(ca, TestPki.spec("bob").ecKey());
        Path cert = ec.writeCertificatePem(dir.resolve("bob.crt"));
        Path key = ec.writeLegacyEncryptedKeyPem(dir.resolve("bob.key"), PASSWORD, "AES-256-CBC");

        assertUsable(loader.load(cert, Optional.of(key), pw(PASSWORD)), ec);
    }

    @Test
    void anEcKeyInAPkcs12FileLoads() throws Exception {
        Issued ec = TestPki.issue(ca, TestPki.spec("bob").ecKey());
        Path p12 = ec.writePkcs12(dir.resolve("bob.p12"), PASSWORD);

        assertUsable(loader.load(p12, Optional.empty(), pw(PASSWORD)), ec);
    }

    @Test
    void anEd25519KeyLoads() throws Exception {
        Issued ed = TestPki.issue(ca, TestPki.spec("carol").ed25519Key());
        Path pem = ed.writeKeyAndCertificatesPem(dir.resolve("carol.pem"));

        assertUsable(loader.load(pem, Optional.empty(), Optional.empty()), ed);
    }

    @Test
    void aKeyOfAnotherCertificateDoesNotMatch() throws Exception {
        Issued other = TestPki.issue(ca, TestPki.spec("mallory").freshKey());
        Issued mine = TestPki.issue(ca, TestPki.spec("alice").freshKey());
        Path cert = mine.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = other.writeKeyPem(dir.resolve("mallory.key"));

        ClientCertificateException e = failure(Reason.KEY_DOES_NOT_MATCH, () -> loader.load(cert, Optional.of(key), Optional.empty()));
        assertTrue(e.getMessage().contains(cert.toString()), e.getMessage());
    }

    @Test
    void anEcKeyForAnRsaCertificateDoesNotMatch() throws Exception {
        Issued ec = TestPki.issue(ca, TestPki.spec("bob").ecKey());
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path key = ec.writeKeyPem(dir.resolve("bob.key"));

        failure(Reason.KEY_DOES_NOT_MATCH, () -> loader.load(cert, Optional.of(key), Optional.empty()));
    }

    @Test
    void aDerCertificateWithASeparateKeyLoads() throws Exception {
        Path cert = client.writeCertificateDer(dir.resolve("alice.cer"));
        Path key = client.writeKeyPem(dir.resolve("alice.key"));

        ClientCredentials credentials = loader.load(cert, Optional.of(key), Optional.empty());

        assertUsable(credentials, client);
        assertEquals(List.of(client.certificate()), credentials.chain());
    }

    @Test
    void aTextFileIsNotACertificate() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pem"), "just some notes\nnothing to see here\n");

        ClientCertificateException e = failure(Reason.NOT_A_CERTIFICATE, () -> loader.load(text, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    }

    @Test
    void binaryGarbageIsNotACertificate() throws Exception {
        Path junk = Files.write(dir.resolve("junk.p12"), new byte[]{0x30, (byte) 0x82, 0x7f, 0x01, 0x02, 0x03});

        failure(Reason.NOT_A_CERTIFICATE, () -> loader.load(junk, Optional.empty(), pw(PASSWORD)));
    }

    @Test
    void aKeyGivenInPlaceOfTheCertificateIsNotACertificate() throws Exception {
        Path key = client.writeKeyPem(dir.resolve("alice.key"));

        ClientCertificateException e = failure(Reason.NOT_A_CERTIFICATE, () -> loader.load(key, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("no certificate"), e.getMessage());
    }

    @Test
    void aMissingFileIsNotReadableAndNamed() {
        Path missing = dir.resolve("nowhere.p12");

        ClientCertificateException e = failure(Reason.FILE_NOT_READABLE, () -> loader.load(missing, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aMissingKeyFileIsNotReadableAndNamed() throws Exception {
        Path cert = client.writeCertificatePem(dir.resolve("alice.crt"));
        Path missing = dir.resolve("alice.key");

        ClientCertificateException e = failure(Reason.FILE_NOT_READABLE, () -> loader.load(cert, Optional.of(missing), Optional.empty()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aFolderIsNotReadable() {
        failure(Reason.FILE_NOT_READABLE, () -> loader.load(dir, Optional.empty(), Optional.empty()));
    }

    @Test
    void theLoadedChainStartsWithTheCertificateMatchingTheKey() throws Exception {
        Path p12 = client.writePkcs12(dir.resolve("alice.p12"), PASSWORD);
        X509Certificate first = loader.load(p12, Optional.empty(), pw(PASSWORD)).chain().get(0);

        assertEquals(client.keyPair().getPublic(), first.getPublicKey());
    }
}
