package dev.ferry.app;

import java.util.function.UnaryOperator;

import javafx.stage.Stage;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.security.SecretVault;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteStore;
import dev.ferry.ui.commander.CommanderModel;
import dev.ferry.ui.connect.ConnectRequest;
import dev.ferry.ui.sites.SavedSiteConnection;
import dev.ferry.ui.sites.SiteEditor;
import dev.ferry.ui.sites.SiteManagerDialog;
import dev.ferry.ui.sites.SiteManagerModel;
import dev.ferry.ui.sites.VaultGate;

/**
 * The window's saved sites: {@code sites.json} and the secret vault in the config folder, the site manager
 * (one per run, read once), and connecting a chosen site in the commander under the site's name.
 */
final class SavedSites {
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
