package dev.ferry.transfer;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
        StringBuilder sb = new StringBuilder(remoteName.length());
        for (int i = 0; i < remoteName.length(); i++) {
            char c = remoteName.charAt(i);
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
