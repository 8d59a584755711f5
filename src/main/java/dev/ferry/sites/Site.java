package dev.ferry.sites;

import java.util.Objects;
import java.util.Optional;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;

/**
 * A saved site: everything needed to connect except secrets. Passwords (the login's and the client
 * certificate's) live only in the secret vault, keyed by {@link #id()}; this record never holds one, so it
 * can be written to {@code sites.json} and logged.
 *
 * @param id                stable identifier (a UUID), the vault's key
 * @param name              what the site manager shows
 * @param folder            the site manager folder it sits in, "/"-separated ("" for the top level)
 * @param port              the port; see {@link #portTyped()}
 * @param portTyped         whether the user typed the port (else it follows the mode: 21 or 990)
 * @param clientCertificate a PKCS#12 (.p12/.pfx) or PEM certificate file, when the server wants one
 * @param clientKey         the PEM key file that goes with a PEM certificate, when separate
 * @param remoteFolder      the remote folder to open after login, or "" for the server's initial one
 * @param localFolder       the local folder to show, or "" for the last one
 * @param parallel          transfers at once for this site, 1 to 10
 * @param encoding          file name encoding on the server ("UTF-8" unless the server needs another)
 */
public record Site(String id, String name, String folder, FtpsMode mode, String host, int port, boolean portTyped,
                   String user, PasswordMode passwordMode, Optional<String> clientCertificate,
                   Optional<String> clientKey, DataConnectionMode dataMode, TlsVersion tlsMinimum,
                   String remoteFolder, String localFolder, int parallel, String encoding, String comment) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordMode, "passwordMode");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(dataMode, "dataMode");
        Objects.requireNonNull(tlsMinimum, "tlsMinimum");
        Objects.requireNonNull(remoteFolder, "remoteFolder");
        Objects.requireNonNull(localFolder, "localFolder");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(comment, "comment");
        if (!portTyped) {
            port = mode.defaultPort();
        }
        parallel = Math.max(1, Math.min(10, parallel));
    }

    /** A new Explicit FTPS site with the usual defaults. */
    public static Site newSite(String id, String name, String host) {
        return new Site(id, name, "", FtpsMode.EXPLICIT, host, FtpsMode.EXPLICIT.defaultPort(), false, "",
                PasswordMode.STORED, Optional.empty(), Optional.empty(), DataConnectionMode.PASSIVE,
                TlsVersion.TLS_1_2, "", "", 2, "UTF-8", "");
    }
}
