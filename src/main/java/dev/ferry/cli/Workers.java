package dev.ferry.cli;

import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs file tasks for {@code -r} on N threads, each with its own session opened on first use and
 * reopened once when a connection breaks. The transfer queue will take this over.
 */
final class Workers {
    /** One file to move with a session. */
    interface Task {
        String describe();

        void run(FtpSession session) throws IOException;
    }

    /** A task that failed, and why. */
    record Failure(String task, String reason) {
    }

    private final SessionFactory sessions;
    private final int count;

    Workers(SessionFactory sessions, int count) {
        this.sessions = sessions;
        this.count = count;
    }

    /** Runs every task; returns the failures. {@code tick} is called about four times a second. */
    List<Failure> runAll(List<Task> tasks, Runnable tick) throws InterruptedException {
        BlockingQueue<Task> queue = new LinkedBlockingQueue<>(tasks);
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        int n = Math.max(1, Math.min(count, tasks.size()));
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> work(queue, failures), "ferry-cli-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(250);
                tick.run();
            }
        }
        return failures;
    }

    private void work(BlockingQueue<Task> queue, List<Failure> failures) {
        FtpSession session = null;
        try {
            Task task;
            while ((task = queue.poll()) != null) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        if (session == null || !session.isOpen()) {
                            session = sessions.open();
                        }
                        task.run(session);
                        break;
                    } catch (FtpException e) {
                        if (e.isRetryable() && attempt < 3) {
                            closeQuietly(session);
                            session = null;
                            continue;
                        }
                        failures.add(new Failure(task.describe(), e.getMessage()));
                        break;
                    } catch (IOException | RuntimeException e) {
                        failures.add(new Failure(task.describe(), String.valueOf(e.getMessage())));
                        break;
                    }
                }
            }
        } finally {
            closeQuietly(session);
        }
    }

    private static void closeQuietly(FtpSession session) {
        if (session != null) {
            session.close();
        }
    }
}
