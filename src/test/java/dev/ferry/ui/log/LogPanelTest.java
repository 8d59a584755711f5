package dev.ferry.ui.log;

import static dev.ferry.ui.log.LogModelTest.awaitOnFx;
import static dev.ferry.ui.log.LogModelTest.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.ThemeMode;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.Theme;

import java.util.List;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LogPanelTest {
    private final FxBridge bridge = new FxBridge();
    private LogModel model;

    @Start
    void start(Stage stage) {
        new Theme(bridge).apply(ThemeMode.LIGHT);
        model = new LogModel(bridge);
        Scene scene = new Scene(new LogPanel(model), 900, 400);
        Theme.addStylesheet(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void logASession() throws Exception {
        ConnectionLog browse = model.forConnection("browse");
        model.info("Connecting to ftp.example.com:21");
        browse.received("220 (vsFTPd 3.0.3)");
        browse.sent("AUTH TLS");
        browse.received("234 Proceed with negotiation.");
        browse.sent("USER alice");
        browse.received("331 Please specify the password.");
        browse.sent("PASS ****");
        browse.received("230 Login successful.");
        for (int i = 0; i < 40; i++) {
            ConnectionLog transfer = model.forConnection("transfer " + (i % 2 + 1));
            transfer.sent("RETR photo-" + i + ".jpg");
            transfer.received("150 Opening BINARY mode data connection for photo-" + i + ".jpg");
            transfer.received("226 Transfer complete.");
        }
        model.error("Connection to ftp.example.com lost");
        awaitOnFx(() -> model.lines().size() == 129);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeBridge() {
        bridge.close();
    }

    @Test
    void searchingSelectsTheFirstMatchAndEnterAndF3StepThroughThem(FxRobot robot) throws Exception {
        robot.clickOn("#log-search").write("photo-3");

        assertEquals("1 of 22", status(robot)); // photo-3 and photo-30 to photo-39, each twice (RETR, 150)
        assertEquals("RETR photo-3.jpg", selected(robot).text());

        robot.type(KeyCode.ENTER);
        assertEquals("2 of 22", status(robot));
        assertEquals("150 Opening BINARY mode data connection for photo-3.jpg", selected(robot).text());

        robot.type(KeyCode.F3);
        assertEquals("3 of 22", status(robot));
        assertEquals("RETR photo-30.jpg", selected(robot).text());

        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        assertEquals("2 of 22", status(robot));
        assertFalse(onFx(() -> robot.lookup("#log-follow").queryAs(javafx.scene.control.ToggleButton.class).isSelected()),
                "a search result is not scrolled away by new lines");
    }

    @Test
    void aSearchThatMatchesNothingSaysSo(FxRobot robot) {
        robot.clickOn("#log-search").write("no such thing");
        assertEquals("No matches", status(robot));
        robot.type(KeyCode.ESCAPE);
        assertEquals("", status(robot));
    }

    @Test
    void matchesAreHighlighted(FxRobot robot) {
        robot.clickOn("#log-search").write("lost");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> highlighted = robot.lookup(".log-line").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("search-match")))
                .map(c -> ((LogLine) c.getItem()).text()).toList();
        assertEquals(List.of("Connection to ftp.example.com lost"), highlighted);
    }

    @Test
    void ctrlCCopiesTheSelectedLines(FxRobot robot) throws Exception {
        robot.clickOn("#log-search").write("vsFTPd");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(cell(robot, 1));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, 3)).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);

        String copied = clipboard();
        List<LogLine> lines = onFx(() -> List.copyOf(model.lines()));
        assertEquals(lines.get(1).format() + "\n" + lines.get(3).format(), copied);
        assertTrue(copied.endsWith("[browse] < 234 Proceed with negotiation."), copied);
    }

    @Test
    void copyAllCopiesEveryLine(FxRobot robot) throws Exception {
        robot.clickOn("#log-copy-all");

        String[] copied = clipboard().split("\n");
        assertEquals(129, copied.length);
        assertTrue(copied[0].endsWith(" * Connecting to ftp.example.com:21"), copied[0]);
        assertTrue(copied[6].endsWith(" [browse] > PASS ****"), copied[6]);
        assertTrue(copied[128].endsWith(" ! Connection to ftp.example.com lost"), copied[128]);
    }

    @Test
    void clearEmptiesTheLog(FxRobot robot) throws Exception {
        robot.clickOn("#log-clear");
        assertTrue(onFx(() -> model.lines().isEmpty()));
        assertTrue(robot.lookup(".log-placeholder").queryAs(Label.class).isVisible());
    }

    @Test
    void followingStopsWhenTheUserScrollsUpAndResumesAtTheEnd(FxRobot robot) throws Exception {
        var follow = robot.lookup("#log-follow").queryAs(javafx.scene.control.ToggleButton.class);
        ListView<?> list = robot.lookup("#log-list").queryAs(ListView.class);
        assertTrue(follow.isSelected());
        assertTrue(lastCellVisible(robot), "following shows the newest line");

        // Keys rather than the wheel: Monocle's robot turns the wheel the other way round.
        robot.clickOn(cell(robot, 120)).type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(follow.isSelected());
        model.info("one more line");
        awaitOnFx(() -> model.lines().size() == 130);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lastCellVisible(robot), "not scrolled to the new line");

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(follow.isSelected());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lastCellVisible(robot));
    }

    @Test
    void evenASmallTurnOfTheWheelTowardsOlderLinesStopsFollowing(FxRobot robot) throws Exception {
        var follow = robot.lookup("#log-follow").queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(follow.isSelected());

        // A wheel event made by hand: Monocle's robot turns the wheel the other way round.
        robot.interact(() -> wheel(robot, 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(follow.isSelected());

        robot.interact(() -> wheel(robot, -1000));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(follow.isSelected());
    }

    private static void wheel(FxRobot robot, double deltaY) {
        Node flow = robot.lookup("#log-list").queryAs(ListView.class).lookup(".virtual-flow");
        Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false,
                false, false, 0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    private boolean lastCellVisible(FxRobot robot) throws Exception {
        return onFx(() -> {
            ListView<?> list = robot.lookup("#log-list").queryAs(ListView.class);
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
            return flow.getLastVisibleCell().getIndex() == model.lines().size() - 1;
        });
    }

    private static ListCell<?> cell(FxRobot robot, int index) {
        return robot.lookup(".log-line").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == index).findFirst().orElseThrow();
    }

    private static String status(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#log-search-status").queryAs(Label.class).getText();
    }

    private static LogLine selected(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<LogLine> list = robot.lookup("#log-list").queryAs(ListView.class);
        return list.getSelectionModel().getSelectedItem();
    }

    private static String clipboard() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }
}
