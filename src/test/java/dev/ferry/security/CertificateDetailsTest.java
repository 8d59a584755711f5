package dev.ferry.security;

import dev.ferry.testsupport.TestPki;
import dev.ferry.testsupport.TestPki.Issued;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateDetailsTest {
    private static Issued root;
    private static Issued server;
    private static CertificateDetails details;

    @BeforeAll
    static void makeCertificates() {
        root = TestPki.selfSigned(TestPki.spec("Details Root CA").ca());
        server = TestPki.issue(root, TestPki.spec("localhost").loopback().ip("2001:db8:0:0:0:0:0:7"));
        details = CertificateDetails.of(server.certificate());
    }

    @Test
    void subjectAndIssuerAreReadableNames() {
        assertTrue(details.subject().contains("CN=localhost") && details.subject().contains("O=Ferry Tests"), details.subject());
        assertTrue(details.issuer().contains("CN=Details Root CA"), details.issuer());
    }

    @Test
    void theValidityPeriodIsTheCertificates() {
        assertEquals(server.certificate().getNotBefore().toInstant(), details.notBefore());
        assertEquals(server.certificate().getNotAfter().toInstant(), details.notAfter());
    }

    @Test
    void theSerialIsColonSeparatedHex() {
        assertEquals(server.certificate().getSerialNumber(), new BigInteger(details.serialHex().replace(":", ""), 16));
        assertTrue(details.serialHex().matches("([0-9A-F]{2}:)*[0-9A-F]{2}"), details.serialHex());
    }

    @Test
    void aSerialIsWrittenWithoutItsSignByte() {
        assertEquals("FF", CertificateDetails.serialHex(BigInteger.valueOf(255)));
        assertEquals("01", CertificateDetails.serialHex(BigInteger.ONE));
        assertEquals("01:00", CertificateDetails.serialHex(BigInteger.valueOf(256)));
    }

    @Test
    void theFingerprintsAreThoseOfFingerprints() {
        assertEquals(Fingerprints.sha256(server.certificate()), details.sha256Fingerprint());
        assertEquals(Fingerprints.sha1(server.certificate()), details.sha1Fingerprint());
    }

    @Test
    void alternativeNamesListDnsNamesAndAddresses() {
        assertEquals(List.of("localhost", "127.0.0.1", "2001:db8::7"), details.alternativeNames());
    }

    @Test
    void anRsaKeyIsDescribedWithItsSize() {
        assertEquals("RSA 2048 bits", details.keyDescription());
    }

    @Test
    void anEcKeyIsDescribedByItsCurve() {
        Issued ec = TestPki.issue(root, TestPki.spec("ec.example").ecKey());
        assertEquals("EC P-256", CertificateDetails.of(ec.certificate()).keyDescription());
    }

    @Test
    void anEd25519KeyIsDescribedByName() {
        Issued ed = TestPki.issue(root, TestPki.spec("ed.example").ed25519Key());
        assertEquals("Ed25519", CertificateDetails.of(ed.certificate()).keyDescription());
    }

    @Test
    void theSignatureAlgorithmIsNamed() {
        assertEquals("SHA256withRSA", details.signatureAlgorithm());
    }

    @Test
    void aRootIsASelfSignedAuthority() {
        CertificateDetails rootDetails = CertificateDetails.of(root.certificate());
        assertTrue(rootDetails.selfSigned());
        assertTrue(rootDetails.certificateAuthority());
    }

    @Test
    void aServerCertificateIsNeitherSelfSignedNorAnAuthority() {
        assertFalse(details.selfSigned());
        assertFalse(details.certificateAuthority());
    }

    @Test
    void daysLeftCountsWholeDaysUntilTheEnd() {
        Clock tenDaysBefore = Clock.fixed(details.notAfter().minus(Duration.ofDays(10)), ZoneOffset.UTC);
        Clock anHourBefore = Clock.fixed(details.notAfter().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertEquals(10, details.daysLeft(tenDaysBefore));
        assertEquals(0, details.daysLeft(anHourBefore));
    }

    @Test
    void daysLeftIsNegativeOnceExpired() {
        Clock anHourAfter = Clock.fixed(details.notAfter().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Clock fiveDaysAfter = Clock.fixed(details.notAfter().plus(Duration.ofDays(5)), ZoneOffset.UTC);
        assertEquals(-1, details.daysLeft(anHourAfter));
        assertEquals(-5, details.daysLeft(fiveDaysAfter));
    }

    @Test
    void theAlternativeNamesCannotBeChangedFromOutside() {
        List<String> names = details.alternativeNames();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> names.add("evil.example"));
    }
}
