package dev.ferry.ui.commander;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.fs.FileEntry;
import dev.ferry.ui.pane.FilePane;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.transfer.FileExistsPolicy;
import dev.ferry.transfer.TransferState;

@ExtendWith(ApplicationExtension.class)
class CommanderWindowTest {
    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    static Path tmp;

    private static Path local;
    private CommanderHarness harness;

    @Start
    void start(Stage stage) throws Exception {
        local = Files.createTempDirectory(tmp, "local");
        Files.createDirectories(local.resolve("alpha"));
        Files.writeString(local.resolve("alpha/inner.txt"), "inner");
        Files.writeString(local.resolve("bravo.txt"), "bravo");
        Files.writeString(local.resolve("charlie.txt"), "charlie");
        harness = new CommanderHarness(server, stage, local);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private static void await(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 15 s for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> names(TableView<FileEntry> table) {
        return table.getItems().stream().map(FileEntry::name).toList();
    }

    private void connect(FxRobot robot) throws TimeoutException {
        robot.interact(() -> harness.model.connect(harness.request(server.user(), server.password()), 2));
        await(() -> harness.model.connectionProperty().get() == CommanderModel.ConnectionState.CONNECTED
                && !harness.model.remote().path().isEmpty() && !harness.model.remote().busyProperty().get(),
                "the remote pane to show the server");
    }

    private void focusLocalOn(FxRobot robot, String name) throws TimeoutException {
        focusOn(robot, harness.window.localPane(), name);
    }

    private void focusOn(FxRobot robot, FilePane pane, String name) throws TimeoutException {
        TableView<FileEntry> table = pane.table();
        await(() -> names(table).contains(name), "the pane to list " + name);
        robot.interact(() -> {
            pane.focusTable();
            int i = names(table).indexOf(name);
            table.getSelectionModel().clearAndSelect(i);
            table.getFocusModel().focus(i);
        });
    }

    @Test
    void localPaneListsFoldersFirst() throws Exception {
        TableView<FileEntry> table = harness.window.localPane().table();
        await(() -> table.getItems().size() == 3, "three entries");
        assertEquals(List.of("alpha", "bravo.txt", "charlie.txt"), names(table));
    }

    @Test
    void enterOpensAFolderAndBackspaceReturnsWithTheCursorOnIt(FxRobot robot) throws Exception {
        focusLocalOn(robot, "alpha");
        robot.type(KeyCode.ENTER);
        await(() -> harness.model.local().path().endsWith("alpha"), "the pane to open alpha");
        assertEquals(List.of("inner.txt"), names(harness.window.localPane().table()));
        robot.type(KeyCode.BACK_SPACE);
        await(() -> harness.model.local().path().equals(local.toString()), "the pane to go up");
        assertEquals("alpha", harness.window.localPane().focusedEntry().name());
    }

    @Test
    void altLeftGoesBackInHistory(FxRobot robot) throws Exception {
        focusLocalOn(robot, "alpha");
        robot.type(KeyCode.ENTER);
        await(() -> harness.model.local().path().endsWith("alpha"), "alpha");
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        await(() -> harness.model.local().path().equals(local.toString()), "back");
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        await(() -> harness.model.local().path().endsWith("alpha"), "forward");
    }

    @Test
    void typingJumpsToTheFirstMatchingName(FxRobot robot) throws Exception {
        focusLocalOn(robot, "alpha");
        robot.write("ch");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("charlie.txt", harness.window.localPane().focusedEntry().name());
    }

    @Test
    void enterOpensARemoteFolderAndBackspaceReturns(FxRobot robot) throws Exception {
        Files.createDirectories(server.home().resolve("pub/docs"));
        Files.writeString(server.home().resolve("pub/docs/a.txt"), "a");
        connect(robot);
        TableView<FileEntry> table = harness.window.remotePane().table();
        robot.interact(() -> harness.model.remote().refresh());
        await(() -> names(table).contains("pub"), "the remote pane to list pub");
        robot.interact(() -> {
            harness.window.remotePane().focusTable();
            table.getFocusModel().focus(names(table).indexOf("pub"));
        });
        robot.type(KeyCode.ENTER);
        await(() -> harness.model.remote().path().equals("/pub") && names(table).equals(List.of("docs")), "/pub");
        robot.type(KeyCode.ENTER);
        await(() -> harness.model.remote().path().equals("/pub/docs") && names(table).equals(List.of("a.txt")),
                "/pub/docs");
        robot.type(KeyCode.BACK_SPACE);
        await(() -> harness.model.remote().path().equals("/pub"), "back up to /pub");
        assertEquals("docs", harness.window.remotePane().focusedEntry().name());
    }

    @Test
    void tabSwitchesToTheRemotePane(FxRobot robot) throws Exception {
        connect(robot);
        focusLocalOn(robot, "bravo.txt");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Side.REMOTE, harness.model.activeProperty().get());
        assertTrue(harness.window.remotePane().table().isFocused());
    }

    @Test
    void f5UploadsTheSelectedFileAndItAppearsInTheRemotePane(FxRobot robot) throws Exception {
        harness.defaults.confirmProperty().set(false);
        connect(robot);
        focusLocalOn(robot, "bravo.txt");
        robot.type(KeyCode.F5);
        await(() -> Files.exists(server.home().resolve("bravo.txt")), "the upload");
        assertEquals("bravo", Files.readString(server.home().resolve("bravo.txt")));
        await(() -> names(harness.window.remotePane().table()).contains("bravo.txt"), "the remote pane to list it");
    }

    @Test
    void f5UploadsAFolderAndItAppearsInTheRemotePane(FxRobot robot) throws Exception {
        harness.defaults.confirmProperty().set(false);
        connect(robot);
        focusLocalOn(robot, "alpha");
        robot.type(KeyCode.F5);
        await(() -> Files.exists(server.home().resolve("alpha/inner.txt")), "the upload");
        await(() -> names(harness.window.remotePane().table()).contains("alpha"), "the remote pane to list the folder");
    }

    @Test
    void f5DownloadsAFolderAndItAppearsInTheLocalPane(FxRobot robot) throws Exception {
        Files.createDirectories(server.home().resolve("delta"));
        Files.writeString(server.home().resolve("delta/d.txt"), "d");
        harness.defaults.confirmProperty().set(false);
        connect(robot);
        robot.interact(() -> harness.model.remote().refresh());
        focusOn(robot, harness.window.remotePane(), "delta");
        robot.type(KeyCode.F5);
        await(() -> Files.exists(local.resolve("delta/d.txt")), "the download");
        await(() -> names(harness.window.localPane().table()).contains("delta"), "the local pane to list the folder");
    }

    @Test
    void f5AsksForConfirmationWithTheTargetFolder(FxRobot robot) throws Exception {
        connect(robot);
        focusLocalOn(robot, "charlie.txt");
        robot.type(KeyCode.F5);
        await(() -> robot.lookup("#transfer-target").tryQuery().isPresent(), "the transfer dialog");
        assertEquals(harness.model.remote().path(),
                robot.lookup("#transfer-target").queryTextInputControl().getText());
        robot.clickOn("Start");
        await(() -> Files.exists(server.home().resolve("charlie.txt")), "the upload");
    }

    @Test
    void aTransfersFileExistsChoiceStaysWithItAndLeavesTheQueuesOwnAlone(FxRobot robot) throws Exception {
        Files.writeString(server.home().resolve("bravo.txt"), "server copy");
        harness.defaults.confirmProperty().set(false);
        harness.defaults.fileExistsProperty().set(FileExistsPolicy.SKIP);
        connect(robot);
        focusLocalOn(robot, "bravo.txt");
        robot.type(KeyCode.F5);
        await(() -> harness.queue.snapshots().stream().anyMatch(s -> s.state() == TransferState.DONE), "the transfer");
        assertEquals("server copy", Files.readString(server.home().resolve("bravo.txt")), "skipped, as chosen");
        assertEquals(java.util.Optional.of(FileExistsPolicy.SKIP), harness.queue.snapshots().get(0).fileExists());
        assertEquals(FileExistsPolicy.OVERWRITE, harness.queue.options().fileExists(), "the queue's own is untouched");
    }

    @Test
    void f6MovesAFileAndRemovesTheSource(FxRobot robot) throws Exception {
        harness.defaults.confirmProperty().set(false);
        connect(robot);
        focusLocalOn(robot, "charlie.txt");
        robot.type(KeyCode.F6);
        await(() -> Files.exists(server.home().resolve("charlie.txt")) && !Files.exists(local.resolve("charlie.txt")),
                "the move");
        assertEquals("charlie", Files.readString(server.home().resolve("charlie.txt")));
    }

    @Test
    void f7CreatesAFolderAndPutsTheCursorOnIt(FxRobot robot) throws Exception {
        focusLocalOn(robot, "bravo.txt");
        robot.type(KeyCode.F7);
        await(() -> robot.lookup("#new-folder-name").tryQuery().isPresent(), "the new folder dialog");
        robot.interact(() -> robot.lookup("#new-folder-name").queryTextInputControl().setText("delta"));
        robot.type(KeyCode.ENTER);
        await(() -> Files.isDirectory(local.resolve("delta")), "the folder");
        await(() -> harness.window.localPane().focusedEntry() != null
                && harness.window.localPane().focusedEntry().name().equals("delta"), "the cursor on delta");
    }

    @Test
    void f8DeletesAfterConfirmingWhatItDeletes(FxRobot robot) throws Exception {
        focusLocalOn(robot, "alpha");
        robot.type(KeyCode.F8);
        await(() -> robot.lookup("#delete-dialog").tryQuery().isPresent(), "the delete dialog");
        assertTrue(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText()
                .contains("the folder \"alpha\" and everything in it"));
        robot.clickOn("#delete-confirm");
        await(() -> !Files.exists(local.resolve("alpha")), "the delete");
        await(() -> !names(harness.window.localPane().table()).contains("alpha"), "the pane to forget alpha");
    }

    @Test
    void cancellingTheDeleteKeepsTheFile(FxRobot robot) throws Exception {
        focusLocalOn(robot, "bravo.txt");
        robot.type(KeyCode.DELETE);
        await(() -> robot.lookup("#delete-dialog").tryQuery().isPresent(), "the delete dialog");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(local.resolve("bravo.txt")));
    }

    @Test
    void f2RenamesTheFileUnderTheCursor(FxRobot robot) throws Exception {
        focusLocalOn(robot, "bravo.txt");
        robot.type(KeyCode.F2);
        await(() -> robot.lookup("#rename-name").tryQuery().isPresent(), "the rename dialog");
        robot.interact(() -> robot.lookup("#rename-name").queryTextInputControl().setText("echo.txt"));
        robot.type(KeyCode.ENTER);
        await(() -> Files.exists(local.resolve("echo.txt")) && !Files.exists(local.resolve("bravo.txt")), "the rename");
        await(() -> names(harness.window.localPane().table()).contains("echo.txt"), "the pane to list echo.txt");
    }

    @Test
    void draggingFromTheLocalToTheRemotePaneUploads(FxRobot robot) throws Exception {
        harness.defaults.confirmProperty().set(false);
        connect(robot);
        focusLocalOn(robot, "bravo.txt");
        robot.drag(robot.lookup("#local-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class))
                .dropTo(robot.lookup("#remote-table").queryAs(javafx.scene.Node.class));
        await(() -> Files.exists(server.home().resolve("bravo.txt")), "the upload by drag");
        assertTrue(Files.exists(local.resolve("bravo.txt")), "a drag copies: the source stays");
    }

    @Test
    void aRefusedFolderShowsWhatFailedAndWhy(FxRobot robot) throws Exception {
        robot.interact(() -> harness.model.connect(harness.request(server.readOnlyUser(), server.password()), 2));
        await(() -> harness.model.connectionProperty().get() == CommanderModel.ConnectionState.CONNECTED
                && !harness.model.remote().busyProperty().get(), "the read-only login");
        robot.interact(() -> harness.window.remotePane().focusTable());
        robot.type(KeyCode.F7);
        await(() -> robot.lookup("#new-folder-name").tryQuery().isPresent(), "the new folder dialog");
        robot.interact(() -> robot.lookup("#new-folder-name").queryTextInputControl().setText("nope"));
        robot.type(KeyCode.ENTER);
        await(() -> !harness.window.bannerText().isEmpty(), "an error message");
        String text = harness.window.bannerText();
        assertTrue(text.contains("nope") && text.contains("550"), text);
        assertFalse(text.contains("Exception"), text);
    }

    @Test
    void finishedUploadIsDoneInTheQueue(FxRobot robot) throws Exception {
        harness.defaults.confirmProperty().set(false);
        connect(robot);
        focusLocalOn(robot, "alpha");
        robot.type(KeyCode.F5);
        await(() -> Files.exists(server.home().resolve("alpha/inner.txt")), "the folder upload");
        assertTrue(harness.queue.awaitIdle(java.time.Duration.ofSeconds(10)));
        assertTrue(harness.queue.snapshots().stream().allMatch(s -> s.state() == TransferState.DONE));
        assertArrayEquals(Files.readAllBytes(local.resolve("alpha/inner.txt")),
                Files.readAllBytes(server.home().resolve("alpha/inner.txt")));
    }
}
