package dev.ferry.sites.importers;

import java.util.List;
import java.util.Objects;

/**
 * What an import file holds, before anything is added: the sites Ferry can import, and the entries it cannot,
 * each with the reason.
 *
 * @param source  the program the file came from ("FileZilla", "WinSCP")
 * @param items   the sites to offer, in the file's order
 * @param skipped the entries left out (SFTP sites and other protocols), with why
 */
public record ImportPreview(String source, List<ImportItem> items, List<SkippedEntry> skipped) {
    public ImportPreview {
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
    }
}
