package dev.ferry.security;

/**
 * The secret vault could not do what was asked: its file cannot be read or written, a stored secret was
 * altered, or a precondition was not met. The message is a sentence to show as it is; it never contains a
 * secret or a master password.
 */
public class VaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
