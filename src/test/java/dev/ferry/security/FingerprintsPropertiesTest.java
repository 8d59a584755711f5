package dev.ferry.security;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HexFormat;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FingerprintsPropertiesTest {

    @Provide
    Arbitrary<byte[]> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", ":", " ", "-", ": ");
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("", "SHA256:", "sha256=", "SHA-256: ", "SHA256 Fingerprint=", "  ");
    }

    @Property
    void anySpellingOfAHashNormalisesToTheCanonicalForm(@ForAll("hashes") byte[] hash,
                                                         @ForAll("separators") String separator,
                                                         @ForAll("prefixes") String prefix,
                                                         @ForAll boolean lowerCase) {
        String hex = HexFormat.ofDelimiter(separator).formatHex(hash);
        String input = prefix + (lowerCase ? hex.toLowerCase(Locale.ROOT) : hex.toUpperCase(Locale.ROOT));

        assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash), Fingerprints.normalize(input));
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll("hashes") byte[] hash) {
        String once = Fingerprints.normalize(HexFormat.of().formatHex(hash));
        assertEquals(once, Fingerprints.normalize(once));
    }
}
