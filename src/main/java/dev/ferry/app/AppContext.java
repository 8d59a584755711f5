package dev.ferry.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.QueueStore;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;
import dev.ferry.transfer.UserPrompt;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.log.LogModel;

/**
 * Everything the window shares, built once by hand (no global singletons): where files live, the settings,
 * the FX bridge, the log, and the transfer queue with its file on disk.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppPaths paths;
    private final SettingsStore settingsStore;
    private final FxBridge bridge;
    private final LogModel log;
    private final TransferQueue queue;
    private final QueueStore queueStore;
    private final List<String> startupProblems = new ArrayList<>();
    private final List<AutoCloseable> atExit = new ArrayList<>();
    private Settings settings;

    private AppContext(AppPaths paths, java.util.function.Function<FxBridge, UserPrompt> promptFactory) {
        this.paths = paths;
        this.bridge = new FxBridge();
        UserPrompt prompt = promptFactory.apply(bridge);
        this.log = new LogModel(bridge);
        this.settingsStore = new SettingsStore(paths.settingsFile());
        SettingsStore.Loaded loaded = settingsStore.load();
        this.settings = loaded.settings();
        loaded.problem().ifPresent(startupProblems::add);
        QueueOptions options = QueueOptions.defaults()
                .withParallel(settings.parallelTransfers())
                .withFileExists(settings.fileExistsPolicy())
                .withKeepTimestamps(settings.keepTimestamps())
                .withPrompt(prompt)
                .withSpeedLimit(Long.getLong("ferry.speedLimit", 0L));
        this.queue = new TransferQueue(options);
        this.queueStore = new QueueStore(paths.queueFile(), Duration.ofMillis(500));
        QueueStore.Loaded saved = queueStore.load();
        saved.problem().ifPresent(startupProblems::add);
        queue.restore(waitingForTheirSite(saved.items()));
        queueStore.attach(queue);
        queue.start();
    }

    /**
     * Builds the context for the config folder {@code paths}; {@code prompt} answers "file exists" questions
     * (the window's dialog) through the context's FX bridge.
     */
    public static AppContext open(AppPaths paths, java.util.function.Function<FxBridge, UserPrompt> prompt) {
        return new AppContext(paths, prompt);
    }

    /** Items from the last run wait paused until the user connects to their site again. */
    private static List<TransferSnapshot> waitingForTheirSite(List<TransferSnapshot> saved) {
        List<TransferSnapshot> restored = new ArrayList<>(saved.size());
        for (TransferSnapshot s : saved) {
            restored.add(s.state().isSettled() ? s
                    : s.restoredAs(TransferState.PAUSED, Optional.of("waiting for a connection to " + s.site())));
        }
        return restored;
    }

    public AppPaths paths() {
        return paths;
    }

    public FxBridge bridge() {
        return bridge;
    }

    public LogModel log() {
        return log;
    }

    public TransferQueue queue() {
        return queue;
    }

    public Settings settings() {
        return settings;
    }

    /** Problems met while reading the files on disk, in words, for the window to show once. */
    public List<String> startupProblems() {
        return List.copyOf(startupProblems);
    }

    /** Keeps {@code changed} and writes it soon, off the FX thread. */
    public void updateSettings(java.util.function.UnaryOperator<Settings> change) {
        settings = change.apply(settings);
        settingsStore.saveLater(settings);
    }

    /** Closes {@code resource} when Ferry exits (after the queue has stopped). */
    public synchronized void closeAtExit(AutoCloseable resource) {
        atExit.add(resource);
    }

    @Override
    public void close() {
        try {
            settingsStore.save(settings);
            settingsStore.close();
        } catch (IOException e) {
            LOG.warn("settings could not be saved: {}", e.getMessage());
        }
        queue.close();
        try {
            queueStore.close();
        } catch (IOException e) {
            LOG.warn("the queue could not be saved: {}", e.getMessage());
        }
        for (AutoCloseable resource : atExit) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("{} did not close: {}", resource, e.getMessage());
            }
        }
        bridge.close();
    }
}
