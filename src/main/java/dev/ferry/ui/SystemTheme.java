package dev.ferry.ui;

import dev.ferry.app.ThemeMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out whether the operating system is set to dark: GNOME's {@code color-scheme} (and {@code GTK_THEME},
 * and the GTK theme's name) on Linux, {@code AppsUseLightTheme} in the registry on Windows, {@code
 * AppleInterfaceStyle} on macOS. Runs small programs, so it blocks: call it off the FX thread.
 */
final class SystemTheme {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern DWORD = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    /** What a program printed on standard output, and how it ended. */
    record Output(int exitCode, String stdout) {
    }

    private SystemTheme() {
    }

    /** LIGHT or DARK as the OS is set, empty when it cannot be told. */
    static Optional<ThemeMode> detect() {
        return detect(System.getProperty("os.name", ""), System.getenv(), SystemTheme::run);
    }

    static Optional<ThemeMode> detect(String osName, Map<String, String> env,
                                      Function<List<String>, Optional<Output>> run) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return run.apply(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).flatMap(SystemTheme::parseRegistry);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return run.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).map(SystemTheme::parseAppleStyle);
        }
        Optional<ThemeMode> fromEnv = parseGtkThemeName(env.get("GTK_THEME"));
        if (fromEnv.equals(Optional.of(ThemeMode.DARK))) {
            return fromEnv;
        }
        Optional<ThemeMode> scheme = run.apply(gsettings("color-scheme")).flatMap(SystemTheme::parseColorScheme);
        if (scheme.isPresent()) {
            return scheme;
        }
        Optional<ThemeMode> gtkTheme = run.apply(gsettings("gtk-theme")).filter(o -> o.exitCode() == 0)
                .flatMap(o -> parseGtkThemeName(unquote(o.stdout())));
        return gtkTheme.isPresent() ? gtkTheme : fromEnv;
    }

    private static List<String> gsettings(String key) {
        return List.of("gsettings", "get", "org.gnome.desktop.interface", key);
    }

    /**
     * {@code gsettings get org.gnome.desktop.interface color-scheme}: {@code 'prefer-dark'} or {@code 'prefer-light'};
     * {@code 'default'} says nothing (older GNOME kept the choice in the GTK theme's name).
     */
    static Optional<ThemeMode> parseColorScheme(Output output) {
        if (output.exitCode() != 0) {
            return Optional.empty();
        }
        return switch (unquote(output.stdout())) {
            case "prefer-dark" -> Optional.of(ThemeMode.DARK);
            case "prefer-light" -> Optional.of(ThemeMode.LIGHT);
            default -> Optional.empty();
        };
    }

    /** A GTK theme name ({@code GTK_THEME}, or gsettings' {@code gtk-theme}): "Adwaita:dark", "Yaru-dark". */
    static Optional<ThemeMode> parseGtkThemeName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Optional.of(n.contains(":dark") || n.contains("-dark") ? ThemeMode.DARK : ThemeMode.LIGHT);
    }

    /** {@code reg query ... /v AppsUseLightTheme}: {@code 0x0} is dark. */
    static Optional<ThemeMode> parseRegistry(Output output) {
        if (output.exitCode() != 0) {
            return Optional.empty();
        }
        Matcher m = DWORD.matcher(output.stdout());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1), 16) == 0 ? ThemeMode.DARK : ThemeMode.LIGHT);
    }

    /** {@code defaults read -g AppleInterfaceStyle}: "Dark" when dark; in light mode the key does not exist (exit 1). */
    static ThemeMode parseAppleStyle(Output output) {
        return output.exitCode() == 0 && output.stdout().trim().equalsIgnoreCase("dark") ? ThemeMode.DARK : ThemeMode.LIGHT;
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static Optional<Output> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            // Only read once it has ended: these programs print a line, never enough to fill the pipe.
            return Optional.of(new Output(process.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
