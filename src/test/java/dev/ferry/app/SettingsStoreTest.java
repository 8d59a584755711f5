package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.transfer.FileExistsPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("settings.json");
    }

    private static Settings everythingChanged() {
        return Settings.defaults()
                .withWindow(new WindowBounds(-1600, 40, 1400, 900, true))
                .withMainDivider(0.4)
                .withBottomDivider(0.75)
                .withQueueCollapsed(true)
                .withLogCollapsed(true)
                .withStorePasswords(false)
                .withPane(Settings.LOCAL_PANE, PaneLayout.defaults().withColumnWidth("name", 320).withColumnWidth("size", 90)
                        .withSort("modified", false))
                .withPane(Settings.REMOTE_PANE, PaneLayout.defaults().withSort("size", true))
                .withShowHiddenFiles(true)
                .withLastLocalFolder("/home/alice/Documents/ünïcode folder")
                .withTheme(ThemeMode.DARK)
                .withConfirmTransfers(false)
                .withFileExistsPolicy(FileExistsPolicy.OVERWRITE_IF_NEWER)
                .withKeepTimestamps(false)
                .withParallelTransfers(5);
    }

    @Test
    void settingsSavedAreTheSettingsLoaded() throws IOException {
        Settings saved = everythingChanged();
        new SettingsStore(file()).save(saved);

        SettingsStore.Loaded loaded = new SettingsStore(file()).load();

        assertEquals(Optional.empty(), loaded.problem());
        assertEquals(saved, loaded.settings());
        assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(file().toFile()).get("version").asInt());
    }

    @Test
    void noFileMeansDefaultsAndNoProblem() {
        SettingsStore.Loaded loaded = new SettingsStore(file()).load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertEquals(Optional.empty(), loaded.problem());
        assertFalse(loaded.settings().window().hasPosition());
    }

    @Test
    void aWindowNeverPlacedKeepsNoPosition() throws IOException {
        new SettingsStore(file()).save(Settings.defaults());
        assertFalse(new SettingsStore(file()).load().settings().window().hasPosition());
    }

    @Test
    void missingFieldsTakeTheirDefaultsAndUnknownOnesAreIgnored() throws IOException {
        Files.writeString(file(), """
                {"version": 1, "theme": "DARK", "window": {"width": 1000},
                 "aFieldOfTheFuture": {"anything": [1, 2, 3]}}
                """);

        SettingsStore.Loaded loaded = new SettingsStore(file()).load();

        Settings expected = Settings.defaults().withTheme(ThemeMode.DARK)
                .withWindow(WindowBounds.defaults().withSize(1000, WindowBounds.defaults().height()));
        assertEquals(Optional.empty(), loaded.problem());
        assertEquals(expected, loaded.settings());
    }

    @Test
    void valuesOfTheWrongTypeOrOutOfRangeAreMadeSensible() throws IOException {
        Files.writeString(file(), """
                {"version": 1, "parallelTransfers": 99, "mainDivider": "half", "theme": "purple",
                 "fileExistsPolicy": "overwrite", "window": {"width": 10, "height": null, "maximized": "yes"},
                 "panes": {"local": {"columnWidths": {"name": -5, "size": 80}}, "remote": 7}}
                """);

        Settings s = new SettingsStore(file()).load().settings();

        assertEquals(Settings.MAX_PARALLEL_TRANSFERS, s.parallelTransfers());
        assertEquals(Settings.defaults().mainDivider(), s.mainDivider());
        assertEquals(ThemeMode.SYSTEM, s.theme());
        assertEquals(FileExistsPolicy.OVERWRITE, s.fileExistsPolicy());
        assertEquals(WindowBounds.MIN_WIDTH, s.window().width());
        assertEquals(WindowBounds.defaults().height(), s.window().height());
        assertFalse(s.window().maximized());
        assertEquals(Map.of("size", 80.0), s.pane(Settings.LOCAL_PANE).columnWidths());
        assertEquals(PaneLayout.defaults(), s.pane(Settings.REMOTE_PANE));
    }

    @Test
    void anUnreadableFileIsReportedKeptAsideAndNeverOverwritten() throws IOException {
        String broken = "{\"version\": 1, \"theme\": \"DARK\",, oops";
        Files.writeString(file(), broken);
        SettingsStore store = new SettingsStore(file());

        SettingsStore.Loaded loaded = store.load();

        assertEquals(Settings.defaults(), loaded.settings());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.startsWith("settings.json could not be read ("), problem);
        assertTrue(problem.contains("); defaults are used and the file was kept as settings.json.broken-"), problem);
        List<Path> aside = brokenFiles();
        assertEquals(1, aside.size());
        assertTrue(problem.endsWith(aside.get(0).getFileName().toString()), problem);

        store.save(Settings.defaults().withTheme(ThemeMode.LIGHT));

        assertEquals(broken, Files.readString(aside.get(0)));
        assertEquals(ThemeMode.LIGHT, new SettingsStore(file()).load().settings().theme());
    }

    @Test
    void aFileThatIsNotFerrySettingsIsUnreadableToo() throws IOException {
        Files.writeString(file(), "[1, 2, 3]");
        assertTrue(new SettingsStore(file()).load().problem().orElseThrow().contains("not a JSON object"));
        Files.writeString(file(), "{\"theme\": \"DARK\"}");
        assertTrue(new SettingsStore(file()).load().problem().orElseThrow().contains("no \"version\" field"));
        Files.write(file(), new byte[0]);
        assertTrue(new SettingsStore(file()).load().problem().orElseThrow().contains("the file is empty"));
        assertEquals(3, brokenFiles().size());
    }

    @Test
    void thePreviousFileIsKeptAsOneBackup() throws IOException {
        SettingsStore store = new SettingsStore(file());
        Settings first = Settings.defaults().withParallelTransfers(3);
        Settings second = first.withParallelTransfers(4);
        Settings third = first.withParallelTransfers(6);
        store.save(first);
        store.save(second);
        store.save(third);

        Path backup = dir.resolve("settings.json.bak");
        assertEquals(second, new SettingsStore(backup).load().settings());
        assertEquals(third, new SettingsStore(file()).load().settings());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("settings.json", "settings.json.bak"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void saveLaterWritesTheLastOfManyChangesOnItsOwnSoonAfter() throws Exception {
        try (SettingsStore store = new SettingsStore(file(), Duration.ofMillis(200))) {
            for (int width = 500; width <= 1500; width += 10) {
                store.saveLater(Settings.defaults().withWindow(WindowBounds.defaults().withSize(width, 600)));
            }
            assertFalse(Files.exists(file()), "not written at once");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Files.exists(file()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1500, new SettingsStore(file()).load().settings().window().width());
            assertFalse(Files.exists(dir.resolve("settings.json.bak")), "one write, so no backup yet");
        }
    }

    @Test
    void flushWritesWhatIsWaitingAtOnce() throws IOException {
        SettingsStore store = new SettingsStore(file(), Duration.ofHours(1));
        store.saveLater(Settings.defaults().withShowHiddenFiles(true));
        store.saveLater(Settings.defaults().withShowHiddenFiles(true).withTheme(ThemeMode.DARK));

        store.flush();

        assertEquals(Settings.defaults().withShowHiddenFiles(true).withTheme(ThemeMode.DARK),
                new SettingsStore(file()).load().settings());
        store.close();
    }

    @Test
    void theFileIsHumanReadableJson() throws IOException {
        new SettingsStore(file()).save(Settings.defaults());
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"version\" : 1,"), text);
        assertTrue(text.contains("\"parallelTransfers\" : 2"), text);
    }

    @Test
    void theConfigFolderCanBeChosenWithASystemProperty() {
        String before = System.getProperty(AppPaths.OVERRIDE);
        System.setProperty(AppPaths.OVERRIDE, dir.resolve("screenshots").toString());
        try {
            AppPaths paths = AppPaths.forCurrentUser();
            assertEquals(dir.resolve("screenshots").resolve("settings.json"), paths.settingsFile());
            assertEquals(dir.resolve("screenshots").resolve("sites.json"), paths.sitesFile());
            assertEquals(dir.resolve("screenshots").resolve("known-certs.json"), paths.knownCertificatesFile());
            assertEquals(dir.resolve("screenshots").resolve("queue.json"), paths.queueFile());
            assertEquals(dir.resolve("screenshots").resolve("logs"), paths.logsDir());
        } finally {
            if (before == null) {
                System.clearProperty(AppPaths.OVERRIDE);
            } else {
                System.setProperty(AppPaths.OVERRIDE, before);
            }
        }
    }

    @Test
    void theConfigFolderFollowsEachOperatingSystemsConvention() {
        assertEquals(Path.of("/home/a/.config/ferry"), AppPaths.configDir(null, "Linux", Map.of(), "/home/a"));
        assertEquals(Path.of("/xdg/ferry"), AppPaths.configDir(null, "Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/a"));
        assertEquals(Path.of("/home/a/.config/ferry"),
                AppPaths.configDir(null, "Linux", Map.of("XDG_CONFIG_HOME", "relative/xdg"), "/home/a"));
        assertEquals(Path.of("/Users/a/Library/Application Support/Ferry"),
                AppPaths.configDir(null, "Mac OS X", Map.of(), "/Users/a"));
        assertEquals(Path.of("/home/a/AppData/Roaming/Ferry"), AppPaths.configDir(null, "Windows 11", Map.of(), "/home/a"));
        assertEquals(Path.of("/override"), AppPaths.configDir("/override", "Windows 11", Map.of(), "/home/a"));
    }

    private List<Path> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("settings.json.broken-")).sorted().toList();
        }
    }
}
