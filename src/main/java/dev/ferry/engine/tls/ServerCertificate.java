package dev.ferry.engine.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The certificate chain a server presented, with the evaluation of it and the TLS parameters of the
 * connection it came on.
 *
 * @param host        the host name the client connected to
 * @param port        the port the client connected to
 * @param chain       the server's certificate first
 * @param tlsProtocol the negotiated protocol, such as {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param evaluation  what the evaluator found wrong, if anything
 */
public record ServerCertificate(String host, int port, List<X509Certificate> chain, String tlsProtocol,
                                String cipherSuite, ServerCertificateEvaluator.Evaluation evaluation) {
    public ServerCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server certificate chain needs at least one certificate");
        }
    }

    /** The server's own certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of the server's certificate, as {@code AB:CD:...}. */
    public String sha256Fingerprint() {
        return fingerprint(leaf(), "SHA-256");
    }

    /** A sentence for people: what is wrong and the fingerprint to check it against. */
    public String summary() {
        String why = evaluation.explanations().isEmpty()
                ? "it was refused"
                : String.join("; ", evaluation.explanations());
        return "the certificate of " + host + ":" + port + " is not trusted: " + why
                + " (SHA-256 fingerprint " + sha256Fingerprint() + ")";
    }

    /** A colon-separated upper-case hex digest of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate, String digestAlgorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(digestAlgorithm).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate with " + digestAlgorithm, e);
        }
    }
}
