package dev.ferry.ui.sites;

import java.util.Arrays;
import java.util.Objects;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import dev.ferry.security.SecretVault;
import dev.ferry.security.WrongMasterPasswordException;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.Theme;

/**
 * Asks for the master password, once per run, the first time a stored password is needed. The key is derived in
 * the background (about a second) behind a spinner; a wrong password is said inline and the user tries again.
 * Its result is whether the vault is now unlocked (false: cancelled).
 */
public final class UnlockVaultDialog extends Dialog<Boolean> {
    /** What a wrong master password shows. */
    public static final String WRONG = "The master password is not correct.";

    private static final ButtonType UNLOCK = new ButtonType("_Unlock", ButtonBar.ButtonData.OK_DONE);

    private final FxBridge bridge;
    private final SecretVault vault;
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();

    /** @param why such as "to connect to "Acme"" */
    public UnlockVaultDialog(Window owner, FxBridge bridge, SecretVault vault, String why) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.vault = Objects.requireNonNull(vault, "vault");
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Master password");
        setHeaderText("Enter the master password " + why);
        setGraphic(new FontIcon(Material2AL.LOCK));
        getDialogPane().setId("unlock-dialog");
        Theme.addStylesheet(getDialogPane());

        password.setId("unlock-password");
        Label label = new Label("_Master password");
        label.setMnemonicParsing(true);
        label.setLabelFor(password);
        Label explain = new Label("Ferry keeps your sites' passwords encrypted with it, and asks for it once each"
                + " time Ferry starts.");
        explain.setWrapText(true);
        explain.getStyleClass().add("text-muted");
        error.setId("unlock-error");
        error.getStyleClass().add("danger");
        error.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        error.setWrapText(true);
        show(error, false);
        spinner.setPrefSize(16, 16);
        Label working = new Label("Unlocking…", spinner);
        working.setId("unlock-busy");
        show(working, false);
        spinner.visibleProperty().addListener((o, was, now) -> show(working, now));
        spinner.setVisible(false);
        HBox status = new HBox(8, error, working);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, explain, label, password, status);
        box.setPrefWidth(400);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(UNLOCK, ButtonType.CANCEL);

        Button unlock = (Button) getDialogPane().lookupButton(UNLOCK);
        unlock.setId("unlock-accept");
        unlock.disableProperty().bind(password.textProperty().isEmpty().or(spinner.visibleProperty()));
        unlock.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            unlock();
        });
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("unlock-cancel");
        password.textProperty().addListener((o, was, now) -> show(error, false));
        setResultConverter(button -> Boolean.FALSE);
        setOnShown(e -> Platform.runLater(password::requestFocus));
    }

    private void unlock() {
        if (spinner.isVisible() || password.getText().isEmpty()) {
            return;
        }
        char[] master = password.getText().toCharArray();
        spinner.setVisible(true);
        password.setDisable(true);
        show(error, false);
        bridge.run(() -> {
            try {
                vault.unlock(master);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(master, '\0');
            }
        }, unlocked -> {
            spinner.setVisible(false);
            setResult(Boolean.TRUE);
            close();
        }, failure -> {
            spinner.setVisible(false);
            password.setDisable(false);
            error.setText(failure instanceof WrongMasterPasswordException ? WRONG
                    : SiteManagerModel.words("Unlocking the stored passwords", failure));
            show(error, true);
            password.selectAll();
            password.requestFocus();
        });
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
