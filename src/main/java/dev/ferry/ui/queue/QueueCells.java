package dev.ferry.ui.queue;

import dev.ferry.transfer.TransferDirection;
import dev.ferry.transfer.TransferState;
import dev.ferry.ui.Formats;

import java.util.function.Function;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The cells and rows of the queue table: each shows one value of a {@link QueueRow}. */
final class QueueCells {
    private QueueCells() {
    }

    /** Made when a cell first needs one: a tooltip is a window of its own, too dear for every cell up front. */
    private static Tooltip tooltip() {
        Tooltip tooltip = new Tooltip();
        tooltip.setShowDelay(Duration.millis(400));
        return tooltip;
    }

    /** Text, with a tooltip (the full text, or another value of the row) when it has one. */
    static final class TextCell<T> extends TableCell<QueueRow, T> {
        private final Function<T, String> text;
        private final Function<QueueRow, String> tip;
        private Tooltip tooltip;

        TextCell(Function<T, String> text, Function<QueueRow, String> tip) {
            this.text = text;
            this.tip = tip;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            QueueRow row = empty ? null : getTableRow().getItem();
            if (item == null || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text.apply(item));
            String tipText = tip == null ? "" : tip.apply(row);
            if (tipText.isEmpty()) {
                setTooltip(null);
                return;
            }
            if (tooltip == null) {
                tooltip = tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(600);
            }
            tooltip.setText(tipText);
            setTooltip(tooltip);
        }
    }

    /** The name, with a folder icon for folder items and the whole route as tooltip. */
    static final class NameCell extends TableCell<QueueRow, String> {
        private Tooltip tooltip;
        private FontIcon folder;

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            QueueRow row = empty ? null : getTableRow().getItem();
            if (name == null || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(name);
            if (row.isFolder() && folder == null) {
                folder = new FontIcon(Material2AL.FOLDER);
                folder.getStyleClass().add("queue-folder-icon");
            }
            setGraphic(row.isFolder() ? folder : null);
            if (tooltip == null) {
                tooltip = tooltip();
            }
            tooltip.setText(row.getRoute());
            setTooltip(tooltip);
        }
    }

    /** An arrow: down for downloads, up for uploads. */
    static final class DirectionCell extends TableCell<QueueRow, TransferDirection> {
        private final FontIcon down = new FontIcon(Material2AL.ARROW_DOWNWARD);
        private final FontIcon up = new FontIcon(Material2AL.ARROW_UPWARD);

        DirectionCell() {
            getStyleClass().add("queue-direction");
            setAlignment(Pos.CENTER);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(TransferDirection direction, boolean empty) {
            super.updateItem(direction, empty);
            if (direction == null || empty) {
                setGraphic(null);
                return;
            }
            boolean download = direction == TransferDirection.DOWNLOAD;
            setGraphic(download ? down : up);
            setAccessibleText(download ? "Download" : "Upload");
        }
    }

    /** A progress bar and the percentage beside it; an unknown size shows a moving bar while running. */
    static final class ProgressCell extends TableCell<QueueRow, Number> {
        private final ProgressBar bar = new ProgressBar(0);
        private final Label percent = new Label();
        private final HBox box = new HBox(6, bar, percent);

        ProgressCell() {
            getStyleClass().add("queue-progress");
            bar.getStyleClass().add("queue-progress-bar");
            percent.getStyleClass().add("queue-percent");
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            percent.setMinWidth(Label.USE_PREF_SIZE);
            percent.setPrefWidth(40);
            percent.setAlignment(Pos.CENTER_RIGHT);
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Number progress, boolean empty) {
            super.updateItem(progress, empty);
            if (progress == null || empty) {
                setGraphic(null);
                return;
            }
            double value = progress.doubleValue();
            bar.setProgress(value < 0 ? ProgressBar.INDETERMINATE_PROGRESS : value);
            percent.setText(value < 0 ? "" : Formats.percent(value));
            setGraphic(box);
        }
    }

    /** The state in words, with a style class per state ("state-failed") for colour. */
    static final class StateCell extends TableCell<QueueRow, TransferState> {
        private String styleClass;

        @Override
        protected void updateItem(TransferState state, boolean empty) {
            super.updateItem(state, empty);
            if (styleClass != null) {
                getStyleClass().remove(styleClass);
                styleClass = null;
            }
            if (state == null || empty) {
                setText(null);
                return;
            }
            setText(StateText.of(state));
            styleClass = StateText.styleClass(state);
            getStyleClass().add(styleClass);
        }
    }

    /** A table row that carries its item's state as a pseudo-class (":failed", ":done", ...). */
    static final class StateRow extends TableRow<QueueRow> {
        private final ChangeListener<TransferState> onState = (o, before, after) -> showState(after);
        private QueueRow watched;

        @Override
        protected void updateItem(QueueRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.stateProperty().removeListener(onState);
                watched = null;
            }
            if (row != null && !empty) {
                watched = row;
                row.stateProperty().addListener(onState);
                showState(row.getState());
            } else {
                showState(null);
            }
        }

        private void showState(TransferState state) {
            for (TransferState s : TransferState.values()) {
                pseudoClassStateChanged(PSEUDO[s.ordinal()], s == state);
            }
        }

        private static final PseudoClass[] PSEUDO = pseudoClasses();

        private static PseudoClass[] pseudoClasses() {
            TransferState[] states = TransferState.values();
            PseudoClass[] classes = new PseudoClass[states.length];
            for (TransferState s : states) {
                classes[s.ordinal()] = PseudoClass.getPseudoClass(StateText.styleClass(s).substring("state-".length()));
            }
            return classes;
        }
    }
}
