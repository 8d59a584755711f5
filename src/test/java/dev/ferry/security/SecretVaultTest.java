package dev.ferry.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("secrets.json");
    }

    private SecretVault created(String master) throws VaultException {
        SecretVault vault = TestVaults.cheap(file());
        vault.setMasterPassword(master.toCharArray());
        return vault;
    }

    private static String text(Optional<char[]> secret) {
        return new String(secret.orElseThrow());
    }

    private JsonNode fileJson() throws Exception {
        return JSON.readTree(file().toFile());
    }

    @Test
    void storedSecretsAreReadBackAfterReopeningWithTheMasterPassword() throws Exception {
        SecretVault vault = created("correct horse");
        vault.put("site:1:password", "s3cret-ü".toCharArray());
        vault.put("site:2:password", "other".toCharArray());

        SecretVault reopened = TestVaults.cheap(file());
        assertEquals(SecretVault.State.LOCKED, reopened.state());
        reopened.unlock("correct horse".toCharArray());

        assertEquals(SecretVault.State.UNLOCKED, reopened.state());
        assertEquals("s3cret-ü", text(reopened.get("site:1:password")));
        assertEquals("other", text(reopened.get("site:2:password")));
        assertEquals(Optional.empty(), reopened.get("site:3:password"));
    }

    @Test
    void aWrongMasterPasswordIsRefusedAndTheFileIsUnchanged() throws Exception {
        created("correct horse").put("site:1:password", "s3cret".toCharArray());
        byte[] before = Files.readAllBytes(file());
        SecretVault reopened = TestVaults.cheap(file());

        WrongMasterPasswordException e = assertThrows(WrongMasterPasswordException.class,
                () -> reopened.unlock("wrong horse".toCharArray()));

        assertEquals("The master password is not correct. Nothing was changed.", e.getMessage());
        assertEquals(SecretVault.State.LOCKED, reopened.state());
        assertThrows(VaultLockedException.class, () -> reopened.get("site:1:password"));
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    @Test
    void theFileHoldsNeitherTheSecretsNorTheMasterPasswordInClear() throws Exception {
        created("master-pass-phrase").put("site:1:password", "visible-if-broken".toCharArray());
        String content = Files.readString(file(), StandardCharsets.ISO_8859_1);
        assertFalse(content.contains("visible-if-broken"));
        assertFalse(content.contains("master-pass-phrase"));
        assertTrue(content.contains("site:1:password"), "key names are in clear");
    }

    @Test
    void theFileRecordsTheKeyDerivationItsSaltAndAVerifier() throws Exception {
        created("master");
        JsonNode root = fileJson();
        assertEquals(1, root.path("version").intValue());
        assertEquals("AES-256-GCM", root.path("cipher").textValue());
        assertEquals("Argon2id", root.path("kdf").path("name").textValue());
        assertEquals(256, root.path("kdf").path("memoryKiB").intValue());
        assertEquals(16, java.util.Base64.getDecoder().decode(root.path("kdf").path("salt").textValue()).length);
        assertTrue(root.path("verifier").has("nonce"));
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        created("master");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void changingTheMasterPasswordReEncryptsEverySecret() throws Exception {
        SecretVault vault = created("old master");
        vault.put("site:1:password", "one".toCharArray());
        vault.put("site:2:certificate-password", "two".toCharArray());
        JsonNode before = fileJson();

        vault.changeMasterPassword("old master".toCharArray(), "new master".toCharArray());

        JsonNode after = fileJson();
        assertNotEquals(before.path("kdf").path("salt"), after.path("kdf").path("salt"));
        assertNotEquals(before.path("secrets").path("site:1:password").path("ciphertext"),
                after.path("secrets").path("site:1:password").path("ciphertext"));
        assertEquals("one", text(vault.get("site:1:password")), "still unlocked, with the new key");
        SecretVault withOld = TestVaults.cheap(file());
        assertThrows(WrongMasterPasswordException.class, () -> withOld.unlock("old master".toCharArray()));
        SecretVault withNew = TestVaults.cheap(file());
        withNew.unlock("new master".toCharArray());
        assertEquals("one", text(withNew.get("site:1:password")));
        assertEquals("two", text(withNew.get("site:2:certificate-password")));
    }

    @Test
    void changingWithAWrongOldPasswordChangesNothing() throws Exception {
        created("old master").put("site:1:password", "one".toCharArray());
        byte[] before = Files.readAllBytes(file());
        SecretVault vault = TestVaults.cheap(file());

        assertThrows(WrongMasterPasswordException.class,
                () -> vault.changeMasterPassword("guess".toCharArray(), "new master".toCharArray()));

        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    @Test
    void refusesAnEmptyMasterPassword() throws Exception {
        SecretVault vault = TestVaults.cheap(file());
        assertEquals("The master password cannot be empty.",
                assertThrows(VaultException.class, () -> vault.setMasterPassword(new char[0])).getMessage());
        assertFalse(Files.exists(file()));
        created("old master");
        assertThrows(VaultException.class, () -> vault.changeMasterPassword("old master".toCharArray(), new char[0]));
    }

    @Test
    void refusesToSetAMasterPasswordTwice() throws Exception {
        created("first");
        byte[] before = Files.readAllBytes(file());
        assertThrows(VaultException.class, () -> TestVaults.cheap(file()).setMasterPassword("second".toCharArray()));
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    @Test
    void removingTheMasterPasswordForgetsEverySecret() throws Exception {
        SecretVault vault = created("master");
        vault.put("site:1:password", "one".toCharArray());

        vault.removeAll();

        assertEquals(SecretVault.State.NO_MASTER_PASSWORD, vault.state());
        assertFalse(Files.exists(file()));
        assertThrows(VaultLockedException.class, () -> vault.get("site:1:password"));
        assertThrows(VaultLockedException.class, () -> vault.unlock("master".toCharArray()));
        vault.setMasterPassword("fresh".toCharArray());
        assertEquals(Optional.empty(), vault.get("site:1:password"));
    }

    @Test
    void lockingForgetsTheKeyButKeepsTheSecrets() throws Exception {
        SecretVault vault = created("master");
        vault.put("site:1:password", "one".toCharArray());
        vault.lock();
        assertThrows(VaultLockedException.class, () -> vault.put("site:2:password", "x".toCharArray()));
        vault.unlock("master".toCharArray());
        assertEquals("one", text(vault.get("site:1:password")));
    }

    @Test
    void aSecretCanBeRemovedWhileLocked() throws Exception {
        SecretVault vault = created("master");
        vault.put("site:1:password", "one".toCharArray());
        vault.put("site:2:password", "two".toCharArray());
        SecretVault locked = TestVaults.cheap(file());

        assertTrue(locked.remove("site:1:password"));
        assertFalse(locked.remove("site:1:password"));

        assertEquals(Set.of("site:2:password"), locked.names());
        locked.unlock("master".toCharArray());
        assertEquals("two", text(locked.get("site:2:password")));
    }

    @Test
    void aCorruptFileIsReportedAndKept() throws Exception {
        byte[] garbage = "{\"version\": 1, \"cipher\": \"AES-256-GCM\", \"kdf\": {".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), garbage);
        SecretVault vault = TestVaults.cheap(file());

        VaultException e = assertThrows(VaultException.class, () -> vault.unlock("master".toCharArray()));

        assertEquals("secrets.json could not be read (it is not valid JSON at line 1). It was left as it is; to start"
                + " again, remove the stored passwords.", e.getMessage());
        assertThrows(VaultException.class, () -> vault.remove("site:1:password"));
        assertThrows(VaultException.class, () -> vault.setMasterPassword("new".toCharArray()));
        assertArrayEquals(garbage, Files.readAllBytes(file()));
    }

    @Test
    void aFileWithMissingOrWrongFieldsIsReportedInWords() throws Exception {
        created("master");
        ObjectNode root = (ObjectNode) fileJson();
        root.put("version", 7);
        Files.write(file(), JSON.writeValueAsBytes(root));
        VaultException newer = assertThrows(VaultException.class,
                () -> TestVaults.cheap(file()).unlock("master".toCharArray()));
        assertTrue(newer.getMessage().contains("it was written by a newer Ferry (version 7)"), newer.getMessage());

        root.put("version", 1);
        ((ObjectNode) root.path("kdf")).put("name", "ROT13");
        Files.write(file(), JSON.writeValueAsBytes(root));
        VaultException kdf = assertThrows(VaultException.class,
                () -> TestVaults.cheap(file()).unlock("master".toCharArray()));
        assertTrue(kdf.getMessage().contains("unknown key derivation \"ROT13\""), kdf.getMessage());
    }

    @Test
    void anAlteredSecretIsReportedAsDamaged() throws Exception {
        SecretVault vault = created("master");
        vault.put("site:1:password", "one".toCharArray());
        vault.put("site:2:password", "two".toCharArray());
        ObjectNode root = (ObjectNode) fileJson();
        ObjectNode secrets = (ObjectNode) root.path("secrets");
        JsonNode first = secrets.path("site:1:password");
        secrets.set("site:1:password", secrets.path("site:2:password"));
        secrets.set("site:2:password", first);
        Files.write(file(), JSON.writeValueAsBytes(root));

        SecretVault reopened = TestVaults.cheap(file());
        reopened.unlock("master".toCharArray());
        VaultException e = assertThrows(VaultException.class, () -> reopened.get("site:1:password"));
        assertTrue(e.getMessage().startsWith("The stored secret \"site:1:password\" was altered or damaged"),
                e.getMessage());
    }

    @Test
    void theRecommendedParametersAreArgon2idWith64MiBAndThreePasses() throws Exception {
        SecretVault vault = new SecretVault(file());
        vault.setMasterPassword("real parameters".toCharArray());
        vault.put("site:1:password", "one".toCharArray());

        JsonNode kdf = fileJson().path("kdf");
        assertEquals("Argon2id", kdf.path("name").textValue());
        assertEquals(65536, kdf.path("memoryKiB").intValue());
        assertEquals(3, kdf.path("iterations").intValue());
        SecretVault reopened = TestVaults.cheap(file());
        reopened.unlock("real parameters".toCharArray());
        assertEquals("one", text(reopened.get("site:1:password")), "the file's parameters open it, not the new-key ones");
    }
}
