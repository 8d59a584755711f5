package dev.ferry.transfer;

import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.engine.ConnectionSettings;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.FullDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferQueueTest {
    static final String SITE = "test-site";

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    Path dir;

    private final List<TransferQueue> queues = new ArrayList<>();

    @AfterEach
    void closeQueues() {
        queues.forEach(TransferQueue::close);
    }

    static ConnectionSettings settings() {
        return ConnectionSettings.builder(server.host()).port(server.explicitPort()).mode(FtpsMode.EXPLICIT)
                .credentials(server.user(), server.password())
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .readTimeout(Duration.ofSeconds(10)).build();
    }

    private TransferQueue queue(QueueOptions options) {
        TransferQueue q = new TransferQueue(options);
        q.registerSite(SITE, () -> FtpSession.open(settings()));
        queues.add(q);
        return q;
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Each name as "server" on the server and "local" in the local folder. */
    private void onBothSides(String... names) throws IOException {
        for (String n : names) {
            Files.write(server.home().resolve(n), "server".getBytes());
            Files.writeString(dir.resolve(n), "local");
        }
    }

    /** One worker; the queue asks, and the user answers "overwrite, and the same for every file" ({@code asked} counts). */
    private TransferQueue askingQueue(AtomicInteger asked) {
        UserPrompt prompt = (item, target) -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(new UserPrompt.FileExistsAnswer(FileExistsPolicy.OVERWRITE, true));
        };
        return queue(QueueOptions.defaults().withParallel(1).withFileExists(FileExistsPolicy.ASK).withPrompt(prompt));
    }

    private static void awaitIdle(TransferQueue q) throws InterruptedException {
        assertTrue(q.awaitIdle(Duration.ofSeconds(60)), () -> "queue did not finish: " + q.snapshots());
    }

    @Test
    void downloadsAFolderTreeWithThreeWorkers() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Path folder = Files.createDirectories(server.home().resolve("tree/d" + (i % 3)));
            byte[] c = random(10_000 * (i + 1));
            contents.add(c);
            Files.write(folder.resolve("f" + i + ".bin"), c);
        }
        TransferQueue q = queue(QueueOptions.defaults().withParallel(3));
        q.add(List.of(NewTransfer.downloadFolder(SITE, "/tree", dir.resolve("tree"))));
        q.start();
        awaitIdle(q);
        assertTrue(q.snapshots().stream().allMatch(s -> s.state() == TransferState.DONE), () -> q.snapshots().toString());
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(contents.get(i), Files.readAllBytes(dir.resolve("tree/d" + (i % 3) + "/f" + i + ".bin")));
        }
        QueueTotals totals = q.totals();
        assertEquals(totals.bytesTotal(), totals.bytesDone());
        assertEquals(13, totals.items());
    }

    @Test
    void uploadsAFolderTree() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("up/a/b"));
        Files.write(tree.resolve("deep.bin"), random(70_000));
        Files.write(dir.resolve("up/top.txt"), "top".getBytes());
        TransferQueue q = queue(QueueOptions.defaults());
        q.add(List.of(NewTransfer.uploadFolder(SITE, dir.resolve("up"), "/up")));
        q.start();
        awaitIdle(q);
        assertArrayEquals(random(70_000), Files.readAllBytes(server.home().resolve("up/a/b/deep.bin")));
        assertEquals("top", Files.readString(server.home().resolve("up/top.txt")));
    }

    @Test
    void keepsTheRemoteModificationTimeOnDownload() throws Exception {
        Path remote = Files.write(server.home().resolve("old.txt"), "old".getBytes());
        Instant when = Instant.parse("2020-01-02T03:04:05Z");
        Files.setLastModifiedTime(remote, FileTime.from(when));
        TransferQueue q = queue(QueueOptions.defaults());
        q.add(List.of(NewTransfer.download(SITE, "/old.txt", dir.resolve("old.txt"), -1)));
        q.start();
        awaitIdle(q);
        assertEquals(when, Files.getLastModifiedTime(dir.resolve("old.txt")).toInstant());
    }

    @Test
    void aCancelledDownloadLeavesNoPartialTarget() throws Exception {
        Files.write(server.home().resolve("big.bin"), random(40_000_000));
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withSpeedLimit(4_000_000));
        q.registerSite(SITE, () -> FtpSession.open(settings()));
        queues.add(q);
        long id = q.add(List.of(NewTransfer.download(SITE, "/big.bin", dir.resolve("big.bin"), 40_000_000))).get(0).id();
        q.start();
        waitFor(() -> q.snapshot(id).orElseThrow().bytesDone() > 1_000_000);
        q.cancel(id);
        awaitIdle(q);
        assertEquals(TransferState.CANCELLED, q.snapshot(id).orElseThrow().state());
        assertFalse(Files.exists(dir.resolve("big.bin")));
        assertFalse(Files.exists(dir.resolve("big.bin.ferry-part")));
    }

    @Test
    void aCancelledUploadLeavesNoPartialFileOnTheServer() throws Exception {
        Path big = Files.write(dir.resolve("up.bin"), random(40_000_000));
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withSpeedLimit(4_000_000));
        q.registerSite(SITE, () -> FtpSession.open(settings()));
        queues.add(q);
        long id = q.add(List.of(NewTransfer.upload(SITE, big, "/up.bin", 40_000_000))).get(0).id();
        q.start();
        waitFor(() -> q.snapshot(id).orElseThrow().bytesDone() > 1_000_000);
        q.cancel(id);
        awaitIdle(q);
        assertEquals(TransferState.CANCELLED, q.snapshot(id).orElseThrow().state());
        assertFalse(Files.exists(server.home().resolve("up.bin")));
    }

    @Test
    void aPausedDownloadKeepsItsBytesAndContinuesOnResume() throws Exception {
        byte[] content = random(30_000_000);
        Files.write(server.home().resolve("p.bin"), content);
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withSpeedLimit(6_000_000));
        q.registerSite(SITE, () -> FtpSession.open(settings()));
        queues.add(q);
        long id = q.add(List.of(NewTransfer.download(SITE, "/p.bin", dir.resolve("p.bin"), content.length))).get(0).id();
        q.start();
        waitFor(() -> q.snapshot(id).orElseThrow().bytesDone() > 2_000_000);
        q.pause(id);
        waitFor(() -> q.snapshot(id).orElseThrow().state() == TransferState.PAUSED);
        long kept = Files.size(dir.resolve("p.bin.ferry-part"));
        assertTrue(kept > 1_000_000, "kept " + kept);
        q.resume(id);
        awaitIdle(q);
        assertEquals(TransferState.DONE, q.snapshot(id).orElseThrow().state());
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("p.bin")));
    }

    @Test
    void anUnwritableLocalFolderFailsThatItemWhileTheRestGoesOn() throws Exception {
        Files.write(server.home().resolve("a.txt"), "a".getBytes());
        Files.write(server.home().resolve("b.txt"), "b".getBytes());
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path blocked = locked.resolve("sub");
        // root may write anywhere: a plain file where the folder should be makes the target unwritable for everyone
        Files.writeString(dir.resolve("not-a-folder"), "x");
        Path impossible = dir.resolve("not-a-folder").resolve("a.txt");
        TransferQueue q = queue(QueueOptions.defaults().withRetries(1, Duration.ofMillis(10)));
        List<TransferSnapshot> added = q.add(List.of(
                NewTransfer.download(SITE, "/a.txt", impossible, 1),
                NewTransfer.download(SITE, "/b.txt", dir.resolve("b.txt"), 1)));
        q.start();
        awaitIdle(q);
        TransferSnapshot failed = q.snapshot(added.get(0).id()).orElseThrow();
        assertEquals(TransferState.FAILED, failed.state());
        assertEquals(dir.resolve("not-a-folder") + ": a file of that name is in the way of the folder",
                failed.lastError().orElseThrow());
        assertEquals(TransferState.DONE, q.snapshot(added.get(1).id()).orElseThrow().state());
        assertEquals("b", Files.readString(dir.resolve("b.txt")));
        assertFalse(Files.exists(blocked));
    }

    @Test
    void aFullDiskFailsTheDownloadAtOnceKeepsTheOldFileAndTheNextFileStillArrives() throws Exception {
        Path full = FullDisk.device();
        Files.write(server.home().resolve("big.bin"), random(3_000_000));
        Files.write(server.home().resolve("small.bin"), random(50_000));
        Path target = Files.writeString(dir.resolve("big.bin"), "the old contents");
        // The part file leads to the full device: each write fails as on a full disk, mid-stream.
        Files.createSymbolicLink(TransferWorker.partOf(target), full);
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1).withRetries(3, Duration.ofMillis(10)));
        List<TransferSnapshot> added = q.add(List.of(
                NewTransfer.download(SITE, "/big.bin", target, 3_000_000),
                NewTransfer.download(SITE, "/small.bin", dir.resolve("small.bin"), 50_000)));
        q.start();
        awaitIdle(q);
        TransferSnapshot failed = q.snapshot(added.get(0).id()).orElseThrow();
        assertEquals(TransferState.FAILED, failed.state());
        assertTrue(failed.lastError().orElseThrow().startsWith("the disk is full"), failed.lastError().orElseThrow());
        assertEquals(1, failed.attempts(), "a full disk is not a broken connection: no tries again");
        assertEquals("the old contents", Files.readString(target));
        assertEquals(TransferState.DONE, q.snapshot(added.get(1).id()).orElseThrow().state());
        assertArrayEquals(random(50_000), Files.readAllBytes(dir.resolve("small.bin")));
    }

    @Test
    void aServerWhoseDiskIsFullFailsTheUploadWithItsOwnWordsAndTheLocalFileStays() throws Exception {
        Path full = FullDisk.device();
        byte[] content = random(2_000_000);
        Path local = Files.write(dir.resolve("report.bin"), content);
        // The server writes the upload to the full device: its disk is full.
        Files.createSymbolicLink(server.home().resolve("report.bin"), full);
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1).withRetries(2, Duration.ofMillis(10)));
        List<TransferSnapshot> added = q.add(List.of(
                NewTransfer.upload(SITE, local, "/report.bin", content.length),
                NewTransfer.upload(SITE, Files.write(dir.resolve("next.txt"), "next".getBytes()), "/next.txt", 4)));
        q.start();
        awaitIdle(q);
        TransferSnapshot failed = q.snapshot(added.get(0).id()).orElseThrow();
        assertEquals(TransferState.FAILED, failed.state());
        assertTrue(failed.lastError().orElseThrow().startsWith("the upload of /report.bin failed: 551"),
                failed.lastError().orElseThrow());
        assertEquals(1, failed.attempts(), "a 5xx reply is final: no tries again");
        assertArrayEquals(content, Files.readAllBytes(local));
        assertEquals(TransferState.DONE, q.snapshot(added.get(1).id()).orElseThrow().state());
        assertEquals("next", Files.readString(server.home().resolve("next.txt")));
    }

    @Test
    void aFolderUploadSkipsLocalNamesWithALineBreakAndSaysSo() throws Exception {
        Path up = Files.createDirectories(dir.resolve("up"));
        Files.writeString(up.resolve("ok.txt"), "ok");
        Files.writeString(up.resolve("bad\nDELE ok.txt"), "smuggled");
        Files.createDirectories(up.resolve("sub\rfolder"));
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1));
        long id = q.add(List.of(NewTransfer.uploadFolder(SITE, up, "/up"))).get(0).id();
        q.start();
        awaitIdle(q);
        assertTrue(q.snapshots().stream().allMatch(s -> s.state() == TransferState.DONE), () -> q.snapshots().toString());
        assertEquals("ok", Files.readString(server.home().resolve("up/ok.txt")));
        try (var there = Files.list(server.home().resolve("up"))) {
            assertEquals(List.of("ok.txt"), there.map(p -> p.getFileName().toString()).toList());
        }
        String note = q.snapshot(id).orElseThrow().note().orElseThrow();
        assertTrue(note.contains("bad?DELE ok.txt (a name with a line break or NUL in it cannot be sent to an FTP server)"),
                note);
        assertTrue(note.contains("sub?folder ("), note);
    }

    @Test
    void aFolderUploadFollowsLinksButNotOneBackToAFolderItIsIn() throws Exception {
        Path up = Files.createDirectories(dir.resolve("up"));
        Files.writeString(Files.createDirectories(up.resolve("a")).resolve("f.txt"), "f");
        Files.createSymbolicLink(up.resolve("a/loop"), Path.of(".."));
        Files.createSymbolicLink(up.resolve("b"), Path.of("a"));
        Files.createSymbolicLink(up.resolve("g.txt"), Path.of("a/f.txt"));
        Files.createSymbolicLink(up.resolve("gone.txt"), Path.of("nowhere/gone.txt"));
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1));
        long id = q.add(List.of(NewTransfer.uploadFolder(SITE, up, "/up"))).get(0).id();
        q.start();
        awaitIdle(q);
        assertTrue(q.snapshots().stream().allMatch(s -> s.state() == TransferState.DONE), () -> q.snapshots().toString());
        try (var there = Files.walk(server.home().resolve("up"))) {
            assertEquals(List.of("up", "up/a", "up/a/f.txt", "up/b", "up/b/f.txt", "up/g.txt"),
                    there.map(p -> server.home().relativize(p).toString()).sorted().toList());
        }
        assertTrue(q.snapshots().stream().filter(s -> s.remotePath().equals("/up/a")).findFirst().orElseThrow()
                .note().orElseThrow().contains("loop (a link to a folder it is in: following it would never end)"));
        assertTrue(q.snapshot(id).orElseThrow().note().orElseThrow().contains("gone.txt (a link to something that is not there)"));
    }

    @Test
    void anUploadOfALocalNameWithALineBreakFailsSayingWhyAndTheNextOneGoesOn() throws Exception {
        Path bad = Files.writeString(dir.resolve("cr\rname.txt"), "x");
        Path good = Files.writeString(dir.resolve("good.txt"), "good");
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1).withRetries(3, Duration.ofSeconds(30)));
        List<TransferSnapshot> added = q.add(List.of(NewTransfer.upload(SITE, bad, "/cr\rname.txt", 1),
                NewTransfer.upload(SITE, good, "/good.txt", 4)));
        q.start();
        awaitIdle(q);
        TransferSnapshot failed = q.snapshot(added.get(0).id()).orElseThrow();
        assertEquals(TransferState.FAILED, failed.state());
        assertEquals(1, failed.attempts());
        assertEquals("a name with a line break or NUL in it cannot be sent to an FTP server",
                failed.lastError().orElseThrow());
        assertEquals("good", Files.readString(server.home().resolve("good.txt")));
    }

    private static void write(Path file, String content, Instant modified) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void resumingSkipsACompleteDownloadButFetchesOneChangedOnTheServerSince() throws Exception {
        Instant then = Instant.parse("2024-01-01T00:00:00Z");
        write(server.home().resolve("same.txt"), "server", then);
        write(dir.resolve("same.txt"), "local!", then);
        write(server.home().resolve("changed.txt"), "server", then.plusSeconds(3600));
        write(dir.resolve("changed.txt"), "local!", then);
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1).withFileExists(FileExistsPolicy.RESUME));
        q.add(List.of(NewTransfer.download(SITE, "/same.txt", dir.resolve("same.txt"), -1),
                NewTransfer.download(SITE, "/changed.txt", dir.resolve("changed.txt"), -1)));
        q.start();
        awaitIdle(q);
        assertEquals("local!", Files.readString(dir.resolve("same.txt")), "same size and time: complete, skipped");
        assertEquals("server", Files.readString(dir.resolve("changed.txt")), "changed on the server an hour later");
    }

    @Test
    void overwriteIfNewerLooksPastTheMillisecondsAServerDoesNotKeep() throws Exception {
        Instant then = Instant.parse("2024-01-01T00:00:00Z");
        // As after an upload whose time the server kept in whole seconds (MFMT): the same file.
        write(server.home().resolve("kept.txt"), "server", then);
        write(dir.resolve("kept.txt"), "local!", then.plusMillis(734));
        write(server.home().resolve("edited.txt"), "server", then);
        write(dir.resolve("edited.txt"), "local!", then.plusSeconds(60));
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1)
                .withFileExists(FileExistsPolicy.OVERWRITE_IF_NEWER));
        q.add(List.of(NewTransfer.upload(SITE, dir.resolve("kept.txt"), "/kept.txt", 6),
                NewTransfer.upload(SITE, dir.resolve("edited.txt"), "/edited.txt", 6)));
        q.start();
        awaitIdle(q);
        assertEquals("server", Files.readString(server.home().resolve("kept.txt")));
        assertEquals("local!", Files.readString(server.home().resolve("edited.txt")));
    }

    @Test
    void aPartFileOfAnOlderVersionIsNotContinuedWithTheNewOnesEnd() throws Exception {
        Instant then = Instant.parse("2024-01-01T00:00:00Z");
        byte[] now = random(200_000);
        Files.write(server.home().resolve("report.bin"), now);
        Files.setLastModifiedTime(server.home().resolve("report.bin"), FileTime.from(then.plusSeconds(3600)));
        Path part = Files.write(dir.resolve("report.bin.ferry-part"), java.util.Arrays.copyOf(random(300_000), 100_000));
        Files.setLastModifiedTime(part, FileTime.from(then));
        TransferQueue q = queue(QueueOptions.defaults().withFileExists(FileExistsPolicy.RESUME));
        long id = q.add(List.of(NewTransfer.download(SITE, "/report.bin", dir.resolve("report.bin"), -1))).get(0).id();
        q.start();
        awaitIdle(q);
        assertArrayEquals(now, Files.readAllBytes(dir.resolve("report.bin")));
        assertTrue(q.snapshot(id).orElseThrow().note().orElseThrow().contains("changed on the server since the part file"));
    }

    @Test
    void resumingSendsAgainAFileChangedHereSinceTheServersCopyWasWritten() throws Exception {
        Instant then = Instant.parse("2024-01-01T00:00:00Z");
        write(server.home().resolve("site.css"), "a{color:red}", then);
        Path css = dir.resolve("site.css");
        write(css, "a{color:tan}", then.plusSeconds(3600));
        write(server.home().resolve("same.css"), "b{color:red}", then.plusSeconds(3600));
        Path same = dir.resolve("same.css");
        write(same, "b{color:tan}", then);
        byte[] grown = random(200_000);
        write(server.home().resolve("big.bin"), "the start of an older version", then);
        Path big = Files.write(dir.resolve("big.bin"), grown);
        Files.setLastModifiedTime(big, FileTime.from(then.plusSeconds(3600)));
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1).withFileExists(FileExistsPolicy.RESUME));
        q.add(List.of(NewTransfer.upload(SITE, css, "/site.css", 12), NewTransfer.upload(SITE, same, "/same.css", 12),
                NewTransfer.upload(SITE, big, "/big.bin", grown.length)));
        q.start();
        awaitIdle(q);
        assertEquals("a{color:tan}", Files.readString(server.home().resolve("site.css")), "changed here an hour later");
        assertEquals("b{color:red}", Files.readString(server.home().resolve("same.css")), "the server's is newer: complete");
        assertArrayEquals(grown, Files.readAllBytes(server.home().resolve("big.bin")), "not continued: sent whole");
    }

    @Test
    void aFileThatGrewSinceItWasListedArrivesWholeWithoutATryAgain() throws Exception {
        byte[] grown = random(150_000);
        Files.write(server.home().resolve("app.log"), grown);
        TransferQueue q = queue(QueueOptions.defaults().withKeepTimestamps(false).withRetries(3, Duration.ofSeconds(30)));
        long id = q.add(List.of(NewTransfer.download(SITE, "/app.log", dir.resolve("app.log"),
                NewTransfer.RemoteHint.present(100_000, -1)))).get(0).id();
        q.start();
        awaitIdle(q);
        TransferSnapshot s = q.snapshot(id).orElseThrow();
        assertEquals(TransferState.DONE, s.state(), s.toString());
        assertEquals(1, s.attempts());
        assertEquals(150_000, s.size());
        assertArrayEquals(grown, Files.readAllBytes(dir.resolve("app.log")));
        assertTrue(s.note().orElseThrow().contains("listed at 100000 bytes, received 150000"), s.note().orElseThrow());
    }

    @Test
    void aFileThatShrankSinceItWasListedArrivesAsItIsNow() throws Exception {
        byte[] shrunk = random(60_000);
        Files.write(server.home().resolve("app.log"), shrunk);
        TransferQueue q = queue(QueueOptions.defaults().withKeepTimestamps(false).withRetries(3, Duration.ofSeconds(30)));
        long id = q.add(List.of(NewTransfer.download(SITE, "/app.log", dir.resolve("app.log"), 100_000))).get(0).id();
        q.start();
        awaitIdle(q);
        TransferSnapshot s = q.snapshot(id).orElseThrow();
        assertEquals(TransferState.DONE, s.state(), s.toString());
        assertEquals(1, s.attempts());
        assertArrayEquals(shrunk, Files.readAllBytes(dir.resolve("app.log")));
    }

    @Test
    void aLocalFileThatGrowsWhileItIsSentArrivesWholeWithoutATryAgain() throws Exception {
        Path log = Files.write(dir.resolve("grow.log"), random(3_000_000));
        TransferQueue q = queue(QueueOptions.defaults().withSpeedLimit(2_000_000).withRetries(3, Duration.ofSeconds(30)));
        long id = q.add(List.of(NewTransfer.upload(SITE, log, "/grow.log", 3_000_000))).get(0).id();
        q.start();
        waitFor(() -> q.snapshot(id).orElseThrow().bytesDone() > 500_000);
        Files.write(log, random(100_000), java.nio.file.StandardOpenOption.APPEND);
        awaitIdle(q);
        TransferSnapshot s = q.snapshot(id).orElseThrow();
        assertEquals(TransferState.DONE, s.state(), s.toString());
        assertEquals(1, s.attempts());
        assertEquals(3_100_000, s.size());
        assertArrayEquals(Files.readAllBytes(log), Files.readAllBytes(server.home().resolve("grow.log")));
        assertTrue(s.note().orElseThrow().contains("3000000 bytes when the upload began, 3100000 sent"),
                s.note().orElseThrow());
    }

    @Test
    void givesUpAfterTheLastTryWithTheReasonInWords() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withRetries(3, Duration.ofMillis(20)));
        queues.add(q);
        q.registerSite(SITE, () -> {
            tries.incrementAndGet();
            throw new FtpConnectionException("could not connect to example:21: Connection refused", null);
        });
        long id = q.add(List.of(NewTransfer.download(SITE, "/x", dir.resolve("x"), 1))).get(0).id();
        q.start();
        awaitIdle(q);
        TransferSnapshot s = q.snapshot(id).orElseThrow();
        assertEquals(TransferState.FAILED, s.state());
        assertEquals(3, tries.get());
        assertTrue(s.lastError().orElseThrow().contains("Connection refused"));
    }

    @Test
    void aWrongPasswordFailsTheItemWithTheServersReplyAndTheWorkerGoesOn() throws Exception {
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withRetries(2, Duration.ofMillis(20)));
        queues.add(q);
        q.registerSite(SITE, () -> FtpSession.open(settings().toBuilder().credentials(server.user(), "wrong").build()));
        Files.write(server.home().resolve("w1.txt"), "one".getBytes());
        Files.write(server.home().resolve("w2.txt"), "two".getBytes());
        List<TransferSnapshot> added = q.add(List.of(NewTransfer.download(SITE, "/w1.txt", dir.resolve("w1.txt"), 3),
                NewTransfer.download(SITE, "/w2.txt", dir.resolve("w2.txt"), 3)));
        q.start();
        awaitIdle(q);
        for (TransferSnapshot a : added) {
            TransferSnapshot s = q.snapshot(a.id()).orElseThrow();
            assertEquals(TransferState.FAILED, s.state(), s.toString());
            assertTrue(s.lastError().orElseThrow().contains("530"), s.lastError().get());
        }
        assertFalse(Files.exists(dir.resolve("w1.txt")));
    }

    @Test
    void skipsAnExistingTargetWhenToldTo() throws Exception {
        Files.write(server.home().resolve("s.txt"), "new".getBytes());
        Files.writeString(dir.resolve("s.txt"), "mine");
        TransferQueue q = queue(QueueOptions.defaults().withFileExists(FileExistsPolicy.SKIP));
        long id = q.add(List.of(NewTransfer.download(SITE, "/s.txt", dir.resolve("s.txt"), 3))).get(0).id();
        q.start();
        awaitIdle(q);
        assertEquals("mine", Files.readString(dir.resolve("s.txt")));
        assertTrue(q.snapshot(id).orElseThrow().note().orElseThrow().contains("skipped"));
    }

    @Test
    void renamesWhenToldToKeepBoth() throws Exception {
        Files.write(server.home().resolve("r.txt"), "theirs".getBytes());
        Files.writeString(dir.resolve("r.txt"), "mine");
        TransferQueue q = queue(QueueOptions.defaults().withFileExists(FileExistsPolicy.RENAME));
        q.add(List.of(NewTransfer.download(SITE, "/r.txt", dir.resolve("r.txt"), 6)));
        q.start();
        awaitIdle(q);
        assertEquals("mine", Files.readString(dir.resolve("r.txt")));
        assertEquals("theirs", Files.readString(dir.resolve("r (1).txt")));
    }

    @Test
    void asksTheUserAndAppliesTheAnswerToAll() throws Exception {
        onBothSides("q1.txt", "q2.txt");
        AtomicInteger asked = new AtomicInteger();
        TransferQueue q = askingQueue(asked);
        q.add(List.of(NewTransfer.download(SITE, "/q1.txt", dir.resolve("q1.txt"), 6),
                NewTransfer.download(SITE, "/q2.txt", dir.resolve("q2.txt"), 6)));
        q.start();
        awaitIdle(q);
        assertEquals(1, asked.get());
        assertEquals("server", Files.readString(dir.resolve("q1.txt")));
        assertEquals("server", Files.readString(dir.resolve("q2.txt")));
    }

    @Test
    void eachTransferKeepsItsOwnFileExistsChoiceWhateverIsQueuedLater() throws Exception {
        onBothSides("keep.txt", "over.txt");
        TransferQueue q = queue(QueueOptions.defaults().withParallel(1).withFileExists(FileExistsPolicy.OVERWRITE));
        q.add(List.of(NewTransfer.download(SITE, "/keep.txt", dir.resolve("keep.txt"), 6)
                .withFileExists(FileExistsPolicy.SKIP)));
        q.add(List.of(NewTransfer.download(SITE, "/over.txt", dir.resolve("over.txt"), 6)
                .withFileExists(FileExistsPolicy.OVERWRITE)));
        q.start();
        awaitIdle(q);
        assertEquals("local", Files.readString(dir.resolve("keep.txt")), "the first batch said skip");
        assertEquals("server", Files.readString(dir.resolve("over.txt")));
    }

    @Test
    void filesFoundInAFolderFollowTheFoldersChoice() throws Exception {
        Files.createDirectories(server.home().resolve("tree"));
        Files.write(server.home().resolve("tree/t.txt"), "server".getBytes());
        Files.createDirectories(dir.resolve("tree"));
        Files.writeString(dir.resolve("tree/t.txt"), "local");
        TransferQueue q = queue(QueueOptions.defaults().withFileExists(FileExistsPolicy.OVERWRITE));
        q.add(List.of(NewTransfer.downloadFolder(SITE, "/tree", dir.resolve("tree")).withFileExists(FileExistsPolicy.SKIP)));
        q.start();
        awaitIdle(q);
        assertEquals("local", Files.readString(dir.resolve("tree/t.txt")));
        assertTrue(q.snapshots().stream().allMatch(s -> s.fileExists().equals(java.util.Optional.of(FileExistsPolicy.SKIP))),
                () -> q.snapshots().toString());
    }

    @Test
    void anAnswerForAllLastsUntilTheQueueHasNothingLeftToDo() throws Exception {
        onBothSides("r1.txt", "r2.txt", "r3.txt");
        AtomicInteger asked = new AtomicInteger();
        TransferQueue q = askingQueue(asked);
        q.add(List.of(NewTransfer.download(SITE, "/r1.txt", dir.resolve("r1.txt"), 6),
                NewTransfer.download(SITE, "/r2.txt", dir.resolve("r2.txt"), 6)));
        q.start();
        awaitIdle(q);
        assertEquals(1, asked.get());

        q.add(List.of(NewTransfer.download(SITE, "/r3.txt", dir.resolve("r3.txt"), 6)));
        awaitIdle(q);
        assertEquals(2, asked.get(), "a later queue is asked again");
        assertEquals("server", Files.readString(dir.resolve("r3.txt")));
    }

    @Test
    void anAnswerForAllDoesNotOverruleATransfersOwnChoice() throws Exception {
        onBothSides("a1.txt", "a2.txt", "a3.txt");
        TransferQueue q = askingQueue(new AtomicInteger());
        q.add(List.of(NewTransfer.download(SITE, "/a1.txt", dir.resolve("a1.txt"), 6),
                NewTransfer.download(SITE, "/a2.txt", dir.resolve("a2.txt"), 6).withFileExists(FileExistsPolicy.SKIP),
                NewTransfer.download(SITE, "/a3.txt", dir.resolve("a3.txt"), 6)));
        q.start();
        awaitIdle(q);
        assertEquals("server", Files.readString(dir.resolve("a1.txt")));
        assertEquals("local", Files.readString(dir.resolve("a2.txt")), "its own choice was skip");
        assertEquals("server", Files.readString(dir.resolve("a3.txt")), "the answer for all");
    }

    @Test
    void overwritesOnlyWhenSizesDifferWhenToldTo() throws Exception {
        Files.write(server.home().resolve("same.txt"), "1234".getBytes());
        Files.write(server.home().resolve("diff.txt"), "123456".getBytes());
        Files.writeString(dir.resolve("same.txt"), "abcd");
        Files.writeString(dir.resolve("diff.txt"), "abcd");
        TransferQueue q = queue(QueueOptions.defaults().withFileExists(FileExistsPolicy.OVERWRITE_IF_SIZE_DIFFERS));
        q.add(List.of(NewTransfer.download(SITE, "/same.txt", dir.resolve("same.txt"), 4),
                NewTransfer.download(SITE, "/diff.txt", dir.resolve("diff.txt"), 6)));
        q.start();
        awaitIdle(q);
        assertEquals("abcd", Files.readString(dir.resolve("same.txt")));
        assertEquals("123456", Files.readString(dir.resolve("diff.txt")));
    }

    @Test
    void keepsToTheConnectionLimitOfASite() throws Exception {
        for (int i = 0; i < 8; i++) {
            Files.write(server.home().resolve("l" + i + ".bin"), random(300_000));
        }
        TransferQueue q = new TransferQueue(QueueOptions.defaults().withParallel(4).withSpeedLimit(8_000_000));
        queues.add(q);
        q.registerSite(SITE, () -> FtpSession.open(settings()), 1);
        List<NewTransfer> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(NewTransfer.download(SITE, "/l" + i + ".bin", dir.resolve("l" + i + ".bin"), 300_000));
        }
        AtomicInteger most = new AtomicInteger();
        q.addListener(new QueueListener() {
            @Override
            public void changed(TransferSnapshot item) {
                most.accumulateAndGet((int) q.snapshots().stream().filter(s -> s.state().isActive()).count(), Math::max);
            }
        });
        q.add(all);
        q.start();
        awaitIdle(q);
        assertEquals(1, most.get());
        assertTrue(q.snapshots().stream().allMatch(s -> s.state() == TransferState.DONE));
    }

    @Test
    void reordersWaitingItems() {
        TransferQueue q = new TransferQueue(QueueOptions.defaults());
        queues.add(q);
        List<TransferSnapshot> added = q.add(List.of(NewTransfer.download("nowhere", "/1", dir.resolve("1"), 1),
                NewTransfer.download("nowhere", "/2", dir.resolve("2"), 1),
                NewTransfer.download("nowhere", "/3", dir.resolve("3"), 1)));
        q.moveToTop(added.get(2).id());
        q.moveDown(added.get(0).id());
        assertEquals(List.of("/3", "/2", "/1"), q.snapshots().stream().map(TransferSnapshot::remotePath).toList());
        q.moveToBottom(added.get(2).id());
        q.moveUp(added.get(0).id());
        assertEquals(List.of("/1", "/2", "/3"), q.snapshots().stream().map(TransferSnapshot::remotePath).toList());
    }

    @Test
    void tenThousandQueuedItemsReachListenersInOneEvent() {
        TransferQueue q = new TransferQueue(QueueOptions.defaults());
        queues.add(q);
        AtomicInteger events = new AtomicInteger();
        q.addListener(new QueueListener() {
            @Override
            public void added(List<TransferSnapshot> items) {
                events.incrementAndGet();
            }

            @Override
            public void changed(TransferSnapshot item) {
                events.incrementAndGet();
            }
        });
        List<NewTransfer> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(NewTransfer.download("unregistered", "/f" + i, dir.resolve("f" + i), 100));
        }
        q.add(many);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            q.totals();
        }
        assertEquals(1, events.get());
        assertEquals(1_000_000, q.totals().bytesTotal());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
    }

    @Test
    void aQueueSavedMidRunFinishesInANewQueue() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        List<NewTransfer> transfers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] c = random(3_000_000 + i);
            contents.add(c);
            Files.write(server.home().resolve("m" + i + ".bin"), c);
            transfers.add(NewTransfer.download(SITE, "/m" + i + ".bin", dir.resolve("m" + i + ".bin"), c.length));
        }
        Path file = dir.resolve("config/queue.json");
        TransferQueue first = new TransferQueue(QueueOptions.defaults().withParallel(2).withSpeedLimit(8_000_000));
        first.registerSite(SITE, () -> FtpSession.open(settings()));
        QueueStore store = new QueueStore(file, Duration.ofMillis(100));
        store.attach(first);
        first.add(transfers);
        first.start();
        waitFor(() -> first.totals().bytesDone() > 4_000_000);
        first.close();
        store.close();
        assertTrue(first.snapshots().stream().anyMatch(s -> !s.state().isFinished()), "stopped mid-run");

        QueueStore.Loaded loaded = new QueueStore(file, Duration.ofMillis(100)).load();
        assertTrue(loaded.problem().isEmpty());
        assertEquals(6, loaded.items().size());
        TransferQueue second = queue(QueueOptions.defaults());
        second.restore(loaded.items());
        second.start();
        awaitIdle(second);
        assertTrue(second.snapshots().stream().allMatch(s -> s.state() == TransferState.DONE), () -> second.snapshots().toString());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(contents.get(i), Files.readAllBytes(dir.resolve("m" + i + ".bin")), "file " + i);
        }
    }

    @Test
    void aSavedItemKeepsItsOwnFileExistsChoice() throws IOException {
        TransferQueue q = queue(QueueOptions.defaults());
        q.add(List.of(NewTransfer.download(SITE, "/own.txt", dir.resolve("own.txt"), 3).withFileExists(FileExistsPolicy.RENAME),
                NewTransfer.download(SITE, "/queue.txt", dir.resolve("queue.txt"), 3)));
        Path file = dir.resolve("queue.json");
        new QueueStore(file, Duration.ofSeconds(1)).save(q.snapshots());
        List<TransferSnapshot> loaded = new QueueStore(file, Duration.ofSeconds(1)).load().items();
        assertEquals(java.util.Optional.of(FileExistsPolicy.RENAME), loaded.get(0).fileExists());
        assertEquals(java.util.Optional.empty(), loaded.get(1).fileExists());
    }

    @Test
    void aSavedRemoteNameThatWasNotUtf8ComesBackWithTheSameBytes() throws IOException {
        String latin1 = "/old/caf\uDCE9.txt"; // as NameCodec reads the byte 0xE9 of an ISO-8859-1 name
        TransferQueue q = queue(QueueOptions.defaults());
        q.add(List.of(NewTransfer.download(SITE, latin1, dir.resolve("café.txt"), 3)));
        Path file = dir.resolve("queue.json");
        new QueueStore(file, Duration.ofSeconds(1)).save(q.snapshots());
        List<TransferSnapshot> loaded = new QueueStore(file, Duration.ofSeconds(1)).load().items();
        assertEquals(latin1, loaded.get(0).remotePath());
    }

    @Test
    void aCorruptQueueFileIsKeptAndReported() throws IOException {
        Path file = Files.writeString(dir.resolve("queue.json"), "{ this is not json");
        QueueStore.Loaded loaded = new QueueStore(file, Duration.ofSeconds(1)).load();
        assertTrue(loaded.items().isEmpty());
        assertTrue(loaded.problem().orElseThrow().contains("could not be read"));
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("queue.json.unreadable-")));
        }
    }

    @Test
    void anUnreadableQueueFileThatCannotBeMovedAsideIsNeverSavedOver() throws IOException {
        // A name so long that no "<name>.unreadable-<time>" fits the file system's limit: the rename fails, even for root.
        Path file = Files.writeString(dir.resolve("q".repeat(240) + ".json"), "{ this is not json");
        QueueStore store = new QueueStore(file, Duration.ofSeconds(1));
        QueueStore.Loaded loaded = store.load();
        assertTrue(loaded.items().isEmpty());
        assertTrue(loaded.problem().orElseThrow().contains("not saved over it"), loaded.problem().get());

        store.save(List.of());
        assertEquals("{ this is not json", Files.readString(file));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
