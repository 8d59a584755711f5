package dev.ferry.fs;

/** What a {@link FileEntry} names. */
public enum FileKind {
    FOLDER,
    FILE,
    /** A symbolic link whose target kind is not known (remote listings rarely say). */
    LINK,
    /** A device, pipe, socket, or a listing line no parser understood. */
    OTHER
}
