package dev.ferry.ui.commander;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.ui.pane.PaneMessage;

/**
 * A calm strip above the panes for what went wrong (stays until closed) or what happened (fades after a
 * few seconds). Never a stack trace: messages are sentences.
 */
final class MessageBanner extends HBox {
    private final Label text = new Label();
    private final FontIcon icon = new FontIcon();
    private final PauseTransition hide = new PauseTransition(Duration.seconds(5));

    MessageBanner() {
        setId("message-banner");
        getStyleClass().add("message-banner");
        text.setId("message-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll("flat", "button-icon");
        close.setFocusTraversable(false);
        close.setOnAction(e -> dismiss());
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        getChildren().addAll(icon, text, close);
        hide.setOnFinished(e -> dismiss());
        dismiss();
    }

    void show(PaneMessage message) {
        text.setText(message.text());
        icon.setIconCode(message.error() ? Material2AL.ERROR_OUTLINE : Material2AL.INFO);
        getStyleClass().removeAll("error", "info");
        getStyleClass().add(message.error() ? "error" : "info");
        setVisible(true);
        setManaged(true);
        hide.stop();
        if (!message.error()) {
            hide.playFromStart();
        }
    }

    void dismiss() {
        setVisible(false);
        setManaged(false);
    }

    String text() {
        return isVisible() ? text.getText() : "";
    }
}
