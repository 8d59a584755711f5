package dev.ferry.ui.sites;

import java.util.function.Consumer;

import javafx.stage.Window;

import dev.ferry.security.SecretVault;
import dev.ferry.ui.FxBridge;

/**
 * Opens the vault when a stored secret is needed: at once when this run has unlocked it already, else by asking
 * for the master password ({@link UnlockVaultDialog}) or, to store a first password, by offering to set one. The
 * vault stays unlocked for the run, so the master password is asked once. The vault's file is looked at in the
 * background; the answer comes on the FX thread.
 */
public final class VaultGate {
    private final FxBridge bridge;
    private final SecretVault vault;

    public VaultGate(FxBridge bridge, SecretVault vault) {
        this.bridge = bridge;
        this.vault = vault;
    }

    public SecretVault vault() {
        return vault;
    }

    /**
     * For reading a stored secret. {@code then} hears whether the vault is open: false when no master password is
     * set (so nothing is stored), or when the user cancelled.
     *
     * @param why such as "to connect to "Acme""
     */
    public void toRead(Window owner, String why, Consumer<Boolean> then) {
        open(owner, why, false, then);
    }

    /**
     * For storing a secret. {@code then} hears whether the vault is open: when no master password is set yet, the
     * user is offered to set one; false when they cancelled.
     */
    public void toStore(Window owner, String why, Consumer<Boolean> then) {
        open(owner, why, true, then);
    }

    private void open(Window owner, String why, boolean offerToSet, Consumer<Boolean> then) {
        if (vault.isUnlocked()) {
            then.accept(true);
            return;
        }
        bridge.run(vault::state, state -> {
            switch (state) {
                case UNLOCKED -> then.accept(true);
                case LOCKED -> then.accept(new UnlockVaultDialog(owner, bridge, vault, why).showAndWait()
                        .orElse(false));
                case NO_MASTER_PASSWORD -> then.accept(offerToSet && new MasterPasswordDialog(owner,
                        new MasterPasswordModel(bridge, vault, MasterPasswordModel.Action.SET),
                        "To store this password, choose a master password: Ferry keeps stored passwords encrypted"
                                + " with it. Cancel to save the site without its password; Ferry will then ask for"
                                + " it when connecting.").showAndWait().orElse(false));
            }
        }, error -> then.accept(false));
    }
}
