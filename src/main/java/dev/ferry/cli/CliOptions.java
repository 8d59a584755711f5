package dev.ferry.cli;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.TlsVersion;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The parsed command line of one {@code ferry} call. */
public record CliOptions(
        String command,
        List<String> arguments,
        List<Path> caCertificates,
        List<String> fingerprints,
        Optional<Path> clientCertificate,
        Optional<Path> clientKey,
        Optional<String> clientCertificatePasswordEnv,
        Optional<String> passwordEnv,
        int parallel,
        Optional<TlsVersion> tlsMaximum,
        DataConnectionMode dataMode,
        boolean quiet,
        boolean verbose,
        boolean recursive,
        boolean json,
        boolean longListing,
        boolean allowPlain,
        Duration timeout,
        Optional<Charset> encoding) {

    public CliOptions {
        arguments = List.copyOf(arguments);
        caCertificates = List.copyOf(caCertificates);
        fingerprints = List.copyOf(fingerprints);
    }
}
