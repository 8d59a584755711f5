package dev.ferry.security;

import dev.ferry.engine.tls.ServerCertificate;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A server certificate the user chose to always trust: pinned by host, port and SHA-256 fingerprint.
 *
 * <p>Security warning: a pin trusts exactly this certificate for this host and port, whoever issued it and
 * whatever its dates; it is only as good as the check the user made of the fingerprint when pinning it.
 *
 * @param host      the host name or address as the user typed it, lower-cased
 * @param port      the port connected to
 * @param sha256    the SHA-256 fingerprint, as {@link Fingerprints#sha256} writes it
 * @param subject   whom the certificate was for, for people reviewing the list
 * @param issuer    who issued it, for people reviewing the list
 * @param notAfter  when it expires
 * @param trustedAt when the user chose to trust it
 */
public record KnownCertificate(String host, int port, String sha256, String subject, String issuer, Instant notAfter,
                               Instant trustedAt) {
    /** Checks and normalises the fields; a fingerprint that is not SHA-256 is refused. */
    public KnownCertificate {
        host = normalizeHost(host);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the port " + port + " is not between 1 and 65535");
        }
        sha256 = Fingerprints.normalize(sha256);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(trustedAt, "trustedAt");
    }

    /** The pin for the certificate a server just presented. */
    public static KnownCertificate of(ServerCertificate presented, Instant now) {
        CertificateDetails d = CertificateDetails.of(presented.leaf());
        return new KnownCertificate(presented.host(), presented.port(), d.sha256Fingerprint(), d.subject(), d.issuer(),
                d.notAfter(), now);
    }

    /** Whether this pin is for the server {@code host}:{@code port}. */
    public boolean isFor(String host, int port) {
        return this.port == port && this.host.equals(normalizeHost(host));
    }

    /** Whether the presented certificate is the one pinned (same fingerprint). */
    public boolean matches(ServerCertificate presented) {
        return sha256.equals(presented.sha256Fingerprint());
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String server() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String normalizeHost(String host) {
        Objects.requireNonNull(host, "host");
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            throw new IllegalArgumentException("the host name is empty");
        }
        for (int i = 0; i < h.length(); i++) {
            if (Character.isISOControl(h.charAt(i)) || Character.isWhitespace(h.charAt(i))) {
                throw new IllegalArgumentException("the host name holds a space or control character");
            }
        }
        return h;
    }
}
