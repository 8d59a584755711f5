package dev.ferry.fs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The local disk as a {@link FileSource}, through {@code java.nio.file}.
 *
 * <p>Listings read one set of attributes per entry without following links (the Unix view, with owner and
 * group names looked up once per listing; else POSIX, DOS or basic attributes); a link is followed once to learn what it points at, and shows as
 * that kind (a {@link FileKind#LINK} only when it points nowhere). Writes go to a hidden temporary file
 * in the same folder that replaces the target only when complete. Nothing is shared between calls, so
 * calls from different threads may run side by side.
 */
public final class LocalFileSource implements FileSource {
    private static final Logger log = LoggerFactory.getLogger(LocalFileSource.class);
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final int BUFFER = 64 * 1024;
    private static final String TEMP_SUFFIX = ".ferry-write";
    /** One stat with numeric owner and group: looking names up for each entry would triple a listing's time. */
    private static final String UNIX_ATTRIBUTES =
            "unix:size,lastModifiedTime,isDirectory,isRegularFile,isSymbolicLink,mode,uid,gid";

    private final FileSystem fileSystem;
    private final boolean unix;
    private final boolean posix;
    private final boolean dos;
    private final String home;

    /** The default file system, starting in the user's home folder. */
    public LocalFileSource() {
        this(FileSystems.getDefault(), System.getProperty("user.home"));
    }

    LocalFileSource(FileSystem fileSystem, String home) {
        this.fileSystem = fileSystem;
        Set<String> views = fileSystem.supportedFileAttributeViews();
        this.unix = views.contains("unix") && views.contains("posix");
        this.posix = views.contains("posix");
        this.dos = !posix && views.contains("dos");
        this.home = home;
    }

    @Override
    public String displayName() {
        return "Local";
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public String home() {
        return home;
    }

    @Override
    public List<FileEntry> list(String folder) throws FileSourceException {
        Path dir = path("open", folder);
        OwnerNames names = new OwnerNames();
        List<FileEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                try {
                    entries.add(entry(p, names));
                } catch (IOException | RuntimeException e) {
                    log.debug("Skipping {} in the listing: {}", p, e.toString());
                }
            }
        } catch (DirectoryIteratorException e) {
            throw LocalErrors.failed("open", folder, e.getCause());
        } catch (IOException e) {
            throw LocalErrors.failed("open", folder, e);
        }
        return entries;
    }

    @Override
    public Optional<FileEntry> stat(String path) throws FileSourceException {
        Path p = path("look at", path);
        try {
            return Optional.of(entry(p, new OwnerNames()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw LocalErrors.failed("look at", path, e);
        }
    }

    private FileEntry entry(Path p, OwnerNames names) throws IOException {
        Attributes own = attributes(p, names, NOFOLLOW);
        Attributes shown = own;
        FileKind kind = own.kind();
        if (kind == FileKind.LINK) {
            try {
                shown = attributes(p, names);
                kind = shown.kind();
            } catch (IOException e) {
                log.trace("{} points nowhere: {}", p, e.toString());
            }
        }
        Path fileName = p.getFileName();
        String name = fileName == null ? p.toString() : fileName.toString();
        long size = kind == FileKind.FILE ? shown.size() : -1;
        boolean hidden = name.startsWith(".") || shown.dosHidden();
        return new FileEntry(name, p.toString(), kind, size, shown.modified(), shown.permissions(), shown.owner(),
                hidden);
    }

    /** What one stat of a path says, whichever view of the file system it came through. */
    private record Attributes(FileKind kind, long size, long modified, String permissions, String owner,
                              boolean dosHidden) {
    }

    private Attributes attributes(Path p, OwnerNames names, LinkOption... options) throws IOException {
        if (unix) {
            Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRIBUTES, options);
            FileKind kind = kindOf((Boolean) a.get("isDirectory"), (Boolean) a.get("isRegularFile"),
                    (Boolean) a.get("isSymbolicLink"));
            int uid = (Integer) a.get("uid");
            int gid = (Integer) a.get("gid");
            String owner = names.user(uid, () -> Files.readAttributes(p, PosixFileAttributes.class, options).owner())
                    + ":" + names.group(gid, () -> Files.readAttributes(p, PosixFileAttributes.class, options).group());
            return new Attributes(kind, (Long) a.get("size"), millis((FileTime) a.get("lastModifiedTime")),
                    UnixModes.format((Integer) a.get("mode")), owner, false);
        }
        if (posix) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, options);
            String owner = a.owner() == null ? "" : a.owner().getName();
            return new Attributes(kindOf(a), a.size(), millis(a.lastModifiedTime()),
                    PosixFilePermissions.toString(a.permissions()),
                    a.group() == null ? owner : owner + ":" + a.group().getName(), false);
        }
        if (dos) {
            DosFileAttributes a = Files.readAttributes(p, DosFileAttributes.class, options);
            String letters = (a.isReadOnly() ? "R" : "") + (a.isHidden() ? "H" : "") + (a.isSystem() ? "S" : "")
                    + (a.isArchive() ? "A" : "");
            return new Attributes(kindOf(a), a.size(), millis(a.lastModifiedTime()), letters, "", a.isHidden());
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, options);
        return new Attributes(kindOf(a), a.size(), millis(a.lastModifiedTime()), "", "", false);
    }

    private static FileKind kindOf(BasicFileAttributes a) {
        return kindOf(a.isDirectory(), a.isRegularFile(), a.isSymbolicLink());
    }

    private static FileKind kindOf(boolean directory, boolean regularFile, boolean link) {
        if (directory) {
            return FileKind.FOLDER;
        }
        if (regularFile) {
            return FileKind.FILE;
        }
        return link ? FileKind.LINK : FileKind.OTHER;
    }

    private static long millis(FileTime time) {
        return time == null ? -1 : time.toMillis();
    }

    @Override
    public void mkdir(String path) throws FileSourceException {
        Path p = path("create folder", path);
        try {
            Files.createDirectory(p);
        } catch (NoSuchFileException e) {
            throw new FileSourceException("Cannot create folder " + path + ": the folder "
                    + Optional.ofNullable(p.getParent()).map(Path::toString).orElse(path) + " does not exist", e);
        } catch (IOException e) {
            throw LocalErrors.failed("create folder", path, e);
        }
    }

    @Override
    public void rename(String from, String to) throws FileSourceException {
        Path source = path("rename", from);
        Path target = path("rename " + from + " to", to);
        String action = "rename " + from + " to";
        try {
            if (isCaseChangeOfSameFile(source, target)) {
                Path between = source.resolveSibling(source.getFileName() + "." + randomSuffix() + ".ferry-rename");
                Files.move(source, between);
                Files.move(between, target);
                return;
            }
            Files.move(source, target);
        } catch (FileAlreadyExistsException e) {
            throw new FileSourceException("Cannot rename " + from + " to " + to + ": " + to + " already exists", e);
        } catch (NoSuchFileException e) {
            String missing = Files.exists(source, NOFOLLOW) ? "the folder " + target.getParent() : from;
            throw new FileSourceException("Cannot rename " + from + " to " + to + ": " + missing + " does not exist", e);
        } catch (IOException e) {
            throw LocalErrors.failed(action, to, e);
        }
    }

    /** A rename that changes only letter case, on a file system that ignores case (Windows, macOS). */
    private static boolean isCaseChangeOfSameFile(Path source, Path target) throws IOException {
        return source.getFileName() != null && target.getFileName() != null
                && !source.getFileName().toString().equals(target.getFileName().toString())
                && source.getFileName().toString().equalsIgnoreCase(target.getFileName().toString())
                && Files.exists(target, NOFOLLOW) && Files.isSameFile(source, target);
    }

    @Override
    public void delete(FileEntry entry, Consumer<String> progress, BooleanSupplier cancelled)
            throws FileSourceException {
        Path root = path("delete", entry.path());
        try {
            // Without FOLLOW_LINKS a link (even to a folder) is visited as a file: the link goes, its target stays.
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    return remove(file);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    return remove(dir);
                }

                private FileVisitResult remove(Path p) throws IOException {
                    if (cancelled.getAsBoolean()) {
                        return FileVisitResult.TERMINATE;
                    }
                    progress.accept(p.toString());
                    try {
                        Files.delete(p);
                    } catch (NoSuchFileException gone) {
                        log.debug("{} was already gone", p);
                    } catch (IOException e) {
                        throw LocalErrors.failed("delete", p.toString(), e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw LocalErrors.failed("delete", entry.path(), e);
        }
    }

    @Override
    public long read(String path, OutputStream sink) throws FileSourceException {
        Path p = path("read", path);
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                try {
                    sink.write(buffer, 0, n);
                } catch (IOException e) {
                    throw destinationFailed(path, e);
                }
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw LocalErrors.failed("read", path, e);
        }
    }

    private static FileSourceException destinationFailed(String path, IOException e) {
        return e instanceof FileSourceException f ? f
                : new FileSourceException("Cannot copy " + path + ": writing the copy failed: " + e.getMessage(), e);
    }

    @Override
    public long write(String path, InputStream source) throws FileSourceException {
        Path target = path("write", path).toAbsolutePath();
        Path fileName = target.getFileName();
        if (fileName == null) {
            throw new FileSourceException("Cannot write " + path + ": it is a folder");
        }
        if (Files.isDirectory(target, NOFOLLOW)) {
            throw new FileSourceException("Cannot write " + path + ": it is a folder");
        }
        Path temp = target.resolveSibling("." + fileName + "." + randomSuffix() + TEMP_SUFFIX);
        boolean done = false;
        try {
            long total = 0;
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while (true) {
                    try {
                        n = source.read(buffer);
                    } catch (IOException e) {
                        throw e instanceof FileSourceException f ? f : new FileSourceException("Cannot write " + path
                                + ": reading what was to be written failed: " + e.getMessage(), e);
                    }
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    total += n;
                }
            }
            keepPermissions(target, temp);
            replace(temp, target);
            done = true;
            return total;
        } catch (NoSuchFileException e) {
            throw new FileSourceException("Cannot write " + path + ": the folder " + target.getParent()
                    + " does not exist", e);
        } catch (IOException e) {
            throw LocalErrors.failed("write", path, e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.debug("Could not remove the temporary file {}: {}", temp, e.toString());
                }
            }
        }
    }

    private void keepPermissions(Path target, Path temp) {
        if (!posix) {
            return;
        }
        try {
            PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class, NOFOLLOW);
            if (old.isRegularFile()) {
                Files.getFileAttributeView(temp, PosixFileAttributeView.class).setPermissions(old.permissions());
            }
        } catch (IOException e) {
            log.trace("{} has no permissions to keep: {}", target, e.toString());
        }
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String randomSuffix() {
        return Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
    }

    @Override
    public Optional<String> parent(String path) {
        try {
            return Optional.ofNullable(fileSystem.getPath(path).normalize().getParent()).map(Path::toString);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public String child(String folder, String name) throws FileSourceException {
        String problem = problemWith(name);
        if (problem != null) {
            throw new FileSourceException("The name \"" + FileNames.printable(name) + "\" cannot be used: " + problem);
        }
        try {
            return fileSystem.getPath(folder).resolve(name).toString();
        } catch (InvalidPathException e) {
            throw new FileSourceException("The name \"" + FileNames.printable(name) + "\" cannot be used here: "
                    + e.getReason());
        }
    }

    /** Why {@code name} may not be a local file name, or null when it may. */
    static String problemWith(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "it would leave the folder";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "it contains a path separator";
        }
        if (name.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return "it starts with a drive letter";
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public String normalize(String current, String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            return current;
        }
        String separator = fileSystem.getSeparator();
        if (t.equals("~")) {
            t = home;
        } else if (t.startsWith("~/") || t.startsWith("~" + separator)) {
            t = home + separator + t.substring(2);
        }
        try {
            Path p = fileSystem.getPath(t);
            if (!p.isAbsolute()) {
                p = fileSystem.getPath(current).resolve(p);
            }
            return p.normalize().toString();
        } catch (InvalidPathException e) {
            return typed;
        }
    }

    @Override
    public List<String> roots() {
        List<String> roots = new ArrayList<>();
        fileSystem.getRootDirectories().forEach(r -> roots.add(r.toString()));
        return roots;
    }

    @Override
    public OptionalLong freeSpace(String folder) {
        try {
            FileStore store = Files.getFileStore(fileSystem.getPath(folder));
            return OptionalLong.of(store.getUsableSpace());
        } catch (IOException | InvalidPathException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        // nothing to let go of
    }

    private Path path(String action, String path) throws FileSourceException {
        try {
            return fileSystem.getPath(path);
        } catch (InvalidPathException e) {
            throw new FileSourceException("Cannot " + action + " " + FileNames.printable(path)
                    + ": it is not a valid path (" + e.getReason() + ")", e);
        }
    }
}
