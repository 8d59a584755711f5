package dev.ferry.ui.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree;
import dev.ferry.testsupport.FtpsServerExtension;

@ExtendWith(ApplicationExtension.class)
class SiteManagerDialogTest {
    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    Path dir;

    private Stage stage;
    private SiteManagerHarness h;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SiteManagerHarness.showOwner(stage);
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private SiteManagerHarness harness(FxRobot robot) {
        h = new SiteManagerHarness(stage, robot, dir);
        return h;
    }

    private static Site site(String id, String name, String folder, String host) {
        return Site.newSite(id, name, host).toBuilder().folder(folder).user("ann").passwordMode(PasswordMode.ASK).build();
    }

    private static SiteTree sample() throws Exception {
        return SiteTree.of(List.of(site("a", "Acme", "Clients", "ftp.acme.example"),
                site("b", "Beta", "Clients", "ftp.beta.example"), site("h", "Home", "", "nas.local")),
                List.of("Clients", "Archive"));
    }

    @Test
    void aNewFolderAndANewSiteInItAreShownAndSavedToSitesJson(FxRobot robot) throws Exception {
        harness(robot).open(server);
        robot.clickOn("#sites-new-folder");
        h.answerName("Work");
        assertTrue(h.shown().contains("  Work"), h.shown().toString());

        robot.clickOn("#sites-new-site");
        SiteManagerHarness.await(() -> h.shows("#session-name"), "the session dialog");
        assertEquals("Save", robot.lookup("#session-accept").queryButton().getText());
        h.paste("#session-name", "Intranet");
        h.paste("#session-host", "ftp.intranet.example");
        h.paste("#session-user", "bob");
        robot.clickOn("#session-password-ask");
        robot.clickOn("#session-accept");
        SiteManagerHarness.await(() -> h.shown().contains("    Intranet"), "the new site in the tree");

        SiteTree saved = h.onDisk();
        Site intranet = saved.sites().get(0);
        assertEquals("Intranet", intranet.name());
        assertEquals("Work", intranet.folder(), "a new site goes into the selected folder");
        assertEquals("ftp.intranet.example", intranet.host());
        assertEquals(PasswordMode.ASK, intranet.passwordMode());
        assertEquals("Intranet", h.text("#summary-title"));
        assertEquals("ftp.intranet.example", h.text("#summary-host"));
    }

    @Test
    void f2RenamesTheSelectedSiteAndTheNewNameIsSaved(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        h.select("site:a");
        robot.type(KeyCode.F2);
        h.answerName("Acme Corp");
        assertTrue(h.shown().contains("    Acme Corp"), h.shown().toString());
        assertEquals("Acme Corp", h.onDisk().site("a").orElseThrow().name());
    }

    @Test
    void duplicateAddsACopyBesideTheOriginal(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        h.select("site:h");
        robot.clickOn("#sites-duplicate");
        assertTrue(h.shown().contains("  Home (copy)"), h.shown().toString());
        SiteTree saved = h.onDisk();
        assertEquals(4, saved.size());
        Site copy = saved.sites().stream().filter(s -> s.name().equals("Home (copy)")).findFirst().orElseThrow();
        assertEquals("nas.local", copy.host());
        assertEquals("Home (copy)", h.text("#summary-title"), "the copy is selected");
    }

    @Test
    void deletingAFolderAsksFirstNamingItAndTheSitesInIt(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        h.select("folder:Clients");
        robot.type(KeyCode.DELETE);
        SiteManagerHarness.await(() -> h.shows("#sites-delete-confirm"), "the confirmation");
        String question = robot.lookup("#sites-delete-confirm .header-panel .label").queryLabeled().getText();
        assertEquals("Delete the folder \"Clients\" and the 2 sites in it?", question);
        robot.clickOn(robot.lookup("#sites-delete-confirm .button").match(
                n -> ((javafx.scene.control.Button) n).getText().equals("Cancel")).queryButton());
        assertEquals(3, h.onDisk().size(), "cancel deletes nothing");

        robot.type(KeyCode.DELETE);
        SiteManagerHarness.await(() -> h.shows("#sites-delete-confirm"), "the confirmation");
        robot.clickOn("#sites-delete-accept");
        SiteManagerHarness.await(() -> !h.shown().contains("  Clients"), "the folder to go");
        SiteTree saved = h.onDisk();
        assertEquals(List.of("h"), saved.sites().stream().map(Site::id).toList());
        assertEquals(List.of("Archive"), saved.folders());
    }

    @Test
    void theSearchFieldKeepsOnlyMatchingSitesAndTheirFolders(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        robot.clickOn("#sites-search").write("beta");
        assertEquals(List.of(SiteTreeItems.ROOT_NAME, "  Clients", "    Beta"), h.shown());
        assertEquals("Beta", h.text("#summary-title"), "the first match is selected");
        h.paste("#sites-search", "");
        assertEquals(6, h.shown().size(), h.shown().toString());
    }

    @Test
    void draggingASiteOntoAFolderMovesItThere(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        robot.drag(h.cell("site:h"), MouseButton.PRIMARY).dropTo(h.cell("folder:Archive"));
        SiteManagerHarness.await(() -> h.model.treeProperty().get().site("h").orElseThrow().folder().equals("Archive"),
                "the site to move");
        assertEquals("Archive", h.onDisk().site("h").orElseThrow().folder());
        assertTrue(h.shown().contains("    Home"), h.shown().toString());
    }

    @Test
    void enterOnASiteClosesTheManagerAndConnectsToIt(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        h.select("site:b");
        robot.type(KeyCode.ENTER);
        assertEquals(List.of("b"), h.connected.stream().map(Site::id).toList());
        assertFalse(h.dialog.stage().isShowing());
    }

    @Test
    void doubleClickOnASiteConnectsToIt(FxRobot robot) throws Exception {
        harness(robot).seed(sample()).open(server);
        robot.doubleClickOn(h.cell("site:h"));
        assertEquals(List.of("h"), h.connected.stream().map(Site::id).toList());
    }

    @Test
    void aSitesJsonThatCannotBeReadIsReportedAndNotOverwrittenUntilTheUserStartsFresh(FxRobot robot) throws Exception {
        byte[] broken = "{\"version\": 1, \"sites\": [ oops".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("sites.json"), broken);
        harness(robot).open(server);
        assertTrue(h.shows("#sites-banner"));
        assertTrue(h.text("#sites-problem").startsWith("sites.json could not be read"), h.text("#sites-problem"));
        assertTrue(robot.lookup("#sites-new-site").queryButton().isDisabled(), "no change until the user chooses");
        assertTrue(robot.lookup("#sites-new-folder").queryButton().isDisabled());
        java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean(true);
        robot.interact(() -> added.set(h.model.addFolder("", "Work").isPresent()));
        assertFalse(added.get(), "the model refuses changes too");
        h.waitForSaves();
        assertFalse(Files.exists(dir.resolve("sites.json")), "nothing written in its place");
        Path kept = brokenCopy();
        assertEquals(new String(broken, StandardCharsets.UTF_8), Files.readString(kept));

        robot.clickOn("#sites-start-fresh");
        assertFalse(h.shows("#sites-banner"));
        robot.clickOn("#sites-new-folder");
        h.answerName("Work");
        assertEquals(List.of("Work"), h.onDisk().folders());
        assertEquals(new String(broken, StandardCharsets.UTF_8), Files.readString(kept), "the kept copy is untouched");
    }

    private Path brokenCopy() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("sites.json.broken")).findFirst()
                    .orElseThrow();
        }
    }
}
