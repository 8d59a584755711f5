package dev.ferry.sites.importers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.ferry.sites.Site;

/**
 * One site found in an import file.
 *
 * <p><b>Security warning:</b> {@code password} is the password read from the other program's file in clear. Store
 * it only in the secret vault (see {@link SiteImport.Applied#passwordsBySiteId()}), never log it, and drop the
 * item once imported. {@link #toString()} does not show it.
 *
 * @param site     the site as it would be saved; {@link Site#folder()} is the folder path inside the imported
 *                 file ("" for its top level), its id a placeholder until {@link SiteImport#apply}
 * @param password the login password, when the file held one Ferry could read
 * @param notes    what the user should know about this site in plain words (plain FTP, a password that could
 *                 not be read, a setting Ferry does not have)
 */
public record ImportItem(Site site, Optional<String> password, List<String> notes) {
    public ImportItem {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(password, "password");
        notes = List.copyOf(notes);
    }

    @Override
    public String toString() {
        return "ImportItem[" + site.name() + ", " + site.host() + ", password " + (password.isPresent() ? "included"
                : "not included") + ", notes=" + notes + "]";
    }
}
