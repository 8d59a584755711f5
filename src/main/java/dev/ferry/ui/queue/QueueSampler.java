package dev.ferry.ui.queue;

import dev.ferry.transfer.QueueListener;
import dev.ferry.transfer.QueueTotals;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reading half of the queue panel's adapter. As a {@link QueueListener} it only records what changed
 * (called under the queue's lock, on worker threads: no FX, no waiting). {@link #read(long)} then turns
 * the records into one {@link Sample}: new rows, fresh snapshots of the changed and the running items
 * (never the whole queue), the new order after a move, and the totals. It runs off the FX thread, so
 * the FX thread never waits for the queue's lock (which a batch of 100,000 additions holds for a while).
 */
final class QueueSampler implements QueueListener {
    /** New rows made in one sample; the rest of a huge batch follows in the next samples. */
    static final int MAX_NEW_ROWS_PER_SAMPLE = 10_000;
    /** From this many items to read on, one copy of the whole queue is cheaper than one lookup each. */
    private static final int BULK_READ_FROM = 2_000;

    private final TransferQueue queue;
    private final ConcurrentLinkedQueue<List<TransferSnapshot>> addedBatches = new ConcurrentLinkedQueue<>();
    private final Set<Long> changedIds = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<List<Long>> removedBatches = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reordered = new AtomicBoolean();

    // confined to the reading thread (read() is synchronized)
    private final ArrayDeque<TransferSnapshot> pendingAdds = new ArrayDeque<>();
    private final Set<Long> known = new HashSet<>();
    private final Set<Long> active = new HashSet<>();
    private final Set<Long> orphans = new HashSet<>();
    private final Set<Long> ghosts = new HashSet<>();
    private boolean wasBusy;

    /**
     * What changed since the last sample, in the order to apply it.
     *
     * @param removed ids of rows to drop
     * @param added   new rows, in queue order, to append
     * @param changed fresh snapshots of changed and running items that have rows
     * @param order   each item's position, after the queue was reordered; else null
     * @param totals  the queue's totals while anything happens; else null
     * @param running whether any item is held by a worker
     */
    record Sample(long nanos, List<Long> removed, List<QueueRow> added, List<TransferSnapshot> changed,
                  Map<Long, Integer> order, QueueTotals totals, boolean running) {
        boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty() && changed.isEmpty() && order == null && totals == null;
        }
    }

    QueueSampler(TransferQueue queue) {
        this.queue = queue;
    }

    /** Starts listening; the items already queued come with the first sample. */
    void attach() {
        queue.addListener(this);
        // items added between these two lines arrive twice (the second is skipped) and maybe out of
        // order (the reorder puts them right)
        addedBatches.add(queue.snapshots());
        reordered.set(true);
    }

    void detach() {
        queue.removeListener(this);
    }

    // ---- the listener: record only ------------------------------------------------------------------

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

    // ---- reading ------------------------------------------------------------------------------------

    /** Everything that changed since the last call; {@code nanos} is when, for speeds. */
    synchronized Sample read(long nanos) {
        List<Long> removed = drainRemoved();
        List<QueueRow> added = makeRows();
        List<TransferSnapshot> changed = readChanged();
        Map<Long, Integer> order = readOrder();
        boolean busy = !removed.isEmpty() || !added.isEmpty() || !changed.isEmpty() || order != null;
        QueueTotals totals = busy || wasBusy ? queue.totals() : null;
        wasBusy = busy;
        return new Sample(nanos, removed, added, changed, order, totals, !active.isEmpty());
    }

    private List<Long> drainRemoved() {
        List<Long> removed = new ArrayList<>();
        for (List<Long> ids; (ids = removedBatches.poll()) != null; ) {
            for (long id : ids) {
                orphans.remove(id);
                active.remove(id);
                if (known.remove(id)) {
                    removed.add(id);
                } else {
                    ghosts.add(id);
                }
            }
        }
        return removed;
    }

    private List<QueueRow> makeRows() {
        for (List<TransferSnapshot> batch; (batch = addedBatches.poll()) != null; ) {
            pendingAdds.addAll(batch);
        }
        List<QueueRow> rows = new ArrayList<>(Math.min(pendingAdds.size(), MAX_NEW_ROWS_PER_SAMPLE));
        while (rows.size() < MAX_NEW_ROWS_PER_SAMPLE && !pendingAdds.isEmpty()) {
            TransferSnapshot s = pendingAdds.poll();
            if (ghosts.remove(s.id()) || !known.add(s.id())) {
                continue;
            }
            if (s.state().isActive()) {
                active.add(s.id());
            }
            rows.add(new QueueRow(s));
        }
        return rows;
    }

    /** Fresh snapshots of the items that changed, the running ones, and earlier changes whose row was not made yet. */
    private List<TransferSnapshot> readChanged() {
        Set<Long> ids = new HashSet<>(orphans);
        orphans.clear();
        for (Long id : changedIds) {
            changedIds.remove(id);
            ids.add(id);
        }
        ids.addAll(active);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, TransferSnapshot> all = ids.size() >= BULK_READ_FROM ? byId(queue.snapshots()) : null;
        List<TransferSnapshot> changed = new ArrayList<>(ids.size());
        for (long id : ids) {
            Optional<TransferSnapshot> s = all != null ? Optional.ofNullable(all.get(id)) : queue.snapshot(id);
            if (s.isEmpty()) {
                active.remove(id);
            } else if (!known.contains(id)) {
                orphans.add(id); // changed before its "added" arrived: its row comes in a later sample
            } else {
                changed.add(s.get());
                if (s.get().state().isActive()) {
                    active.add(id);
                } else {
                    active.remove(id);
                }
            }
        }
        return changed;
    }

    private Map<Long, Integer> readOrder() {
        if (!pendingAdds.isEmpty() || !reordered.getAndSet(false)) {
            return null;
        }
        List<TransferSnapshot> all = queue.snapshots();
        Map<Long, Integer> order = new HashMap<>(all.size() * 2);
        for (int i = 0; i < all.size(); i++) {
            order.put(all.get(i).id(), i);
        }
        known.retainAll(order.keySet());
        return order;
    }

    private static Map<Long, TransferSnapshot> byId(List<TransferSnapshot> all) {
        Map<Long, TransferSnapshot> map = new HashMap<>(all.size() * 2);
        for (TransferSnapshot s : all) {
            map.put(s.id(), s);
        }
        return map;
    }
}
