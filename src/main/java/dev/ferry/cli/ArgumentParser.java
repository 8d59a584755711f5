package dev.ferry.cli;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.TlsVersion;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns {@code ferry} arguments into {@link CliOptions}; anything unknown is a usage error. */
final class ArgumentParser {
    static final Set<String> COMMANDS = Set.of("ls", "get", "put", "cert");

    private ArgumentParser() {
    }

    static CliOptions parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (!COMMANDS.contains(command)) {
            throw new UsageException("unknown command \"" + command + "\"");
        }
        List<String> positional = new ArrayList<>();
        List<Path> cacerts = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        Optional<Path> cert = Optional.empty();
        Optional<Path> key = Optional.empty();
        Optional<String> certPasswordEnv = Optional.empty();
        Optional<String> passwordEnv = Optional.empty();
        int parallel = 2;
        Optional<TlsVersion> tlsMax = Optional.empty();
        DataConnectionMode dataMode = DataConnectionMode.PASSIVE;
        boolean quiet = false;
        boolean verbose = false;
        boolean recursive = false;
        boolean json = false;
        boolean longListing = false;
        boolean allowPlain = false;
        Duration timeout = Duration.ofSeconds(30);
        Optional<Charset> encoding = Optional.empty();
        boolean optionsEnded = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            switch (a) {
                case "--" -> optionsEnded = true;
                case "--cacert" -> cacerts.add(Path.of(value(args, ++i, a)));
                case "--fingerprint" -> fingerprints.add(value(args, ++i, a));
                case "--cert" -> cert = Optional.of(Path.of(value(args, ++i, a)));
                case "--key" -> key = Optional.of(Path.of(value(args, ++i, a)));
                case "--cert-password-env" -> certPasswordEnv = Optional.of(value(args, ++i, a));
                case "--password-env" -> passwordEnv = Optional.of(value(args, ++i, a));
                case "-P", "--parallel" -> parallel = parallel(value(args, ++i, a));
                case "--tls-max" -> {
                    String v = value(args, ++i, a);
                    tlsMax = Optional.of(TlsVersion.parse(v).orElseThrow(
                            () -> new UsageException("--tls-max takes 1.2 or 1.3, not \"" + v + "\"")));
                }
                case "--passive" -> dataMode = DataConnectionMode.PASSIVE;
                case "--active" -> dataMode = DataConnectionMode.ACTIVE;
                case "-q", "--quiet" -> quiet = true;
                case "-v", "--verbose" -> verbose = true;
                case "-r", "--recursive" -> recursive = true;
                case "--json" -> json = true;
                case "-l", "--long" -> longListing = true;
                case "--allow-plain" -> allowPlain = true;
                case "--timeout" -> timeout = seconds(value(args, ++i, a));
                case "--encoding" -> encoding = Optional.of(charset(value(args, ++i, a)));
                default -> throw new UsageException("unknown option \"" + a + "\" for ferry " + command);
            }
        }
        int expected = switch (command) {
            case "ls", "cert" -> 1;
            default -> 2;
        };
        if (positional.size() != expected) {
            throw new UsageException("ferry " + command + " takes " + expected + " argument" + (expected == 1 ? "" : "s")
                    + ", got " + positional.size());
        }
        if (key.isPresent() && cert.isEmpty()) {
            throw new UsageException("--key needs --cert");
        }
        return new CliOptions(command, positional, cacerts, fingerprints, cert, key, certPasswordEnv, passwordEnv,
                parallel, tlsMax, dataMode, quiet, verbose, recursive, json, longListing, allowPlain, timeout, encoding);
    }

    private static Charset charset(String name) throws UsageException {
        try {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        } catch (IllegalCharsetNameException ignored) {
            // said below
        }
        throw new UsageException("--encoding takes an encoding Java knows (UTF-8, windows-1252, ISO-8859-2, Shift_JIS…),"
                + " not \"" + name + "\"");
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int parallel(String v) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 10) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("-P takes a number from 1 to 10, not \"" + v + "\"");
    }

    private static Duration seconds(String v) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 3600) {
                return Duration.ofSeconds(n);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--timeout takes seconds from 1 to 3600, not \"" + v + "\"");
    }
}
