package dev.ferry.sites;

import java.util.ArrayList;
import java.util.List;

/**
 * Site-manager folder paths: folder names joined with "/", "" for the top level ("Clients/Acme" is the folder
 * "Acme" inside "Clients"). These are labels in Ferry's site list, not paths on any disk or server.
 */
public final class FolderPaths {
    /** The top level, which always exists and holds everything else. */
    public static final String ROOT = "";
    /** The longest folder or site name accepted. */
    public static final int MAX_NAME_LENGTH = 255;

    private FolderPaths() {
    }

    /**
     * The path in its one spelling: each name trimmed, empty names dropped ("/a//b/ " becomes "a/b").
     *
     * @throws SiteTreeException when a name holds a control character or is too long
     */
    public static String normalize(String path) throws SiteTreeException {
        List<String> names = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(checkName(name, "folder"));
            }
        }
        return String.join("/", names);
    }

    /**
     * Checks a single folder or site name: not blank, no "/" in a folder name, no control characters, not too
     * long. Returns it trimmed.
     *
     * @param what "folder" or "site", for the message
     * @throws SiteTreeException saying what is wrong with it
     */
    public static String checkName(String name, String what) throws SiteTreeException {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new SiteTreeException("A " + what + " needs a name.");
        }
        if (what.equals("folder") && trimmed.contains("/")) {
            throw new SiteTreeException("A folder name cannot contain \"/\": " + trimmed);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new SiteTreeException("A " + what + " name cannot contain control characters.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new SiteTreeException("A " + what + " name can have at most " + MAX_NAME_LENGTH + " characters.");
        }
        return trimmed;
    }

    /** The folder that holds {@code path} ("" for a top-level folder and for the top level itself). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? ROOT : path.substring(0, slash);
    }

    /** The last name of {@code path} ("Acme" for "Clients/Acme"; "" for the top level). */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code name} inside {@code parent}. */
    public static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** Whether {@code path} is {@code folder} itself or lies anywhere inside it. */
    public static boolean isWithin(String path, String folder) {
        return folder.isEmpty() || path.equals(folder) || path.startsWith(folder + "/");
    }

    /** {@code path}, which lies within {@code from}, moved to lie at the same place within {@code to}. */
    static String rebase(String path, String from, String to) {
        String rest = path.substring(from.length());
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest.isEmpty() ? to : child(to, rest);
    }

    /** The user-facing name of a folder path: "the top level" or the path in quotes. */
    static String describe(String path) {
        return path.isEmpty() ? "the top level" : "\"" + path + "\"";
    }
}
