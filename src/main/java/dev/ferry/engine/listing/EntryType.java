package dev.ferry.engine.listing;

/** What kind of thing a {@link RemoteEntry} names. */
public enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    /** A device, pipe, socket or other special file. */
    OTHER,
    /** A listing line no parser understood; see {@link RemoteEntry#unparsed(String)}. */
    UNKNOWN
}
