package dev.ferry.engine;

import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.testsupport.RecordingProtocolLog;
import dev.ferry.testsupport.VsftpdServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against vsftpd with {@code require_ssl_reuse=YES}: every data connection must resume
 * the control connection's TLS session, or vsftpd answers 522 (and an empty transfer).
 */
class VsftpdInteropTest {
    private static final int MIB = 1024 * 1024;

    @BeforeAll
    static void needsVsftpd() {
        VsftpdServer.assumeInstalled();
    }

    static Stream<Arguments> modesAndVersions() {
        return Stream.of(
                Arguments.of(VsftpdServer.Mode.EXPLICIT, FtpsMode.EXPLICIT, TlsVersion.TLS_1_2),
                Arguments.of(VsftpdServer.Mode.EXPLICIT, FtpsMode.EXPLICIT, TlsVersion.TLS_1_3),
                Arguments.of(VsftpdServer.Mode.IMPLICIT, FtpsMode.IMPLICIT, TlsVersion.TLS_1_2),
                Arguments.of(VsftpdServer.Mode.IMPLICIT, FtpsMode.IMPLICIT, TlsVersion.TLS_1_3));
    }

    @ParameterizedTest(name = "{1} over {2}")
    @MethodSource("modesAndVersions")
    void twentyDataConnectionsInARowAreAllByteExact(VsftpdServer.Mode serverMode, FtpsMode mode, TlsVersion version)
            throws IOException {
        try (VsftpdServer vsftpd = VsftpdServer.start(serverMode)) {
            ConnectionSettings settings = settings(vsftpd, mode, version);
            int[] sizes = {0, MIB, 20 * MIB};
            int connections = 0;
            try (FtpSession s = FtpSession.open(settings)) {
                assertEquals(version.protocolName(), s.serverCertificate().orElseThrow().tlsProtocol());
                for (int round = 0; connections < 20; round++) {
                    int size = sizes[round % sizes.length];
                    byte[] content = random(size, round);
                    String name = "f" + round + ".bin";
                    s.upload(name, new ByteArrayInputStream(content));
                    connections++;
                    assertArrayEquals(content, Files.readAllBytes(vsftpd.root().resolve(name)), "upload " + name);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    s.download(name, out);
                    connections++;
                    assertArrayEquals(content, out.toByteArray(), "download " + name);
                    if (connections < 20) {
                        List<RemoteEntry> listing = s.list("");
                        connections++;
                        assertEquals(round + 1, listing.stream().filter(e -> e.name().endsWith(".bin")).count());
                    }
                }
            }
            assertEquals(20, connections);
            assertTrue(!vsftpd.logText().contains("No SSL session reuse"), "vsftpd saw a data connection without reuse");
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * vsftpd leaves a refused transfer's data connection open and silent, so a handshake that Ferry
     * starts with the command gets no answer: the refusal on the control connection must end it. Over
     * TLS 1.2 the session goes on (a session ID can be offered again).
     */
    @Test
    void overTls12ARefusedTransferIsReportedAtOnceAndTheNextOneStillResumesTheSession() throws IOException {
        try (VsftpdServer vsftpd = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT);
             FtpSession s = FtpSession.open(settings(vsftpd, FtpsMode.EXPLICIT, TlsVersion.TLS_1_2))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                FtpReplyException download = assertThrows(FtpReplyException.class,
                        () -> s.download("missing.bin", new ByteArrayOutputStream()));
                assertEquals(550, download.code());
                FtpReplyException upload = assertThrows(FtpReplyException.class,
                        () -> s.upload("no-such-folder/f.bin", new ByteArrayInputStream(new byte[10])));
                assertEquals(553, upload.code());
            });
            byte[] content = random(MIB, 7);
            s.upload("after.bin", new ByteArrayInputStream(content));
            assertArrayEquals(content, Files.readAllBytes(vsftpd.root().resolve("after.bin")));
        }
    }

    /**
     * Over TLS 1.3 a file transfer's handshake starts with its command too, and SunJSSE spends the
     * session's single-use ticket on it: after a refusal the server never read that handshake, so no
     * later data connection could resume the session (vsftpd: 522). The refused transfer closes the
     * session; a new one resumes its own.
     */
    @ParameterizedTest(name = "a refused {0}")
    @ValueSource(strings = {"download", "upload"})
    void overTls13ARefusedTransferIsReportedAtOnceAndClosesTheSessionForANewOne(String refused) throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (VsftpdServer vsftpd = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT)) {
            ConnectionSettings settings = builder(vsftpd, FtpsMode.EXPLICIT, TlsVersion.TLS_1_3).log(log).build();
            try (FtpSession s = FtpSession.open(settings)) {
                FtpReplyException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                        FtpReplyException.class, () -> {
                            if (refused.equals("download")) {
                                s.download("missing.bin", new ByteArrayOutputStream());
                            } else {
                                s.upload("no-such-folder/f.bin", new ByteArrayInputStream(new byte[10]));
                            }
                        }));
                assertEquals(refused.equals("download") ? 550 : 553, e.code());
                assertFalse(s.isOpen(), "the session without a ticket is closed");
            }
            try (FtpSession again = FtpSession.open(settings)) {
                byte[] content = random(MIB, 7);
                again.upload("after.bin", new ByteArrayInputStream(content));
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                again.download("after.bin", back);
                assertArrayEquals(content, back.toByteArray());
            }
            assertFalse(vsftpd.logText().contains("No SSL session reuse"), "vsftpd saw a data connection without reuse");
        }
    }

    /** Over TLS 1.3 a file's handshake goes with its command, not after the 150; a listing's waits for it. */
    @Test
    void overTls13AFilesDataHandshakeStartsBeforeTheServersFirstReply() throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (VsftpdServer vsftpd = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT);
             FtpSession s = FtpSession.open(builder(vsftpd, FtpsMode.EXPLICIT, TlsVersion.TLS_1_3).log(log).build())) {
            s.upload("a.bin", new ByteArrayInputStream(new byte[1000]));
            s.download("a.bin", new ByteArrayOutputStream());
            s.list("");
        }
        List<String> lines = log.transcript();
        for (String command : List.of("> STOR a.bin", "> RETR a.bin")) {
            int sent = lines.indexOf(command);
            assertTrue(lines.get(sent + 1).startsWith("* data connection secured (TLSv1.3)"), lines::toString);
            assertTrue(lines.get(sent + 2).startsWith("< 150 "), lines::toString);
        }
        int listing = lines.indexOf(lines.stream().filter(l -> l.startsWith("> LIST")).findFirst().orElseThrow());
        assertTrue(lines.get(listing + 1).startsWith("< 150 "), lines::toString);
        assertTrue(lines.get(listing + 2).startsWith("* data connection secured (TLSv1.3)"), lines::toString);
    }

    /** vsftpd offers no MLST: a stat is CWD, SIZE and MDTM, and a listing CWD, EPSV and LIST. */
    @Test
    void withoutMlstAStatAndAListingAskTheirQuestionsTogether() throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        try (VsftpdServer vsftpd = VsftpdServer.start(VsftpdServer.Mode.EXPLICIT);
             FtpSession s = FtpSession.open(builder(vsftpd, FtpsMode.EXPLICIT, TlsVersion.TLS_1_3).log(log).build())) {
            s.mkdir("/docs");
            s.upload("/docs/a.bin", new ByteArrayInputStream(new byte[1234]));
            assertEquals(1234, s.stat("/docs/a.bin").orElseThrow().size());
            assertEquals(EntryType.DIRECTORY, s.stat("/docs").orElseThrow().type());
            assertTrue(s.stat("/docs/missing.bin").isEmpty());
            assertEquals(List.of("a.bin"), s.list("/docs").stream().map(RemoteEntry::name).toList());
            assertEquals("/", s.pwd());
        }
        List<String> lines = log.transcript();
        int stat = lines.indexOf("> CWD /docs/a.bin");
        assertEquals(List.of("> CWD /docs/a.bin", "> SIZE /docs/a.bin", "> MDTM /docs/a.bin"),
                lines.subList(stat, stat + 3), "sent before any reply: " + lines);
        int listing = lines.lastIndexOf("> CWD /docs");
        assertEquals("> EPSV", lines.get(listing + 1), "the port asked for with the CWD: " + lines);
    }

    private static ConnectionSettings settings(VsftpdServer vsftpd, FtpsMode mode, TlsVersion version) {
        return builder(vsftpd, mode, version).build();
    }

    private static ConnectionSettings.Builder builder(VsftpdServer vsftpd, FtpsMode mode, TlsVersion version) {
        return ConnectionSettings.builder(vsftpd.host())
                .port(vsftpd.port())
                .mode(mode)
                .credentials(vsftpd.user(), vsftpd.password())
                .tlsMinimum(version)
                .tlsMaximum(version)
                .evaluator(new ServerCertificateEvaluator(List.of(vsftpd.serverCertificate().chain().get(
                        vsftpd.serverCertificate().chain().size() - 1)), false, Clock.systemUTC()))
                .readTimeout(Duration.ofSeconds(20));
    }
}
