package dev.ferry.sites.importers;

import java.util.List;

import dev.ferry.sites.FolderPaths;

/** Turns names from other programs' files into names Ferry's site list accepts. */
final class ImportedNames {
    private ImportedNames() {
    }

    /** A site name: control characters dropped, trimmed, cut to the longest allowed; {@code fallback} if blank. */
    static String site(String name, String fallback) {
        String clean = clean(name);
        return clean.isEmpty() ? clean(fallback).isEmpty() ? "Unnamed site" : clean(fallback) : clean;
    }

    /**
     * A folder name: as {@link #site}, with "/" (which separates folders in Ferry) shown as the look-alike "∕"
     * so the name reads the same.
     */
    static String folder(String name) {
        String clean = clean(name.replace('/', '\u2215'));
        return clean.isEmpty() ? "Unnamed folder" : clean;
    }

    private static String clean(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(b::appendCodePoint);
        String trimmed = b.toString().strip();
        if (trimmed.length() > FolderPaths.MAX_NAME_LENGTH) {
            int end = FolderPaths.MAX_NAME_LENGTH;
            if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
                end--;
            }
            trimmed = trimmed.substring(0, end).strip();
        }
        return trimmed;
    }

    /** Folder names joined into a Ferry folder path. */
    static String path(List<String> folders) {
        return String.join("/", folders);
    }
}
