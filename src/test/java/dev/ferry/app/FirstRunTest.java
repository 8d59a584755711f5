package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.fs.FileEntry;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteStore;
import dev.ferry.sites.SiteTree;
import dev.ferry.ui.commander.FileExistsQuestion;

/**
 * The first run: with no saved sites the server pane offers the demo server; trying it saves a site for it,
 * meets the certificate dialog and connects.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {
    @TempDir
    Path config;

    private Stage stage;
    private AppContext context;
    private MainWindow main;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        if (context != null) {
            context.close();
        }
    }

    private void openWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            context = AppContext.open(new AppPaths(config), bridge -> new FileExistsQuestion(bridge, () -> stage));
            main = new MainWindow(context, stage);
            main.show();
        }).get(20, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    private Button placeholderAction(FxRobot robot) {
        return robot.lookup("#remote-placeholder-action").queryAs(Button.class);
    }

    private boolean remoteShows(String name) {
        return main.model().remote().entries().stream().map(FileEntry::name).anyMatch(name::equals);
    }

    @Test
    void withNoSavedSitesTheDemoServerIsOfferedSavedAsASiteAndConnectedAfterTheCertificateDialog(FxRobot robot)
            throws Exception {
        openWindow(robot);
        await(() -> robot.lookup("#remote-placeholder-action").tryQuery().isPresent()
                && "Try the local demo server".equals(placeholderAction(robot).getText()), "the demo offered");

        robot.clickOn("#remote-placeholder-action");
        await(() -> robot.lookup("#certificate-trust-once").match(NodeQueryUtils.isVisible()).tryQuery().isPresent(),
                "the certificate dialog");
        robot.clickOn("#certificate-trust-once");

        await(() -> remoteShows("README.txt"), "the demo server's files");
        SiteStore.Loaded saved = new SiteStore(config.resolve("sites.json")).load();
        var site = saved.tree().site(SavedSites.DEMO_SITE_ID).orElseThrow();
        assertEquals("127.0.0.1", site.host());
        assertEquals(main.model().connectedProperty().get().port(), site.port(), "the port the demo server took");
        assertEquals("Ferry demo server", site.name());
        assertTrue(stage.getTitle().contains("Ferry demo server"), stage.getTitle());
        assertTrue(Files.exists(config.resolve("demo").resolve("demo.p12")), "the certificate kept for next time");
    }

    @Test
    void withSavedSitesTheServerPaneOffersThem(FxRobot robot) throws Exception {
        new SiteStore(config.resolve("sites.json")).save(SiteTree.empty().add(Site.newSite("Example", "ftp.example.org")));
        openWindow(robot);
        await(() -> robot.lookup("#remote-placeholder-action").tryQuery().isPresent()
                && "Open saved sites".equals(placeholderAction(robot).getText()), "the saved sites offered");
    }
}
