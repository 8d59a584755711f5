package dev.ferry.ui.log;

import dev.ferry.engine.ProtocolLog;
import dev.ferry.ui.FxBridge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The protocol log of every connection, for the log panel. Lines come from any thread (a connection's
 * {@link #forConnection} log, or {@link #info}/{@link #error} for the application's own messages), wait in a queue,
 * and reach {@link #lines()} on the FX thread in batches, at most {@value #FLUSHES_PER_SECOND} times a second (DESIGN
 * §2). Only the newest {@code capacity} lines are kept. Passwords are masked again on the way in.
 */
public final class LogModel {
    /** How many lines are kept by default. */
    public static final int DEFAULT_CAPACITY = 10_000;
    static final int FLUSHES_PER_SECOND = 10;
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) / FLUSHES_PER_SECOND;

    private final FxBridge bridge;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentLinkedQueue<LogLine> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Object takeLock = new Object();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile long lastFlushNanos = System.nanoTime() - FLUSH_INTERVAL_NANOS;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final ObservableList<LogLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);

    public LogModel(FxBridge bridge) {
        this(bridge, DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public LogModel(FxBridge bridge, int capacity) {
        this(bridge, capacity, Clock.systemUTC());
    }

    LogModel(FxBridge bridge, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.bridge = Objects.requireNonNull(bridge);
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * A protocol log whose lines are tagged with {@code label} ("browse", "transfer 1"), to hand to a connection's
     * {@code ConnectionSettings}. Any thread may use it.
     */
    public ConnectionLog forConnection(String label) {
        return new ConnectionLog(this, Objects.requireNonNull(label));
    }

    /** A message of the application's own ("Connected to example.com"). Any thread. */
    public void info(String message) {
        add("", LogLine.Kind.NOTE, message);
    }

    /** An error of the application's own ("Connection lost"). Any thread. */
    public void error(String message) {
        add("", LogLine.Kind.ERROR, message);
    }

    /** The lines shown, oldest first, at most {@code capacity}. Read on the FX thread only. */
    public ObservableList<LogLine> lines() {
        return readOnlyLines;
    }

    /** How many lines are kept. */
    public int capacity() {
        return capacity;
    }

    /** Forgets every line, shown or on its way. FX thread. */
    public void clear() {
        drain();
        lines.clear();
    }

    void add(String connection, LogLine.Kind kind, String text) {
        String masked = kind == LogLine.Kind.SENT ? PasswordMask.command(text) : PasswordMask.text(text);
        var time = clock.instant();
        String[] split = masked.split("\\R");
        for (String line : split.length == 0 ? new String[] {""} : split) {
            pending.add(new LogLine(time, connection, kind, line));
            // Bounded even while the FX thread is busy: the oldest waiting lines would be dropped at the flush anyway.
            if (pendingCount.incrementAndGet() > capacity) {
                dropOldestWaiting();
            }
        }
        if (flushScheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastFlushNanos + FLUSH_INTERVAL_NANOS - System.nanoTime());
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, bridge.fxExecutor()).execute(this::flush);
        }
    }

    private void flush() {
        lastFlushNanos = System.nanoTime();
        flushScheduled.set(false);
        List<LogLine> batch = drain();
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() >= capacity) {
            lines.setAll(batch.subList(batch.size() - capacity, batch.size()));
            return;
        }
        int overflow = lines.size() + batch.size() - capacity;
        if (overflow > 0) {
            lines.remove(0, overflow);
        }
        lines.addAll(batch);
    }

    // Taking from the head is serialised, so that a line dropped here cannot fall in the middle of a batch.
    private void dropOldestWaiting() {
        synchronized (takeLock) {
            if (pendingCount.get() > capacity && pending.poll() != null) {
                pendingCount.decrementAndGet();
            }
        }
    }

    private List<LogLine> drain() {
        List<LogLine> batch = new ArrayList<>();
        synchronized (takeLock) {
            for (LogLine line; (line = pending.poll()) != null; ) {
                batch.add(line);
            }
            pendingCount.addAndGet(-batch.size());
        }
        return batch;
    }
}
