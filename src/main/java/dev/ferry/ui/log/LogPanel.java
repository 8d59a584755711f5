package dev.ferry.ui.log;

import java.util.List;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The protocol log panel: every connection's lines in a virtualised list, coloured by kind; a search that highlights
 * matches and steps through them (Enter, F3; Shift for backwards); copy of the selected lines (also Ctrl+C) or of
 * all; clear; and following new lines, which stops when the user scrolls up and resumes at the bottom.
 */
public final class LogPanel extends BorderPane {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final LogModel model;
    private final LogSearch search;
    private final ListView<LogLine> list = new ListView<>();
    private final TextField searchField = new TextField();
    private final ToggleButton follow = new ToggleButton();
    private boolean scrollToEndPending;

    public LogPanel(LogModel model) {
        this.model = model;
        this.search = new LogSearch(model.lines());
        getStyleClass().add("log-panel");
        setTop(toolbar());
        setCenter(list());
        addEventFilter(KeyEvent.KEY_PRESSED, this::panelKeys);
        model.lines().addListener((ListChangeListener<LogLine>) change -> {
            if (model.lines().isEmpty()) {
                follow.setSelected(true);
            } else if (follow.isSelected()) {
                scrollToEnd();
            }
        });
        // The view shrinks (a resize, a horizontal scroll bar for a long line, another font): stay at the end.
        list.heightProperty().addListener((obs, old, now) -> keepFollowing());
        list.fixedCellSizeProperty().addListener((obs, old, now) -> keepFollowing());
        list.skinProperty().addListener((obs, old, skin) -> {
            VirtualFlow<?> flow = flow();
            if (flow != null) {
                flow.lookupAll(".scroll-bar").forEach(bar -> bar.visibleProperty().addListener((o, was, is) -> keepFollowing()));
            }
        });
    }

    private void keepFollowing() {
        if (follow.isSelected()) {
            scrollToEnd();
        }
    }

    private Node toolbar() {
        searchField.setId("log-search");
        searchField.setPromptText("Search the log (" + FIND.getDisplayText() + ")");
        searchField.getStyleClass().add("log-search");
        searchField.textProperty().bindBidirectional(search.queryProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                e.consume();
            }
        });
        search.queryProperty().addListener((obs, old, now) -> {
            list.refresh();
            if (!now.isEmpty()) {
                reveal(search.next(Math.max(-1, list.getSelectionModel().getSelectedIndex() - 1)));
            }
        });
        Button previous = iconButton(Material2AL.KEYBOARD_ARROW_UP, "Previous match (Shift+F3)");
        previous.setId("log-previous-match");
        previous.setOnAction(e -> step(false));
        Button next = iconButton(Material2AL.KEYBOARD_ARROW_DOWN, "Next match (Enter, F3)");
        next.setId("log-next-match");
        next.setOnAction(e -> step(true));
        previous.disableProperty().bind(search.matchCountProperty().isEqualTo(0));
        next.disableProperty().bind(search.matchCountProperty().isEqualTo(0));
        Label status = new Label();
        status.setId("log-search-status");
        status.getStyleClass().add("log-search-status");
        status.textProperty().bind(search.statusProperty());

        iconButton(follow, Material2MZ.VERTICAL_ALIGN_BOTTOM, "Follow new lines");
        follow.setId("log-follow");
        follow.setSelected(true);
        follow.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                scrollToEnd();
            }
        });
        Button copy = iconButton(Material2AL.CONTENT_COPY, "Copy the selected lines (" + COPY.getDisplayText() + ")");
        copy.setId("log-copy");
        copy.setOnAction(e -> copySelected());
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Button copyAll = iconButton(Material2MZ.SELECT_ALL, "Copy the whole log");
        copyAll.setId("log-copy-all");
        copyAll.setOnAction(e -> copyAll());
        Button clear = iconButton(Material2AL.DELETE_SWEEP, "Clear the log");
        clear.setId("log-clear");
        clear.setOnAction(e -> clear());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(searchField, Priority.SOMETIMES);
        FontIcon searchIcon = new FontIcon(Material2MZ.SEARCH);
        searchIcon.getStyleClass().add("log-search-icon");
        HBox bar = new HBox(searchIcon, searchField, previous, next, status, spacer, follow, copy, copyAll, clear);
        bar.getStyleClass().add("log-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button iconButton(Ikon icon, String tooltip) {
        return iconButton(new Button(), icon, tooltip);
    }

    private static <B extends ButtonBase> B iconButton(B button, Ikon icon, String tooltip) {
        button.setGraphic(new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.setAccessibleText(tooltip);
        button.getStyleClass().addAll("button-icon", "flat");
        button.setFocusTraversable(false);
        return button;
    }

    private Node list() {
        list.setId("log-list");
        list.setItems(model.lines());
        list.getStyleClass().add("log-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> new LogCell(search::matches));
        Label empty = new Label("Nothing logged yet");
        empty.getStyleClass().add("log-placeholder");
        list.setPlaceholder(empty);
        // No accelerator: a context menu's accelerators act on the whole scene, and Ctrl+C in a file pane is not ours.
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copySelected());
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        MenuItem copyAll = new MenuItem("Copy all");
        copyAll.setOnAction(e -> copyAll());
        MenuItem clear = new MenuItem("Clear");
        clear.setOnAction(e -> clear());
        list.setContextMenu(new ContextMenu(copy, copyAll, new SeparatorMenuItem(), clear));
        list.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelected();
                e.consume();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, KP_UP, KP_DOWN -> Platform.runLater(this::followWhenAtEnd);
                default -> {
                }
            }
        });
        list.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::followWhenAtEnd));
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnVerticalScrollBar(e)) {
                follow.setSelected(false);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (isOnVerticalScrollBar(e)) {
                followWhenAtEnd();
            }
        });
        return list;
    }

    private void panelKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.F3) {
            step(!e.isShiftDown());
            e.consume();
        } else if (FIND.match(e)) {
            focusSearch();
            e.consume();
        }
    }

    /** Puts the keyboard in the search field, its text selected (for a "Find in log" command). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private static boolean isOnVerticalScrollBar(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n instanceof ScrollBar bar) {
                return bar.getOrientation() == Orientation.VERTICAL;
            }
        }
        return false;
    }

    private void step(boolean forward) {
        int from = list.getSelectionModel().getSelectedIndex();
        reveal(forward ? search.next(from) : search.previous(from < 0 ? model.lines().size() : from));
    }

    private void reveal(int index) {
        if (index < 0) {
            return;
        }
        follow.setSelected(false);
        list.getSelectionModel().clearAndSelect(index);
        scrollIntoView(index);
    }

    /** After the list's skin has seen the new lines: once per batch, however many lines it held. */
    private void scrollToEnd() {
        if (!scrollToEndPending) {
            scrollToEndPending = true;
            Platform.runLater(() -> {
                scrollToEndPending = false;
                if (follow.isSelected()) {
                    scrollToEndNow();
                }
            });
        }
    }

    private void scrollToEndNow() {
        if (!model.lines().isEmpty()) {
            scrollIntoView(model.lines().size() - 1);
        }
    }

    /** The least scrolling that shows line {@code index} whole (ListView.scrollTo would put it at the top). */
    private void scrollIntoView(int index) {
        // The skin learns of new lines in its layout pass; scrolling before that would use the old count.
        list.layout();
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            flow.scrollTo(index);
        } else {
            list.scrollTo(index);
        }
    }

    /** Follows new lines when the user has scrolled to the end, stops when they scrolled away from it. */
    private void followWhenAtEnd() {
        follow.setSelected(isAtEnd());
    }

    private boolean isAtEnd() {
        list.layout();
        VirtualFlow<?> flow = flow();
        if (flow == null || model.lines().isEmpty()) {
            return true;
        }
        var lastVisible = flow.getLastVisibleCell();
        if (lastVisible == null || lastVisible.getIndex() < model.lines().size() - 1) {
            return false;
        }
        // Most of the last line out of view is not the end: the user is reading. A sliver may be cut off by rounding.
        Node viewport = flow.lookup(".clipped-container");
        if (viewport == null) {
            return true;
        }
        double hidden = lastVisible.localToScene(lastVisible.getLayoutBounds()).getMaxY()
                - viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
        return hidden <= lastVisible.getHeight() / 4;
    }

    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    /** Whether the list scrolls to each new line. */
    public BooleanProperty followProperty() {
        return follow.selectedProperty();
    }

    /** The search's view model. */
    public LogSearch search() {
        return search;
    }

    /** Copies the selected lines to the clipboard, oldest first, one a line. */
    public void copySelected() {
        List<LogLine> items = model.lines();
        toClipboard(list.getSelectionModel().getSelectedIndices().stream().sorted()
                .filter(i -> i >= 0 && i < items.size())
                .map(items::get).collect(Collectors.toList()));
    }

    /** Copies every line to the clipboard. */
    public void copyAll() {
        toClipboard(model.lines());
    }

    /** Forgets every line. */
    public void clear() {
        model.clear();
    }

    private static void toClipboard(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(lines.stream().map(LogLine::format).collect(Collectors.joining("\n")));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
