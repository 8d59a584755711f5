package dev.ferry.security;

import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintsTest {
    private static final String CANONICAL =
            "3A:9F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:BA";
    private static X509Certificate cert;

    @BeforeAll
    static void makeCertificate() {
        cert = TestPki.selfSigned(TestPki.spec("fingerprinted.example")).certificate();
    }

    @Test
    void sha256IsTheUpperCaseColonHexOfTheDerHash() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());

        String fingerprint = Fingerprints.sha256(cert);

        assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash), fingerprint);
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
    }

    @Test
    void sha1HasTwentyPairs() {
        assertTrue(Fingerprints.sha1(cert).matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3A:9F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:BA",
            "3a9f00112233445566778899aabbccddeeff0123456789abcdef1032547698ba",
            "3a 9f 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 01 23 45 67 89 ab cd ef 10 32 54 76 98 ba",
            "SHA256:3A9F00112233445566778899AABBCCDDEEFF0123456789ABCDEF1032547698BA",
            "sha256=3a:9f:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:01:23:45:67:89:ab:cd:ef:10:32:54:76:98:ba",
            "SHA256 Fingerprint=3A:9F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:BA",
            "  sha-256: 3A9F0011-22334455-66778899-AABBCCDD-EEFF0123-456789AB-CDEF1032-547698BA \n",
    })
    void normalizeAcceptsTheUsualSpellings(String input) {
        assertEquals(CANONICAL, Fingerprints.normalize(input));
    }

    @Test
    void aFingerprintOfTheWrongLengthIsRefusedWithTheCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize("AB:CD:EF"));
        assertTrue(e.getMessage().contains("64") && e.getMessage().contains("6 were given"), e.getMessage());
    }

    @Test
    void aNonHexCharacterIsRefusedByName() {
        String input = CANONICAL.substring(0, CANONICAL.length() - 1) + "G";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize(input));
        assertTrue(e.getMessage().contains("'G'"), e.getMessage());
    }

    @Test
    void nonAsciiDigitsAreRefused() {
        String input = CANONICAL.replace('3', '\u0663'); // ARABIC-INDIC DIGIT THREE
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize(input));
    }

    @Test
    void aSha1FingerprintIsRefusedAsSuch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize(Fingerprints.sha1(cert)));
        assertTrue(e.getMessage().contains("SHA-1"), e.getMessage());
    }

    @Test
    void aSha1PrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize("SHA1:" + CANONICAL));
    }

    @Test
    void anEmptyFingerprintIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize("   "));
        assertTrue(e.getMessage().startsWith("No fingerprint"), e.getMessage());
    }

    @Test
    void matchesAcceptsTheCertificatesOwnFingerprintInAnySpelling() {
        String loose = Fingerprints.sha256(cert).replace(":", "").toLowerCase(Locale.ROOT);
        assertTrue(Fingerprints.matches(cert, loose));
        assertTrue(Fingerprints.matches(cert, "SHA256:" + loose));
    }

    @Test
    void matchesRefusesAnotherCertificatesFingerprint() {
        X509Certificate other = TestPki.selfSigned(TestPki.spec("other.example")).certificate();
        assertFalse(Fingerprints.matches(cert, Fingerprints.sha256(other)));
    }

    @Test
    void matchesThrowsForInputThatIsNoFingerprint() {
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.matches(cert, "not a fingerprint"));
    }
}
