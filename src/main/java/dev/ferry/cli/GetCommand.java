package dev.ferry.cli;

import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.transfer.LocalNames;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** {@code ferry get URL LOCAL}: one file, a file to standard output ({@code -}), or a folder with {@code -r}. */
final class GetCommand {
    private GetCommand() {
    }

    static int run(CliOptions options, FtpUrl url, String local, SessionFactory sessions, PrintStream out,
                   PrintStream err, Progress progress) throws IOException, UsageException, InterruptedException {
        String remote = url.path();
        if (remote.isEmpty() || remote.equals("/")) {
            if (!options.recursive()) {
                throw new UsageException("the URL names a folder; use -r to download a folder");
            }
        }
        try (FtpSession session = sessions.open()) {
            Optional<RemoteEntry> entry = remote.isEmpty() ? Optional.of(folder(remote)) : session.stat(remote);
            if (entry.isEmpty()) {
                throw new FtpException("no such file or folder on the server: " + remote);
            }
            if (entry.get().type() == EntryType.DIRECTORY) {
                if (!options.recursive()) {
                    throw new UsageException(remote + " is a folder; use -r to download a folder");
                }
                return folder(options, session, remote, Path.of(local), sessions, err, progress);
            }
            if (local.equals("-")) {
                session.download(remote, out);
                out.flush();
                return 0;
            }
            Path target = Path.of(local);
            if (Files.isDirectory(target)) {
                String name = RemotePaths.name(remote);
                target = LocalNames.child(target, name)
                        .orElseThrow(() -> new FtpException("the remote name \"" + name + "\" cannot be a local file name"));
            }
            RemoteEntry e = entry.get();
            progress.expectTotal(e.size());
            Download.file(session, remote, e.size(), e.modified(), target, false, progress);
            progress.finish();
            return 0;
        }
    }

    private static RemoteEntry folder(String path) {
        return new RemoteEntry(RemotePaths.name(path), EntryType.DIRECTORY, -1, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    private static int folder(CliOptions options, FtpSession session, String remoteRoot, Path localRoot,
                              SessionFactory sessions, PrintStream err, Progress progress)
            throws IOException, InterruptedException {
        Files.createDirectories(localRoot);
        List<Workers.Task> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long total = 0;
        Deque<String[]> folders = new ArrayDeque<>();
        folders.add(new String[]{remoteRoot, localRoot.toString()});
        while (!folders.isEmpty()) {
            String[] f = folders.poll();
            Path localFolder = Path.of(f[1]);
            for (RemoteEntry e : session.list(f[0])) {
                String remotePath = RemotePaths.join(f[0], e.name());
                Optional<Path> localPath = LocalNames.child(localFolder, e.name());
                if (localPath.isEmpty() || !localPath.get().getFileName().toString().equals(e.name())) {
                    if (localPath.isEmpty()) {
                        skipped.add(remotePath + " (its name cannot be a local file name)");
                        continue;
                    }
                    err.println("ferry: saving \"" + printable(e.name()) + "\" as \"" + localPath.get().getFileName() + "\"");
                }
                switch (e.type()) {
                    case DIRECTORY -> {
                        Files.createDirectories(localPath.get());
                        folders.add(new String[]{remotePath, localPath.get().toString()});
                    }
                    case FILE -> {
                        total += Math.max(0, e.size());
                        tasks.add(downloadTask(remotePath, e, localPath.get(), progress));
                    }
                    default -> skipped.add(remotePath + " (" + (e.type() == EntryType.SYMLINK ? "a symbolic link"
                            : e.type() == EntryType.UNKNOWN ? "a listing line Ferry could not read" : "not a regular file") + ")");
                }
            }
        }
        session.close();
        progress.expectTotal(total);
        List<Workers.Failure> failures = new Workers(sessions, options.parallel()).runAll(tasks, () -> progress.draw(""));
        progress.finish();
        return report(options, err, tasks.size(), skipped, failures);
    }

    private static Workers.Task downloadTask(String remotePath, RemoteEntry e, Path local, Progress progress) {
        return new Workers.Task() {
            @Override
            public String describe() {
                return remotePath;
            }

            @Override
            public void run(FtpSession session) throws IOException {
                Download.file(session, remotePath, e.size(), e.modified(), local, true, progress);
            }
        };
    }

    static int report(CliOptions options, PrintStream err, int files, List<String> skipped, List<Workers.Failure> failures) {
        if (!options.quiet()) {
            for (String s : skipped) {
                err.println("ferry: skipped " + printable(s));
            }
        }
        for (Workers.Failure f : failures) {
            err.println("ferry: " + printable(f.task()) + ": " + f.reason());
        }
        if (!failures.isEmpty()) {
            err.println("ferry: " + failures.size() + " of " + files + " files failed");
            return 1;
        }
        return 0;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

}
