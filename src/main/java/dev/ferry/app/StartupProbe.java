package dev.ferry.app;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * {@code -Dferry.startupProbe=true}: prints the milliseconds from the JVM's start to the main window's first
 * frame, then closes the window a second later. {@code bench/startup.sh} runs the installed app with it.
 */
final class StartupProbe {
    /** The system property that turns the probe on. */
    static final String PROPERTY = "ferry.startupProbe";

    private StartupProbe() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Once the stage is shown, waits for the pulse that lays out its first frame, prints the time and quits. */
    static void watch(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Scene scene = stage.getScene();
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    // The frame laid out in this pulse is rendered right after it: report on the next turn.
                    Platform.runLater(() -> {
                        long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                        long now = System.currentTimeMillis();
                        // The wall-clock time lets a script measure from its own exec without polling the display.
                        System.out.println("startup: " + (now - start) + " ms from JVM start to the first frame (at "
                                + now + ")");
                        System.out.flush();
                        // A second on screen, so that a script watching for the window sees it, then closed as a
                        // user closes it (its timers stop, its settings are saved).
                        javafx.animation.PauseTransition linger = new javafx.animation.PauseTransition(
                                javafx.util.Duration.seconds(1));
                        linger.setOnFinished(done -> {
                            stage.hide();
                            Platform.exit();
                        });
                        linger.play();
                    });
                };
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
            }
        });
    }
}
