package dev.ferry.fs;

import java.util.Objects;

/**
 * One entry of a folder, local or remote, as a pane shows it. Small on purpose: a remote folder can hold
 * 100,000 of them.
 *
 * @param name        the entry's name as the source gave it (remote names are untrusted; show them through
 *                    {@link FileNames#printable(String)})
 * @param path        the full path in the source's own syntax
 * @param size        bytes, or -1 when unknown (and for folders)
 * @param modified    last modification in epoch milliseconds, or -1 when unknown
 * @param permissions {@code rwxr-xr-x}-style permissions or attributes, or "" when unknown
 * @param owner       owner (and group, as {@code owner:group}) where known, or ""
 * @param hidden      a dot file, or hidden by the local file system
 */
public record FileEntry(String name, String path, FileKind kind, long size, long modified, String permissions,
                        String owner, boolean hidden) {
    public FileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(owner, "owner");
    }

    public boolean isFolder() {
        return kind == FileKind.FOLDER;
    }

    /** Whether a pane opens it like a folder: folders, and links (which may point at one). */
    public boolean isBrowsable() {
        return kind == FileKind.FOLDER || kind == FileKind.LINK;
    }
}
