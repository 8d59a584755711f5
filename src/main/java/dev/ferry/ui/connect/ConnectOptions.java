package dev.ferry.ui.connect;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
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
 * @param encoding          the server's encoding of file names (UTF-8 unless the site says otherwise)
 */
public record ConnectOptions(DataConnectionMode dataMode, TlsVersion tlsMinimum,
                             Optional<ClientCredentials> clientCredentials, Optional<String> remoteFolder,
                             Optional<String> localFolder, Charset encoding) {
    /** Passive, TLS 1.2 or newer, no client certificate, the server's home folder, UTF-8. */
    public static final ConnectOptions DEFAULTS = new ConnectOptions(DataConnectionMode.PASSIVE, TlsVersion.TLS_1_2,
            Optional.empty(), Optional.empty(), Optional.empty(), StandardCharsets.UTF_8);

    /** The charset of that name, or UTF-8 for a name Java does not know (the session dialog refuses those). */
    public static Charset encodingNamed(String name) {
        try {
            return name == null || name.isBlank() || !Charset.isSupported(name.strip())
                    ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
        } catch (IllegalCharsetNameException e) {
            return StandardCharsets.UTF_8;
        }
    }

    public ConnectOptions {
        Objects.requireNonNull(dataMode, "dataMode");
        Objects.requireNonNull(tlsMinimum, "tlsMinimum");
        Objects.requireNonNull(clientCredentials, "clientCredentials");
        Objects.requireNonNull(encoding, "encoding");
        remoteFolder = remoteFolder.filter(s -> !s.isBlank());
        localFolder = localFolder.filter(s -> !s.isBlank());
    }
}
