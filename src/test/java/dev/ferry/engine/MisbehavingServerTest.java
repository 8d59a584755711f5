package dev.ferry.engine;

import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import dev.ferry.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Servers that stall, refuse TLS, or name addresses the client cannot reach. */
class MisbehavingServerTest {
    @RegisterExtension
    static final FtpsServerExtension natServer = FtpsServerExtension.builder()
            .passiveAddress("10.255.255.1")
            .withoutEpsv()
            .build();

    @Test
    void connectsToTheControlHostWhenPasvNamesAnUnroutableAddress() throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        byte[] content = "behind a NAT".getBytes();
        try (FtpSession s = FtpSession.open(FtpServerSessionTest.settings(natServer, FtpsMode.EXPLICIT)
                .log(log).build())) {
            s.upload("nat.txt", new ByteArrayInputStream(content));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("nat.txt", out);
            assertArrayEquals(content, out.toByteArray());
        }
        List<String> notes = log.notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("10.255.255.1") && n.contains("127.0.0.1")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.contains("EPSV")), notes::toString);
    }

    @Test
    void aPortAskedForAheadFromAServerWithoutEpsvIsAskedWithPasv() throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        byte[] content = "ahead, without EPSV".getBytes();
        try (FtpSession s = FtpSession.open(FtpServerSessionTest.settings(natServer, FtpsMode.EXPLICIT)
                .log(log).build())) {
            s.upload("ahead.txt", new ByteArrayInputStream(content));
            s.prepareNextTransfer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.download("ahead.txt", out);
            assertArrayEquals(content, out.toByteArray());
        }
        List<String> sent = log.sent();
        assertEquals(1, sent.stream().filter("EPSV"::equals).count(), sent::toString);
        assertEquals(List.of("PASV", "RETR ahead.txt"), sent.subList(sent.size() - 3, sent.size() - 1), sent::toString);
    }

    @Test
    void timesOutWithAClearErrorWhenTheServerStopsMidReply() throws IOException {
        try (ScriptedFtpServer server = ScriptedFtpServer.start("220-Welcome to a slow server\r\n220-still talking", Map.of())) {
            long start = System.nanoTime();
            FtpTimeoutException e = assertThrows(FtpTimeoutException.class, () -> FtpSession.open(
                    ConnectionSettings.builder("127.0.0.1").port(server.port())
                            .readTimeout(Duration.ofMillis(700)).build()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up in time: " + took);
            assertTrue(e.getMessage().contains("greeting"), e.getMessage());
            assertTrue(e.getMessage().contains("0.7 s"), e.getMessage());
        }
    }

    @Test
    void refusesToContinueWhenTheServerRefusesAuthTls() throws IOException {
        try (ScriptedFtpServer server = ScriptedFtpServer.start("220 Plain only\r\n",
                Map.of("AUTH", "500 AUTH not understood", "QUIT", "221 Bye"))) {
            FtpTlsException e = assertThrows(FtpTlsException.class, () -> FtpSession.open(
                    ConnectionSettings.builder("127.0.0.1").port(server.port()).credentials("bob", "secret").build()));
            assertTrue(e.getMessage().contains("does not offer FTPS"), e.getMessage());
            assertTrue(e.getMessage().contains("500"), e.getMessage());
            assertTrue(server.received().stream().noneMatch(c -> c.startsWith("USER") || c.startsWith("PASS")),
                    "never falls back to sending credentials in the clear: " + server.received());
        }
    }

    @Test
    void reportsABusyServerWithItsReply() throws IOException {
        try (ScriptedFtpServer server = ScriptedFtpServer.start("421 Too many connections, try later\r\n", Map.of())) {
            FtpReplyException e = assertThrows(FtpReplyException.class, () -> FtpSession.open(
                    ConnectionSettings.builder("127.0.0.1").port(server.port()).build()));
            assertEquals(421, e.code());
            assertTrue(e.isRetryable());
        }
    }

    @Test
    void reportsARefusedConnectionInWords() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        FtpConnectionException e = assertThrows(FtpConnectionException.class, () -> FtpSession.open(
                ConnectionSettings.builder("127.0.0.1").port(closedPort).build()));
        assertTrue(e.getMessage().contains("could not connect to 127.0.0.1:" + closedPort), e.getMessage());
    }
}
