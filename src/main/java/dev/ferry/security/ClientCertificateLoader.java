package dev.ferry.security;

import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.security.ClientCertificateException.Reason;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a client certificate with its private key, for servers that ask for one.
 *
 * <p>The format is recognised by content, not by file name extension:
 * <ul>
 *   <li><b>PKCS#12</b> ({@code .p12}, {@code .pfx}): binary, holds the key and the chain; the
 *       password opens both. Without a password an empty one is tried.</li>
 *   <li><b>PEM</b> ({@code .pem}, {@code .crt}): text with {@code CERTIFICATE} blocks and, either
 *       in the same file or in a separate key file, one private key: {@code PRIVATE KEY}
 *       (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (PKCS#8 with PBES2/AES or legacy PBE),
 *       {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY} (OpenSSL's traditional format, also
 *       when encrypted with {@code Proc-Type: 4,ENCRYPTED}).</li>
 *   <li>A binary (DER) certificate with its key in a separate PEM or DER PKCS#8 file.</li>
 * </ul>
 *
 * <p>The key is checked to belong to the certificate, and the chain is put in order: the
 * client's certificate first, then its issuers as far as the files contain them; certificates
 * that are not part of that chain are left out.
 *
 * <p>Security: passwords are never written into messages or logs. The caller owns the password
 * array and may wipe it after the call. Keys are returned as JDK key objects so that the JDK's
 * TLS implementation can use them.
 */
public final class ClientCertificateLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCertificateLoader.class);
    /** Larger files are not certificates; this keeps a wrong choice of file from eating memory. */
    private static final long MAX_FILE_SIZE = 4L * 1024 * 1024;
    /** Used only as a local provider for decrypting PEM keys; never installed globally. */
    /** Made on first use: Bouncy Castle's provider loads some 700 classes, which the window's start need not wait for. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** Creates a loader; it holds no state. */
    public ClientCertificateLoader() {
    }

    /**
     * Loads a client certificate.
     *
     * @param certificateFile a PKCS#12 file, or a PEM (or DER) file with the certificate and maybe the key
     * @param keyFile         a separate PEM (or DER PKCS#8) file with the private key, if the key
     *                        is not in {@code certificateFile}; ignored for PKCS#12
     * @param password        the password of the PKCS#12 file or of the encrypted key
     * @return the key and the chain, the client's certificate first
     * @throws ClientCertificateException with a {@link Reason} and a message naming the file
     */
    public ClientCredentials load(Path certificateFile, Optional<Path> keyFile, Optional<char[]> password)
            throws ClientCertificateException {
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(password, "password");
        byte[] content = read(certificateFile, "certificate file");
        if (looksBinary(content)) {
            ASN1Sequence der = parseDer(content).orElseThrow(() -> notACertificate(certificateFile));
            if (der.size() > 0 && der.getObjectAt(0) instanceof ASN1Integer) {
                if (keyFile.isPresent()) {
                    LOG.warn("ignoring the key file {}: the PKCS#12 file {} holds the key", keyFile.get(), certificateFile);
                }
                return loadPkcs12(certificateFile, content, password);
            }
            X509Certificate cert = parseDerCertificate(content).orElseThrow(() -> notACertificate(certificateFile));
            if (keyFile.isEmpty()) {
                throw new ClientCertificateException(Reason.NO_PRIVATE_KEY, "The certificate file " + certificateFile
                        + " holds a certificate but no private key; the key must be given in a separate file.");
            }
            return assemble(certificateFile, loadKeyFile(keyFile.get(), password), List.of(cert));
        }
        PemContent pem = parsePem(certificateFile, content, password);
        if (pem.certificates.isEmpty()) {
            if (pem.key.isPresent() || pem.keyProblem.isPresent()) {
                throw new ClientCertificateException(Reason.NOT_A_CERTIFICATE, "The file " + certificateFile
                        + " holds a private key but no certificate; was the key file given in place of the certificate?");
            }
            throw notACertificate(certificateFile);
        }
        PrivateKey key;
        if (keyFile.isPresent()) {
            key = loadKeyFile(keyFile.get(), password);
        } else if (pem.keyProblem.isPresent()) {
            throw pem.keyProblem.get();
        } else {
            key = pem.key.orElseThrow(() -> new ClientCertificateException(Reason.NO_PRIVATE_KEY,
                    "The certificate file " + certificateFile + " holds a certificate but no private key; "
                            + "the key must be given in a separate file."));
        }
        return assemble(certificateFile, key, pem.certificates);
    }

    // ---------------------------------------------------------------- PKCS#12

    private ClientCredentials loadPkcs12(Path file, byte[] content, Optional<char[]> password) throws ClientCertificateException {
        boolean given = password.isPresent() && password.get().length > 0;
        char[] pw = password.orElseGet(() -> new char[0]);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), pw);
        } catch (IOException e) {
            if (isPasswordFailure(e)) {
                throw given
                        ? new ClientCertificateException(Reason.WRONG_PASSWORD, "The password does not open the PKCS#12 file " + file + ".", e)
                        : new ClientCertificateException(Reason.PASSWORD_REQUIRED, "The PKCS#12 file " + file + " is protected by a password.", e);
            }
            throw new ClientCertificateException(Reason.NOT_A_CERTIFICATE,
                    "The file " + file + " is not a valid PKCS#12 file (" + plain(e) + ").", e);
        } catch (GeneralSecurityException e) {
            throw new ClientCertificateException(Reason.UNSUPPORTED_KEY,
                    "The PKCS#12 file " + file + " uses a format or algorithm this Java runtime cannot read (" + plain(e) + ").", e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.isEmpty()) {
                throw new ClientCertificateException(Reason.NO_PRIVATE_KEY,
                        "The PKCS#12 file " + file + " holds no private key, only certificates.");
            }
            if (keyAliases.size() > 1) {
                LOG.warn("the PKCS#12 file {} holds {} keys; using the first one, '{}'", file, keyAliases.size(), keyAliases.get(0));
            }
            String alias = keyAliases.get(0);
            java.security.Key raw;
            try {
                raw = store.getKey(alias, pw);
            } catch (UnrecoverableKeyException e) {
                throw given
                        ? new ClientCertificateException(Reason.WRONG_PASSWORD,
                        "The password does not open the private key in the PKCS#12 file " + file + ".", e)
                        : new ClientCertificateException(Reason.PASSWORD_REQUIRED,
                        "The private key in the PKCS#12 file " + file + " is protected by a password.", e);
            }
            if (!(raw instanceof PrivateKey key)) {
                throw new ClientCertificateException(Reason.NO_PRIVATE_KEY,
                        "The PKCS#12 file " + file + " holds no private key, only a secret key.");
            }
            List<X509Certificate> certs = new ArrayList<>();
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain != null) {
                for (Certificate c : chain) {
                    if (c instanceof X509Certificate x) {
                        certs.add(x);
                    }
                }
            }
            if (certs.isEmpty() && store.getCertificate(alias) instanceof X509Certificate x) {
                certs.add(x);
            }
            if (certs.isEmpty()) {
                throw new ClientCertificateException(Reason.NOT_A_CERTIFICATE,
                        "The PKCS#12 file " + file + " holds a private key but no certificate for it.");
            }
            return assemble(file, key, certs);
        } catch (GeneralSecurityException e) {
            throw new ClientCertificateException(Reason.UNSUPPORTED_KEY,
                    "The private key in the PKCS#12 file " + file + " cannot be read (" + plain(e) + ").", e);
        }
    }

    private static boolean isPasswordFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException || t instanceof javax.crypto.BadPaddingException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("password") || lower.contains("integrity check failed")) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- PEM

    /** What one PEM file holds: certificates, and a key or the reason the key could not be read. */
    private record PemContent(List<X509Certificate> certificates, Optional<PrivateKey> key,
                              Optional<ClientCertificateException> keyProblem) {
    }

    private PemContent parsePem(Path file, byte[] content, Optional<char[]> password) throws ClientCertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        int objects = 0;
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0; // a UTF-8 byte order mark
        String text = new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            while (true) {
                Object o;
                try {
                    o = parser.readObject();
                } catch (IOException | RuntimeException e) {
                    // a damaged or unknown block: skip it, the rest may still be useful
                    LOG.debug("skipping an unreadable PEM block in {}: {}", file, e.toString());
                    objects++;
                    if (objects > 10_000) {
                        break;
                    }
                    continue;
                }
                if (o == null) {
                    break;
                }
                objects++;
                if (o instanceof X509TrustedCertificateBlock trusted) {
                    o = trusted.getCertificateHolder();
                }
                if (o instanceof X509CertificateHolder holder) {
                    try {
                        certs.add(converter.getCertificate(holder));
                    } catch (CertificateException e) {
                        LOG.debug("skipping an unreadable certificate in {}: {}", file, e.toString());
                    }
                } else if (o instanceof PEMKeyPair || o instanceof PEMEncryptedKeyPair || o instanceof PrivateKeyInfo
                        || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    keys.add(o);
                }
            }
        } catch (IOException e) {
            throw notACertificate(file);
        }
        if (keys.size() > 1) {
            LOG.warn("the file {} holds {} private keys; using the first one", file, keys.size());
        }
        Optional<PrivateKey> key = Optional.empty();
        Optional<ClientCertificateException> problem = Optional.empty();
        if (!keys.isEmpty()) {
            try {
                key = Optional.of(toPrivateKey(file, keys.get(0), password));
            } catch (ClientCertificateException e) {
                problem = Optional.of(e);
            }
        }
        return new PemContent(certs, key, problem);
    }

    private PrivateKey toPrivateKey(Path file, Object keyObject, Optional<char[]> password) throws ClientCertificateException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKeyInfo info;
        if (keyObject instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (keyObject instanceof PrivateKeyInfo plain) {
            info = plain;
        } else if (keyObject instanceof PEMEncryptedKeyPair encrypted) {
            char[] pw = requirePassword(file, password);
            try {
                info = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(pw)).getPrivateKeyInfo();
            } catch (IOException | RuntimeException e) {
                throw decryptionFailure(file, e, isUnsupported(e) || lower(e).contains("unknown encryption"));
            }
        } else if (keyObject instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            char[] pw = requirePassword(file, password);
            try {
                info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(pw));
            } catch (PKCSException | OperatorCreationException | RuntimeException e) {
                throw decryptionFailure(file, e, e instanceof OperatorCreationException
                        || e.getCause() instanceof OperatorCreationException || isUnsupported(e));
            }
        } else {
            throw new ClientCertificateException(Reason.NO_PRIVATE_KEY, "The file " + file + " holds no private key.");
        }
        try {
            return converter.getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new ClientCertificateException(Reason.UNSUPPORTED_KEY, "The private key in " + file
                    + " is of a kind this Java runtime cannot use (" + info.getPrivateKeyAlgorithm().getAlgorithm().getId() + ").", e);
        }
    }

    private static char[] requirePassword(Path file, Optional<char[]> password) throws ClientCertificateException {
        if (password.isEmpty() || password.get().length == 0) {
            throw new ClientCertificateException(Reason.PASSWORD_REQUIRED,
                    "The private key in " + file + " is encrypted and needs a password.");
        }
        return password.get();
    }

    private static ClientCertificateException decryptionFailure(Path file, Exception e, boolean unsupported) {
        if (unsupported) {
            return new ClientCertificateException(Reason.UNSUPPORTED_KEY, "The private key in " + file
                    + " is encrypted with a method Ferry does not support (" + plain(e) + ").", e);
        }
        return new ClientCertificateException(Reason.WRONG_PASSWORD,
                "The password does not decrypt the private key in " + file + ".", e);
    }

    private static boolean isUnsupported(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchAlgorithmException || t instanceof javax.crypto.NoSuchPaddingException) {
                return true;
            }
        }
        return false;
    }

    private static String lower(Throwable e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- separate key file

    private PrivateKey loadKeyFile(Path keyFile, Optional<char[]> password) throws ClientCertificateException {
        byte[] content = read(keyFile, "key file");
        if (looksBinary(content)) {
            Optional<ASN1Sequence> der = parseDer(content);
            Object keyObject = null;
            if (der.isPresent() && der.get().size() >= 2) {
                ASN1Encodable first = der.get().getObjectAt(0);
                ASN1Encodable second = der.get().getObjectAt(1);
                try {
                    if (first instanceof ASN1Integer && second instanceof ASN1Sequence) {
                        keyObject = PrivateKeyInfo.getInstance(der.get());
                    } else if (first instanceof ASN1Sequence && second instanceof ASN1OctetString) {
                        keyObject = new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(der.get()));
                    }
                } catch (RuntimeException e) {
                    keyObject = null;
                }
            }
            if (keyObject == null) {
                throw new ClientCertificateException(Reason.NO_PRIVATE_KEY,
                        "The key file " + keyFile + " holds no private key Ferry can read (expected PEM or PKCS#8).");
            }
            return toPrivateKey(keyFile, keyObject, password);
        }
        PemContent pem = parsePem(keyFile, content, password);
        if (pem.keyProblem.isPresent()) {
            throw pem.keyProblem.get();
        }
        return pem.key.orElseThrow(() -> new ClientCertificateException(Reason.NO_PRIVATE_KEY,
                "The key file " + keyFile + " holds no private key"
                        + (pem.certificates.isEmpty() ? "." : ", only certificates.")));
    }

    // ---------------------------------------------------------------- key and chain

    private ClientCredentials assemble(Path file, PrivateKey key, List<X509Certificate> certificates) throws ClientCertificateException {
        Optional<X509Certificate> leaf = Optional.empty();
        for (X509Certificate c : certificates) {
            Match m = keyMatches(key, c.getPublicKey());
            if (m == Match.UNSUPPORTED) {
                throw new ClientCertificateException(Reason.UNSUPPORTED_KEY, "The private key for " + file
                        + " is a " + key.getAlgorithm() + " key, which cannot sign and so cannot be used for a client certificate.");
            }
            if (m == Match.YES) {
                leaf = Optional.of(c);
                break;
            }
        }
        if (leaf.isEmpty()) {
            String which = certificates.size() == 1 ? "the certificate" : "any of the " + certificates.size() + " certificates";
            throw new ClientCertificateException(Reason.KEY_DOES_NOT_MATCH,
                    "The private key does not belong to " + which + " in " + file + ".");
        }
        List<X509Certificate> chain = orderChain(leaf.get(), certificates);
        if (chain.size() < certificates.size()) {
            LOG.debug("{} certificate(s) in {} are not part of the client certificate's chain and are left out",
                    certificates.size() - chain.size(), file);
        }
        return new ClientCredentials(key, chain);
    }

    /** The leaf, then its issuers as found among {@code all}, by name and (preferably) signature. */
    static List<X509Certificate> orderChain(X509Certificate leaf, List<X509Certificate> all) {
        List<X509Certificate> chain = new ArrayList<>();
        List<X509Certificate> remaining = new ArrayList<>(all);
        remaining.remove(leaf);
        chain.add(leaf);
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate child = current;
            List<X509Certificate> named = remaining.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                    .toList();
            if (named.isEmpty()) {
                break;
            }
            X509Certificate next = named.stream().filter(c -> signedBy(child, c)).findFirst().orElse(named.get(0));
            chain.add(next);
            remaining.remove(next);
            current = next;
        }
        return chain;
    }

    private static boolean signedBy(X509Certificate child, X509Certificate issuer) {
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private enum Match { YES, NO, UNSUPPORTED }

    /** Whether the private key belongs to the public key: exact for RSA, by a test signature otherwise. */
    static Match keyMatches(PrivateKey privateKey, PublicKey publicKey) {
        String privateFamily = family(privateKey.getAlgorithm());
        String signature = switch (privateFamily) {
            case "RSA" -> null;
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> "";
        };
        if ("".equals(signature)) {
            return Match.UNSUPPORTED;
        }
        if (!privateFamily.equals(family(publicKey.getAlgorithm()))) {
            return Match.NO;
        }
        if (privateKey instanceof RSAKey rsaPrivate && publicKey instanceof RSAPublicKey rsaPublic) {
            boolean modulus = rsaPrivate.getModulus().equals(rsaPublic.getModulus());
            boolean exponent = !(privateKey instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(rsaPublic.getPublicExponent());
            return modulus && exponent ? Match.YES : Match.NO;
        }
        if (signature == null) {
            return Match.NO;
        }
        try {
            byte[] message = new byte[32];
            new SecureRandom().nextBytes(message);
            Signature signer = Signature.getInstance(signature);
            signer.initSign(privateKey);
            signer.update(message);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(signature);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signed) ? Match.YES : Match.NO;
        } catch (GeneralSecurityException | RuntimeException e) {
            return Match.NO;
        }
    }

    private static String family(String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        return switch (a) {
            case "RSA", "RSASSA-PSS" -> "RSA";
            case "EC", "ECDSA" -> "EC";
            case "EDDSA", "ED25519", "ED448" -> "EdDSA";
            case "DSA" -> "DSA";
            default -> a;
        };
    }

    // ---------------------------------------------------------------- files and formats

    private static byte[] read(Path file, String what) throws ClientCertificateException {
        try {
            if (Files.isDirectory(file)) {
                throw new ClientCertificateException(Reason.FILE_NOT_READABLE, "The " + what + " " + file + " is a folder, not a file.");
            }
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new ClientCertificateException(Reason.NOT_A_CERTIFICATE,
                        "The " + what + " " + file + " is too large to be a certificate or key.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ClientCertificateException(Reason.FILE_NOT_READABLE, "The " + what + " " + file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new ClientCertificateException(Reason.FILE_NOT_READABLE,
                    "The " + what + " " + file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new ClientCertificateException(Reason.FILE_NOT_READABLE,
                    "The " + what + " " + file + " cannot be read (" + plain(e) + ").", e);
        }
    }

    /** DER starts with a SEQUENCE tag (0x30); PEM is text. */
    private static boolean looksBinary(byte[] content) {
        return content.length > 0 && (content[0] & 0xff) == 0x30;
    }

    private static Optional<ASN1Sequence> parseDer(byte[] content) {
        try (ASN1InputStream in = new ASN1InputStream(content)) {
            ASN1Primitive p = in.readObject();
            return p instanceof ASN1Sequence s ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> parseDerCertificate(byte[] content) {
        try {
            Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(content));
            return c instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ClientCertificateException notACertificate(Path file) {
        return new ClientCertificateException(Reason.NOT_A_CERTIFICATE, "The file " + file
                + " is not a certificate: it is neither a PKCS#12 file nor a PEM file with a CERTIFICATE block.");
    }

    /** An exception's message without class names, for parentheses in a sentence. */
    private static String plain(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
