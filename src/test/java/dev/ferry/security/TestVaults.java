package dev.ferry.security;

import java.nio.file.Path;

/** Vaults for tests in other packages: the real format and checks, with a key derivation cheap enough for tests. */
public final class TestVaults {
    private TestVaults() {
    }

    /** A vault at {@code file} deriving new keys with a small Argon2id (fast, same code path). */
    public static SecretVault fast(Path file) {
        return new SecretVault(file, new KdfParameters.Argon2id(1024, 1, 1));
    }
}
