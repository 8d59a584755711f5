package dev.ferry.app;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.LoggerFactory;

/**
 * Puts Amazon Corretto Crypto Provider (AWS-LC through JNI) first among the security providers, where
 * its native library loads, so that the JDK's TLS uses native AES-GCM, ECDH and HMAC. Measured here:
 * a 512 MiB download needs about half the client CPU (the JDK's own AES-GCM runs slowly until the JIT
 * has compiled it, and very slowly with C1 alone). Loading costs about 0.25 s, so only transfers ask for
 * it, and the command line loads it while it connects ({@link #preload()}). {@code -Dferry.crypto=jdk}
 * keeps the JDK's providers.
 */
final class NativeCrypto {
    private NativeCrypto() {
    }

    /** Installs the native provider if it loads on this machine; true when it did. */
    static boolean install() {
        if (!wanted() || !loads()) {
            return false;
        }
        AmazonCorrettoCryptoProvider.install();
        return true;
    }

    /**
     * Starts loading the native provider on a background thread, without installing it: the provider
     * list does not change under a TLS handshake that is running meanwhile. {@link Loading#install()}
     * finishes the job.
     */
    static Loading preload() {
        Loading loading = new Loading();
        if (wanted()) {
            Thread t = new Thread(loading::load, "ferry-native-crypto");
            t.setDaemon(true);
            loading.thread = t;
            t.start();
        }
        return loading;
    }

    /** The native provider being loaded in the background. */
    static final class Loading {
        private Thread thread;
        private volatile boolean loaded;
        private boolean installed;

        private void load() {
            loaded = loads();
        }

        /**
         * Waits for the loading to end and installs the provider if it loaded; later calls do nothing.
         * Call it where no TLS handshake is running, before the first data connection.
         */
        synchronized void install() {
            if (installed || thread == null) {
                return;
            }
            installed = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (loaded) {
                AmazonCorrettoCryptoProvider.install();
            }
        }
    }

    private static boolean wanted() {
        return !"jdk".equals(System.getProperty("ferry.crypto"));
    }

    private static boolean loads() {
        try {
            Throwable problem = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (problem != null) {
                LoggerFactory.getLogger(NativeCrypto.class).debug("native crypto not available: {}", problem.toString());
                return false;
            }
            return true;
        } catch (LinkageError | RuntimeException e) {
            LoggerFactory.getLogger(NativeCrypto.class).debug("native crypto not available: {}", e.toString());
            return false;
        }
    }
}
