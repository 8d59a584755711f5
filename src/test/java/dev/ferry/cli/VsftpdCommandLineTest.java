package dev.ferry.cli;

import dev.ferry.engine.ProtocolLog;
import dev.ferry.testsupport.RecordingProtocolLog;
import dev.ferry.testsupport.VsftpdServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ferry put/ls/get} against vsftpd with {@code require_ssl_reuse=YES}. */
class VsftpdCommandLineTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsVsftpd() {
        VsftpdServer.assumeInstalled();
    }

    private int ferry(VsftpdServer v, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return ferry(v, out, err, ProtocolLog.none(), args);
    }

    private int ferry(VsftpdServer v, ByteArrayOutputStream out, ByteArrayOutputStream err, ProtocolLog log,
                      String... args) {
        return new FerryCli(new PrintStream(out, true), new PrintStream(err, true), new ByteArrayInputStream(new byte[0]),
                Map.of("PW", v.password()), false, log).run(args);
    }

    private static String url(VsftpdServer v, VsftpdServer.Mode mode, String path) {
        return (mode == VsftpdServer.Mode.EXPLICIT ? "ftpes://" : "ftps://") + v.user() + "@127.0.0.1:" + v.port() + path;
    }

    @ParameterizedTest
    @EnumSource(VsftpdServer.Mode.class)
    void putsListsAndGetsByteExact(VsftpdServer.Mode mode) throws IOException {
        try (VsftpdServer v = VsftpdServer.start(mode)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            byte[] content = new byte[5 * 1024 * 1024 + 7];
            new Random(7).nextBytes(content);
            Path local = Files.write(dir.resolve("five.bin"), content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, out, err, "put", "-q", "--cacert", ca, "--password-env", "PW", local.toString(),
                    url(v, mode, "/five.bin")), err::toString);
            assertEquals(0, ferry(v, out, err, "ls", "--cacert", ca, "--password-env", "PW", url(v, mode, "/")), err::toString);
            assertEquals("five.bin\n", out.toString(StandardCharsets.UTF_8));
            Path back = dir.resolve("back.bin");
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, "get", "-q", "--cacert", ca, "--password-env", "PW",
                    url(v, mode, "/five.bin"), back.toString()), err::toString);
            assertArrayEquals(content, Files.readAllBytes(back));
        }
    }

    /** Over TLS 1.3 each refused file costs its session (see VsftpdInteropTest); the queue connects again. */
    @Test
    void aFolderDownloadWithAnUnreadableFileGetsEveryOtherFileAndNames550ForThatOne() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            Path in = Files.createDirectories(v.root().resolve("in"));
            for (int i = 0; i < 6; i++) {
                Files.writeString(in.resolve("f" + i + ".txt"), "file " + i);
            }
            Path secret = Files.writeString(in.resolve("f2.txt"), "secret");
            Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path back = dir.resolve("back");
            assertEquals(1, ferry(v, new ByteArrayOutputStream(), err, "get", "-r", "-q", "-P", "1", "--cacert", ca,
                    "--password-env", "PW", url(v, VsftpdServer.Mode.EXPLICIT, "/in"), back.toString()), err::toString);
            for (int i = 0; i < 6; i++) {
                if (i != 2) {
                    assertEquals("file " + i, Files.readString(back.resolve("f" + i + ".txt")));
                }
            }
            assertTrue(err.toString().contains("/in/f2.txt: the server refused RETR /in/f2.txt: 550 "), err::toString);
            assertFalse(err.toString().contains("522"), err::toString);
            assertFalse(Files.exists(back.resolve("f2.txt")));
            assertFalse(Files.exists(back.resolve("f2.txt.ferry-part")), "no empty part file is left");
            assertFalse(v.logText().contains("No SSL session reuse"), "vsftpd saw a data connection without reuse");
        }
    }

    /**
     * vsftpd's LIST gives an older file's day only: its copy looks older than the local file. Before
     * sending a "changed" file again, MDTM asks the server's time to the second.
     */
    @Test
    void aRerunOfPutRSkipsACompleteFileThatOnlyTheListingMakesLookOlder() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            java.time.Instant uploaded = java.time.Instant.parse("2024-03-01T10:00:50Z");
            Path there = Files.createDirectories(v.root().resolve("site")).resolve("page.html");
            Files.writeString(there, "<p>the same</p>");
            Files.setLastModifiedTime(there, java.nio.file.attribute.FileTime.from(uploaded));
            Path site = Files.createDirectories(dir.resolve("site"));
            Path page = Files.writeString(site.resolve("page.html"), "<p>the same</p>");
            Files.setLastModifiedTime(page, java.nio.file.attribute.FileTime.from(uploaded.minusSeconds(10)));
            RecordingProtocolLog log = new RecordingProtocolLog();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, log, "put", "-r", "-q", "--cacert", ca,
                    "--password-env", "PW", site.toString(), url(v, VsftpdServer.Mode.EXPLICIT, "/site")), err::toString);
            assertTrue(log.sent().contains("MDTM /site/page.html"), log.sent()::toString);
            assertFalse(log.sent().contains("STOR /site/page.html"), log.sent()::toString);
        }
    }

    @Test
    void twoRemoteNamesThatWouldMeetLocallyBothArrive() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            Path in = Files.createDirectories(v.root().resolve("in"));
            Files.writeString(in.resolve("x\\y.txt"), "backslash");
            Files.writeString(in.resolve("x_y.txt"), "underscore");
            Path back = dir.resolve("back");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, "get", "-r", "--cacert", ca, "--password-env", "PW",
                    url(v, VsftpdServer.Mode.EXPLICIT, "/in"), back.toString()), err::toString);
            assertEquals("underscore", Files.readString(back.resolve("x_y.txt")));
            assertEquals("backslash", Files.readString(back.resolve("x_y (1).txt")));
            assertTrue(err.toString().contains("saved \"x\\y.txt\" as \"x_y (1).txt\""), err::toString);
        }
    }

    /** An old upload's ISO-8859-1 name on a server that speaks UTF-8: listed readably, and it can be downloaded. */
    @Test
    void aNameThatIsNotUtf8IsListedAsLatin1AndComesDown() throws IOException, InterruptedException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            Path in = Files.createDirectories(v.root().resolve("in"));
            // Java writes names as UTF-8: the shell writes the one byte 0xE9.
            Process sh = new ProcessBuilder("sh", "-c", "printf 'latin' > \"$0\"/\"$(printf 'caf\\351.txt')\"",
                    in.toString()).inheritIO().start();
            assertEquals(0, sh.waitFor());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, out, err, "ls", "--cacert", ca, "--password-env", "PW",
                    url(v, VsftpdServer.Mode.EXPLICIT, "/in")), err::toString);
            assertEquals("café.txt\n", out.toString(StandardCharsets.UTF_8));
            Path back = dir.resolve("back");
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, "get", "-r", "-q", "--cacert", ca,
                    "--password-env", "PW", url(v, VsftpdServer.Mode.EXPLICIT, "/in"), back.toString()), err::toString);
            assertEquals("latin", Files.readString(back.resolve("café.txt")));
            // A script names it with the byte percent-encoded.
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, "get", "-q", "--cacert", ca, "--password-env", "PW",
                    url(v, VsftpdServer.Mode.EXPLICIT, "/in/caf%E9.txt"), dir.resolve("one.txt").toString()), err::toString);
            assertEquals("latin", Files.readString(dir.resolve("one.txt")));
        }
    }

    @Test
    void listsAFileAsItsOwnEntryWithoutMlst() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            Files.createDirectories(v.root().resolve("docs"));
            Files.writeString(v.root().resolve("docs/notes.txt"), "twelve bytes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, out, err, "ls", "-l", "--cacert", ca, "--password-env", "PW",
                    url(v, VsftpdServer.Mode.EXPLICIT, "/docs/notes.txt")), err::toString);
            assertTrue(out.toString().matches("-\\s+12  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  notes.txt\n"), out::toString);

            err.reset();
            assertEquals(1, ferry(v, new ByteArrayOutputStream(), err, "ls", "--cacert", ca, "--password-env", "PW",
                    url(v, VsftpdServer.Mode.EXPLICIT, "/docs/gone.txt")));
            assertTrue(err.toString().contains("no such file or folder on the server: /docs/gone.txt"), err::toString);
        }
    }

    @Test
    void keepsHostileRemoteNamesInsideTheTargetFolder() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            Path in = Files.createDirectories(v.root().resolve("in"));
            Files.writeString(in.resolve("..\\..\\evil.txt"), "backslashes");
            Files.writeString(in.resolve("C:\\Windows\\win.ini"), "drive letter");
            Files.writeString(in.resolve("ok.txt"), "fine");
            Path target = Files.createDirectories(dir.resolve("deep").resolve("target"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, "get", "-r", "--cacert", ca, "--password-env", "PW",
                    url(v, VsftpdServer.Mode.EXPLICIT, "/in"), target.toString()), err::toString);
            assertEquals("backslashes", Files.readString(target.resolve(".._.._evil.txt")));
            assertEquals("drive letter", Files.readString(target.resolve("C__Windows_win.ini")));
            assertEquals("fine", Files.readString(target.resolve("ok.txt")));
            try (Stream<Path> outside = Files.walk(dir)) {
                assertTrue(outside.filter(Files::isRegularFile)
                        .allMatch(p -> p.startsWith(target) || p.getFileName().toString().equals("server.pem")));
            }
            assertFalse(Files.exists(dir.resolve("evil.txt")));
            assertTrue(err.toString().contains("saved"), err::toString);
        }
    }

    /** vsftpd offers no MLST: a folder check there is PWD, CWD and SIZE, so asking twice costs six round trips. */
    @Test
    void aFolderUploadChecksEachFolderAtMostOnceWithoutMlst() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            Path tree = Files.createDirectories(dir.resolve("site"));
            for (String file : List.of("x1", "a/y1", "a/b/z1", "c/w1")) {
                Files.createDirectories(tree.resolve(file).getParent());
                Files.write(tree.resolve(file), new byte[4096]);
            }
            RecordingProtocolLog log = new RecordingProtocolLog();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, log, "put", "-r", "-q", "--cacert", ca,
                    "--password-env", "PW", tree.toString(), url(v, VsftpdServer.Mode.EXPLICIT, "/up")), err::toString);
            List<String> sent = log.sent();
            for (String folder : List.of("/up", "/up/a", "/up/a/b", "/up/c")) {
                for (String check : List.of("CWD ", "SIZE ")) {
                    assertTrue(RoundTripsTest.count(sent, check + folder) <= 1, check + folder + " at most once: " + sent);
                }
                assertEquals(1, RoundTripsTest.count(sent, "MKD " + folder), sent::toString);
            }
            long logins = sent.stream().filter(c -> c.startsWith("USER ")).count();
            assertTrue(RoundTripsTest.count(sent, "PWD") <= logins, "PWD at most once per session: " + sent);
            assertEquals(Files.readString(tree.resolve("a/b/z1")), Files.readString(v.root().resolve("up/a/b/z1")));
        }
    }

    @Test
    void aFolderDownloadAsksForTheWorkingFolderOncePerSessionWithoutMlst() throws IOException {
        try (VsftpdServer v = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            String ca = v.serverCertificate().writeCertificatePem(dir.resolve("server.pem")).toString();
            for (String file : List.of("down/x1", "down/a/y1", "down/a/b/z1", "down/c/w1")) {
                Files.createDirectories(v.root().resolve(file).getParent());
                Files.writeString(v.root().resolve(file), file);
            }
            RecordingProtocolLog log = new RecordingProtocolLog();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path back = dir.resolve("back");
            assertEquals(0, ferry(v, new ByteArrayOutputStream(), err, log, "get", "-r", "-q", "--cacert", ca,
                    "--password-env", "PW", url(v, VsftpdServer.Mode.EXPLICIT, "/down"), back.toString()), err::toString);
            List<String> sent = log.sent();
            long logins = sent.stream().filter(c -> c.startsWith("USER ")).count();
            assertTrue(RoundTripsTest.count(sent, "PWD") <= logins, "PWD at most once per session: " + sent);
            assertEquals("down/a/b/z1", Files.readString(back.resolve("a/b/z1")));
        }
    }
}
