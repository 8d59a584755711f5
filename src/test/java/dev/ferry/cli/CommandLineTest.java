package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.FullDisk;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry ls/get/put/cert} against Apache FtpServer, through the same entry as the real command. */
class CommandLineTest {
    static final TestPki.Issued ROOT = TestPki.selfSigned(TestPki.spec("Ferry CLI Test Root").ca());
    static final TestPki.Issued CLIENT_CA = TestPki.selfSigned(TestPki.spec("Ferry CLI Client CA").ca());

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .certificate(TestPki.issue(ROOT, TestPki.spec("localhost").loopback()))
            .build();

    @RegisterExtension
    static final FtpsServerExtension expired = FtpsServerExtension.builder()
            .certificate(TestPki.issue(ROOT, TestPki.spec("localhost").loopback().expired()))
            .build();

    @RegisterExtension
    static final FtpsServerExtension demandsClientCertificate = FtpsServerExtension.builder()
            .certificate(TestPki.issue(ROOT, TestPki.spec("localhost").loopback()))
            .clientAuth(FtpsServerExtension.ClientAuth.NEED, CLIENT_CA.certificate())
            .build();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err, byte[] outBytes) {
    }

    private Run ferry(String... args) {
        return ferry(Map.of("PW", server.password()), args);
    }

    private Run ferry(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FerryCli(new PrintStream(out, true), new PrintStream(err, true),
                new ByteArrayInputStream(new byte[0]), env, false).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** Runs with standard output written to {@code stdout}; the Run's out is empty. */
    private Run ferryWritingTo(java.io.OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FerryCli(StandardOutput.of(stdout), new PrintStream(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of("PW", server.password()), false).run(args);
        return new Run(status, "", err.toString(StandardCharsets.UTF_8), new byte[0]);
    }

    private String url(FtpsServerExtension s, String path) {
        return "ftpes://" + s.user() + "@127.0.0.1:" + s.explicitPort() + path;
    }

    private String implicitUrl(FtpsServerExtension s, String path) {
        return "ftps://" + s.user() + "@127.0.0.1:" + s.implicitPort() + path;
    }

    private Path caFile() throws IOException {
        return ROOT.writeCertificatePem(dir.resolve("root.pem"));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void putsListsAndGetsAFileByteExact() throws IOException {
        byte[] content = random(3_000_000);
        Path local = Files.write(dir.resolve("report.bin"), content);
        String ca = caFile().toString();
        Run put = ferry("put", "-q", "--cacert", ca, "--password-env", "PW", local.toString(), url(server, "/report.bin"));
        assertEquals(0, put.status(), put.err());
        assertArrayEquals(content, Files.readAllBytes(server.home().resolve("report.bin")));

        Run ls = ferry("ls", "--cacert", ca, "--password-env", "PW", implicitUrl(server, "/"));
        assertEquals(0, ls.status(), ls.err());
        assertEquals("report.bin\n", ls.out());

        Path back = dir.resolve("back.bin");
        Run get = ferry("get", "-q", "--cacert", ca, "--password-env", "PW", url(server, "/report.bin"), back.toString());
        assertEquals(0, get.status(), get.err());
        assertArrayEquals(content, Files.readAllBytes(back));
        assertFalse(Files.exists(dir.resolve("back.bin.ferry-part")));
    }

    @Test
    void getsToStandardOutput() throws IOException {
        Files.writeString(server.home().resolve("hello.txt"), "hello\n");
        Run get = ferry("get", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/hello.txt"), "-");
        assertEquals(0, get.status(), get.err());
        assertEquals("hello\n", get.out());
    }

    @Test
    void listsAsJson() throws IOException {
        Files.write(server.home().resolve("a.bin"), random(10));
        Files.createDirectories(server.home().resolve("sub"));
        Run ls = ferry("ls", "--json", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/"));
        assertEquals(0, ls.status(), ls.err());
        JsonNode json = new ObjectMapper().readTree(ls.out());
        assertEquals("a.bin", json.get(0).get("name").asText());
        assertEquals(10, json.get(0).get("size").asLong());
        assertEquals("directory", json.get(1).get("type").asText());
    }

    @Test
    void refusesAnUntrustedCertificateWithExitThreeAndItsFingerprint() {
        Run ls = ferry("ls", "--password-env", "PW", url(server, "/"));
        assertEquals(3, ls.status());
        String fingerprint = ServerCertificate.fingerprint(server.serverCertificate().certificate(), "SHA-256");
        assertTrue(ls.err().contains(fingerprint), ls.err());
        assertTrue(ls.err().contains("--fingerprint"), ls.err());
        assertTrue(ls.err().contains("not a trusted authority"), ls.err());
    }

    @Test
    void trustsACertificateByItsFingerprint() {
        String fingerprint = ServerCertificate.fingerprint(server.serverCertificate().certificate(), "SHA-256");
        Run ls = ferry("ls", "--fingerprint", fingerprint.replace(":", "").toLowerCase(), "--password-env", "PW",
                url(server, "/"));
        assertEquals(0, ls.status(), ls.err());
    }

    @Test
    void refusesAnExpiredCertificateSayingSoThenTrustsItsFingerprint() throws IOException {
        Map<String, String> env = Map.of("PW", expired.password());
        Run refused = ferry(env, "ls", "--cacert", caFile().toString(), "--password-env", "PW", url(expired, "/"));
        assertEquals(3, refused.status());
        assertTrue(refused.err().contains("expired"), refused.err());
        String fingerprint = ServerCertificate.fingerprint(expired.serverCertificate().certificate(), "SHA-256");
        assertTrue(refused.err().contains(fingerprint), refused.err());

        Run trusted = ferry(env, "ls", "--fingerprint", fingerprint, "--password-env", "PW", url(expired, "/"));
        assertEquals(0, trusted.status(), trusted.err());
    }

    @Test
    void showsTheCertificateChainWithFingerprints() throws IOException {
        Run cert = ferry("cert", "--cacert", caFile().toString(), implicitUrl(server, "/"));
        assertEquals(0, cert.status(), cert.err());
        String fingerprint = ServerCertificate.fingerprint(server.serverCertificate().certificate(), "SHA-256");
        assertTrue(cert.out().contains(fingerprint), cert.out());
        assertTrue(cert.out().contains("TLSv1.3"), cert.out());
        assertTrue(cert.out().contains("Trusted:     yes"), cert.out());

        Run untrusted = ferry("cert", implicitUrl(server, "/"));
        assertEquals(3, untrusted.status());
        assertTrue(untrusted.out().contains("Trusted:     no"), untrusted.out());
    }

    @Test
    void exitsWithOneOnAWrongPassword() throws IOException {
        Run ls = ferry(Map.of("PW", "wrong"), "ls", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/"));
        assertEquals(1, ls.status());
        assertTrue(ls.err().contains("login"), ls.err());
        assertFalse(ls.err().contains("wrong"), "the password is never printed: " + ls.err());
    }

    @Test
    void listsAFileAsItsOwnEntry() throws IOException {
        Files.createDirectories(server.home().resolve("docs"));
        Files.writeString(server.home().resolve("docs/notes.txt"), "twelve bytes");
        Run ls = ferry("ls", "--json", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/docs/notes.txt"));
        assertEquals(0, ls.status(), ls.err());
        JsonNode json = new ObjectMapper().readTree(ls.out());
        assertEquals(1, json.size(), ls.out());
        assertEquals("notes.txt", json.get(0).get("name").asText());
        assertEquals("file", json.get(0).get("type").asText());
        assertEquals(12, json.get(0).get("size").asLong());
    }

    @Test
    void exitsWithOneForAMissingRemoteFile() throws IOException {
        Run get = ferry("get", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/nope.txt"),
                dir.resolve("x").toString());
        assertEquals(1, get.status());
        assertTrue(get.err().contains("/nope.txt"), get.err());
    }

    @Test
    void uploadsAndDownloadsAFolderTreeInParallel() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("site"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path folder = Files.createDirectories(tree.resolve("d" + (i % 3)).resolve("e" + (i % 2)));
            files.add(Files.write(folder.resolve("f" + i + ".bin"), random(1000 * i)));
        }
        Files.createDirectories(tree.resolve("empty"));
        String ca = caFile().toString();
        Run put = ferry("put", "-r", "-P", "3", "-q", "--cacert", ca, "--password-env", "PW", tree.toString(), url(server, "/www"));
        assertEquals(0, put.status(), put.err());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(server.home().resolve("www").resolve(tree.relativize(f).toString())));
        }
        assertTrue(Files.isDirectory(server.home().resolve("www/empty")));

        Path back = dir.resolve("back");
        Run get = ferry("get", "-r", "-P", "3", "-q", "--cacert", ca, "--password-env", "PW", url(server, "/www"), back.toString());
        assertEquals(0, get.status(), get.err());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(back.resolve(tree.relativize(f).toString())));
        }
        assertTrue(Files.isDirectory(back.resolve("empty")));
        try (Stream<Path> all = Files.walk(back)) {
            assertTrue(all.noneMatch(p -> p.toString().endsWith(".ferry-part")));
        }
    }

    @Test
    void aLocalFileInTheWayOfAFolderIsSaidInWordsAndTheRestArrives() throws IOException {
        Files.createDirectories(server.home().resolve("t/sub"));
        Files.writeString(server.home().resolve("t/sub/a.txt"), "a");
        Files.writeString(server.home().resolve("t/b.txt"), "b");
        Path back = Files.createDirectories(dir.resolve("back"));
        Files.writeString(back.resolve("sub"), "a file, not a folder");
        Run get = ferry("get", "-r", "-q", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/t"),
                back.toString());
        assertEquals(1, get.status(), get.err());
        assertEquals("ferry: /t/sub: " + back.resolve("sub") + ": a file of that name is in the way of the folder\n"
                + "ferry: 1 of 2 transfers failed\n", get.err());
        assertEquals("b", Files.readString(back.resolve("b.txt")));
        assertEquals("a file, not a folder", Files.readString(back.resolve("sub")));
    }

    @Test
    void exitsWithOneAndSaysTheDiskIsFull() throws IOException {
        Path full = FullDisk.device();
        Files.write(server.home().resolve("big.bin"), random(2_000_000));
        Path target = dir.resolve("big.bin");
        Files.createSymbolicLink(dir.resolve("big.bin.ferry-part"), full);
        Run get = ferry("get", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/big.bin"),
                target.toString());
        assertEquals(1, get.status(), get.err());
        assertTrue(get.err().contains("/big.bin: the disk is full: No space left on device"), get.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void aDownloadToAFullStandardOutputExitsWithOneAndSaysSo() throws IOException {
        Files.write(server.home().resolve("big.bin"), random(2_000_000));
        try (java.io.FileOutputStream full = new java.io.FileOutputStream(FullDisk.device().toFile())) {
            Run get = ferryWritingTo(full, "get", "--cacert", caFile().toString(), "--password-env", "PW",
                    url(server, "/big.bin"), "-");
            assertEquals(1, get.status(), get.err());
            assertEquals("ferry: cannot write to standard output: No space left on device\n", get.err());
        }
    }

    @Test
    void aListingToAFullStandardOutputExitsWithOneAndSaysSo() throws IOException {
        Files.writeString(server.home().resolve("a.txt"), "a");
        try (java.io.FileOutputStream full = new java.io.FileOutputStream(FullDisk.device().toFile())) {
            Run ls = ferryWritingTo(full, "ls", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/"));
            assertEquals(1, ls.status(), ls.err());
            assertTrue(ls.err().contains("cannot write to standard output: No space left on device"), ls.err());
        }
    }

    @Test
    void aReaderThatClosesThePipeEndsTheDownloadQuietlyWithOne() throws IOException {
        Files.write(server.home().resolve("big.bin"), random(2_000_000));
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        java.io.OutputStream headC100k = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written.addAndGet(len) > 100_000) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        Run get = ferryWritingTo(headC100k, "get", "--cacert", caFile().toString(), "--password-env", "PW",
                url(server, "/big.bin"), "-");
        assertEquals(1, get.status());
        assertEquals("", get.err(), "the reader has what it wanted: nothing to say");
        assertTrue(written.get() < 1_000_000, "the download stopped at the first failed write, not at " + written.get());
    }

    @Test
    void continuesAPartFileLeftByAnEarlierDownload() throws IOException {
        byte[] content = random(2_000_000);
        Files.write(server.home().resolve("big.bin"), content);
        Path target = dir.resolve("big.bin");
        Files.write(dir.resolve("big.bin.ferry-part"), java.util.Arrays.copyOf(content, 700_000));
        Run get = ferry("get", "-v", "--cacert", caFile().toString(), "--password-env", "PW", url(server, "/big.bin"),
                target.toString());
        assertEquals(0, get.status(), get.err());
        assertArrayEquals(content, Files.readAllBytes(target));
        assertTrue(get.err().contains("REST 700000"), get.err());
        assertFalse(Files.exists(dir.resolve("big.bin.ferry-part")));
    }

    @Test
    void transfersWithAClientCertificateFromPkcs12() throws IOException, java.security.GeneralSecurityException {
        TestPki.Issued alice = TestPki.issue(CLIENT_CA, TestPki.spec("alice"));
        Path p12 = alice.writePkcs12(dir.resolve("alice.p12"), "cert-secret");
        byte[] content = random(500_000);
        Path local = Files.write(dir.resolve("c.bin"), content);
        Map<String, String> env = Map.of("PW", demandsClientCertificate.password(), "CP", "cert-secret");
        String ca = caFile().toString();
        Run put = ferry(env, "put", "--cacert", ca, "--cert", p12.toString(), "--cert-password-env", "CP",
                "--password-env", "PW", local.toString(), implicitUrl(demandsClientCertificate, "/c.bin"));
        assertEquals(0, put.status(), put.err());
        Run get = ferry(env, "get", "--cacert", ca, "--cert", p12.toString(), "--cert-password-env", "CP",
                "--password-env", "PW", implicitUrl(demandsClientCertificate, "/c.bin"), "-");
        assertEquals(0, get.status(), get.err());
        assertArrayEquals(content, get.outBytes());
    }

    @Test
    void saysAWrongClientCertificatePasswordPlainly() throws IOException, java.security.GeneralSecurityException {
        TestPki.Issued alice = TestPki.issue(CLIENT_CA, TestPki.spec("alice"));
        Path p12 = alice.writePkcs12(dir.resolve("alice.p12"), "cert-secret");
        Run ls = ferry(Map.of("PW", "x", "CP", "not-it"), "ls", "--cacert", caFile().toString(), "--cert", p12.toString(),
                "--cert-password-env", "CP", "--password-env", "PW", implicitUrl(demandsClientCertificate, "/"));
        assertEquals(2, ls.status());
        assertTrue(ls.err().toLowerCase().contains("password"), ls.err());
    }
}
