package dev.ferry.ui.sites;

import java.util.Arrays;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.ferry.security.SecretVault;
import dev.ferry.security.WrongMasterPasswordException;
import dev.ferry.ui.FxBridge;

/**
 * The master-password form: set (new password twice), change (current, then new twice) or remove (no password:
 * a forgotten master password must not lock the user out of starting again). The vault works in the background
 * (the key derivation takes about a second). Used on the FX thread.
 */
public final class MasterPasswordModel {
    /** What the form does. */
    public enum Action {
        SET("Set a master password", "_Set master password"),
        CHANGE("Change the master password", "_Change master password"),
        REMOVE("Remove the master password", "_Remove stored passwords");

        private final String title;
        private final String button;

        Action(String title, String button) {
            this.title = title;
            this.button = button;
        }

        public String title() {
            return title;
        }

        public String button() {
            return button;
        }
    }

    private final FxBridge bridge;
    private final SecretVault vault;
    private final Action action;
    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty fresh = new SimpleStringProperty(this, "fresh", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyObjectWrapper<PasswordStrength> strength =
            new ReadOnlyObjectWrapper<>(this, "strength", PasswordStrength.EMPTY);
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);

    public MasterPasswordModel(FxBridge bridge, SecretVault vault, Action action) {
        this.bridge = bridge;
        this.vault = vault;
        this.action = action;
        strength.bind(Bindings.createObjectBinding(() -> PasswordStrength.of(fresh.get()), fresh));
        repeatError.bind(Bindings.createStringBinding(() -> !repeat.get().isEmpty() && !repeat.get().equals(fresh.get())
                ? "The two new passwords are not the same." : "", fresh, repeat));
        valid.bind(Bindings.createBooleanBinding(() -> switch (action) {
            case SET -> !fresh.get().isEmpty() && fresh.get().equals(repeat.get());
            case CHANGE -> !current.get().isEmpty() && !fresh.get().isEmpty() && fresh.get().equals(repeat.get());
            case REMOVE -> true;
        }, current, fresh, repeat));
        current.addListener((o, was, now) -> error.set(""));
    }

    public Action action() {
        return action;
    }

    /** The master password now (change only). */
    public StringProperty currentProperty() {
        return current;
    }

    /** The new master password. */
    public StringProperty freshProperty() {
        return fresh;
    }

    /** The new master password again. */
    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyObjectProperty<PasswordStrength> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    /** "The two new passwords are not the same." while they differ, else "". */
    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    /** Why the vault refused (a wrong current password, a file that cannot be written), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Does it in the background; {@code done} runs on the FX thread when it worked. A refusal changes nothing. */
    public void apply(Runnable done) {
        if (busy.get() || !valid.get()) {
            return;
        }
        char[] old = current.get().toCharArray();
        char[] next = fresh.get().toCharArray();
        busy.set(true);
        error.set("");
        bridge.run(() -> {
            try {
                switch (action) {
                    case SET -> vault.setMasterPassword(next);
                    case CHANGE -> vault.changeMasterPassword(old, next);
                    case REMOVE -> vault.removeAll();
                }
                return action;
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(next, '\0');
            }
        }, ok -> {
            busy.set(false);
            done.run();
        }, failure -> {
            busy.set(false);
            error.set(failure instanceof WrongMasterPasswordException ? UnlockVaultDialog.WRONG + " Nothing was changed."
                    : SiteManagerModel.words("Changing the master password", failure));
        });
    }
}
