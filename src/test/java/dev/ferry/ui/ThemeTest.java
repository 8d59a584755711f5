package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.ThemeMode;
import dev.ferry.ui.SystemTheme.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** How the operating system's theme is read from what its tools print; no program is run. */
class ThemeTest {
    private static final Optional<ThemeMode> DARK = Optional.of(ThemeMode.DARK);
    private static final Optional<ThemeMode> LIGHT = Optional.of(ThemeMode.LIGHT);

    @Test
    void gnomeColorSchemePreferDarkIsDarkAndPreferLightIsLight() {
        assertEquals(DARK, SystemTheme.parseColorScheme(new Output(0, "'prefer-dark'\n")));
        assertEquals(LIGHT, SystemTheme.parseColorScheme(new Output(0, "'prefer-light'\n")));
        assertEquals(Optional.empty(), SystemTheme.parseColorScheme(new Output(0, "'default'\n")));
        assertEquals(Optional.empty(), SystemTheme.parseColorScheme(new Output(1, "No such key “color-scheme”\n")));
    }

    @Test
    void aGtkThemeNameEndingInDarkIsDark() {
        assertEquals(DARK, SystemTheme.parseGtkThemeName("Adwaita:dark"));
        assertEquals(DARK, SystemTheme.parseGtkThemeName("Adwaita-dark"));
        assertEquals(DARK, SystemTheme.parseGtkThemeName("Yaru-Dark"));
        assertEquals(LIGHT, SystemTheme.parseGtkThemeName("Adwaita"));
        assertEquals(Optional.empty(), SystemTheme.parseGtkThemeName(""));
        assertEquals(Optional.empty(), SystemTheme.parseGtkThemeName(null));
    }

    @Test
    void windowsAppsUseLightThemeZeroIsDark() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertEquals(DARK, SystemTheme.parseRegistry(new Output(0, dark)));
        assertEquals(LIGHT, SystemTheme.parseRegistry(new Output(0, dark.replace("0x0", "0x1"))));
        assertEquals(Optional.empty(), SystemTheme.parseRegistry(
                new Output(1, "ERROR: The system was unable to find the specified registry key or value.")));
    }

    @Test
    void macOsInterfaceStyleDarkIsDarkAndAMissingKeyIsLight() {
        assertEquals(ThemeMode.DARK, SystemTheme.parseAppleStyle(new Output(0, "Dark\n")));
        assertEquals(ThemeMode.LIGHT, SystemTheme.parseAppleStyle(new Output(1, "")));
    }

    @Test
    void onLinuxADarkGtkThemeVariableNeedsNoProgram() {
        List<List<String>> ran = new ArrayList<>();
        assertEquals(DARK, SystemTheme.detect("Linux", Map.of("GTK_THEME", "Adwaita:dark"), recording(ran, Map.of())));
        assertTrue(ran.isEmpty());
    }

    @Test
    void onLinuxTheColorSchemeIsAskedFirstThenTheGtkThemeNameThenALightGtkThemeVariable() {
        List<List<String>> ran = new ArrayList<>();
        assertEquals(DARK, SystemTheme.detect("Linux", Map.of(), recording(ran, Map.of(
                "color-scheme", new Output(0, "'default'\n"), "gtk-theme", new Output(0, "'Yaru-dark'\n")))));
        assertEquals(List.of(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")), ran);

        assertEquals(LIGHT, SystemTheme.detect("Linux", Map.of(), recording(new ArrayList<>(), Map.of(
                "color-scheme", new Output(0, "'prefer-light'\n"), "gtk-theme", new Output(0, "'Yaru-dark'\n")))));
        assertEquals(LIGHT, SystemTheme.detect("Linux", Map.of("GTK_THEME", "Adwaita"), recording(new ArrayList<>(), Map.of())));
    }

    @Test
    void whenNothingCanBeToldTheAnswerIsEmpty() {
        assertEquals(Optional.empty(), SystemTheme.detect("Linux", Map.of(), recording(new ArrayList<>(), Map.of())));
        assertEquals(Optional.empty(), SystemTheme.detect("Windows 10", Map.of(), recording(new ArrayList<>(), Map.of())));
    }

    /** Answers by the command's last word; a command it has no answer for "is not installed". */
    private static Function<List<String>, Optional<Output>> recording(List<List<String>> ran, Map<String, Output> answers) {
        return command -> {
            ran.add(command);
            return Optional.ofNullable(answers.get(command.get(command.size() - 1)));
        };
    }
}
