package dev.ferry.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.transfer.NewTransfer;
import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;
import dev.ferry.ui.FxBridge;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The queue panel as a user sees it, over a real queue and a real FTPS server. */
@ExtendWith(ApplicationExtension.class)
class QueuePanelTest {
    private static final String SITE = "test-site";

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    Path dir;

    private final FxBridge bridge = new FxBridge();
    private final List<TransferQueue> queues = new ArrayList<>();
    private Stage stage;
    private QueueViewModel model;
    private QueuePanel panel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("queue"), 1000, 400));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (model != null) {
            fx(model::dispose);
        }
        queues.forEach(TransferQueue::close);
        bridge.close();
    }

    // ---- set-up ------------------------------------------------------------------------------------

    private TransferQueue queue(QueueOptions options) {
        TransferQueue q = new TransferQueue(options);
        q.registerSite(SITE, () -> FtpSession.open(ConnectionSettings.builder(server.host())
                .port(server.explicitPort()).mode(FtpsMode.EXPLICIT).credentials(server.user(), server.password())
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .readTimeout(Duration.ofSeconds(10)).build()));
        queues.add(q);
        return q;
    }

    /** A queue whose items wait: it knows no site to run them on. */
    private TransferQueue idleQueue() {
        TransferQueue q = new TransferQueue(QueueOptions.defaults());
        queues.add(q);
        return q;
    }

    private void show(TransferQueue queue) throws Exception {
        fx(() -> {
            model = new QueueViewModel(queue, bridge);
            panel = new QueuePanel(model);
            stage.getScene().setRoot(panel);
            model.start();
        });
    }

    private List<TransferSnapshot> waiting(TransferQueue queue, String... names) {
        List<NewTransfer> items = new ArrayList<>();
        for (String name : names) {
            items.add(NewTransfer.download("nowhere", "/" + name, dir.resolve(name), 1000));
        }
        return queue.add(items);
    }

    private Path serverFile(String name, int size) throws Exception {
        return Files.write(server.home().resolve(name), new byte[size]);
    }

    // ---- reading the screen ---------------------------------------------------------------------------

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }

    @SuppressWarnings("unchecked")
    private TableView<QueueRow> table(FxRobot robot) {
        return (TableView<QueueRow>) robot.lookup("#queue-table").queryAs(TableView.class);
    }

    /** The visible cell of {@code column} ("queue-state") in row {@code index}, or null. */
    private TableCell<?, ?> cell(FxRobot robot, int index, String column) {
        for (Node n : robot.from(table(robot)).lookup("." + column + "-column").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getIndex() == index && !c.isEmpty()) {
                return c;
            }
        }
        return null;
    }

    /** The text of a visible cell, or null; on the FX thread already when called from there. */
    private String text(FxRobot robot, int index, String column) throws Exception {
        Callable<String> read = () -> {
            TableCell<?, ?> c = cell(robot, index, column);
            return c == null ? null : c.getText();
        };
        return onFx(read);
    }

    /** Runs {@code read} on the FX thread: at once when already there (inside a wait condition). */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return Platform.isFxApplicationThread() ? read.call() : fx(read);
    }

    private double bar(FxRobot robot, int index) throws Exception {
        return onFx(() -> {
            TableCell<?, ?> c = cell(robot, index, "queue-progress");
            return c == null ? -2 : robot.from(c).lookup(".queue-progress-bar").queryAs(ProgressBar.class).getProgress();
        });
    }

    private String percent(FxRobot robot, int index) throws Exception {
        return onFx(() -> robot.from(cell(robot, index, "queue-progress")).lookup(".queue-percent").queryAs(Label.class).getText());
    }

    private List<String> names(FxRobot robot) throws Exception {
        return fx(() -> table(robot).getItems().stream().map(QueueRow::getName).toList());
    }

    private void clickRow(FxRobot robot, int index) throws Exception {
        waitUntil(() -> cell(robot, index, "queue-name") != null);
        robot.clickOn(fx(() -> cell(robot, index, "queue-name")));
    }

    private boolean disabled(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    // ---- tests -----------------------------------------------------------------------------------------

    @Test
    void showsARunningDownloadsProgressAndThenDone(FxRobot robot) throws Exception {
        serverFile("movie.mkv", 3_000_000);
        TransferQueue q = queue(QueueOptions.defaults().withSpeedLimit(1_000_000));
        q.add(List.of(NewTransfer.download(SITE, "/movie.mkv", dir.resolve("movie.mkv"), 3_000_000)));
        show(q);
        q.start();
        AtomicReference<String> running = new AtomicReference<>();
        waitUntil(() -> {
            String speed = text(robot, 0, "queue-speed");
            if ("Transferring".equals(text(robot, 0, "queue-state")) && speed != null && speed.endsWith("/s")) {
                running.set(bar(robot, 0) + " " + percent(robot, 0));
            }
            return running.get() != null;
        });
        String[] seen = running.get().split(" ");
        double progress = Double.parseDouble(seen[0]);
        assertTrue(progress > 0 && progress < 1, "progress " + progress);
        assertTrue(seen[1].matches("\\d{1,2}%"), seen[1]);
        waitUntil(() -> "Done".equals(text(robot, 0, "queue-state")));
        assertEquals(1.0, bar(robot, 0));
        assertEquals("100%", percent(robot, 0));
        assertEquals("", text(robot, 0, "queue-speed"));
    }

    @Test
    void aFailedItemShowsItsErrorInWords(FxRobot robot) throws Exception {
        TransferQueue q = queue(QueueOptions.defaults().withRetries(1, Duration.ofMillis(10)));
        q.add(List.of(NewTransfer.download(SITE, "/missing.bin", dir.resolve("missing.bin"), 10)));
        show(q);
        q.start();
        waitUntil(() -> "Failed".equals(text(robot, 0, "queue-state")));
        String message = text(robot, 0, "queue-message");
        assertTrue(message.contains("/missing.bin"), message);
        assertEquals(message, fx(() -> cell(robot, 0, "queue-message").getTooltip().getText()));
    }

    @Test
    void thePauseButtonPausesTheSelectedRunningDownload(FxRobot robot) throws Exception {
        serverFile("big.bin", 20_000_000);
        TransferQueue q = queue(QueueOptions.defaults().withSpeedLimit(2_000_000));
        q.add(List.of(NewTransfer.download(SITE, "/big.bin", dir.resolve("big.bin"), 20_000_000)));
        show(q);
        q.start();
        waitUntil(() -> "Transferring".equals(text(robot, 0, "queue-state")));
        clickRow(robot, 0);
        robot.clickOn("#queue-pause");
        waitUntil(() -> "Paused".equals(text(robot, 0, "queue-state")));
        assertTrue(disabled(robot, "#queue-pause"));
        assertFalse(disabled(robot, "#queue-resume"));
    }

    @Test
    void theResumeButtonQueuesTheSelectedPausedItemAgain(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        long id = waiting(q, "a.txt").get(0).id();
        q.pause(id);
        show(q);
        waitUntil(() -> "Paused".equals(text(robot, 0, "queue-state")));
        clickRow(robot, 0);
        robot.clickOn("#queue-resume");
        waitUntil(() -> "Queued".equals(text(robot, 0, "queue-state")));
        assertEquals(TransferState.QUEUED, q.snapshot(id).orElseThrow().state());
    }

    @Test
    void theCancelButtonCancelsOnlyTheSelectedRow(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        waiting(q, "a.txt", "b.txt");
        show(q);
        waitUntil(() -> table(robot).getItems().size() == 2);
        clickRow(robot, 1);
        robot.clickOn("#queue-cancel");
        waitUntil(() -> "Cancelled".equals(text(robot, 1, "queue-state")));
        assertEquals("Queued", text(robot, 0, "queue-state"));
    }

    @Test
    void theCancelButtonStopsARunningDownload(FxRobot robot) throws Exception {
        serverFile("big.bin", 20_000_000);
        TransferQueue q = queue(QueueOptions.defaults().withSpeedLimit(2_000_000));
        q.add(List.of(NewTransfer.download(SITE, "/big.bin", dir.resolve("big.bin"), 20_000_000)));
        show(q);
        q.start();
        waitUntil(() -> "Transferring".equals(text(robot, 0, "queue-state")));
        clickRow(robot, 0);
        robot.clickOn("#queue-cancel");
        waitUntil(() -> "Cancelled".equals(text(robot, 0, "queue-state")));
        assertFalse(Files.exists(dir.resolve("big.bin.ferry-part")));
    }

    @Test
    void theDeleteKeyCancelsTheSelectedRows(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        waiting(q, "a.txt", "b.txt");
        show(q);
        waitUntil(() -> table(robot).getItems().size() == 2);
        clickRow(robot, 0);
        robot.press(KeyCode.SHIFT);
        clickRow(robot, 1);
        robot.release(KeyCode.SHIFT);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> "Cancelled".equals(text(robot, 0, "queue-state")) && "Cancelled".equals(text(robot, 1, "queue-state")));
    }

    @Test
    void theRetryButtonQueuesAFailedItemAgain(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        q.restore(List.of(new TransferSnapshot(5, "nowhere", dev.ferry.transfer.TransferDirection.DOWNLOAD, false, 0,
                "/gone.bin", dir.resolve("gone.bin").toString(), 10, 0, TransferState.FAILED, 1,
                Optional.of("550 /gone.bin: no such file"), Optional.empty(), Optional.empty())));
        show(q);
        waitUntil(() -> "Failed".equals(text(robot, 0, "queue-state")));
        clickRow(robot, 0);
        robot.clickOn("#queue-retry");
        waitUntil(() -> "Queued".equals(text(robot, 0, "queue-state")));
        assertEquals("", text(robot, 0, "queue-message"));
    }

    @Test
    void buttonsThatCannotApplyToTheSelectionAreDisabled(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        waiting(q, "a.txt", "b.txt");
        show(q);
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertTrue(disabled(robot, "#queue-pause"), "nothing selected");
        clickRow(robot, 0);
        assertFalse(disabled(robot, "#queue-pause"));
        assertFalse(disabled(robot, "#queue-cancel"));
        assertTrue(disabled(robot, "#queue-resume"));
        assertTrue(disabled(robot, "#queue-retry"));
        assertTrue(disabled(robot, "#queue-move-up"));
        assertFalse(disabled(robot, "#queue-move-down"));
        assertTrue(disabled(robot, "#queue-remove-finished"));
    }

    @Test
    void moveUpChangesTheOrderAndKeepsTheSelection(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        waiting(q, "a.txt", "b.txt", "c.txt");
        show(q);
        waitUntil(() -> table(robot).getItems().size() == 3);
        clickRow(robot, 2);
        robot.clickOn("#queue-move-up");
        waitUntil(() -> names(robot).equals(List.of("a.txt", "c.txt", "b.txt")));
        assertEquals(List.of("a.txt", "c.txt", "b.txt"), q.snapshots().stream()
                .map(s -> s.remotePath().substring(1)).toList());
        assertEquals(List.of("c.txt"), fx(() -> table(robot).getSelectionModel().getSelectedItems().stream()
                .map(QueueRow::getName).toList()));
    }

    @Test
    void theContextMenuMovesTheSelectedRowToTheTop(FxRobot robot) throws Exception {
        TransferQueue q = idleQueue();
        waiting(q, "a.txt", "b.txt", "c.txt");
        show(q);
        waitUntil(() -> table(robot).getItems().size() == 3);
        clickRow(robot, 2);
        robot.rightClickOn(fx(() -> cell(robot, 2, "queue-name")));
        MenuItem top = fx(() -> table(robot).getContextMenu().getItems().stream()
                .filter(i -> "queue-menu-move-top".equals(i.getId())).findFirst().orElseThrow());
        assertFalse(fx(top::isDisable));
        fx(top::fire);
        waitUntil(() -> names(robot).equals(List.of("c.txt", "a.txt", "b.txt")));
    }

    @Test
    void tenThousandItemsAddedAtOnceReachTheTableInFewUpdatesWithoutStallingIt(FxRobot robot) throws Exception {
        Load load = addMany(robot, idleQueue(), 10_000);
        assertTrue(load.listChanges < 50, load.listChanges + " list changes");
        assertTrue(load.busySamples < 50, load.busySamples + " samples with changes");
        assertNotStalled(load);
    }

    @Test
    void aHundredThousandItemsAddedAtOnceReachTheTableWithoutStallingIt(FxRobot robot) throws Exception {
        Load load = addMany(robot, idleQueue(), 100_000);
        assertTrue(load.listChanges < 50, load.listChanges + " list changes");
        assertNotStalled(load);
    }

    @Test
    void aHundredThousandItemsAddedWhileADownloadRunsDoNotStallTheTable(FxRobot robot) throws Exception {
        serverFile("big.bin", 20_000_000);
        TransferQueue q = queue(QueueOptions.defaults().withSpeedLimit(2_000_000));
        q.add(List.of(NewTransfer.download(SITE, "/big.bin", dir.resolve("big.bin"), 20_000_000)));
        q.start();
        Load load = addMany(robot, q, 100_000);
        assertNotStalled(load);
    }

    private static void assertNotStalled(Load load) {
        assertTrue(load.maxFxWorkMillis < 100, "the FX thread worked " + load.maxFxWorkMillis + " ms between two pulses");
        assertEquals("", load.queueCallOnFx, "the FX thread called the queue (and may wait for its lock)");
    }

    /**
     * What adding many items cost the FX thread.
     *
     * @param listChanges     changes of the table's item list
     * @param busySamples     samples that changed anything shown
     * @param maxFxWorkMillis the most CPU time the FX thread spent between two pulses: its own work
     * @param queueCallOnFx   a call into the queue seen on the FX thread (where it could wait for the queue's
     *                        lock, which a batch of additions holds for a while), or empty
     * @param maxGapMillis    the longest wall-clock time between two pulses: the FX thread's work plus garbage
     *                        collection pauses plus time the machine gave to other processes. Printed, not
     *                        asserted: on a loaded machine it measures the machine.
     * @param maxGcMillis     the longest garbage collection time within one gap
     */
    private record Load(int listChanges, int busySamples, long maxFxWorkMillis, String queueCallOnFx,
                        long maxGapMillis, long maxGcMillis) {
    }

    /**
     * Adds {@code count} waiting items at once while a pulse probe watches the FX thread. A screenful of
     * items is shown before, so the one-time cost of the table's first rows (skins, CSS, class loading) is
     * not counted: that is the same for 30 items as for 100,000.
     */
    private Load addMany(FxRobot robot, TransferQueue q, int count) throws Exception {
        String[] screenful = new String[30];
        for (int i = 0; i < screenful.length; i++) {
            screenful[i] = "first-" + i + ".txt";
        }
        waiting(q, screenful);
        show(q);
        waitUntil(() -> table(robot).getItems().size() == q.snapshots().size());
        robot.sleep(500);
        int shown = fx(() -> table(robot).getItems().size());
        List<NewTransfer> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(NewTransfer.download("nowhere", "/many/file-" + i + ".dat", dir.resolve("file-" + i + ".dat"), 4096));
        }
        AtomicInteger changes = new AtomicInteger();
        PulseProbe probe = new PulseProbe(fx(Thread::currentThread));
        int samplesBefore = fx(() -> {
            model.rows().addListener((ListChangeListener<QueueRow>) c -> changes.incrementAndGet());
            probe.start();
            return model.samplesWithChanges();
        });
        waitUntil(probe::running);
        probe.reset();
        long t0 = System.nanoTime();
        q.add(items);
        waitUntil(() -> table(robot).getItems().size() == shown + count);
        long shownAfter = (System.nanoTime() - t0) / 1_000_000;
        robot.sleep(300);
        int busy = fx(() -> {
            probe.stop();
            return model.samplesWithChanges() - samplesBefore;
        });
        Load load = probe.result(changes.get(), busy);
        System.out.printf("queue panel, %d items added at once: all shown after %d ms, %s%n", count, shownAfter, load);
        return load;
    }

    /**
     * Watches the FX thread from pulse to pulse: wall-clock gaps, the FX thread's CPU time and garbage collection
     * time in each, and (from a thread of its own, every few milliseconds) whether the FX thread is inside the queue.
     */
    private static final class PulseProbe extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Thread fxThread;
        private final AtomicLong maxGap = new AtomicLong();
        private final AtomicLong maxWork = new AtomicLong();
        private final AtomicLong maxGc = new AtomicLong();
        private final AtomicReference<String> queueCall = new AtomicReference<>("");
        private volatile long last;
        private long lastCpu;
        private long lastGc;
        private Thread watcher;

        PulseProbe(Thread fxThread) {
            this.fxThread = fxThread;
        }

        @Override
        public void start() {
            super.start();
            watcher = new Thread(this::watch, "pulse-probe");
            watcher.setDaemon(true);
            watcher.start();
        }

        @Override
        public void stop() {
            super.stop();
            watcher.interrupt();
        }

        @Override
        public void handle(long pulse) {
            long now = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long gc = gcMillis();
            if (last != 0) {
                maxGap.accumulateAndGet(now - last, Math::max);
                maxWork.accumulateAndGet(cpu - lastCpu, Math::max);
                maxGc.accumulateAndGet(gc - lastGc, Math::max);
            }
            last = now;
            lastCpu = cpu;
            lastGc = gc;
        }

        private void watch() {
            while (!Thread.currentThread().isInterrupted()) {
                for (StackTraceElement frame : fxThread.getStackTrace()) {
                    // The queue itself (whose lock the FX thread must never wait for), not the values it hands
                    // out (a TransferSnapshot's or QueueTotals' accessors are fine on the FX thread).
                    if (frame.getClassName().startsWith("dev.ferry.transfer.TransferQueue")) {
                        queueCall.compareAndSet("", frame.toString());
                    }
                }
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        boolean running() {
            return last != 0;
        }

        void reset() {
            maxGap.set(0);
            maxWork.set(0);
            maxGc.set(0);
            queueCall.set("");
        }

        Load result(int listChanges, int busySamples) {
            return new Load(listChanges, busySamples, maxWork.get() / 1_000_000, queueCall.get(),
                    maxGap.get() / 1_000_000, maxGc.get());
        }

        private static long gcMillis() {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += Math.max(0, gc.getCollectionTime());
            }
            return sum;
        }
    }
}
