package dev.ferry.transfer;

import dev.ferry.engine.control.NameCodec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns untrusted remote names into local file names that stay inside the chosen folder. A name with
 * {@code /}, {@code \}, {@code ..}, a drive letter, NUL or control characters never becomes a path
 * outside it: separators and control characters are replaced, names that are only dots or that
 * Windows reserves are refused.
 */
public final class LocalNames {
    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_LENGTH = 255;
    /** Windows' and macOS' disks (by default) take "A.txt" and "a.txt" for one file. */
    private static final boolean CASE_INSENSITIVE_DISK = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .matches(".*(windows|mac).*");

    private LocalNames() {
    }

    /** A remote name fit for a message or log line: control characters shown as {@code ?}. */
    public static String printable(String remoteName) {
        return dev.ferry.fs.FileNames.printable(remoteName);
    }

    /**
     * A safe version of one remote name, or empty when nothing safe is left of it (".", "..", blank).
     * Separators, drive colons and control characters become {@code _}.
     */
    public static Optional<String> sanitize(String remoteName) {
        String readable = NameCodec.readable(remoteName);
        StringBuilder sb = new StringBuilder(readable.length());
        for (int i = 0; i < readable.length(); i++) {
            char c = readable.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '<' || c == '>' || c == '"'
                    || c == '|' || c == '?' || c == '*') {
                sb.append('_');
            } else {
                sb.append(c);
            }
        }
        String name = sb.toString().strip();
        while (name.endsWith(".") && !name.chars().allMatch(ch -> ch == '.')) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.chars().allMatch(ch -> ch == '.')) {
            return Optional.empty();
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        return Optional.of(name);
    }

    /**
     * The local paths for the names of one remote folder, as {@link #child} makes them, but distinct: a
     * name that had to change never lands on another entry's name (the backslash of {@code x\y.txt} and a
     * real {@code x_y.txt}) or on one changed before it; it gets " (1)", " (2)" before its extension
     * instead. Where the local disk ignores case (Windows, macOS), names that differ only in case are kept
     * apart the same way. An element is empty where its name cannot be made safe.
     */
    public static List<Optional<Path>> children(Path folder, List<String> remoteNames) {
        boolean ignoreCase = CASE_INSENSITIVE_DISK;
        Set<String> taken = new HashSet<>();
        List<Optional<Path>> result = new ArrayList<>(remoteNames.size());
        List<Integer> changed = new ArrayList<>();
        for (String name : remoteNames) {
            Optional<Path> local = child(folder, name);
            String readable = NameCodec.readable(name);
            if (local.isPresent() && local.get().getFileName().toString().equals(readable)
                    && taken.add(key(readable, ignoreCase))) {
                result.add(local);
            } else {
                result.add(local);
                changed.add(result.size() - 1);
            }
        }
        for (int i : changed) {
            result.get(i).ifPresent(local -> {
                String name = local.getFileName().toString();
                String unique = name;
                for (int n = 1; !taken.add(key(unique, ignoreCase)); n++) {
                    unique = numbered(name, n);
                }
                result.set(i, Optional.of(local.resolveSibling(unique)));
            });
        }
        return result;
    }

    private static String key(String name, boolean ignoreCase) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /**
     * The local path for {@code remoteName} inside {@code folder}, guaranteed to be a direct child of it,
     * or empty when the name cannot be made safe.
     */
    public static Optional<Path> child(Path folder, String remoteName) {
        Optional<String> safe = sanitize(remoteName);
        if (safe.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path base = folder.toAbsolutePath().normalize();
            Path candidate = base.resolve(safe.get()).normalize();
            if (!base.equals(candidate.getParent())) {
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
