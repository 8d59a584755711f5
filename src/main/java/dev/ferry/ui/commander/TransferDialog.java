package dev.ferry.ui.commander;

import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import dev.ferry.transfer.FileExistsPolicy;

/** Confirms an F5/F6/drop: the target folder, what to do with existing files, timestamps. */
public final class TransferDialog extends Dialog<TransferChoice> {
    public static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    public TransferDialog(Window owner, TransferPlan plan, FileExistsPolicy policy, boolean keepTimestamps) {
        initOwner(owner);
        setTitle(plan.move() ? "Move" : "Copy");
        setHeaderText(plan.describe());
        getDialogPane().getButtonTypes().setAll(START, ButtonType.CANCEL);
        getDialogPane().setId("transfer-dialog");

        TextField target = new TextField(plan.targetFolder());
        target.setId("transfer-target");
        target.setPrefColumnCount(36);
        ComboBox<FileExistsPolicy> exists = new ComboBox<>();
        exists.setId("transfer-exists");
        exists.getItems().setAll(FileExistsPolicy.values());
        exists.setValue(policy);
        exists.setCellFactory(l -> policyCell());
        exists.setButtonCell(policyCell());
        CheckBox timestamps = new CheckBox("Keep modification times");
        timestamps.setId("transfer-timestamps");
        timestamps.setSelected(keepTimestamps);
        CheckBox dontAsk = new CheckBox("Don't ask again (change in settings)");
        dontAsk.setId("transfer-dont-ask");

        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.getColumnConstraints().add(labels);
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10, 4, 4, 4));
        grid.addRow(0, new Label(plan.direction() == dev.ferry.transfer.TransferDirection.UPLOAD
                ? "To server folder" : "To local folder"), target);
        grid.addRow(1, new Label("If a file exists"), exists);
        grid.add(timestamps, 1, 2);
        grid.add(dontAsk, 1, 3);
        GridPane.setHgrow(target, Priority.ALWAYS);
        if (plan.move()) {
            Label note = new Label("Each source is deleted once its copy has arrived; nothing is deleted if its"
                    + " transfer fails.");
            note.setWrapText(true);
            note.getStyleClass().add("text-muted");
            grid.add(note, 0, 4, 2, 1);
        }
        getDialogPane().setContent(grid);
        setOnShown(e -> target.requestFocus());
        setResultConverter(button -> button == START
                ? new TransferChoice(target.getText().strip().isEmpty() ? plan.targetFolder() : target.getText().strip(),
                exists.getValue(), timestamps.isSelected(), dontAsk.isSelected())
                : null);
    }

    /** Shows the dialog and waits. */
    public Optional<TransferChoice> ask() {
        return showAndWait();
    }

    static String describe(FileExistsPolicy p) {
        return switch (p) {
            case ASK -> "Ask me";
            case OVERWRITE -> "Overwrite";
            case RESUME -> "Resume (continue shorter files)";
            case SKIP -> "Skip";
            case OVERWRITE_IF_NEWER -> "Overwrite if the source is newer";
            case OVERWRITE_IF_SIZE_DIFFERS -> "Overwrite if the size differs";
            case RENAME -> "Keep both (rename the new one)";
        };
    }

    private static ListCell<FileExistsPolicy> policyCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FileExistsPolicy item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        };
    }
}
