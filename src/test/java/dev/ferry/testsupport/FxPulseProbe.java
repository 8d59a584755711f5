package dev.ferry.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread goes without a pulse. A running {@link AnimationTimer} asks for a pulse
 * every frame (about 16 ms), so the longest gap between two frames is the longest time the window looked
 * frozen. It also measures the CPU time the FX thread itself used between two frames: a gap with little CPU
 * in it is the thread waiting for a core (on a loaded machine, or with the test's in-process server busy
 * on the same two cores), a gap full of CPU is work done on the FX thread that should not be there.
 */
public final class FxPulseProbe {
    private final AnimationTimer timer;
    private volatile long last;
    private volatile long maxGapNanos;
    private volatile long lastCpu;
    private volatile long maxBusyNanos;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private volatile long frames;

    public FxPulseProbe() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                if (last != 0) {
                    maxGapNanos = Math.max(maxGapNanos, t - last);
                    maxBusyNanos = Math.max(maxBusyNanos, cpu - lastCpu);
                }
                last = t;
                lastCpu = cpu;
                frames++;
            }
        };
    }

    /** Starts measuring (from any thread; waits until the probe runs). */
    public FxPulseProbe start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            last = 0;
            maxGapNanos = 0;
            maxBusyNanos = 0;
            frames = 0;
            timer.start();
            started.countDown();
        });
        if (!started.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not start the probe");
        }
        return this;
    }

    /** Stops measuring and returns the longest gap in milliseconds. */
    public double stop() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer.stop();
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (last != 0) {
                maxGapNanos = Math.max(maxGapNanos, t - last);
                maxBusyNanos = Math.max(maxBusyNanos, cpu - lastCpu);
            }
            stopped.countDown();
        });
        stopped.await(30, TimeUnit.SECONDS);
        return maxGapNanos / 1e6;
    }

    /** The most CPU time the FX thread used between two frames while measuring, in milliseconds. */
    public double longestBusyMillis() {
        return maxBusyNanos / 1e6;
    }

    public long frames() {
        return frames;
    }
}
