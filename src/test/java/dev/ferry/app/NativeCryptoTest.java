package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

import javax.crypto.Cipher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native provider goes first in the provider list, once, where it loads; the JDK's choice keeps it out. */
class NativeCryptoTest {
    private static final String NAME = "AmazonCorrettoCryptoProvider";

    @AfterEach
    void removeIt() {
        Security.removeProvider(NAME);
    }

    @Test
    void installsTheNativeProviderFirstAndOnlyOnce() throws Exception {
        Security.removeProvider(NAME);
        boolean installed = NativeCrypto.install();
        // Linux x86-64 is where it loads (this machine, CI); elsewhere the JDK's providers stay.
        assertEquals(isLinuxX64(), installed);
        if (installed) {
            assertEquals(1, position(), "first once installed");
            assertEquals(NAME, Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName(), "TLS's cipher is native");
        }
        NativeCrypto.install();
        long copies = Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals(NAME)).count();
        assertEquals(installed ? 1 : 0, copies, "a second install changes nothing");
    }

    @Test
    void theJdkChoiceKeepsTheJdksProviders() {
        Security.removeProvider(NAME);
        String before = System.getProperty("ferry.crypto");
        System.setProperty("ferry.crypto", "jdk");
        try {
            assertFalse(NativeCrypto.install());
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
