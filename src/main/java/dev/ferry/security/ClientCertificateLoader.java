package dev.ferry.security;

import dev.ferry.engine.tls.ClientCredentials;

import java.nio.file.Path;
import java.util.Optional;

/** Placeholder until the security branch lands. */
public final class ClientCertificateLoader {
    public ClientCredentials load(Path certificateFile, Optional<Path> keyFile, Optional<char[]> password)
            throws ClientCertificateException {
        throw new ClientCertificateException("not yet");
    }
}
