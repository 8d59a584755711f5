package dev.ferry.ui.session;

import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.ferry.ui.Theme;

/** Asks for the password of a site that keeps none ("ask when connecting"). */
public final class PasswordPrompt {
    private PasswordPrompt() {
    }

    /**
     * Shows a small dialog and waits for it; on the FX thread.
     *
     * @param who such as "ann@ftp.example.org"
     * @return the password, or empty when the user cancelled
     */
    public static Optional<char[]> ask(Window owner, String who) {
        Dialog<char[]> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Password");
        dialog.setHeaderText("Password for " + who);
        PasswordField field = new PasswordField();
        field.setId("password-prompt");
        Label label = new Label("_Password");
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        VBox box = new VBox(6, label, field);
        box.setPrefWidth(320);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Theme.addStylesheet(dialog.getDialogPane());
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        dialog.setOnShown(e -> Platform.runLater(field::requestFocus));
        return dialog.showAndWait();
    }
}
