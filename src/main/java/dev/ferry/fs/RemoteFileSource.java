package dev.ferry.fs;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpTimeoutException;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.control.NameCodec;
import dev.ferry.engine.listing.RemoteEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A server as a {@link FileSource}, over one browsing connection ({@link FtpSession}).
 *
 * <p>Calls are serialised: a second caller waits for the first. The connection is opened by the
 * {@link Opener} on first use ({@link #connect} opens it at once) and opened again, once, when a call finds
 * it broken: closed by the server after a while of silence, reset on the way, or timed out. A transfer is
 * repeated on the new connection only when no byte of it had moved yet. A failure says what failed, with
 * the server's reply ("Cannot delete /pub/x: 550 Permission denied").
 *
 * <p>Writes are uploads ({@code STOR}): unlike local writes they are not atomic, and a broken upload may
 * leave part of the file on the server.
 */
public final class RemoteFileSource implements FileSource {
    private static final Logger log = LoggerFactory.getLogger(RemoteFileSource.class);
    private static final int SERVICE_CLOSING = 421;

    /** Opens and logs in a new browsing connection, as often as the source needs one. */
    @FunctionalInterface
    public interface Opener {
        FtpSession open() throws FtpException;
    }

    /** One step on the session; an {@link IOException} that is not an {@link FtpException} is already in words. */
    @FunctionalInterface
    private interface Step<T> {
        T run(FtpSession session) throws IOException;
    }

    private final String displayName;
    private final Opener opener;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile FtpSession session;
    private volatile ConnectionSettings settings;
    private volatile String home;
    private volatile boolean closed;

    /** A source that connects on first use; {@code displayName} is what the pane shows, such as {@code ann@example.org}. */
    public RemoteFileSource(String displayName, Opener opener) {
        this.displayName = displayName;
        this.opener = opener;
    }

    /** A source connected now, so that a refused login or an untrusted certificate shows up here. */
    public static RemoteFileSource connect(String displayName, Opener opener) throws FileSourceException {
        RemoteFileSource source = new RemoteFileSource(displayName, opener);
        source.lock.lock();
        try {
            source.session();
        } finally {
            source.lock.unlock();
        }
        return source;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    /** The settings of the connection; empty until one was opened (never after {@link #connect}). */
    public Optional<ConnectionSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** Whether the browsing connection is open now (it may still turn out broken on the next call). */
    public boolean isConnected() {
        FtpSession s = session;
        return s != null && s.isOpen();
    }

    /**
     * Sends {@code NOOP} when the connection has been silent for its keepalive interval, so that the server
     * does not close it; call it now and then from a background thread. Does nothing while another call uses
     * the connection or when none is open, and never connects. A connection found broken is dropped, to be
     * opened again by the next call.
     */
    public void keepAlive() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            FtpSession s = session;
            if (s == null || closed) {
                return;
            }
            try {
                s.keepAliveIfIdle();
            } catch (FtpException e) {
                log.debug("Keepalive to {} failed: {}", displayName, e.getMessage());
                if (isBroken(e, s)) {
                    drop(s);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String home() throws FileSourceException {
        String known = home;
        if (known != null) {
            return known;
        }
        lock.lock();
        try {
            session();
            return home;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<FileEntry> list(String folder) throws FileSourceException {
        return call("Cannot open " + folder, folder, s -> {
            List<RemoteEntry> listed = s.list(folder);
            List<FileEntry> entries = new ArrayList<>(listed.size());
            for (RemoteEntry e : listed) {
                if (!e.name().equals(".") && !e.name().equals("..")) {
                    entries.add(entry(NameCodec.readable(e.name()), RemotePaths.join(folder, e.name()), e));
                }
            }
            return entries;
        });
    }

    @Override
    public Optional<FileEntry> stat(String path) throws FileSourceException {
        return call("Cannot look at " + path, path, s -> s.stat(path)
                .map(e -> entry(path.equals("/") ? "/" : NameCodec.readable(RemotePaths.name(path)), path, e)));
    }

    static FileEntry entry(String name, String path, RemoteEntry e) {
        FileKind kind = switch (e.type()) {
            case DIRECTORY -> FileKind.FOLDER;
            case FILE -> FileKind.FILE;
            case SYMLINK -> FileKind.LINK;
            case OTHER, UNKNOWN -> FileKind.OTHER;
        };
        String owner = e.owner().map(o -> e.group().map(g -> o + ":" + g).orElse(o)).orElse("");
        return new FileEntry(name, path, kind, kind == FileKind.FOLDER ? -1 : e.size(),
                e.modified().map(Instant::toEpochMilli).orElse(-1L), e.permissions().orElse(""), owner,
                name.startsWith("."));
    }

    @Override
    public void mkdir(String path) throws FileSourceException {
        call("Cannot create folder " + path, path, s -> {
            try {
                s.mkdir(path);
            } catch (FtpReplyException e) {
                if (exists(s, path)) {
                    throw new FileSourceException("Cannot create folder " + path + ": it already exists", e);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void rename(String from, String to) throws FileSourceException {
        checkSendable("Cannot rename " + from + " to " + to, to);
        call("Cannot rename " + from + " to " + to, from, s -> {
            // Many servers replace an existing target on RNTO; a case-only change is the same file on some.
            if (!from.equalsIgnoreCase(to) && s.stat(to).isPresent()) {
                throw new FileSourceException("Cannot rename " + from + " to " + to + ": " + to + " already exists");
            }
            s.rename(from, to);
            return null;
        });
    }

    private static boolean exists(FtpSession s, String path) throws FtpException {
        try {
            return s.stat(path).isPresent();
        } catch (FtpReplyException e) {
            return false;
        }
    }

    /**
     * Deletes a file or link with {@code DELE}, or a folder with everything in it: its entries first (links
     * with {@code DELE}, never followed), then the folder itself with {@code RMD}.
     */
    @Override
    public void delete(FileEntry entry, Consumer<String> progress, BooleanSupplier cancelled)
            throws FileSourceException {
        lock.lock();
        try {
            if (entry.kind() == FileKind.FOLDER) {
                deleteFolder(entry.path(), progress, cancelled);
            } else if (!cancelled.getAsBoolean()) {
                deleteFile(entry.path(), progress);
            }
        } finally {
            lock.unlock();
        }
    }

    private void deleteFolder(String root, Consumer<String> progress, BooleanSupplier cancelled)
            throws FileSourceException {
        // Folders still to empty, deepest last; a folder is removed once everything in it is gone.
        Deque<String> toList = new ArrayDeque<>();
        Deque<String> toRemove = new ArrayDeque<>();
        toList.push(root);
        while (!toList.isEmpty()) {
            String folder = toList.pop();
            toRemove.push(folder);
            for (FileEntry child : list(folder)) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                String problem = problemWith(child.name());
                if (problem != null) {
                    throw new FileSourceException("Cannot delete " + folder + ": the server lists an entry named \""
                            + FileNames.printable(child.name()) + "\", which Ferry will not touch (" + problem + ")");
                }
                if (child.kind() == FileKind.FOLDER) {
                    toList.push(child.path());
                } else {
                    deleteFile(child.path(), progress);
                }
            }
        }
        while (!toRemove.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            String folder = toRemove.pop();
            progress.accept(folder);
            call("Cannot delete " + folder, folder, s -> {
                s.rmdir(folder);
                return null;
            });
        }
    }

    private void deleteFile(String path, Consumer<String> progress) throws FileSourceException {
        progress.accept(path);
        call("Cannot delete " + path, path, s -> {
            s.delete(path);
            return null;
        });
    }

    @Override
    public long read(String path, OutputStream sink) throws FileSourceException {
        String failure = "Cannot download " + path;
        CountingSink counted = new CountingSink(sink, failure);
        return call(failure, path, s -> s.download(path, counted), () -> counted.count == 0);
    }

    @Override
    public long write(String path, InputStream source) throws FileSourceException {
        String failure = "Cannot upload " + path;
        CountingSource counted = new CountingSource(source, failure);
        return call(failure, path, s -> s.upload(path, counted), () -> counted.count == 0);
    }

    @Override
    public Optional<String> parent(String path) {
        String p = normalize("/", path);
        return p.equals("/") ? Optional.empty() : Optional.of(RemotePaths.parent(p));
    }

    /**
     * The path of {@code name} in {@code folder}. A backslash is allowed: it is an ordinary character in
     * names on Unix servers.
     */
    @Override
    public String child(String folder, String name) throws FileSourceException {
        String problem = problemWith(name);
        if (problem != null) {
            throw new FileSourceException("The name \"" + FileNames.printable(name) + "\" cannot be used: " + problem);
        }
        return RemotePaths.join(folder, name);
    }

    static String problemWith(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "it would leave the folder";
        }
        if (name.indexOf('/') >= 0) {
            return "it contains a path separator";
        }
        if (name.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            return "it contains a line break, which FTP cannot send";
        }
        return null;
    }

    /** POSIX-style: absolute against {@code current}, {@code ~} as the server's initial folder, {@code ..} resolved. */
    @Override
    public String normalize(String current, String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            t = current;
        }
        String start = home != null ? home : "/";
        if (t.equals("~")) {
            t = start;
        } else if (t.startsWith("~/")) {
            t = start + t.substring(1);
        }
        if (!t.startsWith("/")) {
            t = current + "/" + t;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : t.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    @Override
    public List<String> roots() {
        return List.of("/");
    }

    @Override
    public OptionalLong freeSpace(String folder) {
        return OptionalLong.empty();
    }

    /** Says goodbye to the server. A call running on another thread is cut short; later calls fail. */
    @Override
    public void close() {
        closed = true;
        boolean locked = lock.tryLock();
        try {
            FtpSession s = session;
            session = null;
            if (s != null) {
                s.close();
            }
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    // ---- running a step, reconnecting once -------------------------------------------------------

    private <T> T call(String failure, String path, Step<T> step) throws FileSourceException {
        return call(failure, path, step, () -> true);
    }

    private <T> T call(String failure, String path, Step<T> step, BooleanSupplier repeatable)
            throws FileSourceException {
        checkSendable(failure, path);
        lock.lock();
        try {
            FtpSession s = session();
            try {
                return step.run(s);
            } catch (FtpException e) {
                if (!isBroken(e, s)) {
                    if (!s.isOpen()) {
                        drop(s);
                    }
                    throw failed(failure, e);
                }
                drop(s);
                if (closed || !repeatable.getAsBoolean()) {
                    throw failed(failure, e);
                }
                log.info("The connection to {} broke ({}); connecting again", displayName, e.getMessage());
            }
            FtpSession again = session();
            try {
                return step.run(again);
            } catch (FtpException e) {
                if (isBroken(e, again)) {
                    drop(again);
                }
                throw failed(failure, e);
            }
        } catch (FileSourceException e) {
            throw e;
        } catch (IOException e) {
            throw new FileSourceException(failure + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private FtpSession session() throws FileSourceException {
        FtpSession s = session;
        if (closed) {
            throw new FileSourceException("The connection to " + displayName + " is closed");
        }
        if (s != null && s.isOpen()) {
            return s;
        }
        if (s != null) {
            drop(s);
        }
        try {
            s = opener.open();
        } catch (FtpException e) {
            throw new FileSourceException("Cannot connect to " + displayName + ": " + words(e), e);
        }
        try {
            if (home == null) {
                home = s.pwd();
            }
        } catch (FtpReplyException e) {
            log.debug("{} does not say where it starts ({}); starting at /", displayName, e.getMessage());
            home = "/";
        } catch (FtpException e) {
            s.close();
            throw new FileSourceException("Cannot connect to " + displayName + ": " + words(e), e);
        }
        settings = s.settings();
        session = s;
        return s;
    }

    private void drop(FtpSession s) {
        if (session == s) {
            session = null;
        }
        s.close();
    }

    /**
     * Whether {@code e} means the connection is gone (reset, closed, timed out, or 421: the server is
     * closing it). Any other refusal is the server's answer, even where it closed the session (a file
     * transfer refused over TLS 1.3 does), and asking again on a new connection would get the same.
     */
    private static boolean isBroken(FtpException e, FtpSession s) {
        if (e instanceof FtpReplyException r && r.reply().isPresent()) {
            return r.code() == SERVICE_CLOSING;
        }
        return e instanceof FtpConnectionException || e instanceof FtpTimeoutException || !s.isOpen();
    }

    private static FileSourceException failed(String failure, FtpException e) {
        return new FileSourceException(failure + ": " + words(e), e);
    }

    /** The server's reply where there is one ("550 Permission denied"), else what went wrong. */
    private static String words(FtpException e) {
        if (e instanceof FtpReplyException r && r.reply().isPresent()) {
            return r.reply().get().toString();
        }
        return e.getMessage();
    }

    /** A line break or NUL would end the command early (the engine refuses them outright). */
    private static void checkSendable(String failure, String path) throws FileSourceException {
        if (!RemotePaths.sendable(path)) {
            throw new FileSourceException(FileNames.printable(failure)
                    + ": the path contains a line break or NUL, which FTP cannot send");
        }
    }

    /** Counts what reached the caller's stream; its failures are the caller's side and said so. */
    private static final class CountingSink extends FilterOutputStream {
        private final String failure;
        private long count;

        CountingSink(OutputStream out, String failure) {
            super(out);
            this.failure = failure;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw local(failure, "writing the copy failed", e);
            }
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw local(failure, "writing the copy failed", e);
            }
        }

        @Override
        public void close() {
            // the caller closes its own stream
        }
    }

    private static final class CountingSource extends FilterInputStream {
        private final String failure;
        private long count;

        CountingSource(InputStream in, String failure) {
            super(in);
            this.failure = failure;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw local(failure, "reading what was to be uploaded failed", e);
            }
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public void close() {
            // the caller closes its own stream
        }
    }

    private static FileSourceException local(String failure, String what, IOException e) {
        if (e instanceof FileSourceException f) {
            return f;
        }
        return new FileSourceException(failure + ": " + what + ": " + e.getMessage(), e);
    }
}
