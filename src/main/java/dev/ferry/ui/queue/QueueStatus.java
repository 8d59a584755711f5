package dev.ferry.ui.queue;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * The queue's part of the window's status bar: the overall progress bar and the summary
 * ("3 of 10 files · 12.3 MiB of 40 MiB · 2.1 MiB/s · 0:14 left").
 */
public final class QueueStatus extends HBox {
    public QueueStatus(QueueViewModel model) {
        super(8);
        getStyleClass().add("queue-status");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        ProgressBar bar = new ProgressBar();
        bar.setId("queue-overall-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(model.overallProgressProperty());
        bar.visibleProperty().bind(model.totalItemsProperty().greaterThan(0));
        bar.managedProperty().bind(bar.visibleProperty());
        Label summary = new Label();
        summary.setId("queue-summary");
        summary.textProperty().bind(model.summaryProperty());
        getChildren().addAll(bar, summary);
    }
}
