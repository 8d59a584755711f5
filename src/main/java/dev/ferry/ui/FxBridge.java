package dev.ferry.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The one bridge between the FX thread and the rest: work goes to named background threads, results come
 * back on the FX thread. The FX thread never touches the network or the disk (DESIGN §2).
 */
public final class FxBridge implements AutoCloseable {
    private final ExecutorService background;
    private final AtomicInteger serials = new AtomicInteger();
    private final java.util.List<ExecutorService> serialExecutors = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FxBridge() {
        this.background = Executors.newCachedThreadPool(named("ferry-ui-", new AtomicInteger()));
    }

    /** Runs {@code action} on the FX thread: now when already there, else soon. */
    public void fx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** An executor that runs on the FX thread, for {@code CompletableFuture.thenAcceptAsync}. */
    public Executor fxExecutor() {
        return this::fx;
    }

    /** Runs {@code work} on a background thread. */
    public <T> CompletableFuture<T> background(Callable<T> work) {
        return supply(work, background);
    }

    /**
     * Runs {@code work} on {@code executor}, then {@code onSuccess} or {@code onFailure} (with the cause, not
     * a {@link CompletionException}) on the FX thread.
     */
    public <T> void run(Executor executor, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        supply(work, executor).whenComplete((value, error) -> fx(() -> {
            if (error != null) {
                onFailure.accept(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                onSuccess.accept(value);
            }
        }));
    }

    /** Like {@link #run(Executor, Callable, Consumer, Consumer)} on the shared background threads. */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(background, work, onSuccess, onFailure);
    }

    /**
     * A single background thread, for work that must happen in order (one pane's calls on its file
     * source). Closed with the bridge.
     */
    public ExecutorService newSerialExecutor(String name) {
        ExecutorService serial = Executors.newSingleThreadExecutor(
                named("ferry-" + name + "-" + serials.incrementAndGet() + "-", new AtomicInteger()));
        serialExecutors.add(serial);
        return serial;
    }

    private static <T> CompletableFuture<T> supply(Callable<T> work, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private static ThreadFactory named(String prefix, AtomicInteger counter) {
        return r -> {
            Thread t = new Thread(r, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        background.shutdownNow();
        serialExecutors.forEach(ExecutorService::shutdownNow);
    }
}
