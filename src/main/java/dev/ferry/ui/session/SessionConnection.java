package dev.ferry.ui.session;

import java.util.Optional;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.sites.Site;
import dev.ferry.ui.connect.ConnectOptions;
import dev.ferry.ui.connect.ConnectRequest;

/** Turns a {@link SessionForm} into what the engine and the commander connect with. */
public final class SessionConnection {
    private SessionConnection() {
    }

    /**
     * Engine settings for the form: host, port, mode, login, data mode, minimum TLS and client certificate. The
     * caller adds trust, evaluator, timeouts and log.
     *
     * @param password the password to send (see {@link SessionForm#loginPassword()}; asked for when that is empty)
     */
    public static ConnectionSettings.Builder settings(SessionForm form, String password) {
        return request(form, password).settingsBuilder();
    }

    /** The commander's connect request for the form, with its options. */
    public static ConnectRequest request(SessionForm form, String password) {
        Site site = form.site();
        ConnectOptions options = new ConnectOptions(site.dataMode(), site.tlsMinimum(), form.clientCredentials(),
                Optional.of(site.remoteFolder()), Optional.of(site.localFolder()),
                ConnectOptions.encodingNamed(site.encoding()));
        return new ConnectRequest(site.host(), site.port(), site.mode(), form.loginUser(), password, options);
    }
}
