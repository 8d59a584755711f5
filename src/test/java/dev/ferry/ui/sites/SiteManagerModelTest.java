package dev.ferry.ui.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import dev.ferry.security.SecretVault;
import dev.ferry.security.TestVaults;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteSecrets;
import dev.ferry.sites.SiteStore;
import dev.ferry.sites.SiteTree;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.session.SessionForm;

/** The site manager's model without its view: changes saved in order, secrets kept apart from sites.json. */
@ExtendWith(ApplicationExtension.class)
class SiteManagerModelTest {
    @TempDir
    Path dir;

    private final FxBridge bridge = new FxBridge();
    private SecretVault vault;
    private SiteManagerModel model;
    private Site acme;

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        acme = Site.newSite("acme", "Acme", "ftp.acme.example").toBuilder().user("ann").folder("Clients").build();
        new SiteStore(dir.resolve("sites.json")).save(SiteTree.of(List.of(acme), List.of("Clients", "Archive")));
        vault = TestVaults.cheap(dir.resolve("secrets.json"));
        vault.setMasterPassword("master".toCharArray());
        new SiteSecrets(vault).storePassword("acme", "old-password".toCharArray());
        robot.interact(() -> model = new SiteManagerModel(bridge, new SiteStore(dir.resolve("sites.json")), vault));
        robot.interact(model::load);
        SiteManagerHarness.await(() -> model.editableProperty().get(), "sites.json to be read");
    }

    @AfterEach
    void close() {
        bridge.close();
    }

    private void settle(FxRobot robot) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        robot.interact(() -> model.secretsHeld(acme, held -> done.set(true), words -> done.set(true)));
        SiteManagerHarness.await(done::get, "the background work");
    }

    private SiteTree onDisk() {
        return new SiteStore(dir.resolve("sites.json")).load().tree();
    }

    @Test
    void movingAFolderMovesItsSitesAndIsSaved(FxRobot robot) throws Exception {
        robot.interact(() -> assertTrue(model.moveFolder("Clients", "Archive")));
        settle(robot);
        assertEquals("Archive/Clients", onDisk().site("acme").orElseThrow().folder());
    }

    @Test
    void deletingASiteAlsoDeletesItsStoredPasswords(FxRobot robot) throws Exception {
        robot.interact(() -> assertTrue(model.deleteSite("acme")));
        settle(robot);
        assertEquals(0, onDisk().size());
        assertEquals(Set.of(), vault.names());
    }

    @Test
    void aSiteSwitchedToAskWhenConnectingLosesItsStoredPassword(FxRobot robot) throws Exception {
        SessionForm form = new SessionForm(acme.withPasswordMode(PasswordMode.ASK), Optional.empty(), Optional.empty(),
                Optional.empty());
        robot.interact(() -> model.saveSite(form, true));
        settle(robot);
        assertEquals(PasswordMode.ASK, onDisk().site("acme").orElseThrow().passwordMode());
        assertEquals(Set.of(), vault.names());
    }

    @Test
    void savingWhileTheVaultStaysLockedKeepsTheStoredPasswordAndSaysSo(FxRobot robot) throws Exception {
        vault.lock();
        SessionForm form = new SessionForm(acme.withName("Acme Corp"), Optional.of("typed".toCharArray()),
                Optional.empty(), Optional.empty());
        robot.interact(() -> model.saveSite(form, false));
        settle(robot);
        assertEquals("Acme Corp", onDisk().site("acme").orElseThrow().name());
        assertTrue(model.messageProperty().get().contains("saved without its password"), model.messageProperty().get());
        vault.unlock("master".toCharArray());
        assertEquals("old-password", new String(new SiteSecrets(vault).password("acme").orElseThrow()));
        assertTrue(!Files.readString(dir.resolve("sites.json")).contains("typed"));
    }

    @Test
    void aNameTakenInTheFolderIsRefusedInWordsAndNothingIsSaved(FxRobot robot) throws Exception {
        Site other = Site.newSite("b", "acme", "ftp.other.example").withFolder("Clients");
        SessionForm form = new SessionForm(other, Optional.empty(), Optional.empty(), Optional.empty());
        robot.interact(() -> assertTrue(model.saveSite(form, true).isEmpty()));
        settle(robot);
        assertEquals("A site named \"acme\" already exists in \"Clients\".", model.messageProperty().get());
        assertEquals(1, onDisk().size());
    }

    @Test
    void withPasswordsNotStoredASiteIsSavedAskingAndItsPasswordIsNotKept(FxRobot robot) throws Exception {
        robot.interact(() -> model.storePasswordsProperty().set(false));
        Site bob = Site.newSite("bob", "Bob", "ftp.bob.example").toBuilder().user("bob").build();
        SessionForm form = new SessionForm(bob, Optional.of("typed-secret".toCharArray()), Optional.empty(), Optional.empty());
        robot.interact(() -> assertTrue(model.saveSite(form, true).isPresent()));
        settle(robot);
        assertEquals(PasswordMode.ASK, onDisk().site("bob").orElseThrow().passwordMode());
        assertTrue(new SiteSecrets(vault).password("bob").isEmpty(), "no password kept in the vault");
        assertTrue(!Files.readString(dir.resolve("sites.json")).contains("typed-secret"));
        assertTrue(model.messageProperty().get().contains("without its password"), model.messageProperty().get());
    }

    @Test
    void stoppingStoringPasswordsDeletesThemAndEverySiteAsks(FxRobot robot) throws Exception {
        robot.interact(model::stopStoringPasswords);
        settle(robot);
        SiteManagerHarness.await(() -> !Files.exists(dir.resolve("secrets.json")), "the stored passwords to go");
        assertEquals(PasswordMode.ASK, onDisk().site("acme").orElseThrow().passwordMode());
        assertEquals(false, model.storePasswordsProperty().get());
    }
}
