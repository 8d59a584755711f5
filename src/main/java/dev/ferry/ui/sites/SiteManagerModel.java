package dev.ferry.ui.sites;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.ferry.security.SecretVault;
import dev.ferry.security.VaultException;
import dev.ferry.sites.FolderPaths;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteSecrets;
import dev.ferry.sites.SiteStore;
import dev.ferry.sites.SiteTree;
import dev.ferry.sites.SiteTreeException;
import dev.ferry.sites.importers.ImportItem;
import dev.ferry.sites.importers.SiteImport;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.session.SessionForm;

/**
 * The site manager's state and commands. Every change is worked out on the FX thread (the tree is an immutable
 * value) and then saved at once, in order, on one background thread: {@code sites.json} through the
 * {@link SiteStore}, secrets through {@link SiteSecrets}. The FX thread never touches the disk.
 *
 * <p>A {@code sites.json} that could not be read is reported in {@link #problemProperty()}, and nothing can be
 * changed (so nothing is saved) until the user chooses {@link #startFresh()}.
 */
public final class SiteManagerModel {
    /** A site's secrets as read from the vault; the caller wipes them after use. */
    public record StoredSecrets(Optional<char[]> password, Optional<char[]> certificatePassword) {
        public static final StoredSecrets NONE = new StoredSecrets(Optional.empty(), Optional.empty());

        /** Overwrites both secrets in memory. */
        public void wipe() {
            password.ifPresent(p -> Arrays.fill(p, '\0'));
            certificatePassword.ifPresent(p -> Arrays.fill(p, '\0'));
        }

        @Override
        public String toString() {
            return "StoredSecrets[" + (password.isPresent() ? "password" : "no password") + "]";
        }
    }

    /** Which secrets the vault holds for a site (known without unlocking it: key names are not secret). */
    public record SecretsHeld(boolean password, boolean certificatePassword) {
        public boolean any() {
            return password || certificatePassword;
        }
    }

    private final FxBridge bridge;
    private final SiteStore store;
    private final SecretVault vault;
    private final SiteSecrets secrets;
    private final ExecutorService disk;

    private final ReadOnlyObjectWrapper<SiteTree> tree = new ReadOnlyObjectWrapper<>(this, "tree", SiteTree.empty());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty storePasswords = new SimpleBooleanProperty(this, "storePasswords", true);
    private boolean loading;

    public SiteManagerModel(FxBridge bridge, SiteStore store, SecretVault vault) {
        this.bridge = bridge;
        this.store = store;
        this.vault = vault;
        this.secrets = new SiteSecrets(vault);
        this.disk = bridge.newSerialExecutor("sites");
    }

    // ---- what the view shows ----------------------------------------------------------------------

    /** The sites and folders as they are now (changes show at once; saving follows in the background). */
    public ReadOnlyObjectProperty<SiteTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** Whether {@code sites.json} has been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether the list may be changed: read, and not held back by a file that could not be read. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Why {@code sites.json} could not be read, for the banner; "" when it was read. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last thing that was refused or failed, in words; "" when all went well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The search text: the tree shows only the sites whose name, host or user contains it. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Whether saved sites keep their passwords (the settings' "don't store passwords" turns it off). */
    public BooleanProperty storePasswordsProperty() {
        return storePasswords;
    }

    /** The vault this model keeps secrets in. */
    public SecretVault vault() {
        return vault;
    }

    // ---- loading ----------------------------------------------------------------------------------

    /** Reads {@code sites.json} in the background, once; later calls do nothing. */
    public void load() {
        if (loaded.get() || loading) {
            return;
        }
        loading = true;
        bridge.run(disk, store::load, result -> {
            loading = false;
            tree.set(result.tree());
            problem.set(result.problem().orElse(""));
            editable.set(result.problem().isEmpty());
            loaded.set(true);
        }, error -> {
            loading = false;
            problem.set(Errors.describe("Reading " + store.file().getFileName(), error));
            loaded.set(true);
        });
    }

    /**
     * After a file that could not be read: goes on with what was read (possibly nothing). The broken file was
     * kept aside by the store; the next change writes a new {@code sites.json}.
     */
    public void startFresh() {
        if (!loaded.get()) {
            return;
        }
        problem.set("");
        editable.set(true);
    }

    // ---- changes ----------------------------------------------------------------------------------

    /** Creates {@code name} inside {@code parent}; returns the new folder's path. */
    public Optional<String> addFolder(String parent, String name) {
        return change(() -> {
            String path = FolderPaths.child(parent, FolderPaths.checkName(name, "folder"));
            apply(tree.get().addFolder(path));
            return path;
        });
    }

    public boolean renameFolder(String path, String newName) {
        return change(() -> apply(tree.get().renameFolder(path, newName))).isPresent();
    }

    public boolean renameSite(String id, String newName) {
        return change(() -> apply(tree.get().renameSite(id, newName))).isPresent();
    }

    /** Moves a site into {@code folder} (a drag). */
    public boolean moveSite(String id, String folder) {
        return change(() -> apply(tree.get().moveSite(id, folder))).isPresent();
    }

    /** Moves a folder, with what it holds, into {@code parent} (a drag). */
    public boolean moveFolder(String path, String parent) {
        return change(() -> apply(tree.get().moveFolder(path, parent))).isPresent();
    }

    /**
     * Adds a copy of the site under "name (copy)"; its secrets are copied too when the vault is unlocked.
     *
     * @return the copy
     */
    public Optional<Site> duplicate(String id) {
        return change(() -> {
            Site copy = tree.get().copyOf(id);
            apply(tree.get().add(copy));
            if (vault.isUnlocked()) {
                background("Copying the site's passwords", () -> {
                    secrets.copy(id, copy.id());
                    return null;
                });
            }
            return copy;
        });
    }

    /** Deletes a site and its stored secrets. */
    public boolean deleteSite(String id) {
        return change(() -> {
            apply(tree.get().removeSite(id));
            forget(List.of(id));
            return id;
        }).isPresent();
    }

    /** Deletes a folder with everything in it (the view asked first), and the secrets of its sites. */
    public boolean deleteFolder(String path) {
        return change(() -> {
            List<String> ids = tree.get().sitesWithin(path).stream().map(Site::id).toList();
            apply(tree.get().removeFolder(path, true));
            forget(ids);
            return path;
        }).isPresent();
    }

    /** Adds {@code site}, or saves it over the site of the same id; it carries no secrets. */
    public Optional<Site> putSite(Site site) {
        return change(() -> {
            SiteTree t = tree.get();
            apply(t.site(site.id()).isPresent() ? t.update(site) : t.add(site));
            return site;
        });
    }

    private Optional<Site> saveWithoutSecrets(SessionForm form) {
        Site site = form.site().passwordMode() == PasswordMode.STORED
                ? form.site().withPasswordMode(PasswordMode.ASK) : form.site();
        boolean typed = form.password().map(p -> p.length > 0).orElse(false) || form.certificatePassword().isPresent();
        wipe(form);
        Optional<Site> saved = putSite(site);
        if (saved.isPresent()) {
            forget(List.of(site.id()));
            if (typed) {
                message.set("\"" + site.name() + "\" was saved without its password: passwords are not stored"
                        + " (Master password → Don't store passwords). Ferry will ask for it when connecting.");
            }
        }
        return saved;
    }

    /**
     * "Don't store passwords": every site that kept its password asks for it from now on, and every stored
     * password (and the master password) is deleted. The view asked first.
     */
    public void stopStoringPasswords() {
        storePasswords.set(false);
        change(() -> {
            SiteTree t = tree.get();
            for (Site site : t.sites()) {
                if (site.passwordMode() == PasswordMode.STORED) {
                    t = t.update(site.withPasswordMode(PasswordMode.ASK));
                }
            }
            apply(t);
            return t;
        });
        background("Deleting the stored passwords", () -> {
            vault.removeAll();
            return null;
        });
        message.set("Passwords are no longer stored: the stored ones were deleted, and Ferry asks for a site's"
                + " password when connecting.");
    }

    /**
     * Saves what the session dialog returned, as a new site or over the site of the same id, and its secrets.
     * The secrets are wiped once stored.
     *
     * @param vaultOpen whether the vault is unlocked for storing: when not, the vault is left as it is (a
     *                  password typed is not kept, and the message says so)
     * @return the site saved
     */
    public Optional<Site> saveSite(SessionForm form, boolean vaultOpen) {
        if (!storePasswords.get()) {
            return saveWithoutSecrets(form);
        }
        Site site = form.site();
        Optional<Site> saved = putSite(site);
        if (saved.isEmpty()) {
            wipe(form);
            return saved;
        }
        boolean typedPassword = site.passwordMode() == PasswordMode.STORED
                && form.password().map(p -> p.length > 0).orElse(false);
        background("Storing the password of \"" + site.name() + "\"", () -> {
            try {
                storeSecrets(form, vaultOpen);
            } finally {
                wipe(form);
            }
            return null;
        });
        if (!vaultOpen && (typedPassword || form.certificatePassword().isPresent())) {
            message.set("\"" + site.name() + "\" was saved without its password, since the stored passwords stay"
                    + " locked. Ferry will ask for it when connecting.");
        }
        return saved;
    }

    private void storeSecrets(SessionForm form, boolean vaultOpen) throws VaultException {
        Site site = form.site();
        String id = site.id();
        if (site.passwordMode() != PasswordMode.STORED) {
            secrets.forget(id);
            return;
        }
        if (!vaultOpen) {
            return;
        }
        Optional<char[]> password = form.password().filter(p -> p.length > 0);
        if (password.isPresent()) {
            secrets.storePassword(id, password.get());
        } else {
            vault.remove(SiteSecrets.passwordKey(id));
        }
        Optional<char[]> certificatePassword = form.certificatePassword().filter(p -> p.length > 0)
                .filter(p -> site.clientCertificate().isPresent());
        if (certificatePassword.isPresent()) {
            secrets.storeCertificatePassword(id, certificatePassword.get());
        } else {
            vault.remove(SiteSecrets.certificatePasswordKey(id));
        }
    }

    /**
     * Adds the sites chosen in an import preview inside {@code intoFolder}, with new ids and their folders; the
     * passwords that came with them go to the vault when it is open, else they are dropped and the message says so.
     *
     * @return how many sites were added
     */
    public Optional<Integer> importSites(List<ImportItem> items, String intoFolder, boolean vaultOpen) {
        boolean dropPasswords = !storePasswords.get();
        List<ImportItem> kept = dropPasswords ? items.stream().map(i -> i.site().passwordMode() == PasswordMode.STORED
                ? new ImportItem(i.site().withPasswordMode(PasswordMode.ASK), Optional.empty(), i.notes()) : i).toList()
                : items;
        Optional<SiteImport.Applied> applied = change(() -> {
            SiteImport.Applied result = SiteImport.apply(tree.get(), kept, intoFolder);
            apply(result.tree());
            return result;
        });
        applied.ifPresent(a -> {
            Map<String, String> passwords = a.passwordsBySiteId();
            if (dropPasswords && items.stream().anyMatch(i -> i.password().isPresent())) {
                message.set("The imported passwords were not kept: passwords are not stored. Ferry will ask for"
                        + " them when connecting.");
                return;
            }
            if (passwords.isEmpty()) {
                return;
            }
            if (vaultOpen) {
                background("Storing the imported passwords", () -> {
                    for (Map.Entry<String, String> e : passwords.entrySet()) {
                        char[] password = e.getValue().toCharArray();
                        try {
                            secrets.storePassword(e.getKey(), password);
                        } finally {
                            Arrays.fill(password, '\0');
                        }
                    }
                    return null;
                });
            } else {
                message.set("The imported passwords were not kept, since the stored passwords stay locked. Ferry"
                        + " will ask for them when connecting.");
            }
        });
        return applied.map(a -> items.size());
    }

    // ---- secrets ----------------------------------------------------------------------------------

    /** Finds out in the background which secrets the vault holds for {@code site}, without unlocking it. */
    public void secretsHeld(Site site, Consumer<SecretsHeld> then, Consumer<String> failed) {
        bridge.run(disk, () -> {
            var names = vault.names();
            return new SecretsHeld(names.contains(SiteSecrets.passwordKey(site.id())),
                    names.contains(SiteSecrets.certificatePasswordKey(site.id())));
        }, then, error -> failed.accept(words("Reading the stored passwords", error)));
    }

    /** Reads the site's secrets in the background; none when the vault is locked. The receiver wipes them. */
    public void readSecrets(Site site, Consumer<StoredSecrets> then, Consumer<String> failed) {
        bridge.run(disk, () -> vault.isUnlocked()
                ? new StoredSecrets(secrets.password(site.id()), secrets.certificatePassword(site.id()))
                : StoredSecrets.NONE, then, error -> failed.accept(words("Reading the stored password of \""
                + site.name() + "\"", error)));
    }

    /** Says something in the message line (the view's own refusals). */
    public void tell(String words) {
        message.set(words);
    }

    // ---- internals --------------------------------------------------------------------------------

    private interface Change<T> {
        T apply() throws SiteTreeException;
    }

    private <T> Optional<T> change(Change<T> change) {
        if (!editable.get()) {
            message.set(loaded.get() ? "The site list cannot be changed until you choose what to do about the"
                    + " file that could not be read." : "The site list is still being read.");
            return Optional.empty();
        }
        try {
            T result = change.apply();
            message.set("");
            return Optional.of(result);
        } catch (SiteTreeException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    private SiteTree apply(SiteTree changed) {
        tree.set(changed);
        background("Saving " + store.file().getFileName(), () -> store.save(changed));
        return changed;
    }

    private void forget(List<String> ids) {
        background("Removing the stored passwords of deleted sites", () -> {
            for (String id : ids) {
                secrets.forget(id);
            }
            return null;
        });
    }

    private <T> void background(String what, Callable<T> work) {
        bridge.run(disk, work, done -> {
        }, error -> message.set(words(what, error)));
    }

    /** Vault messages are sentences already; anything else says what failed and why. */
    static String words(String what, Throwable error) {
        return error instanceof VaultException v ? v.getMessage() : Errors.describe(what, error);
    }

    private static void wipe(SessionForm form) {
        form.password().ifPresent(p -> Arrays.fill(p, '\0'));
        form.certificatePassword().ifPresent(p -> Arrays.fill(p, '\0'));
    }
}
