package dev.ferry.ui.commander;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.fs.FileEntry;
import dev.ferry.fs.FileKind;
import dev.ferry.fs.FileSource;
import dev.ferry.fs.FileSourceException;
import dev.ferry.transfer.QueueListener;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;
import dev.ferry.ui.FxBridge;

/**
 * Finishes a move (F6, Shift+drag): each source file is deleted once its transfer is DONE, and each
 * source folder once everything in it was moved and it is empty. A failed or cancelled transfer leaves
 * its source where it is, so a move never loses a file.
 */
final class MoveCompletion implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MoveCompletion.class);

    private record Tracked(Side side, String sourcePath, boolean folder, long parent) {
    }

    private final TransferQueue queue;
    private final FxBridge bridge;
    private final Function<Side, Optional<FileSource>> sources;
    private final Consumer<Side> refresh;
    private final ExecutorService worker;
    private final Map<Long, Tracked> tracked = new HashMap<>();
    private final Map<Long, Set<Long>> pendingChildren = new HashMap<>();
    private final Set<Long> doneFolders = new HashSet<>();
    private final QueueListener listener = new QueueListener() {
        @Override
        public void added(List<TransferSnapshot> items) {
            List<TransferSnapshot> copy = List.copyOf(items);
            worker.execute(() -> onAdded(copy));
        }

        @Override
        public void changed(TransferSnapshot item) {
            worker.execute(() -> onChanged(item));
        }
    };

    MoveCompletion(TransferQueue queue, FxBridge bridge, Function<Side, Optional<FileSource>> sources,
                   Consumer<Side> refresh) {
        this.queue = queue;
        this.bridge = bridge;
        this.sources = sources;
        this.refresh = refresh;
        this.worker = bridge.newSerialExecutor("move");
        queue.addListener(listener);
    }

    /** Starts watching the queue items {@code ids} (item id → the source it came from). */
    void track(Side side, Map<Long, FileEntry> items) {
        worker.execute(() -> {
            for (Map.Entry<Long, FileEntry> e : items.entrySet()) {
                tracked.put(e.getKey(), new Tracked(side, e.getValue().path(), e.getValue().isFolder(), 0));
                queue.snapshot(e.getKey()).ifPresent(this::onChanged);
            }
        });
    }

    private void onAdded(List<TransferSnapshot> items) {
        for (TransferSnapshot s : items) {
            Tracked parent = tracked.get(s.parent());
            if (parent == null) {
                continue;
            }
            String source = parent.side() == Side.LOCAL ? s.localPath() : s.remotePath();
            tracked.put(s.id(), new Tracked(parent.side(), source, s.folder(), s.parent()));
            pendingChildren.computeIfAbsent(s.parent(), k -> new HashSet<>()).add(s.id());
        }
    }

    private void onChanged(TransferSnapshot item) {
        Tracked t = tracked.get(item.id());
        if (t == null) {
            return;
        }
        if (item.state() == TransferState.FAILED || item.state() == TransferState.CANCELLED) {
            forget(item.id());
            return;
        }
        if (item.state() != TransferState.DONE) {
            return;
        }
        if (t.folder()) {
            doneFolders.add(item.id());
            maybeRemoveFolder(item.id());
            return;
        }
        delete(t, FileKind.FILE);
        tracked.remove(item.id());
        childFinished(t.parent(), item.id());
    }

    private void childFinished(long parent, long child) {
        Set<Long> pending = pendingChildren.get(parent);
        if (pending != null) {
            pending.remove(child);
            maybeRemoveFolder(parent);
        }
    }

    private void maybeRemoveFolder(long id) {
        Tracked t = tracked.get(id);
        if (t == null || !doneFolders.contains(id) || !pendingChildren.getOrDefault(id, Set.of()).isEmpty()) {
            return;
        }
        Optional<FileSource> source = sources.apply(t.side());
        try {
            if (source.isPresent() && source.get().list(t.sourcePath()).isEmpty()) {
                delete(t, FileKind.FOLDER);
            }
        } catch (FileSourceException e) {
            LOG.warn("moved folder {} is kept: {}", t.sourcePath(), e.getMessage());
        }
        tracked.remove(id);
        doneFolders.remove(id);
        pendingChildren.remove(id);
        childFinished(t.parent(), id);
    }

    /** A failed child keeps its folder (and the folders above it). */
    private void forget(long id) {
        Tracked t = tracked.remove(id);
        if (t == null) {
            return;
        }
        List<Long> below = new ArrayList<>(pendingChildren.getOrDefault(id, Set.of()));
        below.sort(Comparator.naturalOrder());
        pendingChildren.remove(id);
        doneFolders.remove(id);
        long parent = t.parent();
        while (parent != 0 && tracked.containsKey(parent)) {
            Tracked p = tracked.remove(parent);
            pendingChildren.remove(parent);
            doneFolders.remove(parent);
            parent = p.parent();
        }
    }

    private void delete(Tracked t, FileKind kind) {
        Optional<FileSource> source = sources.apply(t.side());
        if (source.isEmpty()) {
            LOG.warn("moved {} is kept: the {} side is no longer connected", t.sourcePath(), t.side());
            return;
        }
        String name = t.sourcePath();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        FileEntry entry = new FileEntry(name.substring(slash + 1), t.sourcePath(), kind, -1, -1, "", "", false);
        try {
            source.get().delete(entry, p -> {
            }, () -> false);
            bridge.fx(() -> refresh.accept(t.side()));
        } catch (FileSourceException e) {
            LOG.warn("moved {} could not be removed from its source: {}", t.sourcePath(), e.getMessage());
        }
    }

    @Override
    public void close() {
        queue.removeListener(listener);
        worker.shutdownNow();
    }
}
