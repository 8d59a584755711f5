package dev.ferry.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Ferry's logo for window title bars, task bars and Alt+Tab: the PNGs rendered by {@code assets/render.sh}
 * into the jar, from 16 to 256 px, so the window system picks the size it needs.
 */
public final class WindowIcons {
    /** The sizes in the jar, under {@code /dev/ferry/app/icons/ferry-SIZE.png}. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private static List<Image> icons;

    private WindowIcons() {
    }

    /** Gives the stage Ferry's icons (loaded once per run; a missing one is skipped, never an error). */
    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(icons());
    }

    static synchronized List<Image> icons() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>(SIZES.size());
            for (int size : SIZES) {
                try (InputStream in = WindowIcons.class.getResourceAsStream("icons/ferry-" + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // A window without one of its icon sizes still works: the window system scales another.
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }
}
