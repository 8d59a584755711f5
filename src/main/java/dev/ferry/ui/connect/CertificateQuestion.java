package dev.ferry.ui.connect;

import java.util.concurrent.CompletableFuture;

import dev.ferry.engine.tls.ServerCertificate;

/** Asks the user whether to go on with a certificate that is not trusted. Called on the FX thread. */
@FunctionalInterface
public interface CertificateQuestion {
    /** Completes with true to trust the certificate for this run, false to refuse it. */
    CompletableFuture<Boolean> ask(ServerCertificate certificate);
}
