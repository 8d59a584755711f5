package dev.ferry.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SiteTreeTest {
    private static Site site(String id, String name, String folder) {
        return Site.builder(id).name(name).host(name.toLowerCase().replace(' ', '-') + ".example").folder(folder)
                .user("user-" + id).build();
    }

    private static List<String> names(List<Site> sites) {
        return sites.stream().map(Site::name).toList();
    }

    @Test
    void addingASiteCreatesItsFolderAndItsParents() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients/Acme"));
        assertEquals(List.of("Clients", "Clients/Acme"), tree.folders());
        assertEquals("Clients/Acme", tree.site("1").orElseThrow().folder());
    }

    @Test
    void changesLeaveTheOriginalTreeAsItWas() throws Exception {
        SiteTree before = SiteTree.empty().add(site("1", "Acme", ""));
        SiteTree after = before.removeSite("1");
        assertEquals(1, before.size());
        assertEquals(0, after.size());
        assertNotEquals(before, after);
    }

    @Test
    void refusesASecondSiteOfTheSameNameInAFolderIgnoringCase() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients"));
        SiteTreeException e = assertThrows(SiteTreeException.class, () -> tree.add(site("2", "ACME", "Clients")));
        assertEquals("A site named \"ACME\" already exists in \"Clients\".", e.getMessage());
    }

    @Test
    void allowsTheSameSiteNameInDifferentFolders() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients")).add(site("2", "Acme", "Old"));
        assertEquals(2, tree.size());
    }

    @Test
    void refusesASecondSiteWithTheSameId() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", ""));
        assertThrows(SiteTreeException.class, () -> tree.add(site("1", "Other", "")));
    }

    @Test
    void refusesABlankNameAndAMissingHost() {
        SiteTreeException blank = assertThrows(SiteTreeException.class,
                () -> SiteTree.empty().add(Site.builder("1").name("  ").host("h").build()));
        assertEquals("A site needs a name.", blank.getMessage());
        SiteTreeException noHost = assertThrows(SiteTreeException.class,
                () -> SiteTree.empty().add(Site.builder("1").name("Acme").host(" ").build()));
        assertEquals("The site \"Acme\" needs a host.", noHost.getMessage());
    }

    @Test
    void refusesControlCharactersInNames() {
        assertThrows(SiteTreeException.class, () -> SiteTree.empty().add(site("1", "Ac\u0007me", "")));
        assertThrows(SiteTreeException.class, () -> SiteTree.empty().addFolder("Cli\nents"));
    }

    @Test
    void updatingASiteWithAnotherFolderMovesIt() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "A"));
        Site moved = tree.site("1").orElseThrow().withFolder("B/C");
        tree = tree.update(moved);
        assertEquals("B/C", tree.site("1").orElseThrow().folder());
        assertTrue(tree.hasFolder("A"), "the old folder stays, empty");
    }

    @Test
    void refusesToUpdateASiteThatDoesNotExist() {
        assertThrows(SiteTreeException.class, () -> SiteTree.empty().update(site("1", "Acme", "")));
    }

    @Test
    void refusesToRenameASiteToANameTakenInItsFolder() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "")).add(site("2", "Beta", ""));
        assertThrows(SiteTreeException.class, () -> tree.renameSite("2", "acme"));
        assertEquals("Gamma", tree.renameSite("2", " Gamma ").site("2").orElseThrow().name());
    }

    @Test
    void aCopyHasANewIdTheSameSettingsAndACopyName() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients"));
        Site copy = tree.copyOf("1");
        assertNotEquals("1", copy.id());
        assertEquals("Acme (copy)", copy.name());
        assertEquals(tree.site("1").orElseThrow().toBuilder().id(copy.id()).name("Acme (copy)").build(), copy);
        tree = tree.add(copy);
        assertEquals("Acme (copy 2)", tree.copyOf("1").name());
    }

    @Test
    void movingASiteRefusesAMissingFolderAndANameClash() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "A")).add(site("2", "Acme", "B"));
        assertEquals("There is no folder \"Nowhere\".",
                assertThrows(SiteTreeException.class, () -> tree.moveSite("1", "Nowhere")).getMessage());
        assertThrows(SiteTreeException.class, () -> tree.moveSite("1", "B"));
        assertEquals("", tree.moveSite("1", "").site("1").orElseThrow().folder());
    }

    @Test
    void addingAFolderCreatesItsParentsAndRefusesADuplicateIgnoringCase() throws Exception {
        SiteTree tree = SiteTree.empty().addFolder(" Clients / Acme ");
        assertEquals(List.of("Clients", "Clients/Acme"), tree.folders());
        SiteTreeException e = assertThrows(SiteTreeException.class, () -> tree.addFolder("clients/ACME"));
        assertEquals("A folder named \"Acme\" already exists in \"Clients\".", e.getMessage());
    }

    @Test
    void aFolderTypedInAnotherCaseIsTheExistingFolder() throws Exception {
        SiteTree tree = SiteTree.empty().addFolder("Clients").add(site("1", "Acme", "clients/New"));
        assertEquals(List.of("Clients", "Clients/New"), tree.folders());
        assertEquals("Clients/New", tree.site("1").orElseThrow().folder());
        assertEquals("Clients", tree.moveSite("1", "CLIENTS").site("1").orElseThrow().folder());
    }

    @Test
    void renamingAFolderCarriesItsFoldersAndSites() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients/Acme")).add(site("2", "Top", "Clients"))
                .renameFolder("Clients", "Customers");
        assertEquals(List.of("Customers", "Customers/Acme"), tree.folders());
        assertEquals("Customers/Acme", tree.site("1").orElseThrow().folder());
        assertEquals("Customers", tree.site("2").orElseThrow().folder());
    }

    @Test
    void refusesToRenameAFolderToATakenName() throws Exception {
        SiteTree tree = SiteTree.empty().addFolder("A").addFolder("B");
        assertThrows(SiteTreeException.class, () -> tree.renameFolder("A", "b"));
    }

    @Test
    void refusesToMoveAFolderIntoItselfOrIntoAFolderInsideIt() throws Exception {
        SiteTree tree = SiteTree.empty().addFolder("A/B/C");
        SiteTreeException self = assertThrows(SiteTreeException.class, () -> tree.moveFolder("A", "A"));
        assertEquals("The folder \"A\" cannot be moved into itself or into a folder inside it.", self.getMessage());
        assertThrows(SiteTreeException.class, () -> tree.moveFolder("A", "A/B/C"));
    }

    @Test
    void movingAFolderCarriesEverythingInIt() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "A/B")).addFolder("X")
                .moveFolder("A/B", "X");
        assertEquals(List.of("A", "X", "X/B"), tree.folders());
        assertEquals("X/B", tree.site("1").orElseThrow().folder());
    }

    @Test
    void refusesToMoveAFolderWhereItsNameIsTaken() throws Exception {
        SiteTree tree = SiteTree.empty().addFolder("A/Same").addFolder("B/same");
        assertThrows(SiteTreeException.class, () -> tree.moveFolder("A/Same", "B"));
    }

    @Test
    void refusesToRemoveANonEmptyFolderWithoutConsent() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients/Acme")).add(site("2", "Beta", "Clients"));
        FolderNotEmptyException e = assertThrows(FolderNotEmptyException.class,
                () -> tree.removeFolder("Clients", false));
        assertEquals(2, e.sites());
        assertEquals(1, e.folders());
        assertEquals("The folder \"Clients\" is not empty: it holds 2 sites and 1 folder.", e.getMessage());
    }

    @Test
    void removesANonEmptyFolderWithEverythingInItWhenAskedTo() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "Acme", "Clients/Acme")).add(site("2", "Keep", "Other"))
                .removeFolder("Clients", true);
        assertEquals(List.of("Other"), tree.folders());
        assertEquals(List.of("Keep"), names(tree.sites()));
    }

    @Test
    void removesAnEmptyFolderWithoutAsking() throws Exception {
        assertEquals(List.of(), SiteTree.empty().addFolder("Empty").removeFolder("Empty", false).folders());
    }

    @Test
    void refusesToRemoveTheTopLevelOrAMissingFolder() {
        assertThrows(SiteTreeException.class, () -> SiteTree.empty().removeFolder("", true));
        assertThrows(SiteTreeException.class, () -> SiteTree.empty().removeFolder("Nope", true));
    }

    @Test
    void searchFindsNameHostOrUserIgnoringCase() throws Exception {
        SiteTree tree = SiteTree.empty()
                .add(Site.builder("1").name("Acme prod").host("ftp.acme.example").user("alice").build())
                .add(Site.builder("2").name("Beta").host("files.beta.example").user("bob").build())
                .add(Site.builder("3").name("Gamma").host("gamma.example").user("ACMEADMIN").folder("Z").build());
        assertEquals(List.of("Acme prod", "Gamma"), names(tree.search("ACME")));
        assertEquals(List.of("Beta"), names(tree.search("beta.EXAMPLE")));
        assertEquals(List.of("Beta"), names(tree.search(" bob ")));
        assertEquals(List.of(), tree.search("nothing"));
        assertEquals(3, tree.search("  ").size());
    }

    @Test
    void aFolderListsItsFoldersFirstThenItsSitesByName() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "zeta", "")).add(site("2", "Alpha", ""))
                .addFolder("Work").addFolder("home").addFolder("Work/Deep");
        List<String> shown = tree.children("").stream().map(SiteTree.Child::name).toList();
        assertEquals(List.of("home", "Work", "Alpha", "zeta"), shown);
        assertTrue(tree.children("").get(0) instanceof SiteTree.FolderChild);
    }

    @Test
    void contentsCountSitesAndFoldersAtAnyDepth() throws Exception {
        SiteTree tree = SiteTree.empty().add(site("1", "A", "X/Y")).add(site("2", "B", "X")).addFolder("X/Z");
        assertEquals(new SiteTree.Contents(2, 2), tree.contents("X"));
        assertFalse(tree.contents("X").isEmpty());
    }
}
