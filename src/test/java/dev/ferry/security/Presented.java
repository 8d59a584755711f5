package dev.ferry.security;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.testsupport.TestPki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/** Server certificates as a connection would present them, evaluated against the given authorities only. */
final class Presented {
    private Presented() {
    }

    static ServerCertificate by(TestPki.Issued issued, String host, int port, X509Certificate... authorities) {
        ServerCertificateEvaluator evaluator = new ServerCertificateEvaluator(List.of(authorities), false, Clock.systemUTC());
        return new ServerCertificate(host, port, issued.chain(), "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                evaluator.evaluate(issued.chain(), host));
    }

    /** A self-signed certificate for localhost. */
    static ServerCertificate selfSigned(int port) {
        return by(TestPki.selfSigned(TestPki.spec("localhost").loopback()), "localhost", port);
    }
}
