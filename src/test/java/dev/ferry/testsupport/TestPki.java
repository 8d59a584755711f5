package dev.ferry.testsupport;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates made in the test: certificate authorities, server and client certificates, written
 * as PKCS#12 key stores or PEM files. RSA 2048 keys are cached per JVM to keep tests fast.
 */
public final class TestPki {
    /** A Bouncy Castle provider for the writers; never installed globally. */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final List<KeyPair> KEY_POOL = new ArrayList<>();
    private static int nextKey;

    private TestPki() {
    }

    /** A certificate with its key and the chain above it (the certificate first). */
    public record Issued(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }

        /** Writes key and chain into a PKCS#12 file with {@code password} for store and key. */
        public Path writePkcs12(Path file, String password) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", keyPair.getPrivate(), password.toCharArray(), chain.toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        }

        /** Writes the chain as PEM certificates. */
        public Path writeCertificatePem(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                for (X509Certificate c : chain) {
                    pem.writeObject(c);
                }
            }
            return file;
        }

        /** Writes the private key as unencrypted PKCS#8 PEM. */
        public Path writeKeyPem(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(new JcaPKCS8Generator(keyPair.getPrivate(), null));
            }
            return file;
        }

        /** Writes the private key as encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}). */
        public Path writeEncryptedKeyPem(Path file, String password) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(BC) // the JDK has no AES/CBC/PKCS7Padding
                        .setPassword(password.toCharArray())
                        .build();
                pem.writeObject(new JcaPKCS8Generator(keyPair.getPrivate(), encryptor));
            } catch (org.bouncycastle.operator.OperatorCreationException e) {
                throw new IOException(e);
            }
            return file;
        }

        /**
         * Writes the private key as encrypted PKCS#8 PEM with the given algorithm, e.g.
         * {@link JcaPKCS8Generator#PBE_SHA1_3DES} for a legacy PKCS#12-style PBE key.
         */
        public Path writeEncryptedKeyPem(Path file, String password, ASN1ObjectIdentifier algorithm) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(algorithm)
                        .setProvider(BC)
                        .setPassword(password.toCharArray())
                        .build();
                pem.writeObject(new JcaPKCS8Generator(keyPair.getPrivate(), encryptor));
            } catch (org.bouncycastle.operator.OperatorCreationException e) {
                throw new IOException(e);
            }
            return file;
        }

        /**
         * Writes the private key in OpenSSL's traditional format: {@code RSA PRIVATE KEY} or
         * {@code EC PRIVATE KEY} (other key kinds come out as PKCS#8).
         */
        public Path writeTraditionalKeyPem(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(traditionalKey());
            }
            return file;
        }

        /**
         * Writes the private key in OpenSSL's legacy encrypted format ({@code RSA PRIVATE KEY} or
         * {@code EC PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED} and a {@code DEK-Info} line)
         * using {@code cipher}, e.g. "AES-256-CBC" or "DES-EDE3-CBC".
         */
        public Path writeLegacyEncryptedKeyPem(Path file, String password, String cipher) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(traditionalKey(), new JcePEMEncryptorBuilder(cipher)
                        .setProvider(BC)
                        .build(password.toCharArray()));
            }
            return file;
        }

        /**
         * The private key as Bouncy Castle's own key object: the JDK's EC keys leave the curve out
         * of the inner structure that {@code EC PRIVATE KEY} holds, while OpenSSL (and BC) put it in.
         */
        private java.security.PrivateKey traditionalKey() throws IOException {
            try {
                return java.security.KeyFactory.getInstance(keyPair.getPrivate().getAlgorithm(), BC)
                        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(keyPair.getPrivate().getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        /** Writes the unencrypted PKCS#8 key followed by the chain, all in one PEM file. */
        public Path writeKeyAndCertificatesPem(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(new JcaPKCS8Generator(keyPair.getPrivate(), null));
                for (X509Certificate c : chain) {
                    pem.writeObject(c);
                }
            }
            return file;
        }

        /** Writes only this certificate, DER-encoded (binary). */
        public Path writeCertificateDer(Path file) throws IOException {
            try {
                Files.write(file, certificate.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
            }
            return file;
        }

        /** A trust store (PKCS#12, no key) holding only this certificate. */
        public Path writeTrustStore(Path file, String password) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", certificate);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        }
    }

    /** What to issue. Defaults: valid from a day ago for a year, an end-entity certificate. */
    public static final class Spec {
        private final String commonName;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private final List<String> dnsNames = new ArrayList<>();
        private final List<String> ipAddresses = new ArrayList<>();
        private boolean ca;
        private KeyType keyType = KeyType.RSA_POOLED;

        private Spec(String commonName) {
            this.commonName = commonName;
        }

        public Spec validFrom(Instant from) {
            this.notBefore = from;
            return this;
        }

        public Spec validUntil(Instant until) {
            this.notAfter = until;
            return this;
        }

        public Spec expired() {
            return validFrom(Instant.now().minus(Duration.ofDays(400))).validUntil(Instant.now().minus(Duration.ofDays(30)));
        }

        public Spec notYetValid() {
            return validFrom(Instant.now().plus(Duration.ofDays(30))).validUntil(Instant.now().plus(Duration.ofDays(400)));
        }

        public Spec dns(String... names) {
            dnsNames.addAll(List.of(names));
            return this;
        }

        public Spec ip(String... addresses) {
            ipAddresses.addAll(List.of(addresses));
            return this;
        }

        /** The names a loopback test server needs: localhost and 127.0.0.1. */
        public Spec loopback() {
            return dns("localhost").ip("127.0.0.1");
        }

        public Spec ca() {
            this.ca = true;
            return this;
        }

        /**
         * A new RSA 2048 key that no other certificate of this JVM shares. (The default takes
         * keys from a small pool, so certificates issued far apart may share a key.)
         */
        public Spec freshKey() {
            this.keyType = KeyType.RSA_FRESH;
            return this;
        }

        /** An EC key on the NIST P-256 curve (a fresh one). */
        public Spec ecKey() {
            this.keyType = KeyType.EC_P256;
            return this;
        }

        /** An Ed25519 key (a fresh one). */
        public Spec ed25519Key() {
            this.keyType = KeyType.ED25519;
            return this;
        }
    }

    private enum KeyType { RSA_POOLED, RSA_FRESH, EC_P256, ED25519 }

    public static Spec spec(String commonName) {
        return new Spec(commonName);
    }

    /** A self-signed certificate (a root CA when {@code spec.ca()}). */
    public static Issued selfSigned(Spec spec) {
        KeyPair keys = keyPairFor(spec);
        X509Certificate cert = build(spec, keys, new X500Name("CN=" + spec.commonName + ",O=Ferry Tests"), keys);
        return new Issued(cert, keys, List.of(cert));
    }

    /** A certificate issued by {@code issuer}; its chain is this certificate followed by the issuer's chain. */
    public static Issued issue(Issued issuer, Spec spec) {
        KeyPair keys = keyPairFor(spec);
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate cert = build(spec, keys, issuerName, issuer.keyPair());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(issuer.chain());
        return new Issued(cert, keys, chain);
    }

    /** A loopback server certificate issued by a fresh root CA: {@code [server, root]}. */
    public static Issued loopbackServer() {
        Issued root = selfSigned(spec("Ferry Test Root CA").ca());
        return issue(root, spec("localhost").loopback());
    }

    private static X509Certificate build(Spec spec, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys) {
        try {
            X500Name subject = new X500Name("CN=" + spec.commonName + ",O=Ferry Tests");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(spec.notBefore), Date.from(spec.notAfter), subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.ca));
            if (spec.ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            spec.ipAddresses.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(issuerKeys)).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build test certificate", e);
        }
    }

    private static String signatureAlgorithm(KeyPair issuerKeys) {
        return switch (issuerKeys.getPrivate().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> "SHA256withRSA";
        };
    }

    private static KeyPair keyPairFor(Spec spec) {
        try {
            switch (spec.keyType) {
                case RSA_FRESH: {
                    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                    gen.initialize(2048);
                    return gen.generateKeyPair();
                }
                case EC_P256: {
                    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
                    gen.initialize(new ECGenParameterSpec("secp256r1"));
                    return gen.generateKeyPair();
                }
                case ED25519:
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                default:
                    return nextKeyPair();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KeyPair nextKeyPair() {
        try {
            if (KEY_POOL.size() < 12) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KEY_POOL.add(gen.generateKeyPair());
                return KEY_POOL.get(KEY_POOL.size() - 1);
            }
            return KEY_POOL.get(nextKey++ % KEY_POOL.size());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
