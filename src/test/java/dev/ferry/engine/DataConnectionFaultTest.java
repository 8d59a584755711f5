package dev.ferry.engine;

import dev.ferry.engine.tls.TlsLayer;
import dev.ferry.engine.tls.TrustDecision;
import dev.ferry.testsupport.FaultProxy;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data connections that stall or break mid-transfer, through a proxy that does it on purpose: a stall
 * fails about one read timeout after it began, not several (closing a TLS socket politely would wait
 * for the silent peer again), and a break is reported as what it is.
 */
class DataConnectionFaultTest {
    static final int MIB = 1024 * 1024;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    /** One read timeout, plus generous room for the handshake and a loaded machine; well under two. */
    static final Duration BOUND = Duration.ofMillis(2500);
    static final int[] PASSIVE = passiveRange();

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .passivePorts(PASSIVE[0] + "-" + PASSIVE[1])
            .build();

    private FaultProxy proxy;
    private final RecordingProtocolLog log = new RecordingProtocolLog();

    private static int[] passiveRange() {
        try {
            return FaultProxy.freePassiveRange(10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start(server.explicitPort(), PASSIVE[0], PASSIVE[1]);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private FtpSession open() throws FtpException {
        return open(READ_TIMEOUT);
    }

    private FtpSession open(Duration readTimeout) throws FtpException {
        return open(readTimeout, TlsVersion.TLS_1_3);
    }

    private FtpSession open(Duration readTimeout, TlsVersion maximum) throws FtpException {
        // The proxy's address is not in the certificate: trust exactly the server's certificate.
        return FtpSession.open(ConnectionSettings.builder(proxy.host()).port(proxy.controlPort())
                .mode(FtpsMode.EXPLICIT)
                .tlsMaximum(maximum)
                .credentials(server.user(), server.password())
                .trust(c -> TlsLayer.sameCertificate(c.leaf(), server.serverCertificate().certificate())
                        ? TrustDecision.ACCEPT : TrustDecision.REFUSE)
                .readTimeout(readTimeout).connectTimeout(Duration.ofSeconds(5)).log(log).build());
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void aDownloadStalledMidFileFailsWithATimeoutAboutOneReadTimeoutLater() throws IOException {
        Files.write(server.home().resolve("stall.bin"), random(8 * MIB));
        try (FtpSession session = open()) {
            proxy.stallDataAfter(MIB);
            long start = System.nanoTime();
            assertThrows(FtpTimeoutException.class, () -> session.download("/stall.bin", new ByteArrayOutputStream()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(BOUND) < 0, "failed after " + took.toMillis() + " ms");
        }
    }

    /**
     * The rest of the file fits in the socket buffers, so the upload stalls where it waits for the
     * server to take the end of it. (With more left to write it would block in a socket write, which
     * has no timeout in Java; only another thread can end that, through {@link Cancellation}.)
     */
    @Test
    void anUploadStalledMidFileFailsWithATimeoutAboutOneReadTimeoutLater() throws IOException {
        byte[] content = random(2 * MIB);
        try (FtpSession session = open()) {
            proxy.stallDataAfter(MIB / 2);
            long start = System.nanoTime();
            assertThrows(FtpTimeoutException.class, () -> session.upload("/stall.bin", new ByteArrayInputStream(content)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(BOUND) < 0, "failed after " + took.toMillis() + " ms");
        }
    }

    @Test
    void cancellingAnUploadBlockedInAWriteOnAStalledConnectionEndsItAtOnce() throws Exception {
        byte[] content = random(64 * MIB);
        ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
        try (FtpSession session = open()) {
            proxy.stallDataAfter(MIB);
            Cancellation cancellation = new Cancellation();
            ScheduledFuture<Long> cancelled = canceller.schedule(() -> {
                long start = System.nanoTime();
                cancellation.cancel();
                return System.nanoTime() - start;
            }, 1500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(TransferCancelledException.class,
                    () -> session.upload("/stall.bin", new ByteArrayInputStream(content), 0, false,
                            TransferListener.none(), cancellation)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(1500).plus(BOUND)) < 0, "stopped after " + took.toMillis() + " ms");
            assertTrue(Duration.ofNanos(cancelled.get()).compareTo(Duration.ofMillis(100)) < 0,
                    "cancel() returned at once: " + Duration.ofNanos(cancelled.get()).toMillis() + " ms");
        } finally {
            canceller.shutdownNow();
        }
    }

    @Test
    void aDownloadCutMidFileSaysItBrokeOffWithTheServersReply() throws IOException {
        Files.write(server.home().resolve("cut.bin"), random(8 * MIB));
        try (FtpSession session = open(Duration.ofSeconds(5))) {
            proxy.cutDataAfter(MIB, 1);
            FtpTransferFailedException e = assertThrows(FtpTransferFailedException.class,
                    () -> session.download("/cut.bin", new ByteArrayOutputStream()));
            assertEquals(426, e.code());
            assertTrue(e.getMessage().startsWith("the download of /cut.bin broke off: 426 "), e.getMessage());
            assertFalse(e.getMessage().contains("refused"), e.getMessage());
        }
    }

    @Test
    void aDownloadTheServerRefusesStillSaysRefused() throws IOException {
        try (FtpSession session = open()) {
            FtpReplyException e = assertThrows(FtpReplyException.class,
                    () -> session.download("/missing.bin", new ByteArrayOutputStream()));
            assertFalse(e instanceof FtpTransferFailedException, e.getClass().getName());
            assertTrue(e.getMessage().startsWith("the server refused RETR /missing.bin: 550 "), e.getMessage());
        }
    }

    /** Over TLS 1.2 the handshake starts before the 150 and waits in short steps, watching for it. */
    @ParameterizedTest(name = "over {0}")
    @EnumSource(TlsVersion.class)
    void aDataHandshakeTheServerAnswersLateStillCompletes(TlsVersion version) throws IOException {
        byte[] content = random(MIB);
        Files.write(server.home().resolve("late.bin"), content);
        try (FtpSession session = open(Duration.ofSeconds(3), version)) {
            proxy.holdNextDataReply(900);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session.download("/late.bin", out);
            assertArrayEquals(content, out.toByteArray());
        }
    }
}
