package dev.ferry.engine;

/** Small helpers for slash-separated remote paths. */
public final class RemotePaths {
    private RemotePaths() {
    }

    /** The last part of a path ({@code /a/b.txt} gives {@code b.txt}; {@code /a/b/} gives {@code b}). */
    public static String name(String path) {
        String p = stripTrailingSlash(path);
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** The folder a path is in ({@code /a/b.txt} gives {@code /a}; {@code b.txt} gives {@code ""}). */
    public static String parent(String path) {
        String p = stripTrailingSlash(path);
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    /** Joins a folder and a name with one slash. */
    public static String join(String folder, String name) {
        if (folder.isEmpty()) {
            return name;
        }
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    /**
     * Whether {@code path} can travel in an FTP command: a line break would end the command early (and
     * smuggle in another), and NUL is refused as well. A local file so named cannot be uploaded.
     */
    public static boolean sendable(String path) {
        return path.indexOf('\r') < 0 && path.indexOf('\n') < 0 && path.indexOf('\0') < 0;
    }

    private static String stripTrailingSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
