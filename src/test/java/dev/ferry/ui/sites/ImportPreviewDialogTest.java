package dev.ferry.ui.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.importers.ImportItem;
import dev.ferry.sites.importers.ImportPreview;
import dev.ferry.sites.importers.SkippedEntry;

@ExtendWith(ApplicationExtension.class)
class ImportPreviewDialogTest {
    private Stage stage;
    private final AtomicReference<Optional<ImportChoice>> result = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
    }

    static ImportPreview sample() {
        Site acme = Site.builder("1").name("Acme").host("ftp.acme.example").user("alice").folder("Clients")
                .passwordMode(PasswordMode.STORED).build();
        Site plain = Site.builder("2").name("Old box").host("old.example").mode(FtpsMode.PLAIN)
                .passwordMode(PasswordMode.ANONYMOUS).build();
        Site implicit = Site.builder("3").name("Billing").host("billing.example").mode(FtpsMode.IMPLICIT).port(2990)
                .user("bob").passwordMode(PasswordMode.ASK).build();
        return new ImportPreview("FileZilla", List.of(
                new ImportItem(acme, Optional.of("pw"), List.of()),
                new ImportItem(plain, Optional.empty(), List.of("Plain FTP: the password and the files travel"
                        + " unencrypted.")),
                new ImportItem(implicit, Optional.empty(), List.of("The password is protected by FileZilla's master"
                        + " password, which Ferry cannot read: Ferry asks for it when connecting."))),
                List.of(new SkippedEntry("Clients/Acme SFTP", "SFTP: Ferry connects over FTP and FTPS only.")));
    }

    private void open(FxRobot robot, ImportPreview preview) {
        robot.interact(() -> Platform.runLater(() -> result.set(ImportPreviewDialog.show(stage, preview))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<ImportChoice> awaitResult() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);
        return result.get();
    }

    private static List<CheckBox> checkBoxes(FxRobot robot) {
        return robot.lookup("#import-table .check-box").queryAllAs(CheckBox.class).stream()
                .filter(Node::isVisible).toList();
    }

    @Test
    void importingEverythingGivesEveryItemAndTheDefaultFolder(FxRobot robot) throws Exception {
        open(robot, sample());
        assertEquals("Import 3 sites", robot.lookup("#import-accept").queryButton().getText());
        robot.clickOn("#import-accept");
        ImportChoice choice = awaitResult().orElseThrow();
        assertEquals("Imported from FileZilla", choice.intoFolder());
        assertEquals(sample().items(), choice.items());
    }

    @Test
    void anUntickedItemIsLeftOut(FxRobot robot) throws Exception {
        open(robot, sample());
        robot.clickOn(checkBoxes(robot).get(1));
        assertEquals("Import 2 sites", robot.lookup("#import-accept").queryButton().getText());
        robot.clickOn("#import-accept");
        ImportChoice choice = awaitResult().orElseThrow();
        assertEquals(List.of("Acme", "Billing"), choice.items().stream().map(i -> i.site().name()).toList());
    }

    @Test
    void theFolderTypedIsUsed(FxRobot robot) throws Exception {
        open(robot, sample());
        robot.clickOn("#import-folder");
        robot.interact(() -> robot.lookup("#import-folder").queryAs(TextField.class).selectAll());
        robot.write("Old laptop / FileZilla");
        robot.clickOn("#import-accept");
        assertEquals("Old laptop/FileZilla", awaitResult().orElseThrow().intoFolder());
    }

    @Test
    void aFolderNameTooLongDisablesImportAndSaysWhy(FxRobot robot) {
        open(robot, sample());
        robot.interact(() -> robot.lookup("#import-folder").queryAs(TextField.class).setText("x".repeat(300)));
        Button accept = robot.lookup("#import-accept").queryButton();
        assertTrue(accept.isDisabled());
        Label problem = robot.lookup("#import-folder-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("A folder name can have at most 255 characters.", problem.getText());
        robot.clickOn("Cancel");
    }

    @Test
    void selectNoneDisablesImport(FxRobot robot) {
        open(robot, sample());
        robot.clickOn("#import-select-none");
        assertTrue(robot.lookup("#import-accept").queryButton().isDisabled());
        assertTrue(checkBoxes(robot).stream().noneMatch(CheckBox::isSelected));
        robot.clickOn("#import-select-all");
        assertFalse(robot.lookup("#import-accept").queryButton().isDisabled());
        robot.clickOn("Cancel");
    }

    @Test
    void cancelImportsNothing(FxRobot robot) throws Exception {
        open(robot, sample());
        robot.type(KeyCode.ESCAPE);
        assertEquals(Optional.empty(), awaitResult());
    }

    @Test
    void showsPasswordHandlingModesAndTheSkippedEntries(FxRobot robot) {
        open(robot, sample());
        @SuppressWarnings("unchecked")
        TableView<ImportPreviewModel.Row> table = robot.lookup("#import-table").queryAs(TableView.class);
        List<ImportPreviewModel.Row> rows = table.getItems();
        assertEquals(List.of("Will be stored encrypted", "None (anonymous)", "Not included"),
                rows.stream().map(ImportPreviewModel.Row::password).toList());
        assertEquals(List.of("Explicit FTPS", "Plain FTP (insecure)", "Implicit FTPS"),
                rows.stream().map(ImportPreviewModel.Row::mode).toList());
        assertEquals(List.of("21", "21", "2990"), rows.stream().map(ImportPreviewModel.Row::port).toList());
        assertTrue(robot.lookup(".import-insecure").tryQuery().isPresent(), "plain FTP is marked");
        ListView<?> skipped = robot.lookup("#import-skipped").queryAs(ListView.class);
        assertEquals(1, skipped.getItems().size());
        assertTrue(robot.lookup("Clients/Acme SFTP \u2014 SFTP: Ferry connects over FTP and FTPS only.").tryQuery()
                .isPresent());
        assertEquals("3 sites can be imported from FileZilla; 1 entry is skipped.",
                robot.lookup("#import-dialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        robot.clickOn("Cancel");
    }

    @Test
    void aFileWithNothingToImportSaysSo(FxRobot robot) {
        open(robot, new ImportPreview("WinSCP", List.of(), List.of()));
        assertTrue(robot.lookup("Nothing in this file can be imported.").tryQuery().isPresent());
        assertTrue(robot.lookup("#import-accept").queryButton().isDisabled());
        assertEquals("Imported from WinSCP", robot.lookup("#import-folder").queryAs(TextField.class).getText());
        robot.clickOn("Cancel");
    }
}
