package dev.ferry.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.operator.OperatorCreationException;

import dev.ferry.security.AtomicFiles;

/**
 * The demo server's key and self-signed certificate in a PKCS#12 file ({@code demo.p12}, its password beside
 * it in {@code demo.p12.password}, both written through {@link AtomicFiles} readable by the user only). Reused
 * while readable and valid for another week, so a pinned demo certificate stays pinned; otherwise made anew.
 */
record DemoKeystore(Path file, String password, X509Certificate certificate) {
    private static final String ALIAS = "demo";

    static DemoKeystore load(Path folder, SecureRandom random) throws IOException, GeneralSecurityException,
            OperatorCreationException {
        Path file = folder.resolve("demo.p12");
        Path passwordFile = folder.resolve("demo.p12.password");
        if (Files.isRegularFile(file) && Files.isRegularFile(passwordFile)) {
            try {
                String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password.toCharArray());
                }
                if (store.getCertificate(ALIAS) instanceof X509Certificate cert
                        && cert.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(7)))) {
                    return new DemoKeystore(file, password, cert);
                }
            } catch (IOException | GeneralSecurityException unreadable) {
                // made anew below
            }
        }
        return create(file, passwordFile, random);
    }

    private static DemoKeystore create(Path file, Path passwordFile, SecureRandom random)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        String password = HexFormat.of().formatHex(DemoServer.bytes(random, 12));
        KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        X509Certificate cert = DemoServer.selfSigned(keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        // A crash between the two leaves a keystore the password does not open, which load() makes anew.
        AtomicFiles.writePrivate(passwordFile, password.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writePrivate(file, bytes.toByteArray());
        return new DemoKeystore(file, password, cert);
    }
}
