package dev.ferry.cli;

import dev.ferry.engine.Cancellation;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
        try (FtpSession session = sessions.open()) {
            String remote = url.path();
            Optional<RemoteEntry> existing = remote.isEmpty() ? Optional.of(dir()) : session.stat(remote);
            boolean intoFolder = existing.map(e -> e.type() == EntryType.DIRECTORY).orElse(false) || remote.endsWith("/");
            if (local.equals("-")) {
                if (intoFolder) {
                    throw new UsageException("uploading standard input needs a file name in the URL");
                }
                session.upload(remote, stdin);
                return 0;
            }
            String name = source.toAbsolutePath().normalize().getFileName().toString();
            String target = intoFolder ? RemotePaths.join(remote, name) : remote;
            if (Files.isDirectory(source)) {
                return folder(options, session, source, target, sessions, err, progress);
            }
            progress.expectTotal(Files.size(source));
            file(session, source, target, progress);
            progress.finish();
            return 0;
        }
    }

    private static RemoteEntry dir() {
        return new RemoteEntry("", EntryType.DIRECTORY, -1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "");
    }

    static void file(FtpSession session, Path source, String target, Progress progress) throws IOException {
        long[] last = {0};
        try (InputStream in = Files.newInputStream(source)) {
            session.upload(target, in, 0, false, done -> {
                progress.add(done - last[0]);
                last[0] = done;
            }, Cancellation.none());
        }
        if (session.canSetModificationTime()) {
            Instant modified = Files.getLastModifiedTime(source).toInstant();
            try {
                session.setModificationTime(target, modified);
            } catch (FtpReplyException ignored) {
                // the file is there; a server that will not keep the time is not a failed upload
            }
        }
    }

    private static int folder(CliOptions options, FtpSession session, Path root, String remoteRoot,
                              SessionFactory sessions, PrintStream err, Progress progress)
            throws IOException, InterruptedException {
        List<Workers.Task> tasks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long total = 0;
        ensureFolder(session, remoteRoot);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().toList();
        }
        for (Path p : paths) {
            if (p.equals(root)) {
                continue;
            }
            String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            String remotePath = RemotePaths.join(remoteRoot, relative);
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                skipped.add(p + " (a broken symbolic link)");
            } else if (Files.isDirectory(p)) {
                ensureFolder(session, remotePath);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p)) {
                long size = Files.size(p);
                total += size;
                tasks.add(uploadTask(p, remotePath, progress));
            } else {
                skipped.add(p + " (not a regular file)");
            }
        }
        session.close();
        progress.expectTotal(total);
        List<Workers.Failure> failures = new Workers(sessions, options.parallel()).runAll(tasks, () -> progress.draw(""));
        progress.finish();
        return GetCommand.report(options, err, tasks.size(), skipped, failures);
    }

    private static void ensureFolder(FtpSession session, String path) throws FtpException {
        Optional<RemoteEntry> e = session.stat(path);
        if (e.isPresent()) {
            if (e.get().type() != EntryType.DIRECTORY) {
                throw new FtpException(path + " exists on the server and is not a folder");
            }
            return;
        }
        session.mkdir(path);
    }

    private static Workers.Task uploadTask(Path source, String remotePath, Progress progress) {
        return new Workers.Task() {
            @Override
            public String describe() {
                return source.toString();
            }

            @Override
            public void run(FtpSession session) throws IOException {
                file(session, source, remotePath, progress);
            }
        };
    }
}
