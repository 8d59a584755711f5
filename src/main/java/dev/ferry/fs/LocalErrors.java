package dev.ferry.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/** Turns the JDK's file-system exceptions into sentences a person can act on. */
public final class LocalErrors {
    private LocalErrors() {
    }

    /**
     * "Cannot {@code action} {@code subject}: why", or the full-disk sentence when the disk is full.
     *
     * @param action  what was tried, such as "open" or "create folder"
     * @param subject the path the person asked about
     */
    static FileSourceException failed(String action, String subject, IOException e) {
        if (e instanceof FileSourceException f) {
            return f;
        }
        if (isDiskFull(e)) {
            return new FileSourceException("Not enough space on the disk to write " + subject, e);
        }
        return new FileSourceException("Cannot " + action + " " + subject + ": " + reason(subject, e), e);
    }

    /** Why {@code e} happened, in words; "it" when the exception is about {@code subject} itself. */
    public static String reason(String subject, IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : subject;
        String who = file.equals(subject) ? "it" : file;
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return who + " does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return who + " already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof NotDirectoryException) {
            return who + " is not a folder";
        }
        if (e instanceof NotLinkException) {
            return who + " is not a link";
        }
        if (e instanceof FileSystemLoopException) {
            return "a link leads back into a folder it is in";
        }
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("read-only file system")) {
            return "the disk is read-only";
        }
        if (lower.contains("operation not permitted")) {
            return "the operation is not permitted";
        }
        return Character.isUpperCase(text.charAt(0)) && text.length() > 1 && Character.isLowerCase(text.charAt(1))
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
                : text;
    }

    /** Whether {@code e} (or its cause) says the disk is full or the user's quota is used up. */
    public static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left on device") || lower.contains("not enough space on the disk")
                        || lower.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }
}
