package dev.ferry.security;

import dev.ferry.engine.tls.ServerCertificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Certificate fingerprints: the hash of a certificate's DER encoding, written as upper-case hex
 * pairs separated by colons ({@code "AB:CD:..."}), as browsers and OpenSSL show them.
 *
 * <p>Security: trusting a server by its fingerprint ({@code --fingerprint}) trusts exactly that
 * certificate, whoever issued it and whatever names it carries. Compare the fingerprint with one
 * obtained through a channel you trust (from the server's administrator, or read on the server
 * itself), never with one the same connection just showed you. Only SHA-256 fingerprints are
 * accepted as input; SHA-1 ones are shown for reference only.
 */
public final class Fingerprints {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    private static final int SHA256_BYTES = 32;
    private static final String[] PREFIXES = {"sha256 fingerprint=", "sha-256 fingerprint=", "sha256:", "sha256=",
            "sha-256:", "sha-256=", "sha256 ", "sha-256 "};

    private Fingerprints() {
    }

    /** The SHA-256 fingerprint, e.g. {@code "3A:9F:...:07"} (32 pairs). */
    public static String sha256(X509Certificate c) {
        return ServerCertificate.fingerprint(c, "SHA-256");
    }

    /** The SHA-1 fingerprint (20 pairs); for display next to tools that still show it. */
    public static String sha1(X509Certificate c) {
        return ServerCertificate.fingerprint(c, "SHA-1");
    }

    /**
     * Normalises a SHA-256 fingerprint typed or pasted by a person to the form {@link #sha256}
     * produces. Accepts hex digits in any case, separated by colons, spaces, hyphens or nothing,
     * optionally preceded by {@code SHA256:}, {@code sha256=}, {@code SHA-256:} or OpenSSL's
     * {@code SHA256 Fingerprint=}.
     *
     * @throws IllegalArgumentException with a message for people when the input is not 64 hex
     *                                  digits (a SHA-1 fingerprint gets its own message)
     */
    public static String normalize(String userInput) {
        if (userInput == null || userInput.isBlank()) {
            throw new IllegalArgumentException("No fingerprint was given: expected a SHA-256 fingerprint of 64 hexadecimal digits.");
        }
        String s = userInput.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sha1") || lower.startsWith("sha-1") || lower.startsWith("md5")) {
            throw new IllegalArgumentException("Only SHA-256 fingerprints are accepted, not "
                    + (lower.startsWith("md5") ? "MD5" : "SHA-1") + " ones.");
        }
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                s = s.substring(prefix.length()).strip();
                break;
            }
        }
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ':' || ch == '-' || Character.isWhitespace(ch)) {
                continue;
            }
            if (Character.digit(ch, 16) < 0 || ch > 0x7f) {
                throw new IllegalArgumentException("A fingerprint holds only hexadecimal digits (0-9, A-F), "
                        + "optionally separated by colons or spaces; '" + printable(ch) + "' is not one.");
            }
            hex.append(Character.toUpperCase(ch));
        }
        int digits = hex.length();
        if (digits == 40) {
            throw new IllegalArgumentException("This looks like a SHA-1 fingerprint (40 hexadecimal digits); "
                    + "a SHA-256 fingerprint of 64 hexadecimal digits is needed.");
        }
        if (digits != SHA256_BYTES * 2) {
            throw new IllegalArgumentException("A SHA-256 fingerprint has 64 hexadecimal digits, but "
                    + digits + (digits == 1 ? " was" : " were") + " given.");
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(hex));
    }

    /**
     * Whether the certificate's SHA-256 fingerprint is the one the person gave.
     *
     * <p>Security: see the class description; a match means "this exact certificate", nothing more.
     *
     * @throws IllegalArgumentException when {@code userInput} is not a SHA-256 fingerprint
     */
    public static boolean matches(X509Certificate c, String userInput) {
        byte[] expected = HexFormat.ofDelimiter(":").parseHex(normalize(userInput));
        return MessageDigest.isEqual(expected, digest("SHA-256", c));
    }

    private static String printable(char ch) {
        return Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
    }

    private static byte[] digest(String algorithm, X509Certificate c) {
        try {
            return MessageDigest.getInstance(algorithm).digest(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
