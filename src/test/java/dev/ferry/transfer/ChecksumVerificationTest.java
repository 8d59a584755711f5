package dev.ferry.transfer;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.testsupport.FtpsServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checksums offered by the server are compared after each transfer; a mismatch fails loudly. */
class ChecksumVerificationTest {
    @RegisterExtension
    static final FtpsServerExtension honest = FtpsServerExtension.builder()
            .checksums(FtpsServerExtension.Checksums.HONEST).build();

    @RegisterExtension
    static final FtpsServerExtension lying = FtpsServerExtension.builder()
            .checksums(FtpsServerExtension.Checksums.LYING).build();

    @TempDir
    Path dir;

    private final List<TransferQueue> queues = new ArrayList<>();

    @AfterEach
    void close() {
        queues.forEach(TransferQueue::close);
    }

    private TransferQueue queue(FtpsServerExtension server) {
        ConnectionSettings settings = ConnectionSettings.builder(server.host()).port(server.explicitPort())
                .mode(FtpsMode.EXPLICIT).credentials(server.user(), server.password())
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC())).build();
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withRetries(1, Duration.ofMillis(10)));
        q.registerSite("s", () -> FtpSession.open(settings));
        queues.add(q);
        return q;
    }

    private static byte[] content() {
        byte[] b = new byte[700_000];
        new Random(3).nextBytes(b);
        return b;
    }

    private static TransferSnapshot run(TransferQueue q, NewTransfer t) throws InterruptedException {
        long id = q.add(List.of(t)).get(0).id();
        q.start();
        assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
        return q.snapshot(id).orElseThrow();
    }

    @Test
    void aDownloadThatMatchesTheServersChecksumIsDone() throws Exception {
        Files.write(honest.home().resolve("c.bin"), content());
        TransferSnapshot s = run(queue(honest), NewTransfer.download("s", "/c.bin", dir.resolve("c.bin"), -1));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertArrayEquals(content(), Files.readAllBytes(dir.resolve("c.bin")));
    }

    @Test
    void aDownloadThatDoesNotMatchFailsAndLeavesNoFile() throws Exception {
        Files.write(lying.home().resolve("c.bin"), content());
        TransferSnapshot s = run(queue(lying), NewTransfer.download("s", "/c.bin", dir.resolve("c.bin"), -1));
        assertEquals(TransferState.FAILED, s.state());
        assertTrue(s.lastError().orElseThrow().contains("checksum mismatch"), s.lastError().orElseThrow());
        assertFalse(Files.exists(dir.resolve("c.bin")));
        assertFalse(Files.exists(dir.resolve("c.bin.ferry-part")));
    }

    @Test
    void anUploadThatDoesNotMatchFails() throws Exception {
        Path source = Files.write(dir.resolve("u.bin"), content());
        TransferSnapshot s = run(queue(lying), NewTransfer.upload("s", source, "/u.bin", 700_000));
        assertEquals(TransferState.FAILED, s.state());
        assertTrue(s.lastError().orElseThrow().contains("checksum mismatch"), s.lastError().orElseThrow());
    }

    @Test
    void anUploadKeepsTheLocalModificationTime() throws Exception {
        Path source = Files.write(dir.resolve("t.bin"), content());
        java.time.Instant when = java.time.Instant.parse("2019-05-06T07:08:09Z");
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.from(when));
        TransferSnapshot s = run(queue(honest), NewTransfer.upload("s", source, "/t.bin", 700_000));
        assertEquals(TransferState.DONE, s.state(), () -> s.lastError().orElse(""));
        assertEquals(when, Files.getLastModifiedTime(honest.home().resolve("t.bin")).toInstant());
    }
}
