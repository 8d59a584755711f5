package dev.ferry.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.stage.Stage;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.security.SecretVault;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteStore;
import dev.ferry.sites.SiteTree;
import dev.ferry.ui.Errors;
import dev.ferry.ui.commander.CommanderModel;
import dev.ferry.ui.connect.ConnectRequest;
import dev.ferry.ui.session.SessionConnection;
import dev.ferry.ui.session.SessionForm;
import dev.ferry.ui.sites.SavedSiteConnection;
import dev.ferry.ui.sites.SiteEditor;
import dev.ferry.ui.sites.SiteManagerDialog;
import dev.ferry.ui.sites.SiteManagerModel;
import dev.ferry.ui.sites.VaultGate;

/**
 * The window's saved sites: {@code sites.json} and the secret vault in the config folder, the site manager
 * (one per run, read once), and connecting a chosen site in the commander under the site's name. The demo
 * server is a saved site too: trying it the first time saves a site for it, and connecting that site starts
 * the server (with the certificate and port it had, kept in the config folder's {@code demo/}).
 */
final class SavedSites {
    /** The id of the saved site for the built-in demo server. */
    static final String DEMO_SITE_ID = "ferry-demo";

    private final Stage stage;
    private final AppContext context;
    private final CommanderModel commander;
    private final SiteManagerModel model;
    private final VaultGate gate;
    private final SiteEditor editor;
    private final SavedSiteConnection connection;
    private SiteManagerDialog dialog;
    private ConnectRequest siteRequest;
    private String siteName;
    private DemoServer demo;

    SavedSites(Stage stage, AppContext context, CommanderModel commander, ServerTrust trust,
               UnaryOperator<ConnectionSettings.Builder> connectionDefaults) {
        this.stage = stage;
        this.context = context;
        this.commander = commander;
        SecretVault vault = new SecretVault(context.paths().secretsFile());
        this.model = new SiteManagerModel(context.bridge(), new SiteStore(context.paths().sitesFile()), vault);
        this.gate = new VaultGate(context.bridge(), vault);
        this.editor = new SiteEditor(context.bridge(), trust, connectionDefaults);
        this.connection = new SavedSiteConnection(context.bridge(), model, gate);
        context.closeAtExit(vault::lock);
        model.storePasswordsProperty().set(context.settings().storePasswords());
        model.storePasswordsProperty().addListener((o, was, now) -> context.updateSettings(x -> x.withStorePasswords(now)));
        model.load();
    }

    /** Once {@code sites.json} has been read: tells whether there are no saved sites (a first run). */
    void whenRead(Consumer<Boolean> noSites) {
        if (model.loadedProperty().get()) {
            noSites.accept(model.treeProperty().get().size() == 0);
            return;
        }
        model.loadedProperty().addListener((o, was, now) -> {
            if (now) {
                noSites.accept(model.treeProperty().get().size() == 0);
            }
        });
    }

    /**
     * "Try the local demo server": starts it (once per run, in the background), saves a site for it and
     * connects. The newcomer meets the certificate dialog, then can drag files both ways.
     */
    void tryDemo() {
        if (demo != null) {
            connectDemo();
            return;
        }
        int port = model.treeProperty().get().site(DEMO_SITE_ID).map(Site::port).orElse(0);
        Path state = context.paths().configDir().resolve("demo");
        commander.remote().inform("Starting the demo server…");
        context.bridge().run(() -> DemoServer.start(Optional.of(state), port), started -> {
            demo = started;
            context.closeAtExit(started);
            context.log().info("Demo server on 127.0.0.1:" + started.port() + ", user " + started.user()
                    + "; its certificate's SHA-256 fingerprint is " + started.fingerprint());
            connectDemo();
        }, error -> commander.remote().fail(Errors.describe("Starting the demo server", error)));
    }

    private void connectDemo() {
        SiteTree tree = model.treeProperty().get();
        Site site = tree.site(DEMO_SITE_ID).map(Site::toBuilder)
                .orElseGet(() -> Site.builder(DEMO_SITE_ID).name(tree.uniqueSiteName("", "Ferry demo server"))
                        .comment("The demo server built into Ferry: it runs on this computer only, in a temporary"
                                + " folder, while Ferry runs. Connecting starts it."))
                .mode(FtpsMode.EXPLICIT).host(demo.host()).port(demo.port()).user(demo.user())
                .passwordMode(PasswordMode.ASK).build();
        model.putSite(site);
        ConnectRequest request = SessionConnection.request(
                new SessionForm(site, Optional.empty(), Optional.empty(), Optional.empty()), demo.password());
        siteRequest = request;
        siteName = site.name();
        commander.connect(request, site.parallel());
    }

    /** Opens the site manager. */
    void open() {
        if (dialog == null) {
            dialog = new SiteManagerDialog(stage, context.bridge(), model, gate, editor, this::connect);
        }
        dialog.show();
    }

    /** Connects the commander to {@code site}, asking for what is not stored. */
    void connect(Site site) {
        if (DEMO_SITE_ID.equals(site.id())) {
            tryDemo();
            return;
        }
        connection.prepare(stage, site, start -> {
            siteRequest = start.request();
            siteName = site.name();
            commander.connect(start.request(), start.parallel());
        }, words -> commander.remote().fail(words));
    }

    /** How the window title names a connection: the site's name when it was made from a saved site. */
    String title(ConnectRequest request) {
        return request == siteRequest && siteName != null ? siteName : request.displayName();
    }
}
