package dev.ferry.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.ProtocolLog;
import dev.ferry.ui.FxBridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LogModelTest {
    private static final int THREADS = 4;
    private static final int LINES_PER_THREAD = 10_000;

    private final FxBridge bridge = new FxBridge();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("log"), 200, 100));
        stage.show();
    }

    @AfterEach
    void closeBridge() {
        bridge.close();
    }

    @Test
    void linesFromFourThreadsArriveInOrderPerThreadInAFewFxUpdates() throws Exception {
        LogModel model = new LogModel(bridge, THREADS * LINES_PER_THREAD);
        AtomicInteger updates = new AtomicInteger();
        onFx(() -> {
            model.lines().addListener((ListChangeListener<LogLine>) c -> updates.incrementAndGet());
            return null;
        });

        long started = System.nanoTime();
        logFromThreads(model);
        awaitOnFx(() -> model.lines().size() == THREADS * LINES_PER_THREAD);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<LogLine> lines = onFx(() -> new ArrayList<>(model.lines()));
        Map<String, Integer> next = new HashMap<>();
        for (LogLine line : lines) {
            int expected = next.merge(line.connection(), 1, Integer::sum) - 1;
            assertEquals("STOR file-" + expected, line.text(), "order on " + line.connection());
            assertEquals(LogLine.Kind.SENT, line.kind());
        }
        assertEquals(THREADS, next.size());
        next.values().forEach(count -> assertEquals(LINES_PER_THREAD, count));
        assertTrue(updates.get() <= Math.ceil(seconds * LogModel.FLUSHES_PER_SECOND) + 2,
                updates.get() + " FX updates in " + seconds + " s");
    }

    @Test
    void keepsOnlyTheNewestTenThousandLines() throws Exception {
        LogModel model = new LogModel(bridge);
        logFromThreads(model);
        model.info("all sent");
        awaitOnFx(() -> !model.lines().isEmpty() && model.lines().get(model.lines().size() - 1).text().equals("all sent"));

        List<LogLine> lines = onFx(() -> new ArrayList<>(model.lines()));
        assertEquals(LogModel.DEFAULT_CAPACITY, lines.size());
        Map<String, List<Integer>> numbers = new HashMap<>();
        for (LogLine line : lines.subList(0, lines.size() - 1)) {
            numbers.computeIfAbsent(line.connection(), k -> new ArrayList<>())
                    .add(Integer.parseInt(line.text().substring("STOR file-".length())));
        }
        // The newest lines survive, so each thread's are an unbroken run up to its last (a thread that finished
        // early may have none left).
        numbers.forEach((connection, kept) -> {
            for (int i = 0; i < kept.size(); i++) {
                assertEquals(LINES_PER_THREAD - kept.size() + i, kept.get(i), connection);
            }
        });
    }

    @Test
    void masksAPasswordEvenWhenTheEngineDidNot() throws Exception {
        LogModel model = new LogModel(bridge);
        ProtocolLog log = model.forConnection("browse");
        log.sent("USER alice");
        log.sent("PASS hunter2");
        log.sent("pass hunter2");
        log.sent("PASS ****");
        log.received("230 Login successful.");
        log.note("Passive address 10.0.0.7 is not routable; using the control host");
        model.error("Login failed after PASS hunter2");

        awaitOnFx(() -> model.lines().size() == 7);
        List<String> texts = onFx(() -> model.lines().stream().map(LogLine::text).toList());
        assertEquals(List.of("USER alice", "PASS ****", "pass ****", "PASS ****", "230 Login successful.",
                "Passive address 10.0.0.7 is not routable; using the control host",
                "Login failed after PASS ****"), texts);
    }

    @Test
    void tagsEachLineWithItsConnectionAndKind() throws Exception {
        LogModel model = new LogModel(bridge);
        ConnectionLog transfer = model.forConnection("transfer 1");
        model.info("Connected to example.com");
        transfer.sent("RETR a.txt");
        transfer.received("150 Opening data connection");
        transfer.error("Connection lost\nwill retry in 2 s");

        awaitOnFx(() -> model.lines().size() == 5);
        List<LogLine> lines = onFx(() -> new ArrayList<>(model.lines()));
        assertEquals(new LogLine(lines.get(0).time(), "", LogLine.Kind.NOTE, "Connected to example.com"), lines.get(0));
        assertEquals(LogLine.Kind.SENT, lines.get(1).kind());
        assertEquals("transfer 1", lines.get(1).connection());
        assertEquals(LogLine.Kind.RECEIVED, lines.get(2).kind());
        assertEquals(List.of("Connection lost", "will retry in 2 s"), List.of(lines.get(3).text(), lines.get(4).text()));
        assertEquals(LogLine.Kind.ERROR, lines.get(4).kind());
        assertTrue(lines.get(1).format().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[transfer 1] > RETR a\\.txt"),
                lines.get(1).format());
    }

    @Test
    void clearForgetsShownAndWaitingLines() throws Exception {
        LogModel model = new LogModel(bridge);
        model.info("first");
        awaitOnFx(() -> model.lines().size() == 1);
        onFx(() -> {
            model.info("second");
            model.clear();
            return null;
        });
        Thread.sleep(300);
        assertTrue(onFx(() -> model.lines().isEmpty()));
        model.info("third");
        awaitOnFx(() -> model.lines().size() == 1);
        assertEquals("third", onFx(() -> model.lines().get(0).text()));
    }

    @Test
    void aLineLoggedOnTheFxThreadStillWaitsForTheNextBatch() throws Exception {
        LogModel model = new LogModel(bridge);
        boolean shownAtOnce = onFx(() -> {
            model.info("from the FX thread");
            return !model.lines().isEmpty();
        });
        assertFalse(shownAtOnce);
        awaitOnFx(() -> model.lines().size() == 1);
    }

    private static void logFromThreads(LogModel model) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            ProtocolLog log = model.forConnection("transfer " + (t + 1));
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < LINES_PER_THREAD; i++) {
                    log.sent("STOR file-" + i);
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join(20_000);
        }
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    static void awaitOnFx(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
