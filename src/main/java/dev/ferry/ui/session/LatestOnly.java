package dev.ferry.ui.session;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.ferry.ui.FxBridge;

/**
 * Runs a check in the background, one at a time, and keeps only the newest answer: a check asked for while
 * another runs waits for it, replacing any other waiting check, and the older answer is dropped. Typing a
 * password costs at most two reads of the certificate, never one per key. Called on the FX thread; answers
 * arrive on the FX thread.
 *
 * @param <T> what the check finds
 */
final class LatestOnly<T> {
    private final FxBridge bridge;
    private final Consumer<T> onAnswer;
    private final Consumer<Throwable> onFailure;
    private boolean running;
    private boolean discard;
    private Callable<T> waiting;

    LatestOnly(FxBridge bridge, Consumer<T> onAnswer, Consumer<Throwable> onFailure) {
        this.bridge = bridge;
        this.onAnswer = onAnswer;
        this.onFailure = onFailure;
    }

    /** Asks for {@code check}; any check asked for before and not yet answered is forgotten. */
    void submit(Callable<T> check) {
        discard = false;
        if (running) {
            waiting = check;
            return;
        }
        running = true;
        bridge.run(check, answer -> finished(() -> onAnswer.accept(answer)),
                error -> finished(() -> onFailure.accept(error)));
    }

    /** Forgets the check that waits, and the answer of the one that runs. */
    void cancel() {
        waiting = null;
        discard = running;
    }

    /** Whether a check runs or waits. */
    boolean busy() {
        return running;
    }

    private void finished(Runnable deliver) {
        running = false;
        Callable<T> next = waiting;
        waiting = null;
        if (next != null) {
            submit(next);
        } else if (!discard) {
            deliver.run();
        }
        discard = false;
    }
}
