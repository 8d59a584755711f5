package dev.ferry.cli;

import dev.ferry.engine.FtpException;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.UntrustedCertificateException;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.security.ClientCertificateException;
import dev.ferry.security.KnownCertificate;
import dev.ferry.security.KnownCertificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ferry} command line (DESIGN §6): {@code ls}, {@code get}, {@code put}, {@code cert}.
 * Exit status: 0 success, 1 transfer or server error, 2 usage error, 3 certificate not trusted.
 */
public final class FerryCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNTRUSTED = 3;

    static final String USAGE = """
            usage: ferry ls   [opts] URL              list a remote folder, or one file (one entry a line; -l details; --json)
                   ferry get  [opts] URL LOCAL        download a file (LOCAL - for standard output), or a folder with -r
                   ferry put  [opts] LOCAL URL        upload a file (LOCAL - for standard input), or a folder with -r
                   ferry cert [opts] URL              show the server's certificate chain and fingerprints
                   ferry --version
            URL:   ftpes://user[:password]@host[:port]/path   Explicit FTPS (port 21)
                   ftps://user[:password]@host[:port]/path    Implicit FTPS (port 990)
                   ftp://...                                  plain FTP, refused unless --allow-plain
            opts:  --cacert PEM          trust this CA or certificate
                   --fingerprint SHA256  trust the server certificate with this SHA-256 fingerprint
                   --cert FILE [--key FILE] [--cert-password-env VAR]   client certificate (PKCS#12 or PEM)
                   --password-env VAR    read the password from an environment variable
                   -P, --parallel N      parallel transfers for -r (default 2)
                   --tls-max 1.2|1.3     --passive/--active     -q quiet   -v protocol log to stderr
                   --timeout SECONDS     connect and read timeout (default 30)
                   --encoding NAME       the server's encoding of file names (default UTF-8)
            exit status: 0 success, 1 transfer or server error, 2 usage error, 3 certificate not trusted
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final boolean terminal;
    private final ProtocolLog observer;
    private final Optional<KnownCertificates> known;

    /** A command line that uses no known certificates: only its flags and the authorities decide trust. */
    public FerryCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal) {
        this(out, err, in, env, terminal, ProtocolLog.none(), Optional.empty());
    }

    /**
     * A command line that also trusts the certificates the user chose to always trust in the window.
     *
     * @param knownCertificates the window's {@code known-certs.json}
     */
    public FerryCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal,
                    Path knownCertificates) {
        this(out, err, in, env, terminal, ProtocolLog.none(), Optional.of(new KnownCertificates(knownCertificates)));
    }

    /** As the public constructor, with every session's protocol also told to {@code observer} (for tests). */
    FerryCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal,
             ProtocolLog observer) {
        this(out, err, in, env, terminal, observer, Optional.empty());
    }

    private FerryCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal,
                     ProtocolLog observer, Optional<KnownCertificates> known) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.terminal = terminal;
        this.observer = observer;
        this.known = known;
    }

    /** The usage text. */
    public static String usage() {
        return USAGE;
    }

    /** Runs one command line and returns its exit status. */
    public int run(String[] args) {
        CliOptions options;
        try {
            options = ArgumentParser.parse(args);
        } catch (UsageException e) {
            err.println("ferry: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
        int status = dispatchAndReport(options);
        // What a command printed reaches standard output only now, when the buffer is flushed.
        if (status == EXIT_OK && out.checkError()) {
            return outputFailed(new StandardOutput.WriteFailed(StandardOutput.failureOf(out)));
        }
        return status;
    }

    /** Says why standard output failed, unless the reader simply left; exit 1 either way. */
    private int outputFailed(StandardOutput.WriteFailed e) {
        if (!e.readerLeft()) {
            err.println("ferry: " + e.getMessage());
        }
        return EXIT_FAILED;
    }

    private int dispatchAndReport(CliOptions options) {
        try {
            return dispatch(options);
        } catch (StandardOutput.WriteFailed e) {
            return outputFailed(e);
        } catch (UsageException e) {
            err.println("ferry: " + e.getMessage());
            return EXIT_USAGE;
        } catch (UntrustedCertificateException e) {
            untrusted(e.certificate());
            return EXIT_UNTRUSTED;
        } catch (ClientCertificateException e) {
            err.println("ferry: " + e.getMessage());
            return EXIT_USAGE;
        } catch (FtpException e) {
            err.println("ferry: " + e.getMessage());
            return EXIT_FAILED;
        } catch (FileSystemException e) {
            err.println("ferry: " + describe(e));
            return EXIT_FAILED;
        } catch (IOException e) {
            err.println("ferry: " + e.getMessage());
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ferry: interrupted");
            return EXIT_FAILED;
        }
    }

    private int dispatch(CliOptions o) throws IOException, UsageException, ClientCertificateException, InterruptedException {
        Progress progress = new Progress(err, terminal && !o.quiet());
        switch (o.command()) {
            case "ls" -> {
                FtpUrl url = FtpUrl.parse(o.arguments().get(0));
                return ListCommand.run(o, url, sessions(o, url), out);
            }
            case "cert" -> {
                FtpUrl url = FtpUrl.parse(o.arguments().get(0));
                return CertCommand.run(url, sessions(o, url), out);
            }
            case "get" -> {
                FtpUrl url = FtpUrl.parse(o.arguments().get(0));
                return GetCommand.run(o, url, o.arguments().get(1), sessions(o, url), out, err, progress);
            }
            case "put" -> {
                FtpUrl url = FtpUrl.parse(o.arguments().get(1));
                return PutCommand.run(o, o.arguments().get(0), url, sessions(o, url), in, err, progress);
            }
            default -> throw new UsageException("unknown command " + o.command());
        }
    }

    private SessionFactory sessions(CliOptions o, FtpUrl url) throws UsageException, ClientCertificateException {
        return SessionFactory.create(o, url, env, err, observer, known);
    }

    private void untrusted(ServerCertificate c) {
        err.println("ferry: refusing to connect: the certificate of " + c.host() + ":" + c.port() + " is not trusted");
        for (String why : c.evaluation().explanations()) {
            err.println("  - " + why);
        }
        pinFor(c).filter(pin -> !pin.matches(c)).ifPresent(pin -> err.println("  - It is not the certificate you chose"
                + " to always trust in Ferry for " + pin.server() + " (SHA-256 fingerprint " + pin.sha256()
                + "): it has changed since."));
        err.println("  SHA-256 fingerprint: " + c.sha256Fingerprint());
        err.println("  If you have checked this fingerprint with the server's administrator, trust it with:");
        err.println("    --fingerprint " + c.sha256Fingerprint());
        err.println("  or trust its certificate authority with --cacert FILE.pem");
    }

    private Optional<KnownCertificate> pinFor(ServerCertificate c) {
        return new CliTrust(java.util.List.of(), known, problem -> { }).pinFor(c);
    }

    private static String describe(FileSystemException e) {
        String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            reason = "no such file or folder";
        }
        return e.getFile() + ": " + reason;
    }

    /** The command-line entry point, without the window's known certificates. */
    public static void main(String[] args) {
        exit(new FerryCli(StandardOutput.ofProcess(), System.err, System.in, System.getenv(), System.console() != null),
                args);
    }

    /** The entry point of {@code ferry.jar}: also trusts what the user pinned in the window ({@code knownCertificates}). */
    public static void main(String[] args, Path knownCertificates) {
        exit(new FerryCli(StandardOutput.ofProcess(), System.err, System.in, System.getenv(),
                System.console() != null, knownCertificates), args);
    }

    private static void exit(FerryCli cli, String[] args) {
        int status = cli.run(args);
        System.out.flush();
        System.exit(status);
    }
}
