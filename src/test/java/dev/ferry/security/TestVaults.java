package dev.ferry.security;

import java.nio.file.Path;

/** Vaults for tests: cheap key derivation, so a test takes milliseconds instead of a second per unlock. */
public final class TestVaults {
    /** Argon2id with 256 KiB and one pass: the same code path as the real parameters, far cheaper. */
    public static final KdfParameters CHEAP = new KdfParameters.Argon2id(256, 1, 1);

    private TestVaults() {
    }

    /** A vault at {@code file} that derives new keys with {@link #CHEAP}. */
    public static SecretVault cheap(Path file) {
        return new SecretVault(file, CHEAP);
    }
}
