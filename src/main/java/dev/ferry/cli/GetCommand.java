package dev.ferry.cli;

import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.transfer.LocalNames;
import dev.ferry.transfer.NewTransfer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ferry get URL LOCAL}: one file, a file to standard output ({@code -}), or a folder with {@code -r}. */
final class GetCommand {
    private GetCommand() {
    }

    static int run(CliOptions options, FtpUrl url, String local, SessionFactory sessions, PrintStream out,
                   PrintStream err, Progress progress) throws IOException, UsageException, InterruptedException {
        String remote = url.path();
        FtpSession session = sessions.open();
        try {
            boolean folder = remote.isEmpty() || remote.equals("/");
            Optional<RemoteEntry> entry = Optional.empty();
            if (!folder) {
                entry = session.stat(remote);
                if (entry.isEmpty()) {
                    throw new FtpException("no such file or folder on the server: " + remote);
                }
                folder = entry.get().type() == EntryType.DIRECTORY;
            }
            if (folder && !options.recursive()) {
                throw new UsageException((remote.isEmpty() ? "the URL" : remote) + " names a folder; use -r to download a folder");
            }
            if (local.equals("-")) {
                session.download(remote, StandardOutput.forData(out));
                out.flush();
                session.close();
                return 0;
            }
            Path target = Path.of(local);
            NewTransfer transfer;
            if (folder) {
                transfer = NewTransfer.downloadFolder(sessions.site(), remote, target);
            } else {
                if (Files.isDirectory(target)) {
                    String name = RemotePaths.name(remote);
                    target = LocalNames.child(target, name).orElseThrow(
                            () -> new FtpException("the remote name \"" + LocalNames.printable(name) + "\" cannot be a local file name"));
                }
                // What the stat said: the queue does not ask again for the size and time.
                transfer = NewTransfer.download(sessions.site(), remote, target, NewTransfer.RemoteHint.of(entry));
            }
            FtpSession handedOver = session;
            session = null;
            return QueueRun.run(options, sessions, sessions.site(), handedOver, transfer, err, progress);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

}
