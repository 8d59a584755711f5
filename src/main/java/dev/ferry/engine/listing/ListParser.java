package dev.ferry.engine.listing;

import java.util.List;

/** Placeholder until the listing branch lands. */
public final class ListParser {
    public List<RemoteEntry> parse(List<String> lines) {
        return lines.stream().map(RemoteEntry::unparsed).toList();
    }
}
