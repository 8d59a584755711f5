package dev.ferry.transfer;

import dev.ferry.security.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a queue in {@code queue.json} (DESIGN §5): written as the queue changes, at most every
 * {@code interval} (coalesced), to a temporary file renamed over the old one, which is kept as
 * {@code queue.json.bak}. A file that cannot be read is moved aside (never overwritten) and reported.
 */
public final class QueueStore implements AutoCloseable {
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(QueueStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration interval;
    private TransferQueue queue;
    private Thread saver;
    private volatile boolean dirty;
    private volatile boolean closed;
    /** An unreadable queue file that could not be moved aside: it is kept as it is, never saved over. */
    private volatile boolean leftInPlace;

    public QueueStore(Path file, Duration interval) {
        this.file = file;
        this.interval = interval;
    }

    /** What loading found. */
    public record Loaded(List<TransferSnapshot> items, Optional<String> problem) {
    }

    /**
     * Reads the saved queue. A missing file is an empty queue; an unreadable one is renamed to
     * {@code queue.json.unreadable-<time>} and reported in {@link Loaded#problem()}. When it cannot be
     * renamed, it is left as it is and this store never writes over it.
     */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), Optional.empty());
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION || !root.path("items").isArray()) {
                throw new IOException("not a Ferry queue file of version " + VERSION);
            }
            List<TransferSnapshot> items = new ArrayList<>();
            for (JsonNode n : root.path("items")) {
                items.add(new TransferSnapshot(n.path("id").asLong(), text(n, "site"),
                        TransferDirection.valueOf(text(n, "direction")), n.path("folder").asBoolean(),
                        n.path("parent").asLong(), text(n, "remote"), text(n, "local"), n.path("size").asLong(-1),
                        n.path("done").asLong(0), TransferState.valueOf(text(n, "state")), 0,
                        Optional.ofNullable(n.path("error").textValue()), Optional.ofNullable(n.path("note").textValue()),
                        Optional.ofNullable(n.path("fileExists").textValue()).map(FileExistsPolicy::valueOf)));
            }
            return new Loaded(items, Optional.empty());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            Optional<Path> aside = AtomicFiles.moveAside(file, "unreadable", LocalDateTime.now());
            leftInPlace = aside.isEmpty();
            String problem = "the saved queue " + file + " could not be read (" + e.getMessage() + "); "
                    + aside.map(a -> "it was kept as " + a + " and the queue starts empty")
                            .orElse("it could not be moved aside, so the queue starts empty and is not saved over it");
            LOG.warn(problem);
            return new Loaded(List.of(), Optional.of(problem));
        }
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("an item has no " + field);
        }
        return v.asText();
    }

    /** Saves {@code queue} whenever it changes, from now until {@link #close()}. */
    public void attach(TransferQueue queue) {
        this.queue = queue;
        queue.addListener(new QueueListener() {
            @Override
            public void added(List<TransferSnapshot> items) {
                dirty = true;
            }

            @Override
            public void changed(TransferSnapshot item) {
                dirty = true;
            }

            @Override
            public void removed(List<Long> ids) {
                dirty = true;
            }

            @Override
            public void reordered() {
                dirty = true;
            }
        });
        saver = new Thread(this::saveLoop, "ferry-queue-saver");
        saver.setDaemon(true);
        saver.start();
    }

    private void saveLoop() {
        while (!closed) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            boolean running = queue.snapshots().stream().anyMatch(s -> s.state().isActive());
            if (dirty || running) {
                dirty = false;
                try {
                    save(queue.snapshots());
                } catch (IOException e) {
                    LOG.warn("cannot save the queue to {}: {}", file, e.getMessage());
                }
            }
        }
    }

    /**
     * Writes {@code items} now: temporary file, then rename; the previous file becomes the backup. Does
     * nothing while an unreadable queue file that could not be moved aside is in the way.
     */
    public synchronized void save(List<TransferSnapshot> items) throws IOException {
        if (leftInPlace) {
            return;
        }
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("items");
        for (TransferSnapshot s : items) {
            ObjectNode n = array.addObject();
            n.put("id", s.id());
            n.put("site", s.site());
            n.put("direction", s.direction().name());
            n.put("folder", s.folder());
            n.put("parent", s.parent());
            n.put("remote", s.remotePath());
            n.put("local", s.localPath());
            n.put("size", s.size());
            n.put("done", s.bytesDone());
            n.put("state", s.state().name());
            s.lastError().ifPresent(e -> n.put("error", e));
            s.note().ifPresent(e -> n.put("note", e));
            s.fileExists().ifPresent(p -> n.put("fileExists", p.name()));
        }
        AtomicFiles.write(file, json.writeValueAsBytes(root));
    }

    /** Stops saving after one last save. */
    @Override
    public void close() throws IOException {
        closed = true;
        if (saver != null) {
            saver.interrupt();
            try {
                saver.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (queue != null) {
            save(queue.snapshots());
        }
    }
}
