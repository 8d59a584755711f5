package dev.ferry.ui.sites;

import java.util.Optional;
import java.util.function.UnaryOperator;

import javafx.stage.Window;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.sites.Site;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.session.SessionDialog;
import dev.ferry.ui.session.SessionForm;
import dev.ferry.ui.session.SessionKind;
import dev.ferry.ui.session.SessionModel;

/** Opens the session dialog for a new site or an existing one (Save instead of Connect). */
public final class SiteEditor {
    private final FxBridge bridge;
    private final ServerTrust trust;
    private final UnaryOperator<ConnectionSettings.Builder> connectionDefaults;

    /**
     * @param trust              judges server certificates for "Test connection" (the window's)
     * @param connectionDefaults adds evaluator, timeouts and log to a test connection
     */
    public SiteEditor(FxBridge bridge, ServerTrust trust, UnaryOperator<ConnectionSettings.Builder> connectionDefaults) {
        this.bridge = bridge;
        this.trust = trust;
        this.connectionDefaults = connectionDefaults;
    }

    /** A form for a new site in {@code folder}. */
    public SessionModel newSite(String folder) {
        SessionModel model = new SessionModel(bridge, SessionKind.NEW_SITE, connectionDefaults);
        model.fromSite(Site.newSite(Site.newId(), "", "").withFolder(folder));
        return model;
    }

    /** A form filled from {@code site} and its secrets (wiped here once in the form). */
    public SessionModel edit(Site site, SiteManagerModel.StoredSecrets secrets) {
        SessionModel model = new SessionModel(bridge, SessionKind.EDIT_SITE, connectionDefaults);
        try {
            model.fromSite(site, secrets.password(), secrets.certificatePassword());
        } finally {
            secrets.wipe();
        }
        return model;
    }

    /** Shows the dialog for {@code model} and waits; empty when cancelled. On the FX thread. */
    public Optional<SessionForm> show(Window owner, SessionModel model) {
        return new SessionDialog(owner, model, trust).showAndWait();
    }
}
