package dev.ferry.ui;

import dev.ferry.app.ThemeMode;

import java.net.URL;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The look: AtlantaFX Primer Light or Primer Dark as the user-agent stylesheet, chosen by the user or, for
 * {@link ThemeMode#SYSTEM}, by the operating system (asked on a background thread; light when it cannot be told);
 * plus Ferry's own {@link #STYLESHEET}, which views add to their scene.
 */
public final class Theme {
    /** Ferry's stylesheet: pane focus, log colours, the function-key bar. Written with AtlantaFX's colour names. */
    public static final String STYLESHEET = resource("ferry.css");

    // AtlantaFX 2.1.0's classes are built for Java 21 and do not load on 17; its stylesheets are plain resources.
    // The build copies them to theme/ with a precompiled .bss beside each, which JavaFX loads in their place.
    static final String PRIMER_LIGHT = stylesheet("primer-light.css");
    static final String PRIMER_DARK = stylesheet("primer-dark.css");

    private final FxBridge bridge;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private int generation;

    public Theme(FxBridge bridge) {
        this.bridge = bridge;
    }

    /**
     * Applies {@code mode}. On the FX thread. LIGHT and DARK take effect at once; SYSTEM once the operating system
     * has answered (within {@link SystemTheme#TIMEOUT} per question). The future completes on the FX thread when
     * the theme is in place; the app may wait for it before showing the window, so that it does not flash.
     */
    public CompletableFuture<ThemeMode> apply(ThemeMode mode) {
        int asked = ++generation;
        if (mode != ThemeMode.SYSTEM) {
            set(mode);
            return CompletableFuture.completedFuture(mode);
        }
        CompletableFuture<ThemeMode> applied = new CompletableFuture<>();
        bridge.run(SystemTheme::detect, detected -> {
            ThemeMode effective = detected.orElse(ThemeMode.LIGHT);
            // A later choice wins over a slow answer to an earlier one.
            if (asked == generation) {
                set(effective);
            }
            applied.complete(effective);
        }, error -> {
            if (asked == generation) {
                set(ThemeMode.LIGHT);
            }
            applied.complete(ThemeMode.LIGHT);
        });
        return applied;
    }

    private void set(ThemeMode effective) {
        boolean isDark = effective == ThemeMode.DARK;
        Application.setUserAgentStylesheet(isDark ? PRIMER_DARK : PRIMER_LIGHT);
        dark.set(isDark);
    }

    private static String stylesheet(String name) {
        URL compiled = Theme.class.getResource("theme/" + name);
        return compiled != null ? compiled.toExternalForm() : resource("/atlantafx/base/theme/" + name);
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }

    /** Whether the dark theme is in use now. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Adds Ferry's stylesheet to {@code scene}, once. */
    public static void addStylesheet(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }

    /** Adds Ferry's stylesheet to {@code root} (for a dialog whose scene is not ours), once. */
    public static void addStylesheet(Parent root) {
        if (!root.getStylesheets().contains(STYLESHEET)) {
            root.getStylesheets().add(STYLESHEET);
        }
    }

    /** What the operating system is set to, asked now on the calling thread (not the FX thread). */
    public static Optional<ThemeMode> detectSystem() {
        return SystemTheme.detect();
    }
}
