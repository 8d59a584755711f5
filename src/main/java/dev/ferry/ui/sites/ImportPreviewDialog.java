package dev.ferry.ui.sites;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.ferry.sites.importers.ImportPreview;
import dev.ferry.sites.importers.SkippedEntry;

/**
 * Shows what an import file holds before anything is added: each site with a tick, what Ferry will do with its
 * password, notes in words, the entries it skips and why, and the folder to import into.
 */
public final class ImportPreviewDialog extends Dialog<ImportChoice> {
    private final ImportPreviewModel model;

    ImportPreviewDialog(Window owner, ImportPreviewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Import sites from " + model.source());
        setHeaderText(model.summary());
        setResizable(true);
        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(importType, ButtonType.CANCEL);
        getDialogPane().setId("import-dialog");
        getDialogPane().getStyleClass().add("import-dialog");
        getDialogPane().getStylesheets().add(
                Objects.requireNonNull(ImportPreviewDialog.class.getResource("import.css")).toExternalForm());
        Button importButton = (Button) getDialogPane().lookupButton(importType);
        importButton.setId("import-accept");
        importButton.textProperty().bind(model.importLabel());
        importButton.disableProperty().bind(model.canImportProperty().not());

        VBox content = new VBox(10, table(), selectionButtons());
        if (!model.skipped().isEmpty()) {
            content.getChildren().add(skipped());
        }
        content.getChildren().add(folderRow());
        content.setPadding(new Insets(8, 4, 4, 4));
        VBox.setVgrow(content.getChildren().get(0), Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(1080, 560);
        setResultConverter(button -> button == importType ? model.choice().orElse(null) : null);
    }

    /**
     * Shows the preview over {@code owner} and waits. Call on the FX thread, with a preview already read on a
     * background thread.
     *
     * @return the sites ticked and the folder typed, or empty when the user cancelled
     */
    public static Optional<ImportChoice> show(Window owner, ImportPreview preview) {
        return new ImportPreviewDialog(owner, new ImportPreviewModel(preview)).showAndWait();
    }

    /** The view model, for tests. */
    ImportPreviewModel model() {
        return model;
    }

    private TableView<ImportPreviewModel.Row> table() {
        TableView<ImportPreviewModel.Row> table = new TableView<>();
        table.setId("import-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("Nothing in this file can be imported."));
        table.getItems().setAll(model.rows());

        TableColumn<ImportPreviewModel.Row, Boolean> chosen = new TableColumn<>();
        chosen.setCellValueFactory(c -> c.getValue().chosenProperty());
        chosen.setCellFactory(CheckBoxTableCell.forTableColumn(chosen));
        chosen.setEditable(true);
        chosen.setPrefWidth(34);
        chosen.setSortable(false);
        table.getColumns().add(chosen);

        table.getColumns().add(column("Name", 150, ImportPreviewModel.Row::name));
        table.getColumns().add(column("Host", 170, ImportPreviewModel.Row::host));
        TableColumn<ImportPreviewModel.Row, String> mode = column("Mode", 130, ImportPreviewModel.Row::mode);
        mode.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                ImportPreviewModel.Row row = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size()
                        ? null : getTableView().getItems().get(getIndex());
                getStyleClass().remove("import-insecure");
                if (row != null && row.insecure()) {
                    getStyleClass().add("import-insecure");
                }
            }
        });
        table.getColumns().add(mode);
        table.getColumns().add(column("Port", 55, ImportPreviewModel.Row::port));
        table.getColumns().add(column("User", 90, ImportPreviewModel.Row::user));
        table.getColumns().add(column("Folder", 120, ImportPreviewModel.Row::folder));
        table.getColumns().add(column("Password", 160, ImportPreviewModel.Row::password));
        TableColumn<ImportPreviewModel.Row, String> notes = column("Notes", 260, ImportPreviewModel.Row::notes);
        notes.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : wrapped(text));
            }
        });
        table.getColumns().add(notes);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<ImportPreviewModel.Row, String> column(String title, double width,
                                                                      Function<ImportPreviewModel.Row, String> value) {
        TableColumn<ImportPreviewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setEditable(false);
        return column;
    }

    private static Tooltip wrapped(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        return tip;
    }

    private Node selectionButtons() {
        Button all = new Button("Select all");
        all.setId("import-select-all");
        all.setOnAction(e -> model.chooseAll(true));
        Button none = new Button("Select none");
        none.setId("import-select-none");
        none.setOnAction(e -> model.chooseAll(false));
        Label hint = new Label("Passwords are stored only in Ferry's encrypted vault. Plain FTP sites send them"
                + " unencrypted.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        HBox row = new HBox(8, all, none, hint);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.ALWAYS);
        return row;
    }

    private Node skipped() {
        Label title = new Label("Not imported (" + model.skipped().size() + ")");
        title.getStyleClass().add("import-section");
        ListView<SkippedEntry> list = new ListView<>();
        list.setId("import-skipped");
        list.getItems().setAll(model.skipped());
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SkippedEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.name() + " \u2014 " + entry.reason());
            }
        });
        list.setPrefHeight(Math.min(4, model.skipped().size()) * 26 + 4);
        list.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(4, title, list);
    }

    private Node folderRow() {
        Label label = new Label("Import into folder");
        TextField folder = new TextField();
        folder.setId("import-folder");
        folder.textProperty().bindBidirectional(model.folderProperty());
        folder.setPromptText("Leave empty for the top level");
        Label problem = new Label();
        problem.setId("import-folder-problem");
        problem.getStyleClass().add("import-problem");
        problem.textProperty().bind(model.folderProblemProperty());
        problem.visibleProperty().bind(model.folderProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox row = new HBox(10, label, folder, problem);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(folder, Priority.ALWAYS);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return row;
    }
}
