package dev.ferry.app;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.LoggerFactory;

/**
 * Puts Amazon Corretto Crypto Provider (AWS-LC through JNI) first among the security providers, where
 * its native library loads, so that the JDK's TLS uses native AES-GCM, ECDH and HMAC. Measured here:
 * a 512 MiB download needs about half the client CPU (the JDK's own AES-GCM runs slowly until the JIT
 * has compiled it), and each TLS 1.3 data connection's key exchange costs a fraction. Loading costs
 * about 0.3 s, so only transfers ask for it. {@code -Dferry.crypto=jdk} keeps the JDK's providers.
 */
final class NativeCrypto {
    private NativeCrypto() {
    }

    /** Installs the native provider if it loads on this machine; true when it did. */
    static boolean install() {
        if ("jdk".equals(System.getProperty("ferry.crypto"))) {
            return false;
        }
        try {
            Throwable problem = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (problem != null) {
                LoggerFactory.getLogger(NativeCrypto.class).debug("native crypto not available: {}", problem.toString());
                return false;
            }
            AmazonCorrettoCryptoProvider.install();
            return true;
        } catch (LinkageError | RuntimeException e) {
            LoggerFactory.getLogger(NativeCrypto.class).debug("native crypto not available: {}", e.toString());
            return false;
        }
    }
}
