package dev.ferry.app;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Puts Amazon Corretto Crypto Provider (AWS-LC through JNI) first among the security providers, where
 * its native library loads, so that the JDK's TLS uses native AES-GCM, ECDH and HMAC. Measured here:
 * a 512 MiB download needs about half the client CPU (the JDK's own AES-GCM runs slowly until the JIT
 * has compiled it, and very slowly with C1 alone: 11.9 s instead of 1.6 s).
 * <p>The Linux package keeps the library in {@code lib/app/native/} (Stage.java, runtime.sh), where it
 * loads in a few milliseconds; from the jar alone (a development build) the provider first writes it to
 * {@code java.io.tmpdir}, about 0.1 s. The command line installs it before its first connection, so the
 * control connection's handshake is native too; the window, once it is on screen.
 * {@code -Dferry.crypto=jdk} keeps the JDK's providers; {@code -Dferry.crypto=native} makes the command
 * line stop with the reason when the native provider does not load.
 */
final class NativeCrypto {
    private NativeCrypto() {
    }

    /** Installs the native provider if it loads on this machine; true when it did. Installing again changes nothing. */
    static synchronized boolean install() {
        if (!wanted() || !loads()) {
            return false;
        }
        AmazonCorrettoCryptoProvider.install();
        return true;
    }

    /** {@code -Dferry.crypto=native}: the native provider must load (the Linux package's test says so). */
    static boolean required() {
        return "native".equals(System.getProperty("ferry.crypto"));
    }

    /** Why the native provider does not load on this machine, if it does not. */
    static Optional<String> problem() {
        try {
            return Optional.ofNullable(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()).map(Throwable::toString);
        } catch (LinkageError | RuntimeException e) {
            return Optional.of(e.toString());
        }
    }

    private static boolean wanted() {
        return !"jdk".equals(System.getProperty("ferry.crypto"));
    }

    private static boolean loads() {
        Optional<String> problem = problem();
        problem.ifPresent(p -> LoggerFactory.getLogger(NativeCrypto.class).debug("native crypto not available: {}", p));
        return problem.isEmpty();
    }
}
