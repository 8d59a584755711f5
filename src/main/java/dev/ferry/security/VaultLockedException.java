package dev.ferry.security;

/**
 * A secret was to be read or stored while the vault is locked, or while no master password is set. Ask for the
 * master password ({@link SecretVault#unlock}) or set one ({@link SecretVault#setMasterPassword}), then retry.
 */
public final class VaultLockedException extends VaultException {
    private static final long serialVersionUID = 1L;

    public VaultLockedException(String message) {
        super(message);
    }
}
