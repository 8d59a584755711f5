package dev.ferry.cli;

import dev.ferry.engine.FtpSession;
import dev.ferry.transfer.FileExistsPolicy;
import dev.ferry.transfer.LocalNames;
import dev.ferry.transfer.NewTransfer;
import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.QueueTotals;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs the transfers of one {@code get} or {@code put} on the transfer queue and reports how they
 * went. Existing targets are resumed: a complete one is skipped, a shorter one (or a part file)
 * continued, so running the same command again after it was killed finishes the job.
 */
final class QueueRun {
    private QueueRun() {
    }

    static int run(CliOptions options, SessionFactory sessions, String site, FtpSession firstSession,
                   NewTransfer transfer, PrintStream err, Progress progress) throws InterruptedException {
        QueueOptions queueOptions = QueueOptions.defaults()
                .withParallel(options.parallel())
                .withFileExists(FileExistsPolicy.RESUME);
        try (TransferQueue queue = new TransferQueue(queueOptions)) {
            queue.registerSite(site, sessions::open);
            queue.offer(site, firstSession);
            queue.add(List.of(transfer));
            queue.start();
            while (!queue.awaitIdle(Duration.ofMillis(250))) {
                QueueTotals t = queue.totals();
                progress.show(t.bytesDone(), t.bytesTotal(), t.filesFinished() + "/" + t.files() + " files");
            }
            progress.finish();
            return report(options, queue.snapshots(), err);
        }
    }

    private static int report(CliOptions options, List<TransferSnapshot> items, PrintStream err) {
        int failed = 0;
        int files = 0;
        for (TransferSnapshot s : items) {
            if (!s.folder()) {
                files++;
            }
            if (!options.quiet() && s.folder() && s.note().isPresent()) {
                err.println("ferry: " + LocalNames.printable(s.remotePath()) + ": " + s.note().get());
            }
            if (s.state() == TransferState.FAILED) {
                failed++;
                if (s.folder()) {
                    files++; // a folder that could not be read or made counts as one transfer that failed
                }
                String what = s.direction() == dev.ferry.transfer.TransferDirection.DOWNLOAD ? s.remotePath() : s.localPath();
                err.println("ferry: " + LocalNames.printable(what) + ": " + s.lastError().orElse("failed"));
            }
        }
        if (failed > 0) {
            err.println("ferry: " + failed + " of " + files + " transfers failed");
            return 1;
        }
        return 0;
    }
}
