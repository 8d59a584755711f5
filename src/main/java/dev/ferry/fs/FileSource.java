package dev.ferry.fs;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The small contract both commander panes work on: the local disk or a remote server. Paths are strings
 * in the source's own syntax ({@code /home/ann}, {@code C:\Users\ann}, {@code /pub/files}).
 *
 * <p>Every method blocks and may do I/O: call them from a background thread, never the FX thread. A
 * source serves one caller at a time (a remote source has one browsing connection); implementations
 * serialise calls themselves, so a second caller waits.
 */
public interface FileSource extends AutoCloseable {
    /** What the pane's header shows: "Local" or {@code ann@example.org}. */
    String displayName();

    boolean isRemote();

    /** Where the pane starts: the user's home folder, or the server's initial folder. */
    String home() throws FileSourceException;

    /** The entries of {@code folder}, without {@code .} and {@code ..}, in the source's order. */
    List<FileEntry> list(String folder) throws FileSourceException;

    /** The entry at {@code path}, or empty when nothing is there. */
    Optional<FileEntry> stat(String path) throws FileSourceException;

    /** Creates the folder {@code path}; its parent must exist. */
    void mkdir(String path) throws FileSourceException;

    /** Renames or moves {@code from} to {@code to}; never replaces an existing {@code to}. */
    void rename(String from, String to) throws FileSourceException;

    /**
     * Deletes {@code entry}; a folder with everything in it. {@code progress} hears each path as it goes;
     * {@code cancelled} is asked between entries, and a cancelled delete stops where it is.
     */
    void delete(FileEntry entry, Consumer<String> progress, BooleanSupplier cancelled) throws FileSourceException;

    /** Copies the file at {@code path} into {@code sink}; returns the bytes copied. */
    long read(String path, OutputStream sink) throws FileSourceException;

    /** Writes {@code source} to a new or replaced file at {@code path}; returns the bytes written. */
    long write(String path, InputStream source) throws FileSourceException;

    /** The folder that holds {@code path}, or empty at a root. */
    Optional<String> parent(String path);

    /**
     * The path of {@code name} inside {@code folder}. Refuses a name that would leave the folder
     * ({@code ..}, a separator, NUL, a drive letter) with a {@link FileSourceException} that says so.
     */
    String child(String folder, String name) throws FileSourceException;

    /**
     * What the user typed into the path bar, made absolute against {@code current} and tidied
     * ({@code ~}, {@code ..}, doubled separators). Does no I/O.
     */
    String normalize(String current, String typed);

    /** The roots a pane offers: drives on Windows, {@code /} elsewhere and on servers. */
    List<String> roots();

    /** Free bytes on the drive that holds {@code folder}, where the source can tell. */
    OptionalLong freeSpace(String folder);

    /** Ends the connection, if any. */
    @Override
    void close();
}
