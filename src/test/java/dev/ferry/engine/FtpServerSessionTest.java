package dev.ferry.engine;

import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against Apache FtpServer in-process: Explicit and Implicit FTPS, TLS 1.2 and 1.3. */
class FtpServerSessionTest {
    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    static ConnectionSettings.Builder settings(FtpsServerExtension server, FtpsMode mode) {
        int port = switch (mode) {
            case EXPLICIT -> server.explicitPort();
            case IMPLICIT -> server.implicitPort();
            case PLAIN -> server.plainPort();
        };
        return ConnectionSettings.builder(server.host())
                .port(port)
                .mode(mode)
                .credentials(server.user(), server.password())
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .readTimeout(Duration.ofSeconds(20));
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = FtpsMode.class, names = {"EXPLICIT", "IMPLICIT"})
    void logsInOverTls13ByDefault(FtpsMode mode) throws IOException {
        try (FtpSession s = FtpSession.open(settings(server, mode).build())) {
            assertEquals("TLSv1.3", s.serverCertificate().orElseThrow().tlsProtocol());
            assertEquals("/", s.pwd());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FtpsMode.class, names = {"EXPLICIT", "IMPLICIT"})
    void speaksTls12WhenToldTo(FtpsMode mode) throws IOException {
        try (FtpSession s = FtpSession.open(settings(server, mode).tlsMaximum(TlsVersion.TLS_1_2).build())) {
            assertEquals("TLSv1.2", s.serverCertificate().orElseThrow().tlsProtocol());
            s.upload("tls12.bin", new ByteArrayInputStream(random(5000)));
            assertEquals(5000, s.size("tls12.bin").orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100_000, 50 * 1024 * 1024})
    void uploadsAndDownloadsByteExact(int size) throws IOException {
        byte[] content = random(size);
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            assertEquals(size, s.upload("file.bin", new ByteArrayInputStream(content)));
            assertArrayEquals(content, Files.readAllBytes(server.home().resolve("file.bin")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(size, s.download("file.bin", out));
            assertArrayEquals(content, out.toByteArray());
        }
    }

    @Test
    void aPortAskedForAheadThatWaitedTooLongIsReplacedByAFreshOne() throws Exception {
        byte[] content = random(6000);
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).readTimeout(Duration.ofSeconds(1))
                .log(log).build())) {
            s.upload("stale.bin", new ByteArrayInputStream(content));
            s.prepareNextTransfer();
            Thread.sleep(700);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("stale.bin", out);
            assertArrayEquals(content, out.toByteArray());
        }
        List<String> sent = log.sent();
        int upload = sent.indexOf("STOR stale.bin");
        assertEquals(List.of("EPSV", "EPSV", "RETR stale.bin"), sent.subList(upload + 1, upload + 4), sent::toString);
    }

    @Test
    void afterTheLoginTheSessionIsSetUpInOneRoundTrip() throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).log(log).build())) {
            assertTrue(s.features().supports("MLST"));
            assertEquals("/", s.pwd());
        }
        List<String> lines = log.transcript();
        int first = lines.indexOf("> PBSZ 0");
        assertEquals(List.of("> PBSZ 0", "> PROT P", "> FEAT", "> TYPE I"), lines.subList(first, first + 4),
                "sent before any reply: " + lines);
        int utf8 = lines.indexOf("> OPTS UTF8 ON");
        assertEquals("> PWD", lines.get(utf8 + 1), "the folder asked for with OPTS UTF8, after it: " + lines);
        assertEquals(1, lines.stream().filter("> PWD"::equals).count(), lines::toString);
    }

    @Test
    void aPortAskedForAheadServesTheNextTransferWhileRepliesStayInStep() throws IOException {
        byte[] content = random(7000);
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).log(log).build())) {
            s.upload("ahead.bin", new ByteArrayInputStream(content));
            s.prepareNextTransfer();
            assertEquals(7000, s.size("ahead.bin").orElseThrow());
            assertEquals("/", s.pwd());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("ahead.bin", out);
            assertArrayEquals(content, out.toByteArray());
        }
        List<String> sent = log.sent();
        assertEquals(2, sent.stream().filter("EPSV"::equals).count(), sent::toString);
        assertEquals("SIZE ahead.bin", sent.get(sent.lastIndexOf("EPSV") + 1), sent::toString);
    }

    @Test
    void listsAFolderWithMlsd() throws IOException {
        Files.createDirectories(server.home().resolve("docs"));
        Files.write(server.home().resolve("docs/a.txt"), random(123));
        Files.createDirectories(server.home().resolve("docs/sub folder"));
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.IMPLICIT).build())) {
            assertTrue(s.features().supports("MLST"));
            List<RemoteEntry> entries = new ArrayList<>(s.list("/docs"));
            entries.sort((x, y) -> x.name().compareTo(y.name()));
            assertEquals(List.of("a.txt", "sub folder"), entries.stream().map(RemoteEntry::name).toList());
            assertEquals(EntryType.FILE, entries.get(0).type());
            assertEquals(123, entries.get(0).size());
            assertEquals(EntryType.DIRECTORY, entries.get(1).type());
        }
    }

    @Test
    void createsRenamesAndDeletes() throws IOException {
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            s.mkdir("/made");
            s.upload("/made/x.txt", new ByteArrayInputStream("hello".getBytes()));
            s.rename("/made/x.txt", "/made/y.txt");
            assertTrue(Files.exists(server.home().resolve("made/y.txt")));
            assertEquals(EntryType.FILE, s.stat("/made/y.txt").orElseThrow().type());
            s.delete("/made/y.txt");
            s.rmdir("/made");
            assertFalse(Files.exists(server.home().resolve("made")));
            assertTrue(s.stat("/made").isEmpty());
        }
    }

    @Test
    void resumesADownloadFromAnOffset() throws IOException {
        byte[] content = random(300_000);
        Files.write(server.home().resolve("resume.bin"), content);
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(content, 0, 100_000);
            long got = s.download("resume.bin", 100_000, out, TransferListener.none(), Cancellation.none());
            assertEquals(200_000, got);
            assertArrayEquals(content, out.toByteArray());
        }
    }

    @Test
    void resumesAnUploadWithRestAndStor() throws IOException {
        byte[] content = random(300_000);
        Files.write(server.home().resolve("up.bin"), java.util.Arrays.copyOf(content, 120_000));
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            s.upload("up.bin", new ByteArrayInputStream(content, 120_000, 180_000), 120_000, false,
                    TransferListener.none(), Cancellation.none());
        }
        assertArrayEquals(content, readFile("up.bin"));
    }

    @Test
    void appendsWithAppe() throws IOException {
        Files.write(server.home().resolve("log.txt"), "one\n".getBytes());
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            s.upload("log.txt", new ByteArrayInputStream("two\n".getBytes()), 0, true, TransferListener.none(),
                    Cancellation.none());
        }
        assertEquals("one\ntwo\n", new String(readFile("log.txt")));
    }

    @Test
    void transfersInActiveMode() throws IOException {
        byte[] content = random(2_000_000);
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT)
                .dataMode(DataConnectionMode.ACTIVE).build())) {
            s.upload("active.bin", new ByteArrayInputStream(content));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("active.bin", out);
            assertArrayEquals(content, out.toByteArray());
            assertEquals(1, s.list("/").size());
        }
    }

    /** The server never connects for a refused command: the refusal ends the wait for it. */
    @ParameterizedTest(name = "over {0}")
    @EnumSource(TlsVersion.class)
    void aRefusedTransferInActiveModeSaysRefusedAndTheSessionGoesOn(TlsVersion version) throws IOException {
        byte[] content = random(3000);
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).tlsMaximum(version)
                .dataMode(DataConnectionMode.ACTIVE).connectTimeout(Duration.ofSeconds(20)).build())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                FtpReplyException e = assertThrows(FtpReplyException.class,
                        () -> s.download("missing-active.bin", new ByteArrayOutputStream()));
                assertEquals(550, e.code());
            });
            s.upload("after-refusal.bin", new ByteArrayInputStream(content));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("after-refusal.bin", out);
            assertArrayEquals(content, out.toByteArray());
        }
    }

    @Test
    void reportsProgressAsBytesMove() throws IOException {
        Files.write(server.home().resolve("p.bin"), random(3_000_000));
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            s.download("p.bin", 0, OutputStream.nullOutputStream(), seen::add, Cancellation.none());
        }
        assertTrue(seen.size() > 1);
        assertEquals(3_000_000L, seen.get(seen.size() - 1));
    }

    @Test
    void cancelsADownloadAndKeepsTheSessionUsable() throws IOException {
        Files.write(server.home().resolve("big.bin"), random(30_000_000));
        Cancellation cancel = new Cancellation();
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            TransferCancelledException e = assertThrows(TransferCancelledException.class, () ->
                    s.download("big.bin", 0, OutputStream.nullOutputStream(), done -> {
                        if (done > 1_000_000) {
                            cancel.cancel();
                        }
                    }, cancel));
            assertTrue(e.bytesTransferred() < 30_000_000);
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void sendsNoopDuringALongTransfer() throws IOException {
        byte[] content = random(20_000_000);
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).keepAliveInterval(Duration.ofMillis(1))
                .log(log).build())) {
            s.upload("k.bin", new ByteArrayInputStream(content));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("k.bin", out);
            assertArrayEquals(content, out.toByteArray());
            assertEquals("/", s.pwd());
        }
        assertTrue(log.sent().contains("NOOP"), "a NOOP was sent during the transfer");
    }

    @Test
    void keepsModificationTimes() throws IOException {
        Files.write(server.home().resolve("t.txt"), "x".getBytes());
        Instant when = Instant.parse("2021-03-04T05:06:07Z");
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            s.setModificationTime("t.txt", when);
            assertEquals(when, s.modificationTime("t.txt").orElseThrow().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Test
    void refusesAWrongPasswordWithTheServersReply() {
        FtpLoginException e = assertThrows(FtpLoginException.class, () -> FtpSession.open(
                settings(server, FtpsMode.EXPLICIT).credentials(server.user(), "wrong").build()));
        assertEquals(530, e.code());
        assertTrue(e.getMessage().contains(server.user()));
    }

    @Test
    void aMissingFileIsAReplyErrorNotATimeout() throws IOException {
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            long start = System.nanoTime();
            FtpReplyException e = assertThrows(FtpReplyException.class,
                    () -> s.download("no-such-file", OutputStream.nullOutputStream()));
            assertEquals(550, e.code());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void refusesLineBreaksInFileNames() throws IOException {
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            assertThrows(IllegalArgumentException.class, () -> s.delete("a\r\nDELE important"));
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void refusesAnUntrustedCertificateBeforeSendingThePassword() {
        RecordingProtocolLog log = new RecordingProtocolLog();
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class, () -> FtpSession.open(
                settings(server, FtpsMode.EXPLICIT)
                        .evaluator(new ServerCertificateEvaluator(List.of(), false, Clock.systemUTC()))
                        .log(log).build()));
        assertTrue(e.getMessage().contains(e.certificate().sha256Fingerprint()));
        assertEquals(List.of("AUTH TLS"), log.sent());
    }

    @Test
    void fetchesTheCertificateWithoutLoggingIn() throws IOException {
        var cert = FtpSession.fetchCertificate(settings(server, FtpsMode.IMPLICIT).build());
        assertEquals(server.serverCertificate().certificate(), cert.leaf());
    }

    @Test
    void remembersTheWorkingFolderUntilACommandMayChangeIt() throws IOException {
        Files.createDirectories(server.home().resolve("sub"));
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).log(log).build())) {
            assertEquals("/", s.pwd());
            assertEquals("/", s.pwd());
            s.cwd("sub");
            assertEquals("/sub", s.pwd());
            s.quote("CDUP");
            assertEquals("/", s.pwd());
        }
        assertEquals(3, log.sent().stream().filter("PWD"::equals).count(), log.sent()::toString);
    }

    @Test
    void namesTravelInTheEncodingTheSiteSays() throws IOException {
        Files.writeString(server.home().resolve("café.txt"), "crème");
        RecordingProtocolLog log = new RecordingProtocolLog();
        // The server speaks UTF-8; read as ISO-8859-1 the two bytes of "é" are two characters, and written
        // back the same way they are the same two bytes: the name round-trips and the file is found.
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).log(log)
                .encoding(java.nio.charset.StandardCharsets.ISO_8859_1).build())) {
            List<String> names = s.list("/").stream().map(RemoteEntry::name).toList();
            assertTrue(names.contains("cafÃ©.txt"), names::toString);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("/cafÃ©.txt", out);
            assertEquals("crème", out.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertFalse(log.sent().contains("OPTS UTF8 ON"), "UTF-8 is not asked for when the site says otherwise");
        try (FtpSession s = FtpSession.open(settings(server, FtpsMode.EXPLICIT).build())) {
            assertTrue(s.list("/").stream().anyMatch(e -> e.name().equals("café.txt")));
        }
    }

    private static byte[] readFile(String name) throws IOException {
        Path p = server.home().resolve(name);
        return Files.readAllBytes(p);
    }
}
