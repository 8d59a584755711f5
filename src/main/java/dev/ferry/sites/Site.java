package dev.ferry.sites;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

    /** A new Explicit FTPS site with the usual defaults and a fresh random id. */
    public static Site newSite(String name, String host) {
        return newSite(newId(), name, host);
    }

    /** A fresh site id: a random UUID. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** This site under another name. */
    public Site withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** This site in another site-manager folder ("/"-separated, "" for the top level). */
    public Site withFolder(String newFolder) {
        return toBuilder().folder(newFolder).build();
    }

    /** This site with another password mode. */
    public Site withPasswordMode(PasswordMode mode) {
        return toBuilder().passwordMode(mode).build();
    }

    /** A builder holding this site's values, to change a few of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for a new Explicit FTPS site with the usual defaults, under {@code id}. */
    public static Builder builder(String id) {
        return newSite(id, "", "").toBuilder();
    }

    /** Changes some of a site's values; {@link #build()} checks them as the record does. */
    public static final class Builder {
        private String id;
        private String name;
        private String folder;
        private FtpsMode mode;
        private String host;
        private int port;
        private boolean portTyped;
        private String user;
        private PasswordMode passwordMode;
        private Optional<String> clientCertificate;
        private Optional<String> clientKey;
        private DataConnectionMode dataMode;
        private TlsVersion tlsMinimum;
        private String remoteFolder;
        private String localFolder;
        private int parallel;
        private String encoding;
        private String comment;

        private Builder(Site s) {
            id = s.id;
            name = s.name;
            folder = s.folder;
            mode = s.mode;
            host = s.host;
            port = s.port;
            portTyped = s.portTyped;
            user = s.user;
            passwordMode = s.passwordMode;
            clientCertificate = s.clientCertificate;
            clientKey = s.clientKey;
            dataMode = s.dataMode;
            tlsMinimum = s.tlsMinimum;
            remoteFolder = s.remoteFolder;
            localFolder = s.localFolder;
            parallel = s.parallel;
            encoding = s.encoding;
            comment = s.comment;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder folder(String value) {
            folder = value;
            return this;
        }

        public Builder mode(FtpsMode value) {
            mode = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        /** A port the user chose: it no longer follows the mode. */
        public Builder port(int value) {
            port = value;
            portTyped = true;
            return this;
        }

        /** The port follows the mode (21 or 990). */
        public Builder defaultPort() {
            portTyped = false;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder passwordMode(PasswordMode value) {
            passwordMode = value;
            return this;
        }

        public Builder clientCertificate(Optional<String> value) {
            clientCertificate = value;
            return this;
        }

        public Builder clientKey(Optional<String> value) {
            clientKey = value;
            return this;
        }

        public Builder dataMode(DataConnectionMode value) {
            dataMode = value;
            return this;
        }

        public Builder tlsMinimum(TlsVersion value) {
            tlsMinimum = value;
            return this;
        }

        public Builder remoteFolder(String value) {
            remoteFolder = value;
            return this;
        }

        public Builder localFolder(String value) {
            localFolder = value;
            return this;
        }

        public Builder parallel(int value) {
            parallel = value;
            return this;
        }

        public Builder encoding(String value) {
            encoding = value;
            return this;
        }

        public Builder comment(String value) {
            comment = value;
            return this;
        }

        public Site build() {
            return new Site(id, name, folder, mode, host, port, portTyped, user, passwordMode, clientCertificate,
                    clientKey, dataMode, tlsMinimum, remoteFolder, localFolder, parallel, encoding, comment);
        }
    }
}
