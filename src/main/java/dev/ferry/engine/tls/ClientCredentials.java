package dev.ferry.engine.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate with its private key, presented to servers that ask for one.
 *
 * <p>Security: this record holds a private key in memory; never log it or write it anywhere.
 *
 * @param key   the private key that matches the first certificate of {@code chain}
 * @param chain the client certificate first, then any intermediates; never empty
 */
public record ClientCredentials(PrivateKey key, List<X509Certificate> chain) {
    public ClientCredentials {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate chain needs at least one certificate");
        }
    }

    /** The client's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
