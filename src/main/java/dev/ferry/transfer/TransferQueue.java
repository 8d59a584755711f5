package dev.ferry.transfer;

import dev.ferry.engine.Cancellation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transfer queue: items in order, N workers each on its own connection (from a per-site pool),
 * pause, resume, cancel, retry and reordering, observable through {@link QueueListener}.
 * No JavaFX here: the window adapts it.
 */
public final class TransferQueue implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<TransferItem> order = new ArrayList<>();
    private final Map<Long, TransferItem> byId = new HashMap<>();
    private final Map<String, SiteConnector> sites = new ConcurrentHashMap<>();
    private final Map<String, Integer> siteLimits = new ConcurrentHashMap<>();
    private final Map<String, Integer> activePerSite = new HashMap<>();
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final ConnectionPool pool = new ConnectionPool(sites);
    private final SpeedMeter speed = new SpeedMeter();
    private volatile QueueOptions options;
    private volatile FileExistsPolicy rememberedAnswer;
    private long nextId = 1;
    private int cursor;
    private int waitingForRetry;
    /** Items neither finished nor paused: the queue is idle when there are none ({@link #awaitIdle}). */
    private int unsettled;
    private boolean closed;
    private final SpeedLimit limit;
    private final StallWatchdog watchdog = new StallWatchdog();

    public TransferQueue(QueueOptions options) {
        this.options = options;
        this.limit = new SpeedLimit(options.bytesPerSecond());
    }

    /** Tells the queue how to reach a site; items of an unknown site wait until it is registered. */
    public void registerSite(String key, SiteConnector connector) {
        sites.put(key, connector);
        signal();
    }

    /** As {@link #registerSite(String, SiteConnector)}, with at most {@code maxConnections} transfers to it at once. */
    public void registerSite(String key, SiteConnector connector, int maxConnections) {
        if (maxConnections < 1 || maxConnections > 10) {
            throw new IllegalArgumentException("connections per site must be 1 to 10, not " + maxConnections);
        }
        siteLimits.put(key, maxConnections);
        registerSite(key, connector);
    }

    /** Gives an open, idle session of {@code site} to the pool, so the first transfer needs no new login. */
    public void offer(String site, dev.ferry.engine.FtpSession session) {
        pool.release(site, session);
    }

    public void addListener(QueueListener listener) {
        listeners.add(listener);
    }

    public void removeListener(QueueListener listener) {
        listeners.remove(listener);
    }

    public QueueOptions options() {
        return options;
    }

    /** Adds items at the end of the queue, in one event. */
    public List<TransferSnapshot> add(List<NewTransfer> transfers) {
        return addChildren(0, transfers);
    }

    List<TransferSnapshot> addChildren(long parent, List<NewTransfer> transfers) {
        List<TransferSnapshot> added = new ArrayList<>(transfers.size());
        lock.lock();
        try {
            for (NewTransfer t : transfers) {
                TransferItem item = new TransferItem(nextId++, t.site(), t.direction(), t.folder(), parent,
                        t.remotePath(), t.localPath().toString(), t.size());
                item.remote = t.remote();
                TransferItem from = byId.get(parent);
                item.fileExists = t.fileExists().orElse(from == null ? null : from.fileExists);
                order.add(item);
                byId.put(item.id, item);
                unsettled++;
                added.add(item.snapshot());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!added.isEmpty()) {
            listeners.forEach(l -> l.added(added));
        }
        return added;
    }

    /** Puts back items saved earlier (their ids kept), as waiting. */
    public void restore(List<TransferSnapshot> saved) {
        List<TransferSnapshot> added = new ArrayList<>();
        lock.lock();
        try {
            for (TransferSnapshot s : saved) {
                TransferItem item = new TransferItem(s.id(), s.site(), s.direction(), s.folder(), s.parent(),
                        s.remotePath(), s.localPath(), s.size());
                item.bytesDone.set(s.bytesDone());
                item.attempts = 0;
                item.lastError = s.lastError().orElse(null);
                item.note = s.note().orElse(null);
                item.fileExists = s.fileExists().orElse(null);
                item.state = s.state().isSettled() ? s.state() : TransferState.QUEUED;
                if (!item.state.isSettled()) {
                    unsettled++;
                }
                order.add(item);
                byId.put(item.id, item);
                nextId = Math.max(nextId, item.id + 1);
                added.add(item.snapshot());
            }
            cursor = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!added.isEmpty()) {
            listeners.forEach(l -> l.added(added));
        }
    }

    /** Starts the workers. */
    public void start() {
        lock.lock();
        try {
            while (workers.size() < options.parallel()) {
                Thread t = new Thread(new TransferWorker(this, pool, limit, watchdog, workers.size()), "ferry-transfer-" + (workers.size() + 1));
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Changes how many transfers run at once (1 to 10); takes effect as items finish. */
    /**
     * Changes how items that start from now on are handled (file-exists policy, timestamps, retries,
     * speed limit); running items finish as they began. The number of workers changes with
     * {@link #setParallel(int)}.
     */
    public void updateOptions(java.util.function.UnaryOperator<QueueOptions> change) {
        lock.lock();
        try {
            QueueOptions next = change.apply(options);
            options = next.withParallel(options.parallel());
            limit.setBytesPerSecond(next.bytesPerSecond());
        } finally {
            lock.unlock();
        }
    }

    public void setParallel(int parallel) {
        options = options.withParallel(parallel);
        start();
        signal();
    }

    // ---- what the workers call ---------------------------------------------------------------

    /** The next item to run (now CONNECTING), waiting for one; empty when the queue closes. */
    Optional<TransferItem> take(int workerIndex) throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                if (workerIndex >= options.parallel()) {
                    changed.await(1, TimeUnit.SECONDS);
                    continue;
                }
                long wait = releaseDueRetries();
                for (int i = cursor; i < order.size(); i++) {
                    TransferItem item = order.get(i);
                    if (item.state == TransferState.QUEUED && sites.containsKey(item.site)
                            && activePerSite.getOrDefault(item.site, 0) < siteLimits.getOrDefault(item.site, Integer.MAX_VALUE)) {
                        cursor = firstQueuedFrom(cursor);
                        item.cancellation = new Cancellation();
                        item.stopAs = null;
                        item.attempts++;
                        setState(item, TransferState.CONNECTING, null);
                        return Optional.of(item);
                    }
                }
                cursor = firstQueuedFrom(cursor);
                if (wait > 0) {
                    changed.awaitNanos(wait);
                } else {
                    changed.await();
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether an item for {@code site} waits for a worker: a hint, as another worker may take it first. */
    boolean hasQueued(String site) {
        lock.lock();
        try {
            for (int i = cursor; i < order.size(); i++) {
                TransferItem item = order.get(i);
                if (item.state == TransferState.QUEUED && item.site.equals(site)) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private int firstQueuedFrom(int from) {
        int i = from;
        while (i < order.size() && order.get(i).state != TransferState.QUEUED) {
            i++;
        }
        return i;
    }

    /** Moves due RETRY_WAIT items back to QUEUED; returns nanoseconds to the next due one, or 0. */
    private long releaseDueRetries() {
        if (waitingForRetry == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (TransferItem item : order) {
            if (item.state == TransferState.RETRY_WAIT) {
                if (item.retryAtNanos <= now) {
                    setState(item, TransferState.QUEUED, item.lastError);
                } else {
                    next = Math.min(next, item.retryAtNanos - now);
                }
            }
        }
        return next == Long.MAX_VALUE ? 0 : next;
    }

    /** A worker reports a state change of the item it holds; ignored when the user stopped it meanwhile. */
    boolean report(TransferItem item, TransferState state, String error) {
        lock.lock();
        try {
            if (item.stopAs != null && !state.isFinished() && state != TransferState.RETRY_WAIT) {
                return false;
            }
            if (!item.state.canBecome(state)) {
                return false;
            }
            setState(item, state, error);
            return true;
        } finally {
            lock.unlock();
        }
        // listeners are told inside setState
    }

    /** A worker gives up on its attempt: retry later if tries are left, else fail. */
    void retryOrFail(TransferItem item, String error) {
        lock.lock();
        try {
            if (item.stopAs != null) {
                stopped(item);
                return;
            }
            if (item.attempts < options.maxAttempts()) {
                long delay = options.firstRetryDelay().toNanos() << Math.min(item.attempts - 1, 16);
                item.retryAtNanos = System.nanoTime() + Math.min(delay, Duration.ofMinutes(1).toNanos());
                setState(item, TransferState.RETRY_WAIT, error + " (try " + item.attempts + " of "
                        + options.maxAttempts() + "; trying again)");
            } else {
                setState(item, TransferState.FAILED, error);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The worker has let go of an item the user paused or cancelled. */
    void stopped(TransferItem item) {
        lock.lock();
        try {
            TransferState target = item.stopAs == null ? TransferState.CANCELLED : item.stopAs;
            if (item.state != target && item.state.canBecome(target)) {
                setState(item, target, item.lastError);
            }
        } finally {
            lock.unlock();
        }
    }

    void note(TransferItem item, String note) {
        lock.lock();
        try {
            item.note = note;
        } finally {
            lock.unlock();
        }
        TransferSnapshot s = item.snapshot();
        listeners.forEach(l -> l.changed(s));
    }

    /** The user's "apply to all" answer to a file-exists question, until the queue has nothing left to do. */
    FileExistsPolicy rememberedAnswer() {
        return rememberedAnswer;
    }

    void rememberAnswer(FileExistsPolicy policy) {
        rememberedAnswer = policy;
    }

    void progress(long delta) {
        speed.add(delta);
    }

    SiteConnector site(String key) {
        return sites.get(key);
    }

    private void setState(TransferItem item, TransferState state, String error) {
        if (item.state.isActive() != state.isActive()) {
            activePerSite.merge(item.site, state.isActive() ? 1 : -1, Integer::sum);
        }
        if (item.state == TransferState.RETRY_WAIT) {
            waitingForRetry--;
        }
        if (state == TransferState.RETRY_WAIT) {
            waitingForRetry++;
        }
        if (item.state.isSettled() != state.isSettled()) {
            unsettled += state.isSettled() ? -1 : 1;
            if (unsettled == 0) {
                // "Do the same for every file in the queue" ends with that queue's work.
                rememberedAnswer = null;
            }
        }
        item.state = state;
        item.lastError = error;
        if (state == TransferState.QUEUED) {
            cursor = Math.min(cursor, indexOf(item));
        }
        changed.signalAll();
        TransferSnapshot s = item.snapshot();
        listeners.forEach(l -> l.changed(s));
    }

    private int indexOf(TransferItem item) {
        int i = order.indexOf(item);
        return i < 0 ? 0 : i;
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- control ---------------------------------------------------------------------------

    /** Pauses one item: a running one stops at once and keeps what it has. */
    public void pause(long id) {
        stop(id, TransferState.PAUSED);
    }

    /** Cancels one item: a running download's part file is removed. */
    public void cancel(long id) {
        stop(id, TransferState.CANCELLED);
    }

    private void stop(long id, TransferState as) {
        lock.lock();
        try {
            TransferItem item = byId.get(id);
            if (item == null || item.state.isFinished() && as == TransferState.PAUSED) {
                return;
            }
            if (item.state.isActive()) {
                item.stopAs = as;
                if (item.cancellation != null) {
                    item.cancellation.cancel();
                }
            } else if (item.state.canBecome(as)) {
                setState(item, as, item.lastError);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets a paused item run again. */
    public void resume(long id) {
        lock.lock();
        try {
            TransferItem item = byId.get(id);
            if (item != null && item.state == TransferState.PAUSED) {
                setState(item, TransferState.QUEUED, null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs a failed or cancelled item again, with fresh tries. */
    public void retry(long id) {
        lock.lock();
        try {
            TransferItem item = byId.get(id);
            if (item != null && (item.state == TransferState.FAILED || item.state == TransferState.CANCELLED)) {
                item.attempts = 0;
                setState(item, TransferState.QUEUED, null);
            }
        } finally {
            lock.unlock();
        }
    }

    public void pauseAll() {
        for (long id : ids()) {
            pause(id);
        }
    }

    public void resumeAll() {
        for (long id : ids()) {
            resume(id);
        }
    }

    public void moveUp(long id) {
        move(id, -1);
    }

    public void moveDown(long id) {
        move(id, 1);
    }

    public void moveToTop(long id) {
        move(id, Integer.MIN_VALUE);
    }

    public void moveToBottom(long id) {
        move(id, Integer.MAX_VALUE);
    }

    private void move(long id, int by) {
        lock.lock();
        try {
            TransferItem item = byId.get(id);
            if (item == null) {
                return;
            }
            int from = order.indexOf(item);
            int to = by == Integer.MIN_VALUE ? 0 : by == Integer.MAX_VALUE ? order.size() - 1
                    : Math.max(0, Math.min(order.size() - 1, from + by));
            if (to == from) {
                return;
            }
            order.remove(from);
            order.add(to, item);
            cursor = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        listeners.forEach(QueueListener::reordered);
    }

    /** Removes done items (and failed or cancelled ones too when {@code alsoUnsuccessful}). */
    public void removeFinished(boolean alsoUnsuccessful) {
        List<Long> removed = new ArrayList<>();
        lock.lock();
        try {
            order.removeIf(item -> {
                boolean remove = item.state == TransferState.DONE || alsoUnsuccessful && item.state.isFinished();
                if (remove) {
                    byId.remove(item.id);
                    removed.add(item.id);
                }
                return remove;
            });
            cursor = 0;
        } finally {
            lock.unlock();
        }
        if (!removed.isEmpty()) {
            listeners.forEach(l -> l.removed(removed));
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    public Optional<TransferSnapshot> snapshot(long id) {
        lock.lock();
        try {
            return Optional.ofNullable(byId.get(id)).map(TransferItem::snapshot);
        } finally {
            lock.unlock();
        }
    }

    /** Every item, in queue order. */
    public List<TransferSnapshot> snapshots() {
        lock.lock();
        try {
            List<TransferSnapshot> all = new ArrayList<>(order.size());
            for (TransferItem item : order) {
                all.add(item.snapshot());
            }
            return all;
        } finally {
            lock.unlock();
        }
    }

    private List<Long> ids() {
        lock.lock();
        try {
            return order.stream().map(i -> i.id).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Totals for an overall progress display; cheap enough to call ten times a second. */
    public QueueTotals totals() {
        lock.lock();
        try {
            int finished = 0;
            int files = 0;
            int filesFinished = 0;
            int failed = 0;
            long total = 0;
            long done = 0;
            for (TransferItem item : order) {
                boolean over = item.state.isFinished();
                if (over) {
                    finished++;
                }
                if (item.state == TransferState.FAILED) {
                    failed++;
                }
                if (!item.folder) {
                    files++;
                    if (over) {
                        filesFinished++;
                    }
                    total += Math.max(0, item.size);
                    done += item.bytesDone.get();
                }
            }
            return new QueueTotals(order.size(), finished, files, filesFinished, failed, total, done,
                    speed.bytesPerSecond());
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every item is finished (or paused); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (unsettled == 0) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                releaseDueRetries();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the workers (running items stop and are left to continue later) and closes connections. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (TransferItem item : order) {
                if (item.state.isActive() && item.cancellation != null) {
                    item.stopAs = TransferState.QUEUED;
                    item.cancellation.cancel();
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : workers) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.close();
        watchdog.close();
    }

    boolean isClosed() {
        return closed;
    }
}
