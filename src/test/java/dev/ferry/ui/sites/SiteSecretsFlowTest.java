package dev.ferry.ui.sites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.fs.LocalFileSource;
import dev.ferry.security.SecretVault;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteSecrets;
import dev.ferry.sites.SiteTree;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.ui.commander.CommanderModel;
import dev.ferry.ui.connect.ConnectRequest;

/** Stored passwords: the master password asked once, a wrong one refused, a saved site connecting without asking. */
@ExtendWith(ApplicationExtension.class)
class SiteSecretsFlowTest {
    static final String MASTER = "correct horse battery staple";

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    Path dir;

    private Stage stage;
    private SiteManagerHarness h;
    private TransferQueue queue;
    private CommanderModel commander;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SiteManagerHarness.showOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        if (commander != null) {
            robot.interact(commander::dispose);
        }
        if (queue != null) {
            queue.close();
        }
        if (h != null) {
            h.close();
        }
    }

    private Site serverSite() {
        return Site.newSite("srv", "Test server", server.host()).toBuilder().port(server.explicitPort())
                .user(server.user()).passwordMode(PasswordMode.STORED).build();
    }

    /** A previous run: the site in sites.json, its password in the vault, the vault locked again. */
    private SiteManagerHarness seeded(FxRobot robot) throws Exception {
        h = new SiteManagerHarness(stage, robot, dir);
        h.seed(SiteTree.of(List.of(serverSite()), List.of()));
        h.vault.setMasterPassword(MASTER.toCharArray());
        new SiteSecrets(h.vault).storePassword("srv", server.password().toCharArray());
        h.vault.lock();
        return h;
    }

    private void unlockWith(FxRobot robot, String master) throws Exception {
        SiteManagerHarness.await(() -> h.shows("#unlock-password"), "the master password to be asked");
        h.paste("#unlock-password", master);
        robot.clickOn("#unlock-accept");
    }

    @Test
    void aWrongMasterPasswordIsRefusedInlineAndTheUserCanTryAgain(FxRobot robot) throws Exception {
        seeded(robot).open(server);
        byte[] vaultBefore = Files.readAllBytes(h.secretsFile);
        List<Boolean> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        Platform.runLater(() -> h.gate.toRead(h.dialog.stage(), "to connect", answers::add));

        unlockWith(robot, "not the password");
        SiteManagerHarness.await(() -> h.shows("#unlock-error"), "the refusal");
        assertEquals(UnlockVaultDialog.WRONG, h.text("#unlock-error"));
        assertTrue(h.shows("#unlock-password"), "the dialog stays open for another try");
        assertFalse(h.vault.isUnlocked());
        assertArrayEquals(vaultBefore, Files.readAllBytes(h.secretsFile), "nothing changed on disk");

        unlockWith(robot, MASTER);
        SiteManagerHarness.await(() -> !answers.isEmpty(), "the dialog to close");
        assertEquals(List.of(true), answers);
        assertTrue(h.vault.isUnlocked());
    }

    @Test
    void aWrongCurrentPasswordWhenChangingItChangesNothing(FxRobot robot) throws Exception {
        seeded(robot).open(server);
        byte[] vaultBefore = Files.readAllBytes(h.secretsFile);
        Platform.runLater(() -> new MasterPasswordDialog(h.dialog.stage(),
                new MasterPasswordModel(h.bridge, h.vault, MasterPasswordModel.Action.CHANGE), "").show());
        SiteManagerHarness.await(() -> h.shows("#master-current"), "the master password dialog");
        h.paste("#master-current", "wrong");
        h.paste("#master-new", "a much better master password");
        h.paste("#master-repeat", "a much better master password");
        robot.clickOn("#master-accept");
        SiteManagerHarness.await(() -> h.shows("#master-error"), "the refusal");
        assertEquals("The master password is not correct. Nothing was changed.", h.text("#master-error"));
        assertArrayEquals(vaultBefore, Files.readAllBytes(h.secretsFile));
        h.vault.unlock(MASTER.toCharArray());
    }

    @Test
    void aSavedSiteWithAStoredPasswordConnectsAfterTheMasterPasswordAndAsksItOncePerRun(FxRobot robot)
            throws Exception {
        seeded(robot).open(server);
        queue = new TransferQueue(QueueOptions.defaults());
        queue.start();
        commander = new CommanderModel(h.bridge, queue, new LocalFileSource(), Optional.of(dir.toString()),
                SiteSecretsFlowTest::settings, FtpSession::open, label -> ProtocolLog.none());
        SavedSiteConnection connection = new SavedSiteConnection(h.bridge, h.model, h.gate);
        AtomicInteger starts = new AtomicInteger();
        Window owner = stage;
        Runnable connect = () -> connection.prepare(owner, serverSite(), start -> {
            starts.incrementAndGet();
            commander.connect(start.request(), start.parallel());
        }, words -> commander.remote().fail(words));

        Platform.runLater(connect);
        unlockWith(robot, MASTER);
        SiteManagerHarness.await(() -> commander.connectionProperty().get() == CommanderModel.ConnectionState.CONNECTED,
                "the connection");
        assertFalse(h.shows("#password-prompt"), "the site's password was not asked");
        assertEquals(server.user(), commander.connectedProperty().get().user());

        robot.interact(commander::disconnect);
        Platform.runLater(connect);
        SiteManagerHarness.await(() -> starts.get() == 2, "the second connection to start");
        assertFalse(h.shows("#unlock-password"), "the master password is asked once per run");
        SiteManagerHarness.await(() -> commander.connectionProperty().get() == CommanderModel.ConnectionState.CONNECTED,
                "the second connection");
    }

    @Test
    void cancellingTheMasterPasswordAsksForTheSitesPasswordInstead(FxRobot robot) throws Exception {
        seeded(robot).open(server);
        SavedSiteConnection connection = new SavedSiteConnection(h.bridge, h.model, h.gate);
        List<ConnectRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        Platform.runLater(() -> connection.prepare(stage, serverSite(), s -> requests.add(s.request()), words -> {
        }));
        SiteManagerHarness.await(() -> h.shows("#unlock-password"), "the master password to be asked");
        robot.clickOn("#unlock-cancel");
        SiteManagerHarness.await(() -> h.shows("#password-prompt"), "the site's password to be asked");
        h.paste("#password-prompt", "typed now");
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof javafx.scene.control.Button b
                && "OK".equals(b.getText())).queryButton());
        SiteManagerHarness.await(() -> !requests.isEmpty(), "the request");
        assertEquals("typed now", requests.get(0).password());
    }

    @Test
    void aPasswordTypedForANewSiteIsStoredInTheVaultAndNeverInSitesJson(FxRobot robot) throws Exception {
        h = new SiteManagerHarness(stage, robot, dir).open(server);
        robot.clickOn("#sites-new-site");
        SiteManagerHarness.await(() -> h.shows("#session-name"), "the session dialog");
        h.paste("#session-name", "Shop");
        h.paste("#session-host", "ftp.shop.example");
        h.paste("#session-user", "carol");
        h.paste("#session-password", "s3cret-Pa55word");
        robot.clickOn("#session-accept");

        SiteManagerHarness.await(() -> h.shows("#master-new"), "the offer to set a master password");
        h.paste("#master-new", MASTER);
        assertEquals(PasswordStrength.STRONG.hint(), h.text("#master-strength"));
        h.paste("#master-repeat", MASTER);
        robot.clickOn("#master-accept");
        SiteManagerHarness.await(() -> h.model.treeProperty().get().size() == 1, "the site to be saved");

        Site shop = h.onDisk().sites().get(0);
        String json = Files.readString(h.sitesFile);
        assertFalse(json.contains("s3cret-Pa55word"), json);
        assertFalse(Files.readString(h.secretsFile).contains("s3cret-Pa55word"));
        assertEquals(SecretVault.State.UNLOCKED, h.vault.state());
        assertEquals("s3cret-Pa55word", new String(new SiteSecrets(h.vault).password(shop.id()).orElseThrow()));
    }

    @Test
    void importedFileZillaSitesAreAddedAndTheirPasswordsGoToTheVaultOnly(FxRobot robot) throws Exception {
        h = new SiteManagerHarness(stage, robot, dir).open(server);
        Path file = Path.of(getClass().getResource("/importers/filezilla-sitemanager.xml").toURI());
        Platform.runLater(() -> h.dialog.importFile("FileZilla", file));
        SiteManagerHarness.await(() -> h.shows("#import-accept"), "the import preview");
        robot.clickOn("#import-accept");
        SiteManagerHarness.await(() -> h.shows("#master-new"), "the offer to set a master password");
        h.paste("#master-new", MASTER);
        h.paste("#master-repeat", MASTER);
        robot.clickOn("#master-accept");
        SiteManagerHarness.await(() -> h.model.treeProperty().get().size() > 0, "the imported sites");

        SiteTree saved = h.onDisk();
        Site top = saved.sites().stream().filter(s -> s.name().equals("Top explicit")).findFirst().orElseThrow();
        assertEquals("ftp.top.example", top.host());
        assertEquals(PasswordMode.STORED, top.passwordMode());
        String storedPassword = new String(new SiteSecrets(h.vault).password(top.id()).orElseThrow());
        assertFalse(storedPassword.isEmpty());
        assertFalse(Files.readString(h.sitesFile).contains(storedPassword), "no password in sites.json");
    }

    private static ConnectionSettings settings(ConnectRequest r, ProtocolLog log) {
        return r.settingsBuilder()
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10)).log(log).build();
    }
}
