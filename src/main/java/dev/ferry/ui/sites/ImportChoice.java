package dev.ferry.ui.sites;

import java.util.List;
import java.util.Objects;

import dev.ferry.sites.importers.ImportItem;

/**
 * What the user chose in the {@link ImportPreviewDialog}: the sites to import, in the file's order, and the
 * folder to put them in ("" for the top level). Pass both to {@code SiteImport.apply}.
 *
 * <p>Security warning: the items may hold passwords in clear; see {@link ImportItem}.
 */
public record ImportChoice(List<ImportItem> items, String intoFolder) {
    public ImportChoice {
        items = List.copyOf(items);
        Objects.requireNonNull(intoFolder, "intoFolder");
    }
}
