package dev.ferry.cli;

import dev.ferry.engine.FtpSession;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.transfer.NewTransfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ferry put LOCAL URL}: one file, standard input ({@code -}), or a folder with {@code -r}. */
final class PutCommand {
    private PutCommand() {
    }

    static int run(CliOptions options, String local, FtpUrl url, SessionFactory sessions, InputStream stdin,
                   PrintStream err, Progress progress) throws IOException, UsageException, InterruptedException {
        Path source = Path.of(local);
        if (!local.equals("-") && !Files.exists(source)) {
            throw new UsageException("no such local file or folder: " + local);
        }
        if (Files.isDirectory(source) && !options.recursive()) {
            throw new UsageException(local + " is a folder; use -r to upload a folder");
        }
        FtpSession session = sessions.open();
        try {
            String remote = url.path();
            NewTransfer transfer;
            if (Files.isDirectory(source)) {
                // Like get -r and lftp's mirror: the folder's contents go into the URL's folder, so that
                // running the same command again continues the same copy. The folder item checks or
                // creates the remote folder itself; asking here too would ask twice.
                transfer = NewTransfer.uploadFolder(sessions.site(), source, remote.isEmpty() ? "/" : remote);
            } else {
                boolean named = !remote.isEmpty() && !remote.endsWith("/");
                Optional<RemoteEntry> there = named ? session.stat(remote) : Optional.empty();
                boolean intoFolder = !named || there.map(e -> e.type() == EntryType.DIRECTORY).orElse(false);
                if (local.equals("-")) {
                    if (intoFolder) {
                        throw new UsageException("uploading standard input needs a file name in the URL");
                    }
                    session.upload(remote, stdin);
                    session.close();
                    return 0;
                }
                String name = source.toAbsolutePath().normalize().getFileName().toString();
                String target = intoFolder ? RemotePaths.join(remote, name) : remote;
                // Into a folder the target is another path, asked about by the queue; else the stat said it.
                NewTransfer.RemoteHint hint = intoFolder ? NewTransfer.RemoteHint.UNKNOWN : NewTransfer.RemoteHint.of(there);
                transfer = NewTransfer.upload(sessions.site(), source, target, Files.size(source), hint);
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
