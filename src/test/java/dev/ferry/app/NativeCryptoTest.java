package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native provider is loaded in the background and joins the provider list only when asked. */
class NativeCryptoTest {
    private static final String NAME = "AmazonCorrettoCryptoProvider";

    @AfterEach
    void removeIt() {
        Security.removeProvider(NAME);
    }

    @Test
    void preloadingLeavesTheProviderListAloneUntilInstall() throws Exception {
        Security.removeProvider(NAME);
        NativeCrypto.Loading loading = NativeCrypto.preload();
        Thread.sleep(200);
        assertEquals(-1, position(), "not installed while it loads");

        loading.install();
        // Linux x86-64 is where it loads (this machine, CI); elsewhere the JDK's providers stay.
        if (isLinuxX64()) {
            assertEquals(1, position(), "first once installed");
        }
        loading.install();
        long copies = Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals(NAME)).count();
        assertEquals(isLinuxX64() ? 1 : 0, copies, "a second install changes nothing");
    }

    @Test
    void theJdkChoiceKeepsTheJdksProviders() {
        Security.removeProvider(NAME);
        String before = System.getProperty("ferry.crypto");
        System.setProperty("ferry.crypto", "jdk");
        try {
            NativeCrypto.Loading loading = NativeCrypto.preload();
            loading.install();
            assertTrue(position() < 0);
        } finally {
            if (before == null) {
                System.clearProperty("ferry.crypto");
            } else {
                System.setProperty("ferry.crypto", before);
            }
        }
    }

    private static int position() {
        Provider[] all = Security.getProviders();
        for (int i = 0; i < all.length; i++) {
            if (all[i].getName().equals(NAME)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isLinuxX64() {
        return System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
    }
}
