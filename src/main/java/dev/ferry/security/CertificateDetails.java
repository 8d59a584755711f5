package dev.ferry.security;

import dev.ferry.engine.tls.DistinguishedNames;
import dev.ferry.engine.tls.HostnameMatcher;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Everything a person may want to see of one certificate, ready to display.
 *
 * @param subject               whom the certificate is for, most specific part first ("CN=ftp.example.org, O=Example")
 * @param issuer                who issued it, in the same form
 * @param notBefore             start of validity
 * @param notAfter              end of validity
 * @param serialHex             the serial number as upper-case hex pairs with colons
 * @param sha256Fingerprint     the SHA-256 fingerprint ({@link Fingerprints#sha256})
 * @param sha1Fingerprint       the SHA-1 fingerprint ({@link Fingerprints#sha1}), for reference only
 * @param alternativeNames      the subject alternative names: DNS names and IP addresses as they
 *                              are, other kinds prefixed ("email:", "URI:", "DirName:", "RID:", "otherName")
 * @param keyDescription        the public key, e.g. "RSA 2048 bits", "EC P-256", "Ed25519"
 * @param signatureAlgorithm    how the issuer signed it, e.g. "SHA256withRSA"
 * @param selfSigned            whether it is signed by its own key (its issuer is itself)
 * @param certificateAuthority  whether it may issue other certificates (basic constraints CA)
 */
public record CertificateDetails(String subject, String issuer, Instant notBefore, Instant notAfter, String serialHex,
                                 String sha256Fingerprint, String sha1Fingerprint, List<String> alternativeNames,
                                 String keyDescription, String signatureAlgorithm, boolean selfSigned,
                                 boolean certificateAuthority) {
    private static final int SECONDS_PER_DAY = 86_400;

    /** Checks the required fields and copies the list of names. */
    public CertificateDetails {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        alternativeNames = List.copyOf(alternativeNames);
    }

    /** Reads the details of {@code cert}. */
    public static CertificateDetails of(X509Certificate cert) {
        return new CertificateDetails(
                DistinguishedNames.readable(cert.getSubjectX500Principal()),
                DistinguishedNames.readable(cert.getIssuerX500Principal()),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                serialHex(cert.getSerialNumber()),
                Fingerprints.sha256(cert),
                Fingerprints.sha1(cert),
                alternativeNames(cert),
                describeKey(cert.getPublicKey()),
                cert.getSigAlgName(),
                isSelfSigned(cert),
                cert.getBasicConstraints() >= 0);
    }

    /**
     * Whole days until the certificate expires: 0 on its last day, negative once it has expired
     * (-1 on the day after its end, and so on).
     */
    public long daysLeft(Clock clock) {
        long seconds = Duration.between(clock.instant(), notAfter).toSeconds();
        return Math.floorDiv(seconds, SECONDS_PER_DAY);
    }

    /** Whether the certificate is valid at the clock's current instant. */
    public boolean validAt(Clock clock) {
        Instant now = clock.instant();
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    static String serialHex(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0 && serial.signum() >= 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    private static List<String> alternativeNames(X509Certificate cert) {
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of("(unreadable alternative names)");
        }
        if (sans == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<?> san : sans) {
            if (san.size() < 2 || !(san.get(0) instanceof Integer type)) {
                continue;
            }
            Object value = san.get(1);
            String text = value instanceof String s ? s : "(binary)";
            switch (type) {
                case 0 -> out.add("otherName");
                case 1 -> out.add("email:" + text);
                case 2 -> out.add(text);
                case 4 -> out.add("DirName:" + text);
                case 6 -> out.add("URI:" + text);
                case 7 -> out.add(ipText(text));
                case 8 -> out.add("RID:" + text);
                default -> out.add("other:" + text);
            }
        }
        return out;
    }

    private static String ipText(String javaForm) {
        if (!javaForm.contains(":") || !org.bouncycastle.util.IPAddress.isValidIPv6(javaForm)) {
            return javaForm;
        }
        try {
            // a valid IPv6 literal in brackets: parsed without any name lookup
            return HostnameMatcher.formatAddress(InetAddress.getByName("[" + javaForm + "]").getAddress());
        } catch (UnknownHostException e) {
            return javaForm;
        }
    }

    static String describeKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            String name = "RSASSA-PSS".equalsIgnoreCase(key.getAlgorithm()) ? "RSA-PSS" : "RSA";
            return name + " " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return "DSA " + dsa.getParams().getP().bitLength() + " bits";
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            AlgorithmIdentifier alg = info.getAlgorithm();
            ASN1ObjectIdentifier oid = alg.getAlgorithm();
            if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
                return "Ed25519";
            }
            if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
                return "Ed448";
            }
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                ASN1Primitive params = alg.getParameters() == null ? null : alg.getParameters().toASN1Primitive();
                if (params instanceof ASN1ObjectIdentifier curve) {
                    String nist = NISTNamedCurves.getName(curve);
                    if (nist != null) {
                        return "EC " + nist;
                    }
                    String other = ECNamedCurveTable.getName(curve);
                    return "EC " + (other != null ? other : curve.getId());
                }
                if (key instanceof ECPublicKey ec) {
                    return "EC " + ec.getParams().getCurve().getField().getFieldSize() + " bits (explicit curve)";
                }
                return "EC";
            }
        } catch (RuntimeException e) {
            // fall through to the algorithm name
        }
        return key.getAlgorithm();
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
