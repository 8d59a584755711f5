package dev.ferry.fs;

import java.io.IOException;

/**
 * An operation on a {@link FileSource} failed. The message says what failed and why, in words a person
 * understands (for a remote source, with the server's reply), ready to show in a dialog.
 */
public class FileSourceException extends IOException {
    public FileSourceException(String message) {
        super(message);
    }

    public FileSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
