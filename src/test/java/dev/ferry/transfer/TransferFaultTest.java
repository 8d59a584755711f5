package dev.ferry.transfer;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.tls.TlsLayer;
import dev.ferry.engine.tls.TrustDecision;
import dev.ferry.testsupport.FaultProxy;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken, stalled and refused connections between the queue and the server: nothing is lost. */
class TransferFaultTest {
    static final String SITE = "faulty";
    static final int MIB = 1024 * 1024;
    static final int[] PASSIVE = passiveRange();

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .passivePorts(PASSIVE[0] + "-" + PASSIVE[1])
            .build();

    @TempDir
    Path dir;

    private FaultProxy proxy;
    private TransferQueue queue;
    private final RecordingProtocolLog log = new RecordingProtocolLog();

    private static int[] passiveRange() {
        try {
            return FaultProxy.freePassiveRange(20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start(server.explicitPort(), PASSIVE[0], PASSIVE[1]);
    }

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.close();
        }
        proxy.close();
    }

    private ConnectionSettings settings(Duration readTimeout) {
        // The proxy's address is not in the certificate: trust exactly the server's certificate.
        return ConnectionSettings.builder(proxy.host()).port(proxy.controlPort()).mode(FtpsMode.EXPLICIT)
                .credentials(server.user(), server.password())
                .trust(c -> TlsLayer.sameCertificate(c.leaf(), server.serverCertificate().certificate())
                        ? TrustDecision.ACCEPT : TrustDecision.REFUSE)
                .readTimeout(readTimeout).connectTimeout(Duration.ofSeconds(5)).log(log).build();
    }

    private TransferQueue queue(Duration readTimeout) {
        queue = new TransferQueue(QueueOptions.defaults().withParallel(1).withRetries(6, Duration.ofMillis(20)));
        queue.registerSite(SITE, () -> FtpSession.open(settings(readTimeout)));
        return queue;
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private TransferSnapshot runToEnd(TransferQueue q, NewTransfer t) throws InterruptedException {
        long id = q.add(List.of(t)).get(0).id();
        q.start();
        assertTrue(q.awaitIdle(Duration.ofSeconds(90)), () -> q.snapshots().toString());
        return q.snapshot(id).orElseThrow();
    }

    @Test
    void aDownloadCutThreeTimesCompletesByteExact() throws Exception {
        byte[] content = random(50 * MIB);
        Files.write(server.home().resolve("big.bin"), content);
        proxy.cutDataAfter(9 * MIB, 3);
        TransferSnapshot s = runToEnd(queue(Duration.ofSeconds(10)),
                NewTransfer.download(SITE, "/big.bin", dir.resolve("big.bin"), content.length));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertEquals(4, s.attempts());
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("big.bin")));
        assertTrue(log.sent().stream().filter(c -> c.startsWith("REST ")).count() >= 3, "continued with REST");
        assertTrue(proxy.dataBytes() < 2L * content.length, "resumed rather than started over: " + proxy.dataBytes());
    }

    @Test
    void anUploadCutMidFileResumes() throws Exception {
        byte[] content = random(30 * MIB);
        Path source = Files.write(dir.resolve("up.bin"), content);
        proxy.cutDataAfter(11 * MIB, 1);
        TransferSnapshot s = runToEnd(queue(Duration.ofSeconds(10)),
                NewTransfer.upload(SITE, source, "/up.bin", content.length));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertArrayEquals(content, Files.readAllBytes(server.home().resolve("up.bin")));
        assertTrue(log.sent().stream().anyMatch(c -> c.startsWith("REST ")), "continued with REST");
    }

    @Test
    void aStalledDataConnectionTimesOutAndIsRetried() throws Exception {
        byte[] content = random(4 * MIB);
        Files.write(server.home().resolve("stall.bin"), content);
        proxy.stallDataAfter(MIB);
        TransferSnapshot s = runToEnd(queue(Duration.ofSeconds(2)),
                NewTransfer.download(SITE, "/stall.bin", dir.resolve("stall.bin"), content.length));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertTrue(s.attempts() >= 2);
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("stall.bin")));
    }

    @Test
    void anUploadToAServerThatStopsReadingIsBrokenOffAndResumed() throws Exception {
        // More than the socket buffers hold, so the client's write blocks once the proxy stops reading.
        byte[] content = random(48 * MIB);
        Path source = Files.write(dir.resolve("stalled-up.bin"), content);
        proxy.stallDataAfter(2 * MIB);
        TransferSnapshot s = runToEnd(queue(Duration.ofSeconds(2)),
                NewTransfer.upload(SITE, source, "/stalled-up.bin", content.length));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertTrue(s.attempts() >= 2, "broken off and retried: " + s.attempts());
        assertArrayEquals(content, Files.readAllBytes(server.home().resolve("stalled-up.bin")));
    }

    @Test
    void refusedConnectionsAreRetriedWithBackoff() throws Exception {
        Files.write(server.home().resolve("r.bin"), random(1000));
        proxy.refuseNext(2);
        TransferSnapshot s = runToEnd(queue(Duration.ofSeconds(5)),
                NewTransfer.download(SITE, "/r.bin", dir.resolve("r.bin"), 1000));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertEquals(3, s.attempts());
    }

    @Test
    void aFailedTransferLeavesThePartFileForTheNextTry() throws Exception {
        byte[] content = random(20 * MIB);
        Files.write(server.home().resolve("gone.bin"), content);
        queue = new TransferQueue(QueueOptions.defaults().withParallel(1).withRetries(2, Duration.ofMillis(10)));
        queue.registerSite(SITE, () -> FtpSession.open(settings(Duration.ofSeconds(10))));
        proxy.cutDataAfter(5 * MIB, 2);
        long id = queue.add(List.of(NewTransfer.download(SITE, "/gone.bin", dir.resolve("gone.bin"), content.length)))
                .get(0).id();
        queue.start();
        assertTrue(queue.awaitIdle(Duration.ofSeconds(60)));
        TransferSnapshot failed = queue.snapshot(id).orElseThrow();
        assertEquals(TransferState.FAILED, failed.state());
        assertTrue(Files.size(dir.resolve("gone.bin.ferry-part")) > 0, "the part file is kept");
        assertTrue(!Files.exists(dir.resolve("gone.bin")), "no half file under the real name");
        queue.retry(id);
        assertTrue(queue.awaitIdle(Duration.ofSeconds(60)));
        assertEquals(TransferState.DONE, queue.snapshot(id).orElseThrow().state());
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("gone.bin")));
    }
}
