package dev.ferry.sites.importers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.ferry.sites.FolderPaths;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree;
import dev.ferry.sites.SiteTreeException;

/** Adds the sites a user chose from an {@link ImportPreview} to the site list. */
public final class SiteImport {
    /**
     * The site list with the imported sites, and the passwords to store in the vault for them.
     *
     * <p><b>Security warning:</b> the map holds passwords in clear. Put each into the vault
     * ({@code SiteSecrets.storePassword}) and drop the map; never log it. {@link #toString()} does not show them.
     *
     * @param tree               the new site list (save it with the site store)
     * @param passwordsBySiteId  the password of each imported site that had one, by the site's new id
     */
    public record Applied(SiteTree tree, Map<String, String> passwordsBySiteId) {
        public Applied {
            Objects.requireNonNull(tree, "tree");
            passwordsBySiteId = Map.copyOf(passwordsBySiteId);
        }

        @Override
        public String toString() {
            return "Applied[" + tree + ", " + passwordsBySiteId.size() + " passwords]";
        }
    }

    private SiteImport() {
    }

    /**
     * Adds {@code chosen} to {@code tree} inside {@code intoFolder} ("" for the top level), keeping each item's
     * folders below it and creating folders as needed. Every site gets a new id; a name already used in its
     * folder becomes "name (2)", "name (3)" and so on. A site whose password is included is set to use the stored
     * password; one without keeps its mode, "stored" becoming "ask".
     *
     * @throws SiteTreeException when {@code intoFolder} is not an acceptable folder name (a sentence to show)
     */
    public static Applied apply(SiteTree tree, List<ImportItem> chosen, String intoFolder) throws SiteTreeException {
        String base = FolderPaths.normalize(intoFolder);
        SiteTree result = tree;
        Map<String, String> passwords = new LinkedHashMap<>();
        for (ImportItem item : chosen) {
            String folder = FolderPaths.normalize(FolderPaths.child(base, FolderPaths.normalize(item.site().folder())));
            String id = Site.newId();
            PasswordMode mode = item.password().isPresent() ? PasswordMode.STORED
                    : item.site().passwordMode() == PasswordMode.STORED ? PasswordMode.ASK : item.site().passwordMode();
            Site site = item.site().toBuilder().id(id).folder(folder)
                    .name(result.uniqueSiteName(folder, item.site().name())).passwordMode(mode).build();
            result = result.add(site);
            item.password().ifPresent(p -> passwords.put(id, p));
        }
        return new Applied(result, passwords);
    }
}
