package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.engine.FtpException;
import dev.ferry.transfer.NewTransfer;
import dev.ferry.ui.commander.FileExistsQuestion;

/** Ctrl+Q and the window's close button: at once with nothing unfinished, after asking with transfers under way. */
@ExtendWith(ApplicationExtension.class)
class QuitTest {
    private static final String SITE = "ftpes://nobody@127.0.0.1:9";

    @TempDir
    Path config;

    private Stage stage;
    private AppContext context;
    private MainWindow main;
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        if (context != null) {
            context.close();
        }
    }

    private void openWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            context = AppContext.open(new AppPaths(config), bridge -> new FileExistsQuestion(bridge, () -> stage));
            main = new MainWindow(context, stage);
            main.show();
        }).get(20, TimeUnit.SECONDS);
        await(stage::isShowing, "the window");
    }

    /** A transfer that stays connecting: its server never answers until the test ends. */
    private void transferUnderWay() throws Exception {
        context.queue().registerSite(SITE, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new FtpException("the test is over");
        });
        context.queue().add(List.of(NewTransfer.download(SITE, "/big.iso", config.resolve("big.iso"), 1 << 20)));
        await(() -> queueRowsUnfinished() == 1, "the transfer under way in the queue");
    }

    private int queueRowsUnfinished() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> main.queueModel().unfinishedItems()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    private boolean asking(FxRobot robot) {
        return robot.lookup("#quit-dialog").match(NodeQueryUtils.isVisible()).tryQuery().isPresent();
    }

    @Test
    void ctrlQWithNothingUnfinishedClosesTheWindowAtOnce(FxRobot robot) throws Exception {
        openWindow();
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        await(() -> !stage.isShowing(), "the window closed");
        assertFalse(asking(robot));
    }

    @Test
    void closingWithATransferUnderWayAsksAndEscapeKeepsFerryOpen(FxRobot robot) throws Exception {
        openWindow();
        transferUnderWay();
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        await(() -> asking(robot), "the question");
        assertEquals("A transfer is not finished.",
                robot.lookup("#quit-dialog .header-panel .label").queryLabeled().getText());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        await(() -> !asking(robot), "the question answered");
        assertTrue(stage.isShowing(), "Ferry stays open");
        assertEquals(1, queueRowsUnfinished(), "the transfer is still there");
    }

    @Test
    void quittingWithATransferUnderWayClosesTheWindowWhenConfirmed(FxRobot robot) throws Exception {
        openWindow();
        transferUnderWay();
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        await(() -> asking(robot), "the question");
        robot.clickOn("#quit-confirm");
        await(() -> !stage.isShowing(), "the window closed");
    }
}
