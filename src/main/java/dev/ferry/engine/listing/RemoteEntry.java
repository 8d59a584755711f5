package dev.ferry.engine.listing;

import java.time.Instant;
import java.util.Optional;

/** Placeholder until the listing branch lands. */
public record RemoteEntry(String name, EntryType type, long size, Optional<Instant> modified,
                          Optional<String> permissions, Optional<String> owner, Optional<String> group,
                          Optional<String> linkTarget, String rawLine) {
    public static RemoteEntry unparsed(String rawLine) {
        return new RemoteEntry(rawLine, EntryType.UNKNOWN, -1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), rawLine);
    }

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    public boolean isFile() {
        return type == EntryType.FILE;
    }
}
