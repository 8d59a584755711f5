package dev.ferry.security;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** Turns a master password and a salt into the vault's 256-bit AES key. */
final class KeyDerivation {
    static final int KEY_BYTES = 32;

    private KeyDerivation() {
    }

    /** The key for {@code password}; the password's bytes are wiped, the caller wipes the key's. */
    static KeyParameter derive(KdfParameters parameters, char[] password, byte[] salt) {
        byte[] passwordBytes = SecretBytes.utf8(password);
        try {
            byte[] key = new byte[KEY_BYTES];
            if (parameters instanceof KdfParameters.Argon2id a) {
                Argon2BytesGenerator generator = new Argon2BytesGenerator();
                generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withSalt(salt)
                        .withMemoryAsKB(a.memoryKiB())
                        .withIterations(a.iterations())
                        .withParallelism(a.parallelism())
                        .build());
                generator.generateBytes(passwordBytes, key);
            } else if (parameters instanceof KdfParameters.Pbkdf2Sha256 p) {
                PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
                generator.init(passwordBytes, salt, p.iterations());
                KeyParameter derived = (KeyParameter) generator.generateDerivedParameters(KEY_BYTES * 8);
                System.arraycopy(derived.getKey(), 0, key, 0, KEY_BYTES);
                SecretBytes.wipe(derived.getKey());
            }
            // KeyParameter.getKey() hands out its own array, so lock() can wipe the key in place.
            KeyParameter result = new KeyParameter(key);
            SecretBytes.wipe(key);
            return result;
        } finally {
            SecretBytes.wipe(passwordBytes);
        }
    }
}
