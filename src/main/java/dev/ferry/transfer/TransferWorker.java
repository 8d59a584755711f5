package dev.ferry.transfer;

import dev.ferry.engine.ChecksumAlgorithm;
import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.RemoteChecksum;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.TransferCancelledException;
import dev.ferry.engine.TransferListener;
import dev.ferry.engine.control.NameCodec;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.fs.LocalErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * One worker thread of the queue: takes the next item, runs it on a pooled session, reports how it
 * went. Downloads go to {@code name.ferry-part} and are renamed when complete and verified; a
 * broken transfer is tried again and continues where it stopped.
 */
final class TransferWorker implements Runnable {
    static final String PART_SUFFIX = ".ferry-part";
    private static final String UNSENDABLE = "a name with a line break or NUL in it cannot be sent to an FTP server";
    /** Made on first use: a command-line run that logs nothing need not start the logging system. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(TransferWorker.class);
    }

    private final TransferQueue queue;
    private final ConnectionPool pool;
    private final SpeedLimit limit;
    private final StallWatchdog watchdog;
    private final int index;

    TransferWorker(TransferQueue queue, ConnectionPool pool, SpeedLimit limit, StallWatchdog watchdog, int index) {
        this.queue = queue;
        this.pool = pool;
        this.limit = limit;
        this.watchdog = watchdog;
        this.index = index;
    }

    @Override
    public void run() {
        try {
            Optional<TransferItem> next;
            while ((next = queue.take(index)).isPresent()) {
                run(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(TransferItem item) {
        FtpSession session = null;
        try {
            session = pool.acquire(item.site);
            if (!queue.report(item, TransferState.RUNNING, null)) {
                pool.release(item.site, session);
                queue.stopped(item);
                return;
            }
            if (item.folder) {
                expand(session, item);
            } else if (item.direction == TransferDirection.DOWNLOAD) {
                download(session, item);
            } else {
                upload(session, item);
            }
            pool.release(item.site, session);
        } catch (TransferCancelledException e) {
            if (item.stopAs == TransferState.CANCELLED && item.direction == TransferDirection.UPLOAD && !item.folder) {
                removePartialUpload(session, item);
            }
            pool.release(item.site, session);
            whenStopped(item);
        } catch (FtpException e) {
            // No session when connecting failed (a wrong password, a refused certificate): nothing to give back.
            if (session != null) {
                if (e instanceof FtpConnectionException || e instanceof dev.ferry.engine.FtpTimeoutException
                        || !session.isOpen()) {
                    pool.discard(session);
                } else {
                    pool.release(item.site, session);
                }
            }
            if (item.stopAs != null) {
                whenStopped(item);
            } else if (e.isRetryable()) {
                queue.retryOrFail(item, e.getMessage());
            } else {
                queue.report(item, TransferState.FAILED, e.getMessage());
            }
        } catch (IOException local) {
            if (session != null) {
                pool.release(item.site, session);
            }
            if (item.stopAs != null) {
                whenStopped(item);
            } else {
                queue.report(item, TransferState.FAILED, describeLocal(local));
            }
        } catch (RuntimeException | InterruptedException e) {
            pool.discard(session);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Log.LOG.warn("transfer {} failed unexpectedly", item.remotePath, e);
            queue.report(item, TransferState.FAILED, "unexpected error: " + e);
        }
    }

    /** A cancelled upload leaves no partial file on the server (where the server lets us remove it). */
    private static void removePartialUpload(FtpSession session, TransferItem item) {
        try {
            if (session.isOpen()) {
                session.delete(item.remotePath);
            }
        } catch (FtpException e) {
            Log.LOG.warn("cannot remove the partial upload {}: {}", item.remotePath, e.getMessage());
        }
        item.bytesDone.set(0);
    }

    private void whenStopped(TransferItem item) {
        if (item.stopAs == TransferState.CANCELLED && item.direction == TransferDirection.DOWNLOAD && !item.folder) {
            try {
                Files.deleteIfExists(partOf(Path.of(item.localPath)));
            } catch (IOException e) {
                Log.LOG.warn("cannot remove the part file of a cancelled download: {}", e.getMessage());
            }
            item.bytesDone.set(0);
        }
        queue.stopped(item);
    }

    // ---- downloads -----------------------------------------------------------------------------

    private void download(FtpSession session, TransferItem item) throws IOException, InterruptedException {
        Path target = Path.of(item.localPath);
        long size = item.size;
        Optional<Instant> modified = item.remote.modified() >= 0
                ? Optional.of(Instant.ofEpochMilli(item.remote.modified())) : Optional.empty();
        boolean listed = item.remote.known() && item.remote.exists() && item.attempts == 1;
        if (size < 0 || !listed && queue.options().keepTimestamps()) {
            Optional<RemoteEntry> entry = session.stat(item.remotePath);
            if (entry.isEmpty()) {
                throw new FtpReplyException("RETR " + item.remotePath,
                        new dev.ferry.engine.FtpReply(550, List.of("550 no such file on the server")));
            }
            size = entry.get().size();
            modified = entry.get().modified();
            item.size = size;
        }
        Path part = partOf(target);
        if (Files.exists(target) && !Files.exists(part)) {
            FileExistsPolicy policy = decide(item, Files.size(target), Files.getLastModifiedTime(target).toMillis(),
                    size, modified.map(Instant::toEpochMilli).orElse(-1L));
            switch (policy) {
                case SKIP -> {
                    finishSkipped(item, size, "skipped: the local file exists");
                    return;
                }
                case RESUME -> {
                    long have = Files.size(target);
                    boolean changed = changedSince(modified.map(Instant::toEpochMilli).orElse(-1L),
                            Files.getLastModifiedTime(target).toMillis());
                    if (have == size && !changed) {
                        finishSkipped(item, size, "skipped: the local file is already complete");
                        return;
                    }
                    if (have < size && !changed) {
                        Files.move(target, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                    // else: changed on the server since, or longer: the part file replaces it at the end
                }
                case RENAME -> target = uniqueLocal(target);
                default -> {
                    // overwrite: the part file replaces the target at the end
                }
            }
        }
        long offset = 0;
        if (Files.exists(part)) {
            long have = Files.size(part);
            // A part file from before this item's first try may hold the start of an older version: continuing
            // it would join two versions. (Tries of this item continue what they wrote, whatever the clocks say.)
            boolean older = item.attempts == 1 && changedSince(modified.map(Instant::toEpochMilli).orElse(-1L),
                    Files.getLastModifiedTime(part).toMillis());
            if (older) {
                queue.note(item, "the file changed on the server since the part file was written: downloading it again");
            } else if (size >= 0 && have <= size && session.features().supportsResume()) {
                offset = have;
            }
        }
        createFolders(target.toAbsolutePath().getParent());
        item.bytesDone.set(offset);
        if (size < 0 || offset < size || size == 0) {
            long start = offset;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                session.download(item.remotePath, offset, out, progress(item, start), item.cancellation);
            } catch (FtpReplyException refused) {
                // Nothing came (a file one may not read): no empty part file is left behind.
                if (offset == 0 && Files.size(part) == 0) {
                    Files.deleteIfExists(part);
                }
                throw refused;
            }
            prepareNext(session, item);
        }
        long got = Files.size(part);
        if (size >= 0 && got != size) {
            acceptChangedSize(session, item, got, size);
        }
        verify(session, item, part);
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (queue.options().keepTimestamps() && modified.isPresent()) {
            Files.setLastModifiedTime(target, FileTime.from(modified.get()));
        }
        item.bytesDone.set(got);
        queue.report(item, TransferState.DONE, null);
    }

    /**
     * A download the server finished at another size than expected. More bytes: the file grew since it was
     * listed (a log file), and all of it came. Fewer: either it shrank, and the server's size now says so,
     * or the transfer broke off early, and the next try resumes it.
     */
    private void acceptChangedSize(FtpSession session, TransferItem item, long got, long expected)
            throws FtpException {
        if (got < expected) {
            long now;
            try {
                now = session.stat(item.remotePath).map(RemoteEntry::size).orElse(-1L);
            } catch (FtpReplyException e) {
                now = -1;
            }
            if (now != got) {
                if (now >= 0) {
                    item.size = now;
                }
                throw new FtpConnectionException("the download of " + item.remotePath + " ended at " + got + " of "
                        + (now >= 0 ? now : expected) + " bytes", null);
            }
        }
        item.size = got;
        queue.note(item, "the file changed on the server: listed at " + expected + " bytes, received " + got);
    }

    /**
     * Whether the source was changed after the target was written, so the target (complete or not) is an
     * older version: newer by more than 2 s, which a FAT disk's or a listing's whole seconds may lose.
     * Unknown times ({@code -1}) say no, as before they were compared.
     */
    static boolean changedSince(long sourceModified, long targetModified) {
        return sourceModified >= 0 && targetModified >= 0 && sourceModified - targetModified > 2000;
    }

    /** For "overwrite if newer": beyond the seconds a listing drops; with a time unknown, the known one is newer. */
    private static boolean isNewer(long sourceModified, long targetModified) {
        return sourceModified < 0 || targetModified < 0 ? sourceModified > targetModified
                : changedSince(sourceModified, targetModified);
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    private static Path uniqueLocal(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            Path candidate = target.resolveSibling(base + " (" + i + ")" + ext);
            if (!Files.exists(candidate) && !Files.exists(partOf(candidate))) {
                return candidate;
            }
        }
    }

    /** With more files of this site waiting, the next one's data port is asked for while this one is checked. */
    private void prepareNext(FtpSession session, TransferItem item) {
        if (queue.hasQueued(item.site)) {
            session.prepareNextTransfer();
        }
    }

    // ---- uploads -------------------------------------------------------------------------------

    private void upload(FtpSession session, TransferItem item) throws IOException, InterruptedException {
        if (!RemotePaths.sendable(item.remotePath)) {
            throw new FtpException(UNSENDABLE);
        }
        Path source = Path.of(item.localPath);
        long size = Files.size(source);
        item.size = size;
        String remote = item.remotePath;
        FileExistsPolicy configured = policyOf(item);
        boolean resuming = item.attempts > 1 || item.bytesDone.get() > 0;
        long offset = 0;
        if (configured != FileExistsPolicy.OVERWRITE || resuming) {
            Optional<RemoteEntry> existing = !resuming && item.remote.known()
                    ? hinted(remote, item.remote) : session.stat(remote);
            if (existing.isPresent() && existing.get().type() == EntryType.DIRECTORY) {
                throw new FtpReplyException("STOR " + remote, new dev.ferry.engine.FtpReply(553,
                        List.of("553 a folder of that name exists on the server")));
            }
            if (existing.isPresent()) {
                long remoteSize = existing.get().size();
                long remoteModified = existing.get().modified().map(Instant::toEpochMilli).orElse(-1L);
                long localModified = Files.getLastModifiedTime(source).toMillis();
                FileExistsPolicy policy = resuming ? FileExistsPolicy.RESUME
                        : decide(item, remoteSize, remoteModified, size, localModified);
                switch (policy) {
                    case SKIP -> {
                        finishSkipped(item, size, "skipped: the remote file exists");
                        return;
                    }
                    case RESUME -> {
                        // Changed here since the server's copy was written: that copy is an older version.
                        boolean changed = !resuming && changedSince(localModified, remoteModified);
                        if (changed && item.remote.known() && session.features().supports("MDTM")) {
                            // A LIST gives minutes (days for older files), which makes any copy look older
                            // than a file changed the same minute: the server's own clock, to the second, decides.
                            remoteModified = session.modificationTime(remote).map(Instant::toEpochMilli)
                                    .orElse(remoteModified);
                            changed = changedSince(localModified, remoteModified);
                        }
                        if (remoteSize == size && !resuming && !changed) {
                            finishSkipped(item, size, "skipped: the remote file is already complete");
                            return;
                        }
                        if (!changed && remoteSize >= 0 && remoteSize <= size && session.features().supportsResume()) {
                            offset = remoteSize;
                        }
                    }
                    case RENAME -> remote = uniqueRemote(session, remote);
                    default -> {
                        // overwrite
                    }
                }
            }
        }
        item.bytesDone.set(offset);
        if (offset < size || size == 0) {
            // Opening the data connection counts against the limit too, hence twice the read timeout.
            try (InputStream in = Files.newInputStream(source);
                 StallWatchdog.Watch watch = watchdog.watch(item.cancellation, session.settings().readTimeout().multipliedBy(2))) {
                in.skipNBytes(offset);
                long ended = offset + session.upload(remote, in, offset, false, progress(item, offset, watch),
                        item.cancellation);
                if (ended != size) {
                    queue.note(item, "the local file changed while it was sent: " + size + " bytes when the upload "
                            + "began, " + ended + " sent");
                    size = ended;
                    item.size = ended;
                }
            }
            prepareNext(session, item);
        }
        Optional<FtpSession.Sent> timeSet = Optional.empty();
        if (queue.options().keepTimestamps() && session.canSetModificationTime()) {
            timeSet = Optional.of(session.setModificationTimeAhead(remote, Files.getLastModifiedTime(source).toInstant()));
        }
        if (queue.options().verify() && session.features().supports("SIZE")) {
            long there = session.size(remote).orElse(-1);
            if (there != size) {
                throw new FtpConnectionException("the server has " + there + " of " + size + " bytes of " + remote
                        + " after the upload", null);
            }
        }
        verifyUpload(session, item, source, remote);
        if (timeSet.isPresent()) {
            try {
                timeSet.get().confirm();
            } catch (FtpReplyException e) {
                queue.note(item, "the server did not keep the modification time: " + e.reply().orElseThrow());
            }
        }
        item.bytesDone.set(size);
        queue.report(item, TransferState.DONE, null);
    }

    private static Optional<RemoteEntry> hinted(String remote, NewTransfer.RemoteHint hint) {
        if (!hint.exists()) {
            return Optional.empty();
        }
        return Optional.of(new RemoteEntry(RemotePaths.name(remote), EntryType.FILE, hint.size(),
                hint.modified() >= 0 ? Optional.of(Instant.ofEpochMilli(hint.modified())) : Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
    }

    private static String uniqueRemote(FtpSession session, String remote) throws FtpException {
        String folder = RemotePaths.parent(remote);
        String name = RemotePaths.name(remote);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            String candidate = RemotePaths.join(folder, base + " (" + i + ")" + ext);
            if (session.stat(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    // ---- folders -------------------------------------------------------------------------------

    private void expand(FtpSession session, TransferItem item) throws IOException {
        List<NewTransfer> children = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        if (item.direction == TransferDirection.DOWNLOAD) {
            Path folder = Path.of(item.localPath);
            createFolders(folder);
            List<RemoteEntry> listing = session.list(item.remotePath);
            List<Optional<Path>> locals = LocalNames.children(folder, listing.stream().map(RemoteEntry::name).toList());
            for (int i = 0; i < listing.size(); i++) {
                RemoteEntry e = listing.get(i);
                String remote = RemotePaths.join(item.remotePath, e.name());
                Optional<Path> local = locals.get(i);
                if (local.isEmpty()) {
                    skipped.add(LocalNames.printable(e.name()) + " (cannot be a local file name)");
                    continue;
                }
                if (!local.get().getFileName().toString().equals(NameCodec.readable(e.name()))) {
                    renamed.add("\"" + LocalNames.printable(e.name()) + "\" as \"" + local.get().getFileName() + "\"");
                }
                switch (e.type()) {
                    case DIRECTORY -> children.add(NewTransfer.downloadFolder(item.site, remote, local.get()));
                    case FILE -> children.add(NewTransfer.download(item.site, remote, local.get(),
                            NewTransfer.RemoteHint.present(e.size(), e.modified().map(Instant::toEpochMilli).orElse(-1L))));
                    default -> skipped.add(LocalNames.printable(e.name()) + (e.type() == EntryType.SYMLINK ? " (a symbolic link)"
                            : " (not a regular file)"));
                }
            }
        } else {
            Path folder = Path.of(item.localPath);
            if (!RemotePaths.sendable(item.remotePath)) {
                throw new FtpException(UNSENDABLE);
            }
            boolean created = ensureRemoteFolder(session, item.remotePath, item.remote);
            java.util.Map<String, RemoteEntry> there = new java.util.HashMap<>();
            if (!created) {
                for (RemoteEntry e : session.list(item.remotePath)) {
                    there.put(e.name(), e);
                }
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(folder)) {
                entries = list.sorted().toList();
            }
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!RemotePaths.sendable(name)) {
                    skipped.add(LocalNames.printable(name) + " (" + UNSENDABLE + ")");
                    continue;
                }
                String remote = RemotePaths.join(item.remotePath, name);
                if (Files.isDirectory(p) && Files.isSymbolicLink(p) && leadsBack(p)) {
                    skipped.add(LocalNames.printable(name) + " (a link to a folder it is in: following it would never end)");
                } else if (Files.isDirectory(p)) {
                    children.add(NewTransfer.uploadFolder(item.site, p, remote,
                            created ? NewTransfer.RemoteHint.ABSENT : folderHint(there.get(p.getFileName().toString()))));
                } else if (Files.isRegularFile(p)) {
                    NewTransfer.RemoteHint hint = NewTransfer.RemoteHint.of(Optional.ofNullable(there.get(p.getFileName().toString())));
                    children.add(NewTransfer.upload(item.site, p, remote, Files.size(p), hint));
                } else {
                    skipped.add(LocalNames.printable(name) + (Files.isSymbolicLink(p) && !Files.exists(p)
                            ? " (a link to something that is not there)" : " (not a regular file)"));
                }
            }
        }
        queue.addChildren(item.id, children);
        List<String> notes = new ArrayList<>();
        if (!renamed.isEmpty()) {
            notes.add("saved " + String.join(", ", renamed));
        }
        if (!skipped.isEmpty()) {
            notes.add("skipped " + String.join(", ", skipped));
        }
        if (!notes.isEmpty()) {
            queue.note(item, String.join("; ", notes));
        }
        queue.report(item, TransferState.DONE, null);
    }

    /** Whether the folder link {@code link} leads to a folder it is in, its own or one further up. */
    private static boolean leadsBack(Path link) throws IOException {
        Path target = link.toRealPath();
        for (Path up = link.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (up.toRealPath().equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** What a folder's listing says of a sub-folder to upload (see {@link NewTransfer#uploadFolder}). */
    private static NewTransfer.RemoteHint folderHint(RemoteEntry listed) {
        if (listed == null) {
            return NewTransfer.RemoteHint.ABSENT;
        }
        return listed.type() == EntryType.DIRECTORY ? NewTransfer.RemoteHint.present(-1, -1) : NewTransfer.RemoteHint.UNKNOWN;
    }

    /**
     * Makes sure the remote folder exists; true when it had to be created. What the parent's listing
     * said is trusted: a folder listed there is not asked about again, and one known to be absent is
     * created at once (and only checked if that fails: made meanwhile, or by an earlier try).
     */
    private static boolean ensureRemoteFolder(FtpSession session, String path, NewTransfer.RemoteHint hint)
            throws FtpException {
        FtpReplyException refused = null;
        if (hint.known() && hint.exists()) {
            return false;
        }
        if (hint.known()) {
            try {
                session.mkdir(path);
                return true;
            } catch (FtpReplyException mkdirRefused) {
                if (!mkdirRefused.reply().orElseThrow().isPermanentFailure()) {
                    throw mkdirRefused;
                }
                refused = mkdirRefused;
            }
        }
        Optional<RemoteEntry> e = session.stat(path);
        if (e.isEmpty()) {
            if (refused != null) {
                throw refused;
            }
            session.mkdir(path);
            return true;
        }
        if (e.get().type() != EntryType.DIRECTORY) {
            throw new FtpReplyException("MKD " + path, new dev.ferry.engine.FtpReply(553,
                    List.of("553 a file of that name exists on the server")));
        }
        return false;
    }

    // ---- shared --------------------------------------------------------------------------------

    private TransferListener progress(TransferItem item, long offset) {
        return progress(item, offset, null);
    }

    private TransferListener progress(TransferItem item, long offset, StallWatchdog.Watch watch) {
        long[] last = {0};
        return done -> {
            long delta = done - last[0];
            last[0] = done;
            item.bytesDone.set(offset + done);
            queue.progress(delta);
            if (watch == null) {
                limit.take(delta);
                return;
            }
            watch.held(true);
            try {
                limit.take(delta);
            } finally {
                watch.held(false);
            }
        };
    }

    private void verify(FtpSession session, TransferItem item, Path local) throws IOException {
        if (!queue.options().verify()) {
            return;
        }
        Optional<ChecksumAlgorithm> algorithm = session.checksumAlgorithm();
        if (algorithm.isEmpty()) {
            return;
        }
        queue.report(item, TransferState.VERIFYING, null);
        Optional<RemoteChecksum> remote = serverChecksum(session, item, item.remotePath);
        if (remote.isEmpty()) {
            return;
        }
        String mine = LocalChecksums.of(local, remote.get().algorithm());
        if (!mine.equals(remote.get().hex())) {
            Files.deleteIfExists(local);
            item.bytesDone.set(0);
            throw new FtpException("checksum mismatch: the server's " + remote.get().algorithm().hashName() + " of "
                    + item.remotePath + " is " + remote.get().hex() + ", the downloaded file's is " + mine
                    + "; the download was discarded");
        }
    }

    private void verifyUpload(FtpSession session, TransferItem item, Path source, String remote) throws IOException {
        if (!queue.options().verify() || session.checksumAlgorithm().isEmpty()) {
            return;
        }
        queue.report(item, TransferState.VERIFYING, null);
        Optional<RemoteChecksum> there = serverChecksum(session, item, remote);
        if (there.isPresent()) {
            String mine = LocalChecksums.of(source, there.get().algorithm());
            if (!mine.equals(there.get().hex())) {
                throw new FtpException("checksum mismatch after uploading " + remote + ": the server's "
                        + there.get().algorithm().hashName() + " is " + there.get().hex() + ", the local file's is " + mine);
            }
        }
    }

    /** The server's checksum; a server that offers one and then refuses it is noted, not a failed transfer. */
    private Optional<RemoteChecksum> serverChecksum(FtpSession session, TransferItem item, String path) throws FtpException {
        try {
            return session.checksum(path);
        } catch (FtpReplyException e) {
            if (e.isRetryable()) {
                throw e;
            }
            queue.note(item, "not verified: the server offers a checksum but refused it (" + e.reply().orElseThrow() + ")");
            return Optional.empty();
        }
    }

    private FileExistsPolicy decide(TransferItem item, long targetSize, long targetModified, long sourceSize,
                                    long sourceModified) throws InterruptedException, IOException {
        FileExistsPolicy policy = policyOf(item);
        if (policy == FileExistsPolicy.ASK && queue.rememberedAnswer() != null) {
            policy = queue.rememberedAnswer();
        }
        if (policy == FileExistsPolicy.ASK) {
            queue.report(item, TransferState.WAITING_FOR_USER, null);
            try {
                UserPrompt.FileExistsAnswer answer = queue.options().prompt().fileExists(item.snapshot(),
                        new UserPrompt.ExistingTarget(targetSize, targetModified, sourceSize, sourceModified)).get();
                policy = answer.policy();
                if (answer.applyToAll()) {
                    queue.rememberAnswer(policy);
                }
            } catch (ExecutionException e) {
                throw new IOException("the question about an existing file was not answered: " + e.getCause(), e);
            }
            queue.report(item, TransferState.RUNNING, null);
        }
        return switch (policy) {
            case OVERWRITE_IF_NEWER -> isNewer(sourceModified, targetModified) ? FileExistsPolicy.OVERWRITE
                    : FileExistsPolicy.SKIP;
            case OVERWRITE_IF_SIZE_DIFFERS -> sourceSize != targetSize ? FileExistsPolicy.OVERWRITE : FileExistsPolicy.SKIP;
            case ASK -> FileExistsPolicy.SKIP;
            default -> policy;
        };
    }

    /** The item's own answer to "the target exists", else the queue's. */
    private FileExistsPolicy policyOf(TransferItem item) {
        return item.fileExists != null ? item.fileExists : queue.options().fileExists();
    }

    private void finishSkipped(TransferItem item, long size, String why) {
        item.bytesDone.set(Math.max(0, size));
        queue.note(item, why);
        queue.report(item, TransferState.DONE, null);
    }

    static String describeLocal(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (LocalErrors.isDiskFull(e)) {
            return "the disk is full: " + (e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason() : e.getMessage());
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + LocalErrors.reason(f.getFile(), e);
        }
        return "local file error: " + LocalErrors.reason("", e);
    }

    /** Creates {@code folder} and those above it; a file where a folder should be is said in words. */
    private static void createFolders(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(e.getFile(), null, "a file of that name is in the way of the folder");
        }
    }

}
