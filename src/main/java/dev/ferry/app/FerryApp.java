package dev.ferry.app;

import javafx.application.Application;
import javafx.stage.Stage;

import dev.ferry.ui.commander.FileExistsQuestion;

/** The JavaFX application: builds the context, applies the theme, shows the commander window. */
public final class FerryApp extends Application {
    private AppContext context;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        AppPaths paths = AppPaths.forCurrentUser();
        context = AppContext.open(paths, bridge -> new FileExistsQuestion(bridge, () -> stage));
        MainWindow main = new MainWindow(context, primary);
        if (StartupProbe.enabled()) {
            StartupProbe.watch(primary);
        }
        primary.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.stage.WindowEvent e) {
                primary.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                installNativeCrypto();
            }
        });
        main.show();
    }

    /**
     * After the window is on screen: loading the native provider costs CPU time that on a two-core machine
     * would delay the first frame; the first connection comes later.
     */
    private static void installNativeCrypto() {
        Thread crypto = new Thread(NativeCrypto::install, "ferry-native-crypto");
        crypto.setDaemon(true);
        crypto.setPriority(Thread.MIN_PRIORITY);
        crypto.start();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
