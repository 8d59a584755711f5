package dev.ferry.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Ferry keeps its files (DESIGN §5): one per-user config folder. On Linux {@code $XDG_CONFIG_HOME/ferry}
 * (else {@code ~/.config/ferry}), on Windows {@code %APPDATA%\Ferry}, on macOS
 * {@code ~/Library/Application Support/Ferry}. The system property {@value #OVERRIDE} replaces it, for tests
 * and screenshots.
 */
public record AppPaths(Path configDir) {
    /** The system property that names the config folder instead of the per-user default. */
    public static final String OVERRIDE = "ferry.config.dir";

    public AppPaths {
        configDir = configDir.toAbsolutePath().normalize();
    }

    /** The folder for this user and this machine, or the one named by {@value #OVERRIDE}. */
    public static AppPaths forCurrentUser() {
        return new AppPaths(configDir(System.getProperty(OVERRIDE), System.getProperty("os.name", ""),
                System.getenv(), System.getProperty("user.home", ".")));
    }

    static Path configDir(String override, String osName, Map<String, String> env, String userHome) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (isAbsolute(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Ferry");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Ferry");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        return (isAbsolute(xdg) ? Path.of(xdg) : home.resolve(".config")).resolve("ferry");
    }

    private static boolean isAbsolute(String path) {
        try {
            return path != null && !path.isBlank() && Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The saved sites. */
    public Path sitesFile() {
        return configDir.resolve("sites.json");
    }

    /** The secret vault: site passwords, encrypted with the master password. */
    public Path secretsFile() {
        return configDir.resolve("secrets.json");
    }

    /** Server certificates the user chose to trust. */
    public Path knownCertificatesFile() {
        return configDir.resolve("known-certs.json");
    }

    /** The transfer queue, kept across restarts. */
    public Path queueFile() {
        return configDir.resolve("queue.json");
    }

    /** Window layout and preferences. */
    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    /** The folder for log files. */
    public Path logsDir() {
        return configDir.resolve("logs");
    }
}
