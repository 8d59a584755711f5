package dev.ferry.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread goes without a pulse. A running {@link AnimationTimer} asks for a pulse
 * every frame (about 16 ms), so the longest gap between two frames is the longest time the FX thread was
 * busy with something else: the stall a user would see as a frozen window.
 */
public final class FxPulseProbe {
    private final AnimationTimer timer;
    private volatile long last;
    private volatile long maxGapNanos;
    private volatile long frames;

    public FxPulseProbe() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last != 0) {
                    maxGapNanos = Math.max(maxGapNanos, t - last);
                }
                last = t;
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
            if (last != 0) {
                maxGapNanos = Math.max(maxGapNanos, t - last);
            }
            stopped.countDown();
        });
        stopped.await(30, TimeUnit.SECONDS);
        return maxGapNanos / 1e6;
    }

    public long frames() {
        return frames;
    }
}
