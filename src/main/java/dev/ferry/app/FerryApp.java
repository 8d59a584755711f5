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
        main.show();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
