package dev.ferry.sites.importers;

/**
 * The import file cannot be read at all: not the expected kind of file, damaged, or refused (a DTD). The message
 * is a sentence to show as it is, with the line where possible.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
