package dev.ferry.sites;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ferry.security.SecretVault;
import dev.ferry.security.VaultException;

/**
 * A site's secrets in the {@link SecretVault}: its login password under {@code "site:<id>:password"} and its
 * client-certificate password under {@code "site:<id>:certificate-password"}. Sites themselves never hold a
 * secret. The caller owns every {@code char[]} given or returned, and should wipe it after use.
 */
public final class SiteSecrets {
    private static final String PREFIX = "site:";

    private final SecretVault vault;

    public SiteSecrets(SecretVault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /** The vault's key for a site's login password. */
    public static String passwordKey(String siteId) {
        return PREFIX + siteId + ":password";
    }

    /** The vault's key for the password of a site's client certificate or key. */
    public static String certificatePasswordKey(String siteId) {
        return PREFIX + siteId + ":certificate-password";
    }

    /** The stored login password. The vault must be unlocked. */
    public Optional<char[]> password(String siteId) throws VaultException {
        return vault.get(passwordKey(siteId));
    }

    /** Stores the login password. The vault must be unlocked. */
    public void storePassword(String siteId, char[] password) throws VaultException {
        vault.put(passwordKey(siteId), password);
    }

    /** The stored client-certificate password. The vault must be unlocked. */
    public Optional<char[]> certificatePassword(String siteId) throws VaultException {
        return vault.get(certificatePasswordKey(siteId));
    }

    /** Stores the client-certificate password. The vault must be unlocked. */
    public void storeCertificatePassword(String siteId, char[] password) throws VaultException {
        vault.put(certificatePasswordKey(siteId), password);
    }

    /** Deletes a site's secrets (after the site was deleted). Works while the vault is locked. */
    public void forget(String siteId) throws VaultException {
        vault.remove(passwordKey(siteId));
        vault.remove(certificatePasswordKey(siteId));
    }

    /** Gives a duplicated site the secrets of its original. The vault must be unlocked. */
    public void copy(String fromSiteId, String toSiteId) throws VaultException {
        copyOne(passwordKey(fromSiteId), passwordKey(toSiteId));
        copyOne(certificatePasswordKey(fromSiteId), certificatePasswordKey(toSiteId));
    }

    private void copyOne(String from, String to) throws VaultException {
        Optional<char[]> secret = vault.get(from);
        if (secret.isPresent()) {
            try {
                vault.put(to, secret.get());
            } finally {
                Arrays.fill(secret.get(), '\0');
            }
        }
    }

    /**
     * Deletes the secrets of sites no longer in {@code tree} (left behind by a crash, or by sites deleted while
     * the vault could not be written). Works while the vault is locked.
     *
     * @return how many secrets were deleted
     */
    public int forgetSitesNotIn(SiteTree tree) throws VaultException {
        Set<String> keep = tree.sites().stream()
                .flatMap(s -> Stream.of(passwordKey(s.id()), certificatePasswordKey(s.id())))
                .collect(Collectors.toSet());
        int removed = 0;
        for (String name : vault.names()) {
            if (name.startsWith(PREFIX) && !keep.contains(name) && vault.remove(name)) {
                removed++;
            }
        }
        return removed;
    }
}
