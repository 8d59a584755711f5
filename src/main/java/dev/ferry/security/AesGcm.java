package dev.ferry.security;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** AES-256-GCM with a random 96-bit nonce and a 128-bit tag, bound to a label as associated data. */
final class AesGcm {
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A nonce and the ciphertext with its tag. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    private AesGcm() {
    }

    static Sealed seal(KeyParameter key, byte[] plaintext, String label, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, key, nonce, label);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        return new Sealed(nonce, out);
    }

    /**
     * The plaintext; the caller wipes it.
     *
     * @throws InvalidCipherTextException when the key is wrong, or the nonce, ciphertext or label was altered
     */
    static byte[] open(KeyParameter key, Sealed sealed, String label) throws InvalidCipherTextException {
        if (sealed.nonce().length != NONCE_BYTES || sealed.ciphertext().length < TAG_BITS / 8) {
            throw new InvalidCipherTextException("not an AES-GCM ciphertext");
        }
        GCMModeCipher gcm = cipher(false, key, sealed.nonce(), label);
        byte[] out = new byte[gcm.getOutputSize(sealed.ciphertext().length)];
        int n = gcm.processBytes(sealed.ciphertext(), 0, sealed.ciphertext().length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            SecretBytes.wipe(out);
            throw e;
        }
        return out;
    }

    private static GCMModeCipher cipher(boolean encrypt, KeyParameter key, byte[] nonce, String label) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(key, TAG_BITS, nonce, label.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }
}
