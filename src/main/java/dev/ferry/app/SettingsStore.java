package dev.ferry.app;

import dev.ferry.security.AtomicFiles;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps {@link Settings} in {@code settings.json} (DESIGN §5): a {@code "version"} field, written to a temporary
 * file and renamed, the previous file kept as {@code settings.json.bak}. A file that cannot be read is moved aside
 * and reported, never overwritten. {@link #saveLater} coalesces the many small changes of dragging a divider or
 * resizing the window into at most one write per interval, on a background thread; {@link #flush()} at exit.
 */
public final class SettingsStore implements AutoCloseable {
    /** How often {@link #saveLater} writes at most. */
    public static final Duration SAVE_INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Duration interval;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<Settings> pending = new AtomicReference<>();
    private final ScheduledExecutorService saver;
    private volatile boolean frozen;

    /** What {@link #load()} found: the settings to use, and a problem to show the user, if any. */
    public record Loaded(Settings settings, Optional<String> problem) {
    }

    public SettingsStore(Path file) {
        this(file, SAVE_INTERVAL);
    }

    SettingsStore(Path file, Duration interval) {
        this.file = file;
        this.interval = interval;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ferry-settings-saver");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.saver = executor;
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    /**
     * Reads the settings. A missing file gives the defaults. An unreadable one gives the defaults and a problem
     * to show; the file is renamed to {@code settings.json.broken-<time>}, or, when even that fails, left where
     * it is and not written this session.
     */
    public Loaded load() {
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(file);
            root = json.readTree(bytes);
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.defaults(), Optional.empty());
        } catch (IOException e) {
            return unreadable(reason(e));
        }
        if (bytes.length == 0) {
            return unreadable("the file is empty");
        }
        if (root == null || !root.isObject()) {
            return unreadable("not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.intValue() < 1) {
            return unreadable("no \"version\" field");
        }
        if (version.intValue() > SettingsJson.VERSION) {
            LOG.info("{} is of version {}, newer than this Ferry's {}; reading what is known", file,
                    version.intValue(), SettingsJson.VERSION);
        }
        return new Loaded(SettingsJson.read(root), Optional.empty());
    }

    private static String reason(IOException e) {
        if (e instanceof JacksonException j) {
            String message = j.getOriginalMessage();
            return j.getLocation() == null ? message
                    : message + " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Loaded unreadable(String reason) {
        String name = file.getFileName().toString();
        Optional<Path> aside = AtomicFiles.moveAside(file, "broken", LocalDateTime.now());
        String problem;
        if (aside.isPresent()) {
            problem = name + " could not be read (" + reason + "); defaults are used and the file was kept as "
                    + aside.get().getFileName();
        } else {
            frozen = true;
            problem = name + " could not be read (" + reason + "); defaults are used, the file was left as it is,"
                    + " and settings will not be saved until Ferry restarts";
        }
        LOG.warn("{}: {}", file, problem);
        return new Loaded(Settings.defaults(), Optional.of(problem));
    }

    /** Writes {@code settings} now, on the calling thread. */
    public synchronized void save(Settings settings) throws IOException {
        if (frozen) {
            return;
        }
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(SettingsJson.write(settings)));
    }

    /**
     * Saves {@code settings} soon, on a background thread: calls in quick succession end in one write of the
     * last of them, at most one write per {@link #SAVE_INTERVAL}. Any thread may call it.
     */
    public void saveLater(Settings settings) {
        if (pending.getAndSet(settings) == null) {
            try {
                saver.schedule(this::writePendingQuietly, interval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                writePendingQuietly();
            }
        }
    }

    /** Writes what {@link #saveLater} still holds, now, on the calling thread: at exit. */
    public void flush() throws IOException {
        writePending();
    }

    private synchronized void writePending() throws IOException {
        Settings latest = pending.getAndSet(null);
        if (latest != null) {
            save(latest);
        }
    }

    private void writePendingQuietly() {
        try {
            writePending();
        } catch (IOException e) {
            LOG.warn("cannot save the settings to {}: {}", file, e.getMessage());
        }
    }

    /** Flushes, then stops the background writer. */
    @Override
    public void close() throws IOException {
        saver.shutdownNow();
        flush();
    }
}
