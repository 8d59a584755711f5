package dev.ferry.engine.listing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a remote folder listing.
 *
 * <p>The name is exactly as the server sent it: it is untrusted and may contain spaces, control
 * characters or path separators.
 *
 * @param name        the entry's name; for an unparsed line, the line without control characters
 * @param type        what the entry is; {@link EntryType#UNKNOWN} for a line no parser understood
 * @param size        the size in bytes, or -1 when unknown
 * @param modified    the last modification time, when the listing gave one
 * @param permissions Unix permissions as nine characters (e.g. {@code rwxr-xr-x}), or the raw
 *                    {@code perm} fact of an MLSD listing
 * @param owner       owner name or numeric id
 * @param group       group name or numeric id
 * @param linkTarget  where a symlink points, when the listing says
 * @param rawLine     the listing line this entry came from
 */
public record RemoteEntry(String name, EntryType type, long size, Optional<Instant> modified,
                          Optional<String> permissions, Optional<String> owner, Optional<String> group,
                          Optional<String> linkTarget, String rawLine) {

    public RemoteEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(linkTarget, "linkTarget");
        Objects.requireNonNull(rawLine, "rawLine");
    }

    /**
     * An entry for a line no parser understood: type {@link EntryType#UNKNOWN}, and as name the line
     * without control characters ({@code "?"} when nothing visible is left).
     */
    public static RemoteEntry unparsed(String rawLine) {
        Objects.requireNonNull(rawLine, "rawLine");
        StringBuilder visible = new StringBuilder(rawLine.length());
        for (int i = 0; i < rawLine.length(); i++) {
            char c = rawLine.charAt(i);
            if (!Character.isISOControl(c)) {
                visible.append(c);
            }
        }
        String name = visible.toString().isBlank() ? "?" : visible.toString();
        return new RemoteEntry(name, EntryType.UNKNOWN, -1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), rawLine);
    }

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    public boolean isFile() {
        return type == EntryType.FILE;
    }

    public boolean isSymlink() {
        return type == EntryType.SYMLINK;
    }

    /** True when no parser understood the line this entry came from. */
    public boolean isUnparsed() {
        return type == EntryType.UNKNOWN;
    }

    public OptionalLong sizeIfKnown() {
        return size >= 0 ? OptionalLong.of(size) : OptionalLong.empty();
    }
}
