package dev.ferry.ui.queue;

import dev.ferry.ui.Formats;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.util.Callback;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The queue panel of the commander window: a toolbar and a table of every transfer with its progress,
 * speed, time left, state and error. All it shows and does goes through a {@link QueueViewModel};
 * the window starts the model ({@link QueueViewModel#start()}) and disposes it when it closes.
 */
public final class QueuePanel extends BorderPane {
    private final QueueViewModel model;
    private final TableView<QueueRow> table = new TableView<>();

    public QueuePanel(QueueViewModel model) {
        this.model = model;
        getStyleClass().add("queue-panel");
        getStylesheets().add(QueuePanel.class.getResource("queue.css").toExternalForm());
        List<Action> actions = actions();
        setTop(toolbar(actions));
        setCenter(table(actions));
    }

    /** The table, for the window's focus handling. */
    public TableView<QueueRow> table() {
        return table;
    }

    private record Action(String id, String text, Ikon icon, ObservableBooleanValue enabled, Supplier<?> run,
                          boolean onToolbar) {
    }

    private List<Action> actions() {
        return List.of(
                new Action("pause", "Pause", Material2MZ.PAUSE, model.canPauseProperty(), model::pause, true),
                new Action("resume", "Resume", Material2MZ.PLAY_ARROW, model.canResumeProperty(), model::resume, true),
                new Action("cancel", "Cancel", Material2AL.CLOSE, model.canCancelProperty(), model::cancel, true),
                new Action("retry", "Retry", Material2MZ.REPLAY, model.canRetryProperty(), model::retry, true),
                new Action("move-up", "Move up", Material2AL.KEYBOARD_ARROW_UP, model.canMoveUpProperty(), model::moveUp, true),
                new Action("move-down", "Move down", Material2AL.KEYBOARD_ARROW_DOWN, model.canMoveDownProperty(),
                        model::moveDown, true),
                new Action("move-top", "Move to top", Material2MZ.VERTICAL_ALIGN_TOP, model.canMoveUpProperty(),
                        model::moveToTop, false),
                new Action("move-bottom", "Move to bottom", Material2MZ.VERTICAL_ALIGN_BOTTOM, model.canMoveDownProperty(),
                        model::moveToBottom, false),
                new Action("remove-finished", "Remove done items", Material2AL.CLEAR_ALL,
                        model.canRemoveFinishedProperty(), model::removeFinished, true));
    }

    private ToolBar toolbar(List<Action> actions) {
        ToolBar bar = new ToolBar();
        bar.getStyleClass().add("queue-toolbar");
        String group = "pause";
        for (Action a : actions) {
            if (!a.onToolbar()) {
                continue;
            }
            if (!group.equals(groupOf(a.id()))) {
                group = groupOf(a.id());
                bar.getItems().add(new Separator(Orientation.VERTICAL));
            }
            Button b = new Button(null, new FontIcon(a.icon()));
            b.setId("queue-" + a.id());
            b.getStyleClass().add("queue-button");
            b.setTooltip(new Tooltip(a.text()));
            b.setFocusTraversable(false);
            b.disableProperty().bind(Bindings.not(a.enabled()));
            b.setOnAction(e -> a.run().get());
            bar.getItems().add(b);
        }
        return bar;
    }

    private static String groupOf(String id) {
        return id.startsWith("move") ? "move" : id.equals("remove-finished") ? "remove" : "pause";
    }

    private TableView<QueueRow> table(List<Action> actions) {
        table.setId("queue-table");
        table.getStyleClass().add("dense"); // AtlantaFX: tighter rows, as in the file panes
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No transfers"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new QueueCells.StateRow());
        table.getColumns().addAll(List.of(
                column("name", "Name", 220, QueueRow::nameProperty, c -> new QueueCells.NameCell()),
                column("direction", "", 34, QueueRow::directionProperty, c -> new QueueCells.DirectionCell()),
                column("progress", "Progress", 150, QueueRow::progressProperty, c -> new QueueCells.ProgressCell()),
                column("size", "Size", 80, QueueRow::sizeProperty,
                        c -> right(new QueueCells.TextCell<Number>(n -> Formats.size(n.longValue()), null))),
                column("speed", "Speed", 90, QueueRow::speedProperty,
                        c -> right(new QueueCells.TextCell<Number>(n -> n.doubleValue() < 0 ? "" : Formats.speed(n.doubleValue()), null))),
                column("time-left", "Time left", 80, QueueRow::timeLeftProperty,
                        c -> right(new QueueCells.TextCell<Number>(QueuePanel::timeLeft, null))),
                column("state", "State", 110, QueueRow::stateProperty, c -> new QueueCells.StateCell()),
                column("message", "Error / note", 260, QueueRow::messageProperty,
                        c -> new QueueCells.TextCell<String>(s -> s, QueueRow::getMessage))));
        table.getColumns().get(1).setResizable(false);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<QueueRow>) c ->
                model.select(table.getSelectionModel().getSelectedItems()));
        table.setContextMenu(contextMenu(actions));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.cancel();
                e.consume();
            }
        });
        return table;
    }

    private static String timeLeft(Number seconds) {
        return seconds.longValue() < 0 ? "" : Formats.duration(seconds.longValue());
    }

    private static <T> TableCell<QueueRow, T> right(TableCell<QueueRow, T> cell) {
        cell.getStyleClass().add("queue-number");
        return cell;
    }

    @SuppressWarnings("unchecked")
    private static <T> TableColumn<QueueRow, T> column(String id, String title, double width,
                                                        Function<QueueRow, ? extends ObservableValue<? extends T>> value,
                                                        Callback<TableColumn<QueueRow, T>, TableCell<QueueRow, T>> cells) {
        TableColumn<QueueRow, T> column = new TableColumn<>(title);
        column.setId("queue-" + id);
        column.getStyleClass().add("queue-" + id + "-column");
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(f -> (ObservableValue<T>) value.apply(f.getValue()));
        column.setCellFactory(cells);
        return column;
    }

    private ContextMenu contextMenu(List<Action> actions) {
        ContextMenu menu = new ContextMenu();
        String group = "pause";
        for (Action a : actions) {
            if (!group.equals(groupOf(a.id()))) {
                group = groupOf(a.id());
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(a.text(), new FontIcon(a.icon()));
            item.setId("queue-menu-" + a.id());
            item.disableProperty().bind(Bindings.not(a.enabled()));
            item.setOnAction(e -> a.run().get());
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem pauseAll = new MenuItem("Pause all", new FontIcon(Material2MZ.PAUSE_CIRCLE_OUTLINE));
        pauseAll.setId("queue-menu-pause-all");
        pauseAll.setOnAction(e -> model.pauseAll());
        MenuItem resumeAll = new MenuItem("Resume all", new FontIcon(Material2MZ.PLAY_CIRCLE_OUTLINE));
        resumeAll.setId("queue-menu-resume-all");
        resumeAll.setOnAction(e -> model.resumeAll());
        menu.getItems().addAll(pauseAll, resumeAll);
        return menu;
    }
}
