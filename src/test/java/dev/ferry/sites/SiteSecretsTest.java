package dev.ferry.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.security.SecretVault;
import dev.ferry.security.TestVaults;
import dev.ferry.security.VaultLockedException;

class SiteSecretsTest {
    @TempDir
    Path dir;

    private SecretVault vault;
    private SiteSecrets secrets;

    @BeforeEach
    void unlockedVault() throws Exception {
        vault = TestVaults.cheap(dir.resolve("secrets.json"));
        vault.setMasterPassword("master".toCharArray());
        secrets = new SiteSecrets(vault);
    }

    private static String text(Optional<char[]> secret) {
        return secret.map(String::new).orElse("<none>");
    }

    @Test
    void aSitesPasswordsAreStoredUnderItsId() throws Exception {
        secrets.storePassword("a", "login".toCharArray());
        secrets.storeCertificatePassword("a", "cert".toCharArray());
        assertEquals(Set.of("site:a:password", "site:a:certificate-password"), vault.names());
        assertEquals("login", text(secrets.password("a")));
        assertEquals("cert", text(secrets.certificatePassword("a")));
    }

    @Test
    void aCopiedSiteGetsTheOriginalsSecrets() throws Exception {
        secrets.storePassword("a", "login".toCharArray());
        secrets.storeCertificatePassword("a", "cert".toCharArray());
        secrets.copy("a", "b");
        assertEquals("login", text(secrets.password("b")));
        assertEquals("cert", text(secrets.certificatePassword("b")));
        assertEquals("login", text(secrets.password("a")));
    }

    @Test
    void copyingASiteWithoutSecretsStoresNothing() throws Exception {
        secrets.copy("a", "b");
        assertEquals(Set.of(), vault.names());
    }

    @Test
    void forgettingASiteWorksWhileTheVaultIsLocked() throws Exception {
        secrets.storePassword("a", "login".toCharArray());
        secrets.storePassword("b", "keep".toCharArray());
        vault.lock();
        assertThrows(VaultLockedException.class, () -> secrets.password("a"));

        secrets.forget("a");

        assertEquals(Set.of("site:b:password"), vault.names());
    }

    @Test
    void secretsOfSitesNoLongerInTheTreeAreForgotten() throws Exception {
        SiteTree tree = SiteTree.empty().add(Site.newSite("kept", "Kept", "kept.example"));
        secrets.storePassword("kept", "1".toCharArray());
        secrets.storePassword("gone", "2".toCharArray());
        secrets.storeCertificatePassword("gone", "3".toCharArray());
        vault.put("other:thing", "4".toCharArray());

        assertEquals(2, secrets.forgetSitesNotIn(tree));

        assertEquals(Set.of("site:kept:password", "other:thing"), vault.names());
    }

    @Test
    void noPasswordEverReachesSitesJson() throws Exception {
        Site site = SiteStoreTest.everyFieldSet().withPasswordMode(PasswordMode.STORED);
        secrets.storePassword(site.id(), "hunter2-unique".toCharArray());
        SiteStore store = new SiteStore(dir.resolve("sites.json"));
        store.save(SiteTree.empty().add(site));
        String json = Files.readString(dir.resolve("sites.json"));
        assertEquals(-1, json.indexOf("hunter2-unique"));
    }
}
