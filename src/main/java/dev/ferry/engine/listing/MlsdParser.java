package dev.ferry.engine.listing;

import java.util.List;
import java.util.Optional;

/** Placeholder until the listing branch lands. */
public final class MlsdParser {
    public static List<RemoteEntry> parse(List<String> lines) {
        return lines.stream().map(RemoteEntry::unparsed).toList();
    }

    public static Optional<RemoteEntry> parseLine(String line) {
        return Optional.empty();
    }
}
