package dev.ferry.ui.commander;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The row of function keys at the bottom, WinSCP commander style; each can also be clicked. */
final class FunctionKeyBar extends HBox {
    FunctionKeyBar() {
        setId("function-keys");
        getStyleClass().add("function-keys");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(2);
    }

    FunctionKeyBar key(String key, String label, Runnable action) {
        Label k = new Label(key);
        k.getStyleClass().add("fkey");
        Button b = new Button(label, k);
        b.getStyleClass().addAll("flat", "fkey-button");
        b.setFocusTraversable(false);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS);
        getChildren().add(b);
        return this;
    }
}
