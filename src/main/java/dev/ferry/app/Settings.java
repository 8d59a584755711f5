package dev.ferry.app;

import dev.ferry.transfer.FileExistsPolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window's layout and the user's preferences, as saved in {@code settings.json}. Immutable: change one value
 * with a {@code with...} method. Out-of-range values are brought into range rather than refused, since they may
 * come from a hand-edited file.
 *
 * @param window            the main window's place and size
 * @param mainDivider       the divider between the local and the remote pane, 0 to 1
 * @param bottomDivider     the divider between the panes and the queue/log area below them, 0 to 1
 * @param queueCollapsed    whether the transfer queue is folded away
 * @param logCollapsed      whether the protocol log is folded away
 * @param panes             each file pane's table layout, by pane id ({@link #LOCAL_PANE}, {@link #REMOTE_PANE})
 * @param showHiddenFiles   whether the panes list dot files and hidden files
 * @param lastLocalFolder   the local folder shown last, or empty for the home folder
 * @param theme             light, dark, or as the operating system
 * @param confirmTransfers  whether the transfer dialog asks before queueing (its "don't ask again" unticked)
 * @param fileExistsPolicy  what a new transfer does by default when its target exists
 * @param keepTimestamps    whether transfers keep the source's modification time
 * @param parallelTransfers how many transfers run at once, 1 to 10
 * @param storePasswords    whether saved sites keep their passwords (encrypted); off, Ferry asks when connecting
 */
public record Settings(
        WindowBounds window,
        double mainDivider,
        double bottomDivider,
        boolean queueCollapsed,
        boolean logCollapsed,
        Map<String, PaneLayout> panes,
        boolean showHiddenFiles,
        String lastLocalFolder,
        ThemeMode theme,
        boolean confirmTransfers,
        FileExistsPolicy fileExistsPolicy,
        boolean keepTimestamps,
        int parallelTransfers,
        boolean storePasswords) {

    public static final String LOCAL_PANE = "local";
    public static final String REMOTE_PANE = "remote";
    public static final int MIN_PARALLEL_TRANSFERS = 1;
    public static final int MAX_PARALLEL_TRANSFERS = 10;
    private static final double DEFAULT_MAIN_DIVIDER = 0.5;
    private static final double DEFAULT_BOTTOM_DIVIDER = 0.68;
    private static final int DEFAULT_PARALLEL_TRANSFERS = 2;

    public Settings {
        window = window == null ? WindowBounds.defaults() : window;
        mainDivider = fraction(mainDivider, DEFAULT_MAIN_DIVIDER);
        bottomDivider = fraction(bottomDivider, DEFAULT_BOTTOM_DIVIDER);
        Map<String, PaneLayout> layouts = new LinkedHashMap<>();
        if (panes != null) {
            panes.forEach((id, layout) -> {
                if (id != null && layout != null) {
                    layouts.put(id, layout);
                }
            });
        }
        panes = Collections.unmodifiableMap(layouts);
        lastLocalFolder = lastLocalFolder == null ? "" : lastLocalFolder;
        theme = theme == null ? ThemeMode.SYSTEM : theme;
        fileExistsPolicy = fileExistsPolicy == null ? FileExistsPolicy.ASK : fileExistsPolicy;
        parallelTransfers = Math.max(MIN_PARALLEL_TRANSFERS, Math.min(MAX_PARALLEL_TRANSFERS, parallelTransfers));
    }

    /**
     * A first start: a centred 1200 × 760 window, panes side by side, queue and log shown, hidden files hidden,
     * the system theme, transfers confirmed, ask when a file exists, timestamps kept, two transfers at once,
 * passwords stored (encrypted, under a master password).
     */
    public static Settings defaults() {
        return new Settings(WindowBounds.defaults(), DEFAULT_MAIN_DIVIDER, DEFAULT_BOTTOM_DIVIDER, false, false,
                Map.of(), false, "", ThemeMode.SYSTEM, true, FileExistsPolicy.ASK, true, DEFAULT_PARALLEL_TRANSFERS, true);
    }

    private static double fraction(double value, double fallback) {
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : fallback;
    }

    /** The layout of the pane with this id, or the default layout. */
    public PaneLayout pane(String paneId) {
        return panes.getOrDefault(paneId, PaneLayout.defaults());
    }

    public Settings withPane(String paneId, PaneLayout layout) {
        Map<String, PaneLayout> layouts = new LinkedHashMap<>(panes);
        layouts.put(paneId, layout);
        return withPanes(layouts);
    }

    public Settings withWindow(WindowBounds window) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withMainDivider(double mainDivider) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withBottomDivider(double bottomDivider) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withQueueCollapsed(boolean queueCollapsed) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withLogCollapsed(boolean logCollapsed) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withPanes(Map<String, PaneLayout> panes) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withShowHiddenFiles(boolean showHiddenFiles) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withLastLocalFolder(String lastLocalFolder) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withTheme(ThemeMode theme) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withConfirmTransfers(boolean confirmTransfers) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withFileExistsPolicy(FileExistsPolicy fileExistsPolicy) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    /** Whether saved sites may keep their passwords (encrypted in the vault); off: Ferry asks when connecting. */
    public Settings withStorePasswords(boolean storePasswords) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withKeepTimestamps(boolean keepTimestamps) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }

    public Settings withParallelTransfers(int parallelTransfers) {
        return new Settings(window, mainDivider, bottomDivider, queueCollapsed, logCollapsed, panes, showHiddenFiles,
                lastLocalFolder, theme, confirmTransfers, fileExistsPolicy, keepTimestamps, parallelTransfers, storePasswords);
    }
}
