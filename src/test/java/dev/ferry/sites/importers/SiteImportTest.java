package dev.ferry.sites.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree;
import dev.ferry.sites.SiteTreeException;

class SiteImportTest {
    private static ImportItem item(String name, String folder, Optional<String> password) {
        Site site = Site.builder("placeholder-" + name).name(name).host(name.toLowerCase() + ".example").folder(folder)
                .passwordMode(PasswordMode.STORED).build();
        return new ImportItem(site, password, List.of());
    }

    private static Site only(SiteTree tree, String folder, String name) {
        return tree.sites().stream().filter(s -> s.folder().equals(folder) && s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + folder + "/" + name + " in " + tree.sites()));
    }

    @Test
    void addsTheChosenSitesInsideTheTargetFolderKeepingTheirFolders() throws Exception {
        SiteImport.Applied applied = SiteImport.apply(SiteTree.empty(),
                List.of(item("Top", "", Optional.empty()), item("Deep", "Clients/Acme", Optional.empty())),
                "Imported from FileZilla");
        assertEquals(List.of("Imported from FileZilla", "Imported from FileZilla/Clients",
                "Imported from FileZilla/Clients/Acme"), applied.tree().folders());
        only(applied.tree(), "Imported from FileZilla", "Top");
        only(applied.tree(), "Imported from FileZilla/Clients/Acme", "Deep");
    }

    @Test
    void everySiteGetsANewId() throws Exception {
        ImportItem a = item("A", "", Optional.empty());
        SiteTree once = SiteImport.apply(SiteTree.empty(), List.of(a), "").tree();
        SiteTree twice = SiteImport.apply(once, List.of(a), "").tree();
        assertEquals(2, twice.size());
        twice.sites().forEach(s -> assertNotEquals("placeholder-A", s.id()));
        assertNotEquals(twice.sites().get(0).id(), twice.sites().get(1).id());
    }

    @Test
    void namesThatClashGetANumber() throws Exception {
        SiteTree tree = SiteTree.empty().add(Site.newSite("Acme", "old.example").withFolder("Imported"));
        SiteImport.Applied applied = SiteImport.apply(tree,
                List.of(item("acme", "", Optional.empty()), item("Acme", "", Optional.empty())), "imported");
        assertEquals(List.of("Imported"), applied.tree().folders(), "the existing folder, whatever its case");
        only(applied.tree(), "Imported", "acme (2)");
        only(applied.tree(), "Imported", "Acme (3)");
    }

    @Test
    void passwordsComeBackByTheNewIdAndThoseSitesUseTheStoredPassword() throws Exception {
        SiteImport.Applied applied = SiteImport.apply(SiteTree.empty(),
                List.of(item("With", "", Optional.of("pw")), item("Without", "", Optional.empty())), "");
        Site with = only(applied.tree(), "", "With");
        Site without = only(applied.tree(), "", "Without");
        assertEquals(Map.of(with.id(), "pw"), applied.passwordsBySiteId());
        assertEquals(PasswordMode.STORED, with.passwordMode());
        assertEquals(PasswordMode.ASK, without.passwordMode(), "nothing stored, so Ferry asks");
    }

    @Test
    void nothingChosenLeavesTheTreeAsItWas() throws Exception {
        SiteTree tree = SiteTree.empty().addFolder("X");
        assertEquals(tree, SiteImport.apply(tree, List.of(), "Imported").tree());
    }

    @Test
    void refusesATargetFolderWithControlCharacters() {
        SiteTreeException e = assertThrows(SiteTreeException.class,
                () -> SiteImport.apply(SiteTree.empty(), List.of(item("A", "", Optional.empty())), "Bad\tname"));
        assertTrue(e.getMessage().contains("control characters"), e.getMessage());
    }

    @Test
    void theResultsTextNeverShowsAPassword() throws Exception {
        SiteImport.Applied applied = SiteImport.apply(SiteTree.empty(),
                List.of(item("With", "", Optional.of("hunter2"))), "");
        assertFalse(applied.toString().contains("hunter2"));
    }
}
