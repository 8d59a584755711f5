package dev.ferry.ui.connect;

import java.util.Objects;
import java.util.Optional;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.TlsVersion;
import dev.ferry.engine.tls.ClientCredentials;

/**
 * What a connection needs beyond host, port, mode and login: the session dialog sets these, the quick-connect
 * bar leaves the {@link #DEFAULTS}.
 *
 * @param clientCredentials a client certificate with its key, already loaded (never loaded on the FX thread)
 * @param remoteFolder      the remote folder to open after login, else the server's home folder
 * @param localFolder       the local folder to show after login, else the local pane stays where it is
 */
public record ConnectOptions(DataConnectionMode dataMode, TlsVersion tlsMinimum,
                             Optional<ClientCredentials> clientCredentials, Optional<String> remoteFolder,
                             Optional<String> localFolder) {
    /** Passive, TLS 1.2 or newer, no client certificate, the server's home folder. */
    public static final ConnectOptions DEFAULTS = new ConnectOptions(DataConnectionMode.PASSIVE, TlsVersion.TLS_1_2,
            Optional.empty(), Optional.empty(), Optional.empty());

    public ConnectOptions {
        Objects.requireNonNull(dataMode, "dataMode");
        Objects.requireNonNull(tlsMinimum, "tlsMinimum");
        Objects.requireNonNull(clientCredentials, "clientCredentials");
        remoteFolder = remoteFolder.filter(s -> !s.isBlank());
        localFolder = localFolder.filter(s -> !s.isBlank());
    }
}
