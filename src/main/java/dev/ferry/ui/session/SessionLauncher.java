package dev.ferry.ui.session;

import java.util.Optional;
import java.util.function.UnaryOperator;

import javafx.stage.Window;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.sites.Site;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.connect.ConnectRequest;

/**
 * The window's way into the session dialog for a connection made now: shows the dialog (filled in as last time,
 * without secrets), asks for the password when the form says "ask when connecting", and hands back what the
 * commander connects with.
 */
public final class SessionLauncher {
    /** What to connect to, and how many transfers to run at once there. */
    public record Start(ConnectRequest request, int parallel) {
    }

    private final FxBridge bridge;
    private final ServerTrust trust;
    private final UnaryOperator<ConnectionSettings.Builder> connectionDefaults;
    private Site last;

    /**
     * @param trust              judges server certificates when testing (the window's)
     * @param connectionDefaults adds trust evaluator, timeouts and log to a test connection
     */
    public SessionLauncher(FxBridge bridge, ServerTrust trust, UnaryOperator<ConnectionSettings.Builder> connectionDefaults) {
        this.bridge = bridge;
        this.trust = trust;
        this.connectionDefaults = connectionDefaults;
    }

    /** Shows the dialog and waits for it; empty when the user cancelled. On the FX thread. */
    public Optional<Start> quickConnect(Window owner) {
        SessionModel model = new SessionModel(bridge, SessionKind.QUICK_CONNECT, connectionDefaults);
        if (last != null) {
            model.fromSite(last);
        }
        Optional<SessionForm> form = new SessionDialog(owner, model, trust).showAndWait();
        form.ifPresent(f -> last = f.site());
        return form.flatMap(f -> f.loginPassword()
                .or(() -> PasswordPrompt.ask(owner, f.loginUser() + "@" + f.site().host()).map(String::new))
                .map(password -> new Start(SessionConnection.request(f, password), f.site().parallel())));
    }
}
