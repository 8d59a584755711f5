package dev.ferry.ui.pane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.fs.FileEntry;
import dev.ferry.fs.FileKind;
import dev.ferry.fs.FileNames;

/**
 * One commander pane: header, path bar with breadcrumbs, the file table and a status line. The same view
 * serves the local and the remote side; what it shows comes from its {@link FilePaneModel}.
 */
public final class FilePane extends VBox {
    /** What a drag between panes carries: the id of the pane it started in. */
    public static final DataFormat PANE_DRAG = new DataFormat("application/x-ferry-pane-entries");
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("focused-pane");
    private static final Duration TYPE_AHEAD_RESET = Duration.seconds(1);

    private final FilePaneModel model;
    private final String id;
    private final TableView<FileEntry> table = new TableView<>();
    private final TextField pathField = new TextField();
    private final HBox crumbs = new HBox();
    private final TextField filterField = new TextField();
    private final Label status = new Label();
    private final Label placeholder = new Label();
    private final VBox placeholderBox = new VBox(12, placeholder);
    private final String emptyText;
    private final StringBuilder typed = new StringBuilder();
    private final PauseTransition typedReset = new PauseTransition(TYPE_AHEAD_RESET);
    private Set<String> reselect = Set.of();
    private String reselectPath = "";
    private Consumer<PaneDrop> onDrop = drop -> {
    };
    private Predicate<DragEvent> acceptsDrop = event -> false;
    private Consumer<FileEntry> onOpenFile = entry -> {
    };
    private List<FileEntry> dragged = List.of();
    private boolean shiftAtDragStart;

    public FilePane(FilePaneModel model, String id, String emptyText) {
        this.model = model;
        this.id = id;
        setId(id + "-pane");
        getStyleClass().add("file-pane");
        this.emptyText = emptyText;
        placeholder.setText(emptyText);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("pane-placeholder");
        getChildren().addAll(header(), pathBar(), table, statusLine());
        VBox.setVgrow(table, Priority.ALWAYS);
        buildTable();
        bindModel();
        typedReset.setOnFinished(e -> typed.setLength(0));
    }

    public FilePaneModel model() {
        return model;
    }

    public TableView<FileEntry> table() {
        return table;
    }

    /** The pane's id: "local" or "remote". */
    public String paneId() {
        return id;
    }

    /** Marks the pane as the one the keyboard works on. */
    public void setActive(boolean active) {
        pseudoClassStateChanged(ACTIVE, active);
    }

    /** The selected entries, or the one under the cursor when nothing is selected. */
    public List<FileEntry> selectedEntries() {
        List<FileEntry> selected = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        selected.removeIf(e -> e == null);
        if (selected.isEmpty()) {
            FileEntry focused = table.getFocusModel().getFocusedItem();
            if (focused != null) {
                selected.add(focused);
            }
        }
        return selected;
    }

    /** The entry under the cursor. */
    public FileEntry focusedEntry() {
        return table.getFocusModel().getFocusedItem();
    }

    /** The entries of the drag that started in this pane. */
    public List<FileEntry> draggedEntries() {
        return dragged;
    }

    public void setOnDrop(Predicate<DragEvent> accepts, Consumer<PaneDrop> handler) {
        this.acceptsDrop = accepts;
        this.onDrop = handler;
    }

    /**
     * Offers an action under the empty pane's text while nothing is shown (the remote pane's "Try the
     * local demo server"); null removes it.
     */
    public void setPlaceholderAction(String text, Runnable action) {
        placeholderBox.getChildren().setAll(placeholder);
        if (text != null) {
            Button b = new Button(text);
            b.setId(id + "-placeholder-action");
            b.getStyleClass().add("accent");
            b.setOnAction(e -> action.run());
            b.visibleProperty().bind(model.sourceProperty().isNull());
            placeholderBox.getChildren().add(b);
        }
    }

    /** Enter or double-click on a file (folders open in the pane). */
    public void setOnOpenFile(Consumer<FileEntry> handler) {
        this.onOpenFile = handler;
    }

    /** Puts the keyboard focus into the table. */
    public void focusTable() {
        table.requestFocus();
        if (table.getFocusModel().getFocusedIndex() < 0 && !table.getItems().isEmpty()) {
            table.getFocusModel().focus(0);
        }
    }

    /** Ctrl+L: edit the path as text. */
    public void editPath() {
        pathField.setText(model.path());
        pathField.setVisible(true);
        crumbs.setVisible(false);
        pathField.requestFocus();
        pathField.selectAll();
    }

    /** Ctrl+F: the quick filter. */
    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    // ---- building ---------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> model.sourceProperty().get() == null ? "Remote" : model.sourceProperty().get().displayName(),
                model.sourceProperty()));
        Button back = iconButton(Material2AL.ARROW_BACK, "Back (Alt+Left)", model::back);
        back.disableProperty().bind(model.canGoBackProperty().not());
        Button forward = iconButton(Material2AL.ARROW_FORWARD, "Forward (Alt+Right)", model::forward);
        forward.disableProperty().bind(model.canGoForwardProperty().not());
        Button up = iconButton(Material2AL.ARROW_UPWARD, "Parent folder (Backspace)", model::up);
        Button refresh = iconButton(Material2MZ.REFRESH, "Refresh (Ctrl+R)", model::refresh);
        ToggleButton hidden = new ToggleButton(null, new FontIcon(Material2MZ.VISIBILITY));
        hidden.getStyleClass().addAll("flat", "button-icon");
        hidden.setTooltip(new Tooltip("Show hidden files (Ctrl+H)"));
        hidden.selectedProperty().bindBidirectional(model.showHiddenProperty());
        hidden.setFocusTraversable(false);
        hidden.setId(id + "-hidden");
        filterField.setPromptText("Filter");
        filterField.setPrefColumnCount(10);
        filterField.setId(id + "-filter");
        filterField.textProperty().bindBidirectional(model.filterProperty());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filterField.clear();
                focusTable();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            }
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        up.disableProperty().bind(model.sourceProperty().isNull());
        refresh.disableProperty().bind(model.sourceProperty().isNull());
        HBox box = new HBox(4, title, spring, filterField, hidden, back, forward, up, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("pane-header");
        box.setPadding(new Insets(4, 6, 2, 8));
        return box;
    }

    private Node pathBar() {
        crumbs.getStyleClass().add("breadcrumbs");
        crumbs.setAlignment(Pos.CENTER_LEFT);
        crumbs.setSpacing(0);
        crumbs.setPadding(new Insets(0, 4, 0, 4));
        crumbs.setOnMouseClicked(e -> {
            if (e.getTarget() == crumbs && model.sourceProperty().get() != null) {
                editPath();
            }
        });
        pathField.setId(id + "-path");
        pathField.setVisible(false);
        pathField.setOnAction(e -> {
            model.open(pathField.getText());
            showCrumbs();
            focusTable();
        });
        pathField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showCrumbs();
                focusTable();
                e.consume();
            }
        });
        pathField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                showCrumbs();
            }
        });
        StackPane bar = new StackPane(crumbs, pathField);
        bar.getStyleClass().add("path-bar");
        bar.setPadding(new Insets(2, 6, 4, 6));
        bar.setMinHeight(32);
        StackPane.setAlignment(crumbs, Pos.CENTER_LEFT);
        return bar;
    }

    private void showCrumbs() {
        pathField.setVisible(false);
        crumbs.setVisible(true);
    }

    private void rebuildCrumbs(List<String> paths) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            Button b = new Button(model.crumbLabel(p));
            b.getStyleClass().addAll("flat", "crumb");
            b.setFocusTraversable(false);
            b.setMnemonicParsing(false);
            b.setOnAction(e -> {
                model.open(p);
                focusTable();
            });
            nodes.add(b);
            if (i < paths.size() - 1) {
                FontIcon chevron = new FontIcon(Material2AL.CHEVRON_RIGHT);
                chevron.getStyleClass().add("crumb-separator");
                nodes.add(chevron);
            }
        }
        crumbs.getChildren().setAll(nodes);
    }

    private Node statusLine() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.setMaxSize(14, 14);
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
        Label busy = new Label();
        busy.textProperty().bind(model.busyTextProperty());
        busy.getStyleClass().add("pane-busy");
        status.setId(id + "-status");
        Label free = new Label();
        free.textProperty().bind(model.freeSpaceProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox box = new HBox(6, status, spring, spinner, busy, free);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("pane-status");
        box.setPadding(new Insets(3, 8, 3, 8));
        return box;
    }

    private void buildTable() {
        table.setId(id + "-table");
        table.getStyleClass().add("file-table");
        placeholderBox.setAlignment(Pos.CENTER);
        placeholderBox.setPadding(new Insets(16));
        table.setPlaceholder(placeholderBox);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(26);
        TableColumn<FileEntry, FileEntry> name = column("Name", EntryOrder.Column.NAME, 230);
        name.setCellFactory(c -> new NameCell());
        TableColumn<FileEntry, FileEntry> size = column("Size", EntryOrder.Column.SIZE, 75);
        size.setCellFactory(c -> textCell(e -> e.isBrowsable() ? "" : PaneFormats.size(e.size()), "size-cell"));
        TableColumn<FileEntry, FileEntry> modified = column("Modified", EntryOrder.Column.MODIFIED, 145);
        modified.setCellFactory(c -> textCell(e -> PaneFormats.time(e.modified()), "time-cell"));
        TableColumn<FileEntry, FileEntry> permissions = column("Permissions", EntryOrder.Column.PERMISSIONS, 90);
        permissions.setCellFactory(c -> textCell(FileEntry::permissions, "mono-cell"));
        TableColumn<FileEntry, FileEntry> owner = column("Owner", EntryOrder.Column.OWNER, 90);
        owner.setCellFactory(c -> textCell(e -> FileNames.printable(e.owner()), "owner-cell"));
        table.getColumns().setAll(List.of(name, size, modified, permissions, owner));
        table.setItems(model.entries());
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.orderProperty().set(EntryOrder.DEFAULT);
            } else {
                TableColumn<FileEntry, ?> first = t.getSortOrder().get(0);
                EntryOrder.Column column = (EntryOrder.Column) first.getUserData();
                model.orderProperty().set(new EntryOrder(column, first.getSortType() == TableColumn.SortType.ASCENDING));
            }
            return true;
        });
        table.setRowFactory(t -> row());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        table.addEventHandler(KeyEvent.KEY_TYPED, this::keyTyped);
        table.setOnDragOver(this::dragOver);
        table.setOnDragDropped(e -> dropped(e, null));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<FileEntry>) c -> updateStatus());
        model.entries().addListener((ListChangeListener<FileEntry>) c -> {
            restoreSelection();
            updateStatus();
        });
    }

    /** Applies the remembered order and column widths (from settings). */
    public void restoreColumns(EntryOrder order, java.util.Map<String, Double> widths) {
        for (TableColumn<FileEntry, ?> c : table.getColumns()) {
            EntryOrder.Column col = (EntryOrder.Column) c.getUserData();
            Double w = widths.get(col.id());
            if (w != null && w > 10) {
                c.setPrefWidth(w);
            }
            if (col == order.column()) {
                c.setSortType(order.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(List.of(c));
            }
        }
        model.orderProperty().set(order);
    }

    /** The current column widths by column id, for settings. */
    public java.util.Map<String, Double> columnWidths() {
        java.util.Map<String, Double> widths = new java.util.LinkedHashMap<>();
        for (TableColumn<FileEntry, ?> c : table.getColumns()) {
            widths.put(((EntryOrder.Column) c.getUserData()).id(), c.getWidth());
        }
        return widths;
    }

    private TableColumn<FileEntry, FileEntry> column(String title, EntryOrder.Column key, double width) {
        TableColumn<FileEntry, FileEntry> c = new TableColumn<>(title);
        c.setUserData(key);
        c.setId(id + "-col-" + key.id());
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator((a, b) -> 0);
        return c;
    }

    private static TableCell<FileEntry, FileEntry> textCell(java.util.function.Function<FileEntry, String> text,
                                                           String style) {
        TableCell<FileEntry, FileEntry> cell = new TableCell<>() {
            @Override
            protected void updateItem(FileEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        cell.getStyleClass().add(style);
        return cell;
    }

    /** Icon and name; the icon says folder, file or link. */
    private static final class NameCell extends TableCell<FileEntry, FileEntry> {
        private final FontIcon icon = new FontIcon();
        private FileKind shownKind;

        NameCell() {
            getStyleClass().add("name-cell");
            icon.getStyleClass().add("entry-icon");
        }

        @Override
        protected void updateItem(FileEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (getGraphic() != icon) {
                setGraphic(icon);
            }
            setText(FileNames.printable(item.name()));
            if (item.kind() != shownKind) {
                // Changing style classes re-applies CSS: only when the kind changes, not on every scroll.
                shownKind = item.kind();
                icon.setIconCode(switch (shownKind) {
                    case FOLDER -> Material2AL.FOLDER;
                    case LINK -> Material2AL.LINK;
                    case FILE -> Material2AL.DESCRIPTION;
                    case OTHER -> Material2AL.HELP_OUTLINE;
                });
                icon.getStyleClass().setAll("entry-icon", shownKind == FileKind.FOLDER ? "folder-icon" : "file-icon");
            }
        }
    }

    private TableRow<FileEntry> row() {
        TableRow<FileEntry> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                open(row.getItem());
            }
        });
        row.setOnDragDetected(e -> startDrag(row, e));
        row.setOnDragOver(e -> {
            dragOver(e);
        });
        row.setOnDragDropped(e -> dropped(e, row.isEmpty() || !row.getItem().isBrowsable() ? null : row.getItem()));
        return row;
    }

    private void open(FileEntry entry) {
        if (!model.openEntry(entry)) {
            onOpenFile.accept(entry);
        }
    }

    // ---- keyboard ---------------------------------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown()) {
            FileEntry focused = focusedEntry();
            if (focused != null) {
                open(focused);
            }
            e.consume();
        } else if (code == KeyCode.BACK_SPACE) {
            if (typed.length() > 0) {
                typed.setLength(typed.length() - 1);
            } else {
                model.up();
            }
            e.consume();
        } else if (e.isAltDown() && code == KeyCode.LEFT) {
            model.back();
            e.consume();
        } else if (e.isAltDown() && code == KeyCode.RIGHT) {
            model.forward();
            e.consume();
        } else if (e.isShortcutDown() && code == KeyCode.R) {
            model.refresh();
            e.consume();
        } else if (e.isShortcutDown() && code == KeyCode.H) {
            model.showHiddenProperty().set(!model.showHiddenProperty().get());
            e.consume();
        } else if (e.isShortcutDown() && code == KeyCode.L) {
            editPath();
            e.consume();
        } else if (e.isShortcutDown() && code == KeyCode.F) {
            focusFilter();
            e.consume();
        } else if (code == KeyCode.INSERT || code == KeyCode.SPACE && !e.isShortcutDown()) {
            toggleFocused(code == KeyCode.INSERT);
            e.consume();
        } else if (code == KeyCode.ESCAPE && typed.length() > 0) {
            typed.setLength(0);
            e.consume();
        }
    }

    private void toggleFocused(boolean advance) {
        int index = table.getFocusModel().getFocusedIndex();
        if (index < 0) {
            return;
        }
        var selection = table.getSelectionModel();
        if (selection.isSelected(index)) {
            selection.clearSelection(index);
        } else {
            selection.select(index);
        }
        if (advance && index + 1 < table.getItems().size()) {
            table.getFocusModel().focus(index + 1);
            table.scrollTo(Math.max(0, index - 5));
        } else {
            table.getFocusModel().focus(index);
        }
    }

    /** Type-ahead find: letters typed quickly jump to the first name that starts with them. */
    private void keyTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.isEmpty() || e.isControlDown() || e.isAltDown() || e.isMetaDown() || ch.charAt(0) < 0x20
                || ch.charAt(0) == 0x7f || ch.equals(" ") && typed.length() == 0) {
            return;
        }
        typed.append(ch);
        typedReset.playFromStart();
        String prefix = typed.toString().toLowerCase(Locale.ROOT);
        List<FileEntry> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                table.getSelectionModel().clearAndSelect(i);
                table.getFocusModel().focus(i);
                table.scrollTo(Math.max(0, i - 3));
                break;
            }
        }
        e.consume();
    }

    // ---- drag and drop ----------------------------------------------------------------------------

    private void startDrag(TableRow<FileEntry> row, MouseEvent e) {
        if (row.isEmpty()) {
            return;
        }
        if (!row.isSelected()) {
            table.getSelectionModel().clearAndSelect(row.getIndex());
        }
        dragged = List.copyOf(selectedEntries());
        shiftAtDragStart = e.isShiftDown();
        Dragboard db = row.startDragAndDrop(TransferMode.COPY_OR_MOVE);
        ClipboardContent content = new ClipboardContent();
        content.put(PANE_DRAG, id);
        content.putString(String.join("\n", dragged.stream().map(FileEntry::path).toList()));
        db.setContent(content);
        e.consume();
    }

    /** Whether the drag that started in this pane had Shift down (move). */
    public boolean shiftAtDragStart() {
        return shiftAtDragStart;
    }

    private void dragOver(DragEvent e) {
        if (model.sourceProperty().get() != null && acceptsDrop.test(e)) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    private void dropped(DragEvent e, FileEntry folderRow) {
        if (e.isDropCompleted() || model.sourceProperty().get() == null || !acceptsDrop.test(e)) {
            return;
        }
        String target = folderRow != null ? folderRow.path() : model.path();
        Dragboard db = e.getDragboard();
        String from = db.hasContent(PANE_DRAG) ? String.valueOf(db.getContent(PANE_DRAG)) : null;
        onDrop.accept(new PaneDrop(target, from, from == null && db.hasFiles() ? db.getFiles() : List.of()));
        e.setDropCompleted(true);
        e.consume();
    }

    // ---- model to view ----------------------------------------------------------------------------

    private void bindModel() {
        model.breadcrumbsProperty().addListener((o, was, now) -> rebuildCrumbs(now));
        model.pathProperty().addListener((o, was, now) -> {
            if (!pathField.isFocused()) {
                pathField.setText(now);
            }
        });
        model.focusRequestProperty().addListener((o, was, name) -> {
            if (name != null) {
                focusName(name);
            }
        });
        model.sourceProperty().addListener((o, was, now) -> updateStatus());
        model.pathProperty().addListener((o, was, now) -> updateStatus());
    }

    private void focusName(String name) {
        List<FileEntry> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).name().equals(name)) {
                table.getSelectionModel().clearAndSelect(i);
                table.getFocusModel().focus(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    private void restoreSelection() {
        if (!reselectPath.equals(model.path())) {
            table.getSelectionModel().clearSelection();
            if (!table.getItems().isEmpty()) {
                table.getFocusModel().focus(0);
                table.scrollTo(0);
            }
            reselectPath = model.path();
            reselect = Set.of();
            return;
        }
        if (reselect.isEmpty()) {
            return;
        }
        List<FileEntry> items = table.getItems();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (reselect.contains(items.get(i).name())) {
                indices.add(i);
            }
        }
        table.getSelectionModel().clearSelection();
        for (int i : indices) {
            table.getSelectionModel().select(i);
        }
    }

    private void updateStatus() {
        if (model.sourceProperty().get() == null) {
            status.setText("");
            return;
        }
        List<FileEntry> items = table.getItems();
        int files = 0;
        int folders = 0;
        for (FileEntry e : items) {
            if (e.isBrowsable()) {
                folders++;
            } else {
                files++;
            }
        }
        List<FileEntry> selected = table.getSelectionModel().getSelectedItems();
        Set<String> names = new HashSet<>();
        long bytes = 0;
        for (FileEntry e : selected) {
            if (e != null) {
                names.add(e.name());
                bytes += Math.max(0, e.size());
            }
        }
        reselect = names;
        reselectPath = model.path();
        String text = plural(folders, "folder") + ", " + plural(files, "file");
        int hidden = model.allEntries().size() - items.size();
        if (hidden > 0) {
            text += String.format(Locale.ROOT, " (%,d more hidden or filtered)", hidden);
        }
        placeholder.setText(hidden > 0 && items.isEmpty()
                ? "Only hidden or filtered entries here.\nCtrl+H shows hidden files; Esc in the filter clears it."
                : emptyText);
        if (!selected.isEmpty()) {
            text += " · " + selected.size() + " selected, " + PaneFormats.size(bytes);
        }
        status.setText(text);
    }

    private static String plural(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
