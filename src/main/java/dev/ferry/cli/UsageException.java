package dev.ferry.cli;

/** The command line was wrong; exit status 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
