package dev.ferry.ui.queue;

import dev.ferry.transfer.QueueTotals;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;
import dev.ferry.ui.Formats;
import dev.ferry.ui.FxBridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue panel's view model: a sampled adapter over a {@link TransferQueue} (DESIGN §2). About ten
 * times a second a {@link Timeline} asks a {@link QueueSampler} on a background thread for what changed;
 * the FX thread then applies that one sample: at most one change to the row list per kind of change,
 * fresh values for the changed and the running rows, the totals. 100,000 items added at once are a
 * couple of list changes, never 100,000 FX updates, and the FX thread never waits for the queue's lock.
 *
 * <p>Use on the FX thread. Commands act on the selection given by {@link #select(List)}; they run on a
 * background thread (cancelling a running item closes its connection; moving many items is slow in a
 * long queue) and complete once the rows show their effect.
 */
public final class QueueViewModel {
    /** How often the queue is sampled. */
    public static final Duration SAMPLE_INTERVAL = Duration.millis(100);
    private static final Logger LOG = LoggerFactory.getLogger(QueueViewModel.class);

    private static final Set<TransferState> PAUSABLE = EnumSet.of(TransferState.QUEUED, TransferState.CONNECTING,
            TransferState.RUNNING, TransferState.RETRY_WAIT);
    private static final Set<TransferState> CANCELLABLE = EnumSet.of(TransferState.QUEUED, TransferState.CONNECTING,
            TransferState.RUNNING, TransferState.RETRY_WAIT, TransferState.PAUSED, TransferState.WAITING_FOR_USER);
    private static final Set<TransferState> RETRYABLE = EnumSet.of(TransferState.FAILED, TransferState.CANCELLED);

    private final TransferQueue queue;
    private final QueueSampler sampler;
    private final Executor commands;
    private final Executor reads;
    private final Executor fx;
    private final LongSupplier nanoClock;
    private final Timeline ticker;
    private final AtomicBoolean reading = new AtomicBoolean();

    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, QueueRow> byId = new HashMap<>();
    private final Map<TransferState, Integer> stateCounts = new EnumMap<>(TransferState.class);
    private final ByteSums bytes = new ByteSums();
    private Map<QueueRow, Integer> positions;
    private List<QueueRow> selection = List.of();
    private int samplesWithChanges;

    private final ReadOnlyIntegerWrapper totalItems = new ReadOnlyIntegerWrapper(this, "totalItems");
    private final ReadOnlyIntegerWrapper finishedItems = new ReadOnlyIntegerWrapper(this, "finishedItems");
    private final ReadOnlyIntegerWrapper failedItems = new ReadOnlyIntegerWrapper(this, "failedItems");
    private final ReadOnlyDoubleWrapper overallProgress = new ReadOnlyDoubleWrapper(this, "overallProgress");
    private final ReadOnlyDoubleWrapper overallSpeed = new ReadOnlyDoubleWrapper(this, "overallSpeed", -1);
    private final ReadOnlyLongWrapper overallTimeLeft = new ReadOnlyLongWrapper(this, "overallTimeLeft", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", summaryOf(null, false));
    private final ReadOnlyStringWrapper titleSuffix = new ReadOnlyStringWrapper(this, "titleSuffix", "");

    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper canMoveUp = new ReadOnlyBooleanWrapper(this, "canMoveUp");
    private final ReadOnlyBooleanWrapper canMoveDown = new ReadOnlyBooleanWrapper(this, "canMoveDown");
    private final ReadOnlyBooleanWrapper canRemoveFinished = new ReadOnlyBooleanWrapper(this, "canRemoveFinished");

    /** Watches {@code queue}; reads it and runs commands on serial background threads of {@code bridge}. */
    public QueueViewModel(TransferQueue queue, FxBridge bridge) {
        this(queue, bridge.newSerialExecutor("queue-commands"), bridge.newSerialExecutor("queue-sampler"),
                bridge.fxExecutor(), System::nanoTime);
    }

    QueueViewModel(TransferQueue queue, Executor commands, Executor reads, Executor fx, LongSupplier nanoClock) {
        this.queue = queue;
        this.sampler = new QueueSampler(queue);
        this.commands = commands;
        this.reads = reads;
        this.fx = fx;
        this.nanoClock = nanoClock;
        this.ticker = new Timeline(new KeyFrame(SAMPLE_INTERVAL, e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sampler.attach();
    }

    // ---- life ------------------------------------------------------------------------------------

    /** Starts sampling about ten times a second. */
    public void start() {
        ticker.play();
    }

    /** Stops sampling; the rows keep what they show. */
    public void stop() {
        ticker.stop();
    }

    /** Stops sampling and stops listening to the queue. */
    public void dispose() {
        stop();
        sampler.detach();
    }

    // ---- what the view reads -----------------------------------------------------------------------

    /** The items in queue order; changes only in samples. */
    public ObservableList<QueueRow> rows() {
        return readOnlyRows;
    }

    /** Items still to do or under way, as the last sample showed them (paused ones are not counted). */
    public int unfinishedItems() {
        int n = 0;
        for (QueueRow row : rows) {
            if (!row.getState().isSettled()) {
                n++;
            }
        }
        return n;
    }

    public ReadOnlyIntegerProperty totalItemsProperty() {
        return totalItems.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty finishedItemsProperty() {
        return finishedItems.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedItemsProperty() {
        return failedItems.getReadOnlyProperty();
    }

    /**
     * 0 to 1: bytes done of the bytes meant to move (failed and cancelled items left out), or items
     * finished of all items while no size is known.
     */
    public ReadOnlyDoubleProperty overallProgressProperty() {
        return overallProgress.getReadOnlyProperty();
    }

    /** Bytes per second over the whole queue while something runs, else -1. */
    public ReadOnlyDoubleProperty overallSpeedProperty() {
        return overallSpeed.getReadOnlyProperty();
    }

    /** Seconds until the queue is through at the current speed, or -1. */
    public ReadOnlyLongProperty overallTimeLeftProperty() {
        return overallTimeLeft.getReadOnlyProperty();
    }

    /** For the status bar: "3 of 10 files · 12.3 MiB of 40 MiB · 2.1 MiB/s · 0:14 left". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** For the window title: "42%" while items are left to run, else empty. */
    public ReadOnlyStringProperty titleSuffixProperty() {
        return titleSuffix.getReadOnlyProperty();
    }

    /** A window title: "42% · {@code base}" while items are left to run, else {@code base}. */
    public StringExpression title(String base) {
        return Bindings.createStringBinding(() -> titleSuffix.get().isEmpty() ? base : titleSuffix.get() + " · " + base,
                titleSuffix);
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMoveUpProperty() {
        return canMoveUp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMoveDownProperty() {
        return canMoveDown.getReadOnlyProperty();
    }

    /** Whether any item is done, so "remove finished" has something to remove. */
    public ReadOnlyBooleanProperty canRemoveFinishedProperty() {
        return canRemoveFinished.getReadOnlyProperty();
    }

    // ---- commands --------------------------------------------------------------------------------

    /** The rows the commands act on (the table's selection). */
    public void select(List<QueueRow> selected) {
        List<QueueRow> copy = new ArrayList<>(selected.size());
        for (QueueRow row : selected) {
            if (row != null) {
                copy.add(row);
            }
        }
        selection = Collections.unmodifiableList(copy);
        refreshAbilities();
    }

    public List<QueueRow> selection() {
        return selection;
    }

    public CompletableFuture<Void> pause() {
        return each(idsWhere(PAUSABLE), queue::pause);
    }

    public CompletableFuture<Void> resume() {
        return each(idsWhere(EnumSet.of(TransferState.PAUSED)), queue::resume);
    }

    public CompletableFuture<Void> cancel() {
        return each(idsWhere(CANCELLABLE), queue::cancel);
    }

    public CompletableFuture<Void> retry() {
        return each(idsWhere(RETRYABLE), queue::retry);
    }

    /** Moves the selected rows up by one, keeping a selected block together. */
    public CompletableFuture<Void> moveUp() {
        List<Long> ids = new ArrayList<>();
        int[] at = selectedPositions();
        List<QueueRow> sorted = selectedInQueueOrder();
        for (int i = 0; i < at.length; i++) {
            if (at[i] != i) {
                ids.add(sorted.get(i).id());
            }
        }
        return each(ids, queue::moveUp);
    }

    /** Moves the selected rows down by one, keeping a selected block together. */
    public CompletableFuture<Void> moveDown() {
        List<Long> ids = new ArrayList<>();
        int[] at = selectedPositions();
        List<QueueRow> sorted = selectedInQueueOrder();
        for (int i = at.length - 1; i >= 0; i--) {
            if (at[i] != rows.size() - at.length + i) {
                ids.add(sorted.get(i).id());
            }
        }
        return each(ids, queue::moveDown);
    }

    /** Moves the selected rows to the top, in the order they had. */
    public CompletableFuture<Void> moveToTop() {
        List<Long> ids = new ArrayList<>(selectedInQueueOrder().stream().map(QueueRow::id).toList());
        Collections.reverse(ids);
        return each(ids, queue::moveToTop);
    }

    /** Moves the selected rows to the bottom, in the order they had. */
    public CompletableFuture<Void> moveToBottom() {
        return each(selectedInQueueOrder().stream().map(QueueRow::id).toList(), queue::moveToBottom);
    }

    /** Removes the items that are done (failed and cancelled ones stay, to be retried). */
    public CompletableFuture<Void> removeFinished() {
        return command(() -> queue.removeFinished(false));
    }

    public CompletableFuture<Void> pauseAll() {
        return command(queue::pauseAll);
    }

    public CompletableFuture<Void> resumeAll() {
        return command(queue::resumeAll);
    }

    private List<Long> idsWhere(Set<TransferState> states) {
        return selection.stream().filter(r -> states.contains(r.getState())).map(QueueRow::id).toList();
    }

    private CompletableFuture<Void> each(List<Long> ids, LongConsumer action) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return command(() -> ids.forEach(action::accept));
    }

    private CompletableFuture<Void> command(Runnable work) {
        return CompletableFuture.runAsync(work, commands).thenCompose(done -> refresh());
    }

    // ---- sampling --------------------------------------------------------------------------------

    /** How many samples changed anything the view shows (for tests and measurements). */
    int samplesWithChanges() {
        return samplesWithChanges;
    }

    /** Reads and applies a sample now, the reading on the calling thread: for tests. FX thread only. */
    void sampleNow() {
        apply(sampler.read(nanoClock.getAsLong()));
    }

    private void tick() {
        if (reading.compareAndSet(false, true)) {
            refresh().whenComplete((done, error) -> {
                reading.set(false);
                if (error != null) {
                    LOG.warn("cannot sample the transfer queue", error);
                }
            });
        }
    }

    /** Reads a sample in the background and applies it on the FX thread; done once it shows. */
    private CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(() -> sampler.read(nanoClock.getAsLong()), reads)
                .thenCompose(s -> s.isEmpty() ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(() -> apply(s), fx));
    }

    private void apply(QueueSampler.Sample s) {
        if (s.isEmpty()) {
            return;
        }
        boolean structure = removeRows(s.removed()) | addRows(s.added());
        int stateChanges = 0;
        for (TransferSnapshot snapshot : s.changed()) {
            QueueRow row = byId.get(snapshot.id());
            if (row != null && show(row, snapshot, s.nanos())) {
                stateChanges++;
            }
        }
        if (s.order() != null) {
            structure |= sort(s.order());
        }
        if (s.totals() != null) {
            showTotals(s.totals(), s.running());
        }
        if (structure) {
            positions = null;
        }
        if (structure || stateChanges > 0) {
            refreshAbilities();
        }
        samplesWithChanges++;
    }

    private boolean removeRows(List<Long> ids) {
        if (ids.isEmpty()) {
            return false;
        }
        Set<QueueRow> gone = new HashSet<>();
        for (long id : ids) {
            QueueRow row = byId.remove(id);
            if (row != null) {
                gone.add(row);
                forget(row);
            }
        }
        rows.removeAll(gone);
        return !gone.isEmpty();
    }

    private boolean addRows(List<QueueRow> fresh) {
        if (fresh.isEmpty()) {
            return false;
        }
        for (QueueRow row : fresh) {
            byId.put(row.id(), row);
            count(row.getState(), 1);
            bytes.add(row, 1);
        }
        rows.addAll(fresh);
        return true;
    }

    /** Puts {@code s} into {@code row}; returns whether the state changed. */
    private boolean show(QueueRow row, TransferSnapshot s, long now) {
        bytes.add(row, -1);
        TransferState before = row.apply(s);
        bytes.add(row, 1);
        TransferState after = s.state();
        if (before != after) {
            count(before, -1);
            count(after, 1);
        }
        if (after == TransferState.RUNNING) {
            if (before != TransferState.RUNNING) {
                row.rate().reset();
            }
            double speed = row.rate().update(s.bytesDone(), now);
            long left = speed > 0 && s.size() >= 0 ? secondsLeft(s.size() - s.bytesDone(), speed) : -1;
            row.setRate(speed, left);
        } else {
            row.rate().reset();
            row.setRate(-1, -1);
        }
        return before != after;
    }

    /** Puts the rows in the queue's order (dropping rows the queue no longer has); returns whether any moved. */
    private boolean sort(Map<Long, Integer> order) {
        Set<QueueRow> gone = new HashSet<>();
        boolean inOrder = true;
        int last = -1;
        for (QueueRow row : rows) {
            Integer i = order.get(row.id());
            if (i == null) {
                gone.add(row);
            } else {
                inOrder &= i > last;
                last = i;
            }
        }
        if (!gone.isEmpty()) {
            gone.forEach(row -> {
                byId.remove(row.id());
                forget(row);
            });
            rows.removeAll(gone);
        }
        if (!inOrder) {
            // a permutation, so the table's selection moves with its rows
            FXCollections.sort(rows, Comparator.comparingInt(row -> order.get(row.id())));
        }
        return !inOrder || !gone.isEmpty();
    }

    private void forget(QueueRow row) {
        count(row.getState(), -1);
        bytes.add(row, -1);
    }

    private void count(TransferState state, int delta) {
        stateCounts.merge(state, delta, Integer::sum);
    }

    private void showTotals(QueueTotals t, boolean running) {
        double progress = bytes.total > 0 ? Math.min(1, (double) bytes.done / bytes.total)
                : t.items() > 0 ? (double) t.finished() / t.items() : 0;
        double speed = running ? t.bytesPerSecond() : -1;
        long left = running && speed > 0 ? secondsLeft(bytes.left, speed) : -1;
        totalItems.set(t.items());
        finishedItems.set(t.finished());
        failedItems.set(t.failed());
        overallProgress.set(progress);
        overallSpeed.set(speed);
        overallTimeLeft.set(left);
        summary.set(summaryOf(t, running));
        titleSuffix.set(t.items() > 0 && !t.allFinished() ? Formats.percent(progress) : "");
    }

    private String summaryOf(QueueTotals t, boolean running) {
        if (t == null || t.items() == 0) {
            return "No transfers";
        }
        StringBuilder s = new StringBuilder();
        // Folders are counted in their files: a folder of four is "4 files", not 5.
        s.append(t.filesFinished()).append(" of ").append(t.files()).append(t.files() == 1 ? " file" : " files");
        if (bytes.total > 0) {
            s.append(" · ").append(Formats.size(bytes.done)).append(" of ").append(Formats.size(bytes.total));
        }
        if (running) {
            s.append(" · ").append(Formats.speed(overallSpeed.get()));
            if (overallTimeLeft.get() >= 0) {
                s.append(" · ").append(Formats.duration(overallTimeLeft.get())).append(" left");
            }
        }
        if (t.failed() > 0) {
            s.append(" · ").append(t.failed()).append(" failed");
        }
        return s.toString();
    }

    private static long secondsLeft(long bytes, double bytesPerSecond) {
        return (long) Math.ceil(bytes / bytesPerSecond);
    }

    // ---- what the selection allows ----------------------------------------------------------------

    private void refreshAbilities() {
        boolean pause = false;
        boolean resume = false;
        boolean cancel = false;
        boolean retry = false;
        for (QueueRow row : selection) {
            TransferState s = row.getState();
            pause |= PAUSABLE.contains(s);
            resume |= s == TransferState.PAUSED;
            cancel |= CANCELLABLE.contains(s);
            retry |= RETRYABLE.contains(s);
        }
        canPause.set(pause);
        canResume.set(resume);
        canCancel.set(cancel);
        canRetry.set(retry);
        int[] at = selectedPositions();
        boolean up = false;
        boolean down = false;
        for (int i = 0; i < at.length; i++) {
            up |= at[i] != i;
            down |= at[i] != rows.size() - at.length + i;
        }
        canMoveUp.set(up);
        canMoveDown.set(down);
        canRemoveFinished.set(stateCounts.getOrDefault(TransferState.DONE, 0) > 0);
    }

    private List<QueueRow> selectedInQueueOrder() {
        if (selection.isEmpty()) {
            return List.of();
        }
        Map<QueueRow, Integer> at = positions();
        return selection.stream().filter(at::containsKey).sorted(Comparator.comparingInt(at::get)).toList();
    }

    private int[] selectedPositions() {
        if (selection.isEmpty()) {
            return new int[0];
        }
        Map<QueueRow, Integer> at = positions();
        return selection.stream().map(at::get).filter(i -> i != null).mapToInt(Integer::intValue).sorted().toArray();
    }

    private Map<QueueRow, Integer> positions() {
        if (positions == null) {
            positions = new IdentityHashMap<>(rows.size() * 2);
            for (int i = 0; i < rows.size(); i++) {
                positions.put(rows.get(i), i);
            }
        }
        return positions;
    }

    /**
     * Bytes of the file rows, kept up to date as rows change instead of summed over the whole queue each
     * sample. Failed and cancelled items count for nothing: they will not move unless retried.
     */
    private static final class ByteSums {
        private long total;
        private long done;
        private long left;

        void add(QueueRow row, int sign) {
            TransferState s = row.getState();
            if (row.isFolder() || s == TransferState.FAILED || s == TransferState.CANCELLED) {
                return;
            }
            long size = Math.max(row.getSize(), row.getBytesDone());
            total += sign * Math.max(0, size);
            done += sign * row.getBytesDone();
            if (s != TransferState.PAUSED && s != TransferState.DONE) {
                left += sign * Math.max(0, row.getSize() - row.getBytesDone());
            }
        }
    }
}
