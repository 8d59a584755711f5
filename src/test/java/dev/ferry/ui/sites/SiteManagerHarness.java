package dev.ferry.ui.sites;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.security.SecretVault;
import dev.ferry.security.TestVaults;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteStore;
import dev.ferry.sites.SiteTree;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.ui.FxBridge;

/** A site manager over an owner stage, on a throwaway config folder, for TestFX tests. */
final class SiteManagerHarness implements AutoCloseable {
    final FxBridge bridge = new FxBridge();
    final Path sitesFile;
    final Path secretsFile;
    final SecretVault vault;
    final List<Site> connected = new CopyOnWriteArrayList<>();
    private final Stage stage;
    private final FxRobot robot;
    SiteManagerModel model;
    VaultGate gate;
    SiteManagerDialog dialog;

    SiteManagerHarness(Stage stage, FxRobot robot, Path configDir) {
        this.stage = stage;
        this.robot = robot;
        this.sitesFile = configDir.resolve("sites.json");
        this.secretsFile = configDir.resolve("secrets.json");
        this.vault = TestVaults.cheap(secretsFile);
    }

    static void showOwner(Stage stage) {
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
    }

    /** What the site editor's test connection adds: trust in the test server's root CA, short timeouts. */
    static UnaryOperator<ConnectionSettings.Builder> defaults(FtpsServerExtension server) {
        return b -> b.evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10));
    }

    /** Writes sites.json as a previous run left it. */
    SiteManagerHarness seed(SiteTree tree) throws Exception {
        new SiteStore(sitesFile).save(tree);
        return this;
    }

    /** Opens the manager and waits until sites.json has been read. */
    SiteManagerHarness open(FtpsServerExtension server) throws TimeoutException {
        robot.interact(() -> {
            model = new SiteManagerModel(bridge, new SiteStore(sitesFile), vault);
            gate = new VaultGate(bridge, vault);
            SiteEditor editor = new SiteEditor(bridge, ServerTrust.evaluatedOnly(), defaults(server));
            dialog = new SiteManagerDialog(stage, bridge, model, gate, editor, connected::add);
            dialog.show();
        });
        await(() -> model.loadedProperty().get(), "sites.json to be read");
        return this;
    }

    /** Selects the tree node with this key ("site:id" or "folder:path"). */
    void select(String key) {
        robot.interact(() -> {
            TreeItem<SiteTree.Child> item = SiteTreeItems.find(dialog.tree().getRoot(), key).orElseThrow();
            dialog.tree().getSelectionModel().select(item);
        });
        robot.clickOn(cell(key));
    }

    /** The visible cell showing the node with this key. */
    Node cell(String key) {
        return robot.lookup(".site-cell").match(n -> n instanceof SiteCell c && c.getItem() != null
                && SiteTreeItems.key(c.getItem()).equals(key)).query();
    }

    /** The names the tree shows, depth first, as "  " per level + name. */
    List<String> shown() {
        List<String> names = new java.util.ArrayList<>();
        robot.interact(() -> collect(dialog.tree().getRoot(), 0, names));
        return names;
    }

    private static void collect(TreeItem<SiteTree.Child> item, int depth, List<String> names) {
        names.add("  ".repeat(depth) + item.getValue().name());
        for (TreeItem<SiteTree.Child> c : item.getChildren()) {
            collect(c, depth + 1, names);
        }
    }

    void paste(String id, String text) {
        robot.interact(() -> field(id).setText(text));
    }

    TextInputControl field(String id) {
        return robot.lookup(id).queryTextInputControl();
    }

    String text(String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    boolean shows(String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false);
    }

    /** Types a name into the name dialog and accepts it. */
    void answerName(String name) throws TimeoutException {
        await(() -> shows("#sites-name-input"), "the name dialog");
        paste("#sites-name-input", name);
        robot.clickOn("#sites-name-accept");
        await(() -> !shows("#sites-name-input"), "the name dialog to close");
    }

    /** The tree as saved, read back from sites.json by a new store. */
    SiteTree onDisk() throws TimeoutException {
        waitForSaves();
        return new SiteStore(sitesFile).load().tree();
    }

    /** Waits until the model's background thread has written everything asked so far. */
    void waitForSaves() throws TimeoutException {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> model.secretsHeld(Site.newSite("probe", "h"), held -> done.set(true), e -> done.set(true)));
        await(done::get, "the saves to finish");
    }

    static void await(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 20 s for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        if (dialog != null) {
            robot.interact(() -> dialog.stage().close());
        }
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage)
                .filter(w -> w instanceof Stage).map(w -> (Stage) w).toList().forEach(Stage::close));
        bridge.close();
    }
}
