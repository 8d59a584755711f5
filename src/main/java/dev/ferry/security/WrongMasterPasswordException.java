package dev.ferry.security;

/** The master password given does not open the vault. Nothing was read, written or changed. */
public final class WrongMasterPasswordException extends VaultException {
    private static final long serialVersionUID = 1L;

    /** The sentence shown to the user. */
    public static final String MESSAGE = "The master password is not correct. Nothing was changed.";

    public WrongMasterPasswordException() {
        super(MESSAGE);
    }
}
