package dev.ferry.security;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps secrets (site passwords, client-certificate passwords) encrypted in one file, under a key derived from
 * a master password. Secrets are stored by key name, such as {@code "site:<id>:password"}.
 *
 * <p>How: AES-256-GCM, a fresh random nonce per secret, the key name as associated data; the key comes from the
 * master password through Argon2id (64 MiB, 3 passes; {@link KdfParameters#recommended()}) with a random
 * 16-byte salt. The parameters and the salt are recorded in the file, with a verifier (a known text sealed with
 * the key) that tells a wrong master password from a right one. See {@link VaultFile} for the format.
 *
 * <p>Lifecycle: {@link #setMasterPassword} creates the vault; {@link #unlock} once per run derives the key and
 * keeps it in memory until {@link #lock}; {@link #get}, {@link #put} then work without asking again.
 * {@link #changeMasterPassword} re-encrypts everything in one atomic write; {@link #removeAll} deletes every
 * stored secret and the master password with them ("don't store passwords").
 *
 * <p><b>Security warnings.</b>
 * <ul>
 * <li>The vault protects secrets at rest against someone who copies the file but does not know the master
 *     password. It does not protect against malware running as the user while the vault is unlocked.</li>
 * <li>Secrets are only as strong as the master password: the slow derivation makes guessing expensive, not
 *     impossible. The UI should ask for a long one.</li>
 * <li>Passwords are taken and given as {@code char[]}. The vault wipes its own copies (UTF-8 buffers, the
 *     derived key on {@link #lock}); the arrays passed in and returned belong to the caller, who should wipe
 *     them ({@code Arrays.fill(chars, '\0')}) once used. The JVM may still hold transient copies (AES key
 *     schedules, garbage not yet collected).</li>
 * <li>Nothing here logs, and {@link #toString()} names no secret; keep it that way in callers.</li>
 * <li>Key derivation takes about a second: call {@link #unlock}, {@link #setMasterPassword} and
 *     {@link #changeMasterPassword} off the FX thread.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per file and per process.
 */
public final class SecretVault {
    private static final String VERIFIER_LABEL = "ferry-vault-v1 verifier";
    private static final String SECRET_LABEL = "ferry-vault-v1 secret ";
    private static final byte[] VERIFIER_TEXT = "Ferry secret vault: the master password is right"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;

    private final Path file;
    private final KdfParameters forNewKeys;
    private final SecureRandom random = new SecureRandom();
    private KeyParameter key;
    private VaultFile contents;

    /** Whether the vault can be used now. */
    public enum State {
        /** No vault file: no master password set, no secret stored (or "don't store passwords"). */
        NO_MASTER_PASSWORD,
        /** A vault exists; {@link #unlock} with the master password before reading or storing secrets. */
        LOCKED,
        /** Unlocked for this run: secrets can be read and stored. */
        UNLOCKED
    }

    /**
     * @param file where the vault lives, usually {@code secrets.json} in the config folder beside
     *             {@code sites.json}; created by {@link #setMasterPassword}
     */
    public SecretVault(Path file) {
        this(file, KdfParameters.recommended());
    }

    /** As {@link #SecretVault(Path)}, deriving new keys with {@code forNewKeys} (tests use cheaper ones). */
    SecretVault(Path file, KdfParameters forNewKeys) {
        this.file = Objects.requireNonNull(file, "file");
        this.forNewKeys = Objects.requireNonNull(forNewKeys, "forNewKeys");
    }

    /** The vault's file. */
    public Path file() {
        return file;
    }

    /** Whether a master password is set, and whether this run has unlocked the vault. */
    public synchronized State state() {
        if (key != null) {
            return State.UNLOCKED;
        }
        return Files.exists(file) ? State.LOCKED : State.NO_MASTER_PASSWORD;
    }

    /** Whether this run has unlocked the vault (so no need to ask for the master password again). */
    public synchronized boolean isUnlocked() {
        return key != null;
    }

    /**
     * Creates an empty vault protected by {@code master} and leaves it unlocked. Slow (key derivation).
     *
     * @throws VaultException when a master password is already set (change it instead), the password is
     *                        empty, or the file cannot be written
     */
    public synchronized void setMasterPassword(char[] master) throws VaultException {
        if (Files.exists(file)) {
            throw new VaultException("A master password is already set. Change it, or remove the stored passwords"
                    + " to start again.");
        }
        requireNonEmpty(master);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        KeyParameter newKey = KeyDerivation.derive(forNewKeys, master, salt);
        VaultFile created = new VaultFile(forNewKeys, salt, AesGcm.seal(newKey, VERIFIER_TEXT, VERIFIER_LABEL, random),
                Map.of());
        write(created);
        adopt(newKey, created);
    }

    /**
     * Opens the vault for this run: derives the key from {@code master} and keeps it in memory until
     * {@link #lock}. Slow (key derivation). Reads the file; never writes it.
     *
     * @throws WrongMasterPasswordException when {@code master} is not the master password; nothing changed
     * @throws VaultException               when no master password is set or the file cannot be read
     */
    public synchronized void unlock(char[] master) throws VaultException {
        VaultFile read = readExisting();
        KeyParameter candidate = openWith(read, master);
        adopt(candidate, read);
    }

    /** Forgets the key (wiping it) until the next {@link #unlock}. Stored secrets stay in the file. */
    public synchronized void lock() {
        if (key != null) {
            SecretBytes.wipe(key.getKey());
        }
        key = null;
        contents = null;
    }

    /**
     * The secret stored under {@code name}, or empty. The caller owns the array and should wipe it after use.
     *
     * @throws VaultLockedException when the vault is locked or no master password is set
     * @throws VaultException       when the stored secret was altered or damaged
     */
    public synchronized Optional<char[]> get(String name) throws VaultException {
        requireUnlocked();
        AesGcm.Sealed sealed = contents.secrets().get(name);
        if (sealed == null) {
            return Optional.empty();
        }
        return Optional.of(decrypt(key, name, sealed));
    }

    /**
     * Stores {@code secret} under {@code name}, replacing what was there, and writes the file. The vault keeps
     * no copy of {@code secret} in clear; the caller should wipe it.
     *
     * @throws VaultLockedException when the vault is locked or no master password is set
     * @throws VaultException       when the file cannot be written (then nothing changed)
     */
    public synchronized void put(String name, char[] secret) throws VaultException {
        Objects.requireNonNull(name, "name");
        requireUnlocked();
        byte[] plain = SecretBytes.utf8(secret);
        try {
            Map<String, AesGcm.Sealed> secrets = new HashMap<>(contents.secrets());
            secrets.put(name, AesGcm.seal(key, plain, SECRET_LABEL + name, random));
            VaultFile updated = contents.withSecrets(secrets);
            write(updated);
            contents = updated;
        } finally {
            SecretBytes.wipe(plain);
        }
    }

    /**
     * Deletes the secret stored under {@code name}, if any. Works while locked too (deleting a site should not
     * ask for the master password): the entry is dropped from the file without decrypting anything.
     *
     * @return whether a secret was deleted
     * @throws VaultException when the file cannot be read or written (then nothing changed)
     */
    public synchronized boolean remove(String name) throws VaultException {
        VaultFile current = key != null ? contents : Files.exists(file) ? VaultFile.read(file) : null;
        if (current == null || !current.secrets().containsKey(name)) {
            return false;
        }
        Map<String, AesGcm.Sealed> secrets = new HashMap<>(current.secrets());
        secrets.remove(name);
        VaultFile updated = current.withSecrets(secrets);
        write(updated);
        if (key != null) {
            contents = updated;
        }
        return true;
    }

    /**
     * The names of the stored secrets (not the secrets). Key names are stored in clear, so this works while
     * locked.
     *
     * @throws VaultException when the file cannot be read
     */
    public synchronized Set<String> names() throws VaultException {
        VaultFile current = key != null ? contents : Files.exists(file) ? VaultFile.read(file) : null;
        return current == null ? Set.of() : Set.copyOf(new TreeSet<>(current.secrets().keySet()));
    }

    /**
     * Replaces the master password: checks {@code oldMaster}, decrypts every secret, encrypts each again under
     * a key derived from {@code newMaster} with a new salt (and the current recommended parameters), and writes
     * the file in one atomic rename. Either every secret is re-encrypted, or the old file is untouched. After it,
     * the old master password opens nothing and the vault is unlocked with the new one. Slow (two derivations).
     *
     * @throws WrongMasterPasswordException when {@code oldMaster} is not the master password; nothing changed
     * @throws VaultException               when no master password is set, the new one is empty, a stored secret
     *                                      is damaged, or the file cannot be written; nothing changed
     */
    public synchronized void changeMasterPassword(char[] oldMaster, char[] newMaster) throws VaultException {
        VaultFile current = readExisting();
        KeyParameter oldKey = openWith(current, oldMaster);
        KeyParameter newKey = null;
        try {
            requireNonEmpty(newMaster);
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            newKey = KeyDerivation.derive(forNewKeys, newMaster, salt);
            Map<String, AesGcm.Sealed> resealed = new HashMap<>();
            for (Map.Entry<String, AesGcm.Sealed> e : current.secrets().entrySet()) {
                byte[] plain = plaintext(oldKey, e.getKey(), e.getValue());
                try {
                    resealed.put(e.getKey(), AesGcm.seal(newKey, plain, SECRET_LABEL + e.getKey(), random));
                } finally {
                    SecretBytes.wipe(plain);
                }
            }
            VaultFile changed = new VaultFile(forNewKeys, salt, AesGcm.seal(newKey, VERIFIER_TEXT, VERIFIER_LABEL, random),
                    resealed);
            write(changed);
            adopt(newKey, changed);
            newKey = null;
        } finally {
            SecretBytes.wipe(oldKey.getKey());
            if (newKey != null) {
                SecretBytes.wipe(newKey.getKey());
            }
        }
    }

    /**
     * Deletes every stored secret and the master password with them, and locks: for "don't store passwords",
     * and for a forgotten master password. Needs no password. Afterwards {@link #state()} is
     * {@link State#NO_MASTER_PASSWORD}.
     *
     * @throws VaultException when the file cannot be deleted
     */
    public synchronized void removeAll() throws VaultException {
        lock();
        try {
            Files.deleteIfExists(VaultFile.temporary(file));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VaultException("The stored passwords could not be removed: " + e.getMessage(), e);
        }
    }

    // ---- Internals ----------------------------------------------------------------------------------------

    private VaultFile readExisting() throws VaultException {
        if (!Files.exists(file)) {
            throw new VaultLockedException("No master password is set, so no password is stored.");
        }
        return VaultFile.read(file);
    }

    /** The key {@code master} gives for {@code vault}, after checking it against the verifier. */
    private KeyParameter openWith(VaultFile vault, char[] master) throws WrongMasterPasswordException {
        KeyParameter candidate = KeyDerivation.derive(vault.kdf(), master, vault.salt());
        try {
            byte[] text = AesGcm.open(candidate, vault.verifier(), VERIFIER_LABEL);
            if (MessageDigest.isEqual(text, VERIFIER_TEXT)) {
                return candidate;
            }
        } catch (InvalidCipherTextException e) {
            // a wrong password gives a wrong key, and the tag does not match
        }
        SecretBytes.wipe(candidate.getKey());
        throw new WrongMasterPasswordException();
    }

    private void adopt(KeyParameter newKey, VaultFile newContents) {
        if (key != null && key != newKey) {
            SecretBytes.wipe(key.getKey());
        }
        key = newKey;
        contents = newContents;
    }

    private void write(VaultFile vault) throws VaultException {
        try {
            vault.write(file);
        } catch (IOException e) {
            throw new VaultException(file.getFileName() + " could not be written (" + e.getMessage()
                    + "). Nothing was changed.", e);
        }
    }

    private void requireUnlocked() throws VaultLockedException {
        if (key == null) {
            throw new VaultLockedException(Files.exists(file)
                    ? "The stored passwords are locked: enter the master password first."
                    : "No master password is set: set one to store passwords.");
        }
    }

    private static void requireNonEmpty(char[] master) throws VaultException {
        if (master == null || master.length == 0) {
            throw new VaultException("The master password cannot be empty.");
        }
    }

    private static char[] decrypt(KeyParameter key, String name, AesGcm.Sealed sealed) throws VaultException {
        byte[] plain = plaintext(key, name, sealed);
        try {
            return SecretBytes.chars(plain);
        } catch (CharacterCodingException e) {
            throw damaged(name);
        } finally {
            SecretBytes.wipe(plain);
        }
    }

    private static byte[] plaintext(KeyParameter key, String name, AesGcm.Sealed sealed) throws VaultException {
        try {
            return AesGcm.open(key, sealed, SECRET_LABEL + name);
        } catch (InvalidCipherTextException e) {
            throw damaged(name);
        }
    }

    private static VaultException damaged(String name) {
        return new VaultException("The stored secret \"" + name + "\" was altered or damaged and cannot be read."
                + " Nothing was changed; store it again, or remove the stored passwords.");
    }

    /** Names the file and the state; never a secret. */
    @Override
    public synchronized String toString() {
        return "SecretVault[" + file + ", " + state() + "]";
    }
}
