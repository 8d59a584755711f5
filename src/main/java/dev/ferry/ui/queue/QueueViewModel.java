package dev.ferry.ui.queue;

import dev.ferry.transfer.QueueListener;
import dev.ferry.transfer.QueueTotals;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;
import dev.ferry.ui.Formats;
import dev.ferry.ui.FxBridge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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

/**
 * The queue panel's view model: a sampled adapter over a {@link TransferQueue} (DESIGN §2). The queue's
 * listener only records what changed (added batches, changed ids, removed ids, a reordered flag) into
 * concurrent structures; about ten times a second a sampler on the FX thread turns that into rows and
 * totals. Each sample reads the changed and the running items only, never the whole queue, and makes at
 * most one change to the row list per kind of change, so 100,000 items added at once are a handful of
 * list changes, not 100,000 FX updates.
 *
 * <p>Use on the FX thread. Commands act on the selection given by {@link #select(List)}; they run on a
 * background thread (cancelling a running item closes its connection) and complete after the rows show
 * their effect.
 */
public final class QueueViewModel {
    /** How often the sampler looks at the queue. */
    public static final Duration SAMPLE_INTERVAL = Duration.millis(100);
    /** New rows made in one sample; the rest of a huge batch follows in the next samples. */
    static final int MAX_NEW_ROWS_PER_SAMPLE = 25_000;
    /** From this many changed items on, one copy of the whole queue is cheaper than one lookup each. */
    private static final int BULK_READ_FROM = 2_000;

    private static final Set<TransferState> PAUSABLE = EnumSet.of(TransferState.QUEUED, TransferState.CONNECTING,
            TransferState.RUNNING, TransferState.RETRY_WAIT);
    private static final Set<TransferState> CANCELLABLE = EnumSet.of(TransferState.QUEUED, TransferState.CONNECTING,
            TransferState.RUNNING, TransferState.RETRY_WAIT, TransferState.PAUSED, TransferState.WAITING_FOR_USER);
    private static final Set<TransferState> RETRYABLE = EnumSet.of(TransferState.FAILED, TransferState.CANCELLED);

    private final TransferQueue queue;
    private final Executor commands;
    private final Executor fx;
    private final LongSupplier nanoClock;
    private final Timeline sampler;

    private final ConcurrentLinkedQueue<List<TransferSnapshot>> addedBatches = new ConcurrentLinkedQueue<>();
    private final Set<Long> changedIds = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<List<Long>> removedBatches = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reordered = new AtomicBoolean();
    private final QueueListener recorder = new Recorder();

    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, QueueRow> byId = new HashMap<>();
    private final Set<QueueRow> active = new LinkedHashSet<>();
    private final Set<Long> orphans = new HashSet<>();
    private final Set<Long> ghosts = new HashSet<>();
    private final ArrayDeque<TransferSnapshot> pendingAdds = new ArrayDeque<>();
    private final Map<TransferState, Integer> stateCounts = new EnumMap<>(TransferState.class);
    private final ByteSums bytes = new ByteSums();
    private Map<QueueRow, Integer> positions;
    private List<QueueRow> selection = List.of();
    private boolean wasBusy;
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

    /** Watches {@code queue}; commands run on a serial background thread of {@code bridge}. */
    public QueueViewModel(TransferQueue queue, FxBridge bridge) {
        this(queue, bridge.newSerialExecutor("queue-commands"), bridge.fxExecutor(), System::nanoTime);
    }

    QueueViewModel(TransferQueue queue, Executor commands, Executor fx, LongSupplier nanoClock) {
        this.queue = queue;
        this.commands = commands;
        this.fx = fx;
        this.nanoClock = nanoClock;
        this.sampler = new Timeline(new KeyFrame(SAMPLE_INTERVAL, e -> sampleNow()));
        sampler.setCycleCount(Animation.INDEFINITE);
        queue.addListener(recorder);
        // items added between these two lines arrive twice (skipped) and maybe out of order (re-sorted)
        addedBatches.add(queue.snapshots());
        reordered.set(true);
    }

    // ---- life ------------------------------------------------------------------------------------

    /** Starts sampling about ten times a second. */
    public void start() {
        sampler.play();
    }

    /** Stops sampling; the rows keep what they show. */
    public void stop() {
        sampler.stop();
    }

    /** Stops sampling and stops listening to the queue. */
    public void dispose() {
        stop();
        queue.removeListener(recorder);
    }

    // ---- what the view reads -----------------------------------------------------------------------

    /** The items in queue order; changes only in samples. */
    public ObservableList<QueueRow> rows() {
        return readOnlyRows;
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
        selection = copy;
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
        java.util.Collections.reverse(ids);
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
        return CompletableFuture.runAsync(work, commands).thenRunAsync(this::sampleNow, fx);
    }

    // ---- sampling --------------------------------------------------------------------------------

    /** How many samples changed anything the view shows (for tests and measurements). */
    int samplesWithChanges() {
        return samplesWithChanges;
    }

    /** Takes one sample now; the sampler calls this ten times a second. FX thread only. */
    public void sampleNow() {
        long now = nanoClock.getAsLong();
        boolean removedAny = removeRows();
        boolean addedAny = addRows();
        int stateChanges = refreshChanged(now);
        boolean sorted = sortIfReordered();
        boolean busy = removedAny || addedAny || stateChanges > 0 || sorted || !active.isEmpty();
        if (busy || wasBusy) {
            showTotals(queue.totals());
        }
        if (removedAny || addedAny || sorted) {
            positions = null;
        }
        if (removedAny || addedAny || sorted || stateChanges > 0) {
            refreshAbilities();
        }
        if (busy) {
            samplesWithChanges++;
        }
        wasBusy = busy;
    }

    private boolean removeRows() {
        Set<QueueRow> gone = null;
        for (List<Long> ids; (ids = removedBatches.poll()) != null; ) {
            for (long id : ids) {
                QueueRow row = byId.remove(id);
                orphans.remove(id);
                if (row == null) {
                    ghosts.add(id);
                } else {
                    if (gone == null) {
                        gone = new HashSet<>();
                    }
                    gone.add(row);
                    forget(row);
                }
            }
        }
        if (gone == null) {
            return false;
        }
        rows.removeAll(gone);
        return true;
    }

    private boolean addRows() {
        for (List<TransferSnapshot> batch; (batch = addedBatches.poll()) != null; ) {
            pendingAdds.addAll(batch);
        }
        if (pendingAdds.isEmpty()) {
            return false;
        }
        List<QueueRow> fresh = new ArrayList<>(Math.min(pendingAdds.size(), MAX_NEW_ROWS_PER_SAMPLE));
        while (fresh.size() < MAX_NEW_ROWS_PER_SAMPLE && !pendingAdds.isEmpty()) {
            TransferSnapshot s = pendingAdds.poll();
            if (ghosts.remove(s.id()) || byId.containsKey(s.id())) {
                continue;
            }
            QueueRow row = new QueueRow(s);
            byId.put(row.id(), row);
            count(row.getState(), 1);
            bytes.add(row, 1);
            if (row.getState().isActive()) {
                active.add(row);
            }
            fresh.add(row);
        }
        rows.addAll(fresh);
        return !fresh.isEmpty();
    }

    /** Reads the changed and the active items again; returns how many changed state. */
    private int refreshChanged(long now) {
        Set<Long> ids = new HashSet<>(orphans);
        orphans.clear();
        for (Long id : changedIds) {
            changedIds.remove(id);
            ids.add(id);
        }
        for (QueueRow row : active) {
            ids.add(row.id());
        }
        if (ids.isEmpty()) {
            return 0;
        }
        int stateChanges = 0;
        Map<Long, TransferSnapshot> all = ids.size() >= BULK_READ_FROM ? indexById(queue.snapshots()) : null;
        for (long id : ids) {
            Optional<TransferSnapshot> s = all != null ? Optional.ofNullable(all.get(id)) : queue.snapshot(id);
            if (s.isEmpty()) {
                continue;
            }
            QueueRow row = byId.get(id);
            if (row == null) {
                orphans.add(id);
            } else if (show(row, s.get(), now)) {
                stateChanges++;
            }
        }
        return stateChanges;
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
        if (after.isActive()) {
            active.add(row);
        } else {
            active.remove(row);
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

    private boolean sortIfReordered() {
        if (!pendingAdds.isEmpty() || !reordered.getAndSet(false)) {
            return false;
        }
        List<TransferSnapshot> order = queue.snapshots();
        Map<Long, Integer> at = new HashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            at.put(order.get(i).id(), i);
        }
        Set<QueueRow> gone = new HashSet<>();
        boolean inOrder = true;
        int last = -1;
        for (QueueRow row : rows) {
            Integer i = at.get(row.id());
            if (i == null) {
                gone.add(row);
            } else {
                inOrder &= i > last;
                last = i;
            }
        }
        if (!gone.isEmpty()) {
            gone.forEach(r -> {
                byId.remove(r.id());
                forget(r);
            });
            rows.removeAll(gone);
        }
        if (!inOrder) {
            FXCollections.sort(rows, Comparator.comparingInt(r -> at.get(r.id())));
        }
        return !inOrder || !gone.isEmpty();
    }

    private void forget(QueueRow row) {
        count(row.getState(), -1);
        bytes.add(row, -1);
        active.remove(row);
    }

    private void count(TransferState state, int delta) {
        stateCounts.merge(state, delta, Integer::sum);
    }

    private void showTotals(QueueTotals t) {
        boolean running = !active.isEmpty();
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
        s.append(t.finished()).append(" of ").append(t.items()).append(t.items() == 1 ? " file" : " files");
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

    private static Map<Long, TransferSnapshot> indexById(List<TransferSnapshot> all) {
        Map<Long, TransferSnapshot> map = new HashMap<>(all.size() * 2);
        for (TransferSnapshot s : all) {
            map.put(s.id(), s);
        }
        return map;
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

    /** Records what changed; called by the queue under its lock, on any thread: no FX, no waiting. */
    private final class Recorder implements QueueListener {
        @Override
        public void added(List<TransferSnapshot> items) {
            addedBatches.add(items);
        }

        @Override
        public void changed(TransferSnapshot item) {
            changedIds.add(item.id());
        }

        @Override
        public void removed(List<Long> ids) {
            removedBatches.add(ids);
        }

        @Override
        public void reordered() {
            reordered.set(true);
        }
    }
}
