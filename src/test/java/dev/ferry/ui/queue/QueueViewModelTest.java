package dev.ferry.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.transfer.NewTransfer;
import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.TransferDirection;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The view model over a real queue that has no site to run on, so its items stay where the test puts them. */
@ExtendWith(ApplicationExtension.class)
class QueueViewModelTest {
    private static final long MIB = 1024 * 1024;

    private final TransferQueue queue = new TransferQueue(QueueOptions.defaults());
    private QueueViewModel model;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("model"), 100, 50));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (model != null) {
            fx(model::dispose);
        }
        queue.close();
    }

    private QueueViewModel model() throws Exception {
        model = fx(() -> new QueueViewModel(queue, Runnable::run, Runnable::run, Runnable::run, System::nanoTime));
        return model;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private void sample() throws Exception {
        fx(model::sampleNow);
    }

    private List<Long> add(String... names) {
        List<NewTransfer> items = new ArrayList<>();
        for (String name : names) {
            items.add(NewTransfer.download("nowhere", "/files/" + name, Path.of("/tmp/ferry-test", name), MIB));
        }
        return queue.add(items).stream().map(TransferSnapshot::id).toList();
    }

    private static TransferSnapshot saved(long id, String name, long size, long done, TransferState state, String error) {
        return new TransferSnapshot(id, "nowhere", TransferDirection.DOWNLOAD, false, 0, "/files/" + name,
                "/tmp/ferry-test/" + name, size, done, state, 0, Optional.ofNullable(error), Optional.empty(), Optional.empty());
    }

    private List<String> names() throws Exception {
        return fx(() -> model.rows().stream().map(QueueRow::getName).toList());
    }

    private void select(int... indexes) throws Exception {
        fx(() -> {
            List<QueueRow> rows = new ArrayList<>();
            for (int i : indexes) {
                rows.add(model.rows().get(i));
            }
            model.select(rows);
        });
    }

    private TransferState stateOf(int index) throws Exception {
        return fx(() -> model.rows().get(index).getState());
    }

    @Test
    void showsTheItemsInQueueOrderAfterASample() throws Exception {
        model();
        add("a.txt", "b.txt", "c.txt");
        sample();
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), names());
    }

    @Test
    void showsItemsThatWereQueuedBeforeTheModelWatched() throws Exception {
        add("early.txt");
        model();
        add("late.txt");
        sample();
        assertEquals(List.of("early.txt", "late.txt"), names());
    }

    @Test
    void nothingReachesTheRowsBetweenSamples() throws Exception {
        model();
        sample();
        add("a.txt", "b.txt");
        queue.pause(1);
        assertEquals(List.of(), names());
    }

    @Test
    void aHugeBatchArrivesInAFewListChanges() throws Exception {
        model();
        AtomicInteger changes = new AtomicInteger();
        fx(() -> model.rows().addListener((ListChangeListener<QueueRow>) c -> changes.incrementAndGet()));
        String[] names = new String[100_000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
        }
        add(names);
        for (int i = 0; i < 10 && fx(() -> model.rows().size()) < names.length; i++) {
            sample();
        }
        assertEquals(names.length, fx(() -> model.rows().size()));
        assertTrue(changes.get() <= names.length / QueueSampler.MAX_NEW_ROWS_PER_SAMPLE + 1, changes + " list changes");
    }

    @Test
    void aNameWithControlCharactersIsShownPrintable() throws Exception {
        model();
        add("evil\nname\u0007.txt");
        sample();
        assertEquals(List.of("evil?name?.txt"), names());
    }

    @Test
    void aFailedItemCarriesItsErrorInWords() throws Exception {
        queue.restore(List.of(saved(7, "gone.bin", MIB, 0, TransferState.FAILED, "550 /files/gone.bin: no such file")));
        model();
        sample();
        assertEquals("550 /files/gone.bin: no such file", fx(() -> model.rows().get(0).getMessage()));
    }

    @Test
    void pauseActsOnTheSelectedRowsOnly() throws Exception {
        model();
        add("a.txt", "b.txt", "c.txt");
        sample();
        select(1);
        fx(model::pause).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(TransferState.QUEUED, TransferState.PAUSED, TransferState.QUEUED),
                List.of(stateOf(0), stateOf(1), stateOf(2)));
    }

    @Test
    void resumeLetsAPausedRowRunAgain() throws Exception {
        model();
        List<Long> ids = add("a.txt");
        queue.pause(ids.get(0));
        sample();
        select(0);
        fx(model::resume).get(5, TimeUnit.SECONDS);
        assertEquals(TransferState.QUEUED, stateOf(0));
    }

    @Test
    void cancelThenRetryQueuesTheRowAgain() throws Exception {
        model();
        add("a.txt");
        sample();
        select(0);
        fx(model::cancel).get(5, TimeUnit.SECONDS);
        assertEquals(TransferState.CANCELLED, stateOf(0));
        fx(model::retry).get(5, TimeUnit.SECONDS);
        assertEquals(TransferState.QUEUED, stateOf(0));
    }

    @Test
    void whatTheButtonsMayDoFollowsTheSelectedStates() throws Exception {
        model();
        List<Long> ids = add("a.txt", "b.txt");
        queue.pause(ids.get(1));
        sample();
        select(1);
        assertEquals(List.of(false, true, true, false), fx(() -> List.of(model.canPauseProperty().get(),
                model.canResumeProperty().get(), model.canCancelProperty().get(), model.canRetryProperty().get())));
        select(0);
        assertEquals(List.of(true, false, true, false), fx(() -> List.of(model.canPauseProperty().get(),
                model.canResumeProperty().get(), model.canCancelProperty().get(), model.canRetryProperty().get())));
    }

    @Test
    void whatTheButtonsMayDoFollowsAStateThatChangesUnderTheSelection() throws Exception {
        model();
        List<Long> ids = add("a.txt");
        sample();
        select(0);
        queue.pause(ids.get(0));
        sample();
        assertTrue(fx(() -> model.canResumeProperty().get()));
    }

    @Test
    void moveUpKeepsASelectedBlockTogether() throws Exception {
        model();
        add("a", "b", "c", "d");
        sample();
        select(1, 2);
        fx(model::moveUp).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("b", "c", "a", "d"), names());
        assertFalse(fx(() -> model.canMoveUpProperty().get()));
    }

    @Test
    void moveDownKeepsASelectedBlockTogether() throws Exception {
        model();
        add("a", "b", "c", "d");
        sample();
        select(0, 1);
        fx(model::moveDown).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("c", "a", "b", "d"), names());
    }

    @Test
    void movingTheLastRowDownIsNotOffered() throws Exception {
        model();
        add("a", "b");
        sample();
        select(1);
        assertFalse(fx(() -> model.canMoveDownProperty().get()));
        assertTrue(fx(() -> model.canMoveUpProperty().get()));
    }

    @Test
    void moveToTopKeepsTheOrderOfTheSelectedRows() throws Exception {
        model();
        add("a", "b", "c", "d");
        sample();
        select(3, 1);
        fx(model::moveToTop).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("b", "d", "a", "c"), names());
    }

    @Test
    void moveToBottomKeepsTheOrderOfTheSelectedRows() throws Exception {
        model();
        add("a", "b", "c", "d");
        sample();
        select(2, 0);
        fx(model::moveToBottom).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("b", "d", "a", "c"), names());
    }

    @Test
    void removeFinishedTakesAwayDoneRowsAndKeepsFailedOnes() throws Exception {
        queue.restore(List.of(saved(1, "done.bin", MIB, MIB, TransferState.DONE, null),
                saved(2, "failed.bin", MIB, 0, TransferState.FAILED, "550 refused"),
                saved(3, "waiting.bin", MIB, 0, TransferState.QUEUED, null)));
        model();
        sample();
        assertTrue(fx(() -> model.canRemoveFinishedProperty().get()));
        fx(model::removeFinished).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("failed.bin", "waiting.bin"), names());
        assertFalse(fx(() -> model.canRemoveFinishedProperty().get()));
    }

    @Test
    void theSummaryCountsFinishedItemsAndTheBytesMeantToMove() throws Exception {
        queue.restore(List.of(saved(1, "done.bin", MIB, MIB, TransferState.DONE, null),
                saved(2, "failed.bin", 5 * MIB, 0, TransferState.FAILED, "550 refused"),
                saved(3, "waiting.bin", 3 * MIB, 0, TransferState.QUEUED, null)));
        model();
        sample();
        assertEquals("2 of 3 files · 1 MiB of 4 MiB · 1 failed", fx(() -> model.summaryProperty().get()));
    }

    @Test
    void theSummaryCountsAFoldersFilesNotTheFolder() throws Exception {
        TransferSnapshot folder = new TransferSnapshot(1, "nowhere", TransferDirection.DOWNLOAD, true, 0, "/files",
                "/tmp/ferry-test/files", -1, 0, TransferState.DONE, 1, Optional.empty(), Optional.empty(), Optional.empty());
        queue.restore(List.of(folder,
                saved(2, "a.bin", MIB, MIB, TransferState.DONE, null),
                saved(3, "b.bin", MIB, 0, TransferState.FAILED, "550 refused")));
        model();
        sample();
        assertEquals("2 of 2 files · 1 MiB of 1 MiB · 1 failed", fx(() -> model.summaryProperty().get()));
    }

    @Test
    void theWindowTitleShowsTheOverallPercentageWhileItemsAreLeft() throws Exception {
        queue.restore(List.of(saved(1, "done.bin", MIB, MIB, TransferState.DONE, null),
                saved(2, "waiting.bin", 3 * MIB, 0, TransferState.QUEUED, null)));
        model();
        sample();
        assertEquals("25%", fx(() -> model.titleSuffixProperty().get()));
        assertEquals("25% · Ferry", fx(() -> model.title("Ferry").get()));
    }

    @Test
    void aQueueWithNothingLeftHasNoPercentageInTheTitle() throws Exception {
        queue.restore(List.of(saved(1, "done.bin", MIB, MIB, TransferState.DONE, null)));
        model();
        sample();
        assertEquals("Ferry", fx(() -> model.title("Ferry").get()));
    }

    @Test
    void anEmptyQueueSaysSo() throws Exception {
        model();
        sample();
        assertEquals("No transfers", fx(() -> model.summaryProperty().get()));
    }

    @Test
    void afterDisposeTheModelNoLongerFollowsTheQueue() throws Exception {
        model();
        fx(model::dispose);
        add("a.txt");
        sample();
        assertEquals(List.of(), names());
    }
}
