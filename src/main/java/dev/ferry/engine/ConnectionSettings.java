package dev.ferry.engine;

import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.engine.tls.ServerTrust;

import dev.ferry.engine.control.NameCodec;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open a session. Build with {@link #builder(String)}.
 *
 * <p>Security: {@code password} is held in memory as given; it is sent only after the server's
 * certificate has been accepted by {@code trust} (or in {@link FtpsMode#PLAIN}, which the caller must
 * have allowed explicitly), and it never reaches a log.
 */
public record ConnectionSettings(
        String host,
        int port,
        FtpsMode mode,
        String user,
        String password,
        DataConnectionMode dataMode,
        TlsVersion tlsMinimum,
        TlsVersion tlsMaximum,
        Optional<ClientCredentials> clientCredentials,
        ServerCertificateEvaluator evaluator,
        ServerTrust trust,
        Duration connectTimeout,
        Duration readTimeout,
        Duration keepAliveInterval,
        ProtocolLog log,
        NameCodec names) {

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataMode, "dataMode");
        Objects.requireNonNull(tlsMinimum, "tlsMinimum");
        Objects.requireNonNull(tlsMaximum, "tlsMaximum");
        Objects.requireNonNull(clientCredentials, "clientCredentials");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(names, "names");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host name is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        if (tlsMinimum.compareTo(tlsMaximum) > 0) {
            throw new IllegalArgumentException("the minimum TLS version is newer than the maximum");
        }
    }

    public static Builder builder(String host) {
        return new Builder(host);
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(host);
        b.port = port;
        b.mode = mode;
        b.user = user;
        b.password = password;
        b.dataMode = dataMode;
        b.tlsMinimum = tlsMinimum;
        b.tlsMaximum = tlsMaximum;
        b.clientCredentials = clientCredentials;
        b.evaluator = evaluator;
        b.trust = trust;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.keepAliveInterval = keepAliveInterval;
        b.log = log;
        b.names = names;
        return b;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + mode + " " + user + "@" + host + ":" + port + ", " + dataMode + "]";
    }

    /** Builds {@link ConnectionSettings}; the defaults are Explicit FTPS, passive, TLS 1.2 to 1.3. */
    public static final class Builder {
        private final String host;
        private Integer port;
        private FtpsMode mode = FtpsMode.EXPLICIT;
        private String user = "anonymous";
        private String password = "anonymous@";
        private DataConnectionMode dataMode = DataConnectionMode.PASSIVE;
        private TlsVersion tlsMinimum = TlsVersion.TLS_1_2;
        private TlsVersion tlsMaximum = TlsVersion.TLS_1_3;
        private Optional<ClientCredentials> clientCredentials = Optional.empty();
        private ServerCertificateEvaluator evaluator;
        private ServerTrust trust = ServerTrust.evaluatedOnly();
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private ProtocolLog log = ProtocolLog.none();
        private NameCodec names = NameCodec.UTF_8;

        private Builder(String host) {
            this.host = host;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The mode; the port follows it (21 or 990) unless set explicitly. */
        public Builder mode(FtpsMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public Builder dataMode(DataConnectionMode dataMode) {
            this.dataMode = dataMode;
            return this;
        }

        public Builder tlsMinimum(TlsVersion v) {
            this.tlsMinimum = v;
            return this;
        }

        public Builder tlsMaximum(TlsVersion v) {
            this.tlsMaximum = v;
            return this;
        }

        public Builder clientCredentials(ClientCredentials credentials) {
            this.clientCredentials = Optional.of(credentials);
            return this;
        }

        public Builder evaluator(ServerCertificateEvaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        public Builder trust(ServerTrust trust) {
            this.trust = trust;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /** How long the control connection may stay silent during a long transfer before a NOOP is sent. */
        public Builder keepAliveInterval(Duration d) {
            this.keepAliveInterval = d;
            return this;
        }

        /**
         * The encoding of file names on the control connection and in listings: UTF-8 (the default; then
         * {@code OPTS UTF8 ON} is sent where the server offers it) or what an older server uses.
         */
        public Builder encoding(Charset charset) {
            this.names = new NameCodec(Objects.requireNonNull(charset, "charset"));
            return this;
        }

        public Builder log(ProtocolLog log) {
            this.log = log;
            return this;
        }

        public ConnectionSettings build() {
            ServerCertificateEvaluator e = evaluator != null
                    ? evaluator
                    : new ServerCertificateEvaluator(List.of(), true, Clock.systemUTC());
            return new ConnectionSettings(host, port != null ? port : mode.defaultPort(), mode, user, password,
                    dataMode, tlsMinimum, tlsMaximum, clientCredentials, e, trust, connectTimeout, readTimeout,
                    keepAliveInterval, log, names);
        }
    }
}
