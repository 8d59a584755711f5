package dev.ferry.ui.connect;

import java.util.Objects;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpsMode;

/**
 * What the user asked to connect to, already checked.
 *
 * @param password as typed; held only in memory, never logged
 * @param options  data mode, minimum TLS, client certificate and start folders ({@link ConnectOptions#DEFAULTS}
 *                 from the quick-connect bar)
 */
public record ConnectRequest(String host, int port, FtpsMode mode, String user, String password,
                             ConnectOptions options) {
    public ConnectRequest {
        Objects.requireNonNull(options, "options");
    }

    /** A request with the default options, as the quick-connect bar makes it. */
    public ConnectRequest(String host, int port, FtpsMode mode, String user, String password) {
        this(host, port, mode, user, password, ConnectOptions.DEFAULTS);
    }

    /**
     * Engine settings for this request: host, port, mode, login and the options (data mode, minimum TLS, client
     * certificate). The caller adds trust, evaluator, timeouts and log.
     */
    public ConnectionSettings.Builder settingsBuilder() {
        ConnectionSettings.Builder b = ConnectionSettings.builder(host).port(port).mode(mode).credentials(user, password)
                .dataMode(options.dataMode()).tlsMinimum(options.tlsMinimum()).encoding(options.encoding());
        options.clientCredentials().ifPresent(b::clientCredentials);
        return b;
    }

    /** "ann@example.org" or "example.org:2121": how the window names the connection. */
    public String displayName() {
        String where = port == mode.defaultPort() ? host : host + ":" + port;
        return user.isBlank() || user.equals("anonymous") ? where : user + "@" + where;
    }

    @Override
    public String toString() {
        return "ConnectRequest[" + mode + " " + displayName() + "]";
    }
}
