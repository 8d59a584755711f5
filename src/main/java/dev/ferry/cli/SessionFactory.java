package dev.ferry.cli;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.TlsVersion;
import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.security.ClientCertificateException;
import dev.ferry.security.ClientCertificateLoader;
import dev.ferry.security.KnownCertificates;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the connection settings of one command-line call and opens sessions with them. */
final class SessionFactory {
    private final ConnectionSettings settings;
    private final String site;
    private final CliTrust trust;

    private SessionFactory(ConnectionSettings settings, String site, CliTrust trust) {
        this.settings = settings;
        this.site = site;
        this.trust = trust;
    }

    /**
     * @param observer told every session's protocol as well ({@code -v} adds standard error)
     * @param known    the certificates the user chose to always trust in the window, if the command line uses them
     */
    static SessionFactory create(CliOptions options, FtpUrl url, Map<String, String> env, PrintStream err,
                                 ProtocolLog observer, Optional<KnownCertificates> known)
            throws UsageException, ClientCertificateException {
        CliTrust trust = trust(options, known, err);
        if (url.mode() == FtpsMode.PLAIN && !options.allowPlain()) {
            throw new UsageException("ftp:// is plain FTP: the password and files travel unencrypted. "
                    + "Use ftpes:// (Explicit FTPS) or ftps:// (Implicit FTPS), or pass --allow-plain if you must");
        }
        String user = url.user().orElse("anonymous");
        String password = password(options, url, env, user);
        ConnectionSettings.Builder b = ConnectionSettings.builder(url.host())
                .port(url.port())
                .mode(url.mode())
                .credentials(user, password)
                .dataMode(options.dataMode())
                .evaluator(new ServerCertificateEvaluator(caCertificates(options.caCertificates()), true, Clock.systemUTC()))
                .trust(trust)
                .readTimeout(options.timeout())
                .connectTimeout(options.timeout())
                .log(options.verbose() ? new BothProtocolLogs(new StderrProtocolLog(err), observer) : observer);
        options.tlsMaximum().ifPresent(max -> {
            b.tlsMaximum(max);
            if (max == TlsVersion.TLS_1_2) {
                b.tlsMinimum(TlsVersion.TLS_1_2);
            }
        });
        options.encoding().ifPresent(b::encoding);
        if (options.clientCertificate().isPresent()) {
            b.clientCredentials(clientCredentials(options, env));
        }
        return new SessionFactory(b.build(), url.withPath("").display(), trust);
    }

    /** The key the transfer queue knows this server by (the URL without password and path). */
    String site() {
        return site;
    }

    ConnectionSettings settings() {
        return settings;
    }

    CliTrust trust() {
        return trust;
    }

    FtpSession open() throws FtpException {
        return FtpSession.open(settings);
    }

    private static CliTrust trust(CliOptions options, Optional<KnownCertificates> known, PrintStream err)
            throws UsageException {
        try {
            return new CliTrust(options.fingerprints(), known, problem -> err.println("ferry: warning: " + problem));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String password(CliOptions options, FtpUrl url, Map<String, String> env, String user)
            throws UsageException {
        if (options.passwordEnv().isPresent()) {
            String var = options.passwordEnv().get();
            String value = env.get(var);
            if (value == null) {
                throw new UsageException("--password-env " + var + ": that environment variable is not set");
            }
            return value;
        }
        if (url.password().isPresent()) {
            return url.password().get();
        }
        if (url.user().isEmpty() || user.equals("anonymous") || user.equals("ftp")) {
            return "anonymous@";
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s@%s: ", user, url.host());
            if (typed != null) {
                return new String(typed);
            }
        }
        return "";
    }

    private static ClientCredentials clientCredentials(CliOptions options, Map<String, String> env)
            throws UsageException, ClientCertificateException {
        Optional<char[]> password = Optional.empty();
        if (options.clientCertificatePasswordEnv().isPresent()) {
            String var = options.clientCertificatePasswordEnv().get();
            String value = env.get(var);
            if (value == null) {
                throw new UsageException("--cert-password-env " + var + ": that environment variable is not set");
            }
            password = Optional.of(value.toCharArray());
        }
        return new ClientCertificateLoader().load(options.clientCertificate().get(), options.clientKey(), password);
    }

    private static List<X509Certificate> caCertificates(List<Path> files) throws UsageException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                for (var c : factory.generateCertificates(in)) {
                    all.add((X509Certificate) c);
                }
            } catch (IOException e) {
                throw new UsageException("--cacert " + file + ": cannot read the file (" + e.getMessage() + ")");
            } catch (CertificateException e) {
                throw new UsageException("--cacert " + file + ": not a PEM or DER certificate (" + e.getMessage() + ")");
            }
            if (all.isEmpty()) {
                throw new UsageException("--cacert " + file + ": the file holds no certificate");
            }
        }
        return all;
    }

    /** {@code -v}: the protocol log on standard error, password masked. */
    private record StderrProtocolLog(PrintStream err) implements ProtocolLog {
        @Override
        public void sent(String line) {
            err.println("> " + line);
        }

        @Override
        public void received(String line) {
            err.println("< " + line);
        }

        @Override
        public void note(String message) {
            err.println("* " + message);
        }
    }

    /** Tells two protocol logs the same lines. */
    private record BothProtocolLogs(ProtocolLog first, ProtocolLog second) implements ProtocolLog {
        @Override
        public void sent(String line) {
            first.sent(line);
            second.sent(line);
        }

        @Override
        public void received(String line) {
            first.received(line);
            second.received(line);
        }

        @Override
        public void note(String message) {
            first.note(message);
            second.note(message);
        }
    }
}
