package dev.ferry.security;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Placeholder until the security branch lands. */
public record CertificateDetails(String subject, String issuer, Instant notBefore, Instant notAfter, String serialHex,
                                 String sha256Fingerprint, String sha1Fingerprint, List<String> alternativeNames,
                                 String keyDescription, String signatureAlgorithm, boolean selfSigned,
                                 boolean certificateAuthority) {
    public static CertificateDetails of(X509Certificate c) {
        return new CertificateDetails(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), c.getSerialNumber().toString(16),
                dev.ferry.engine.tls.ServerCertificate.fingerprint(c, "SHA-256"),
                dev.ferry.engine.tls.ServerCertificate.fingerprint(c, "SHA-1"), List.of(), "", c.getSigAlgName(), false, false);
    }

    public long daysLeft(Clock clock) {
        return java.time.Duration.between(clock.instant(), notAfter).toDays();
    }
}
