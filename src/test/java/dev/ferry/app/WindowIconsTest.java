package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.ui.commander.FileExistsQuestion;

/** The main window carries Ferry's logo in every size from the jar, for title bars, task bars and Alt+Tab. */
@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {
    @TempDir
    static Path config;

    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(new AppPaths(config), bridge -> new FileExistsQuestion(bridge, () -> stage));
        new MainWindow(context, stage).show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(context::close);
    }

    @Test
    void theMainWindowHasTheIconsFrom16To256Pixels() throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, stage::isShowing);
        List<Image> icons = stage.getIcons();
        assertEquals(WindowIcons.SIZES, icons.stream().map(i -> (int) i.getWidth()).toList());
        for (Image icon : icons) {
            assertFalse(icon.isError(), "icon " + icon.getWidth() + " px loads");
            assertEquals(icon.getWidth(), icon.getHeight(), "square");
        }
        for (int size : WindowIcons.SIZES) {
            assertFalse(WindowIcons.class.getResource("icons/ferry-" + size + ".png") == null, size + " px in the jar");
        }
    }
}
