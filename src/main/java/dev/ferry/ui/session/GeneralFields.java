package dev.ferry.ui.session;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.PasswordMode;

/** The dialog's General section: name, mode (plain FTP with its warning), host and port, user, password. */
final class GeneralFields {
    private GeneralFields() {
    }

    static void addTo(FormGrid grid, SessionModel model) {
        grid.section("General");
        if (model.kind().named()) {
            TextField name = field("session-name", "My server");
            name.textProperty().bindBidirectional(model.nameProperty());
            grid.row("_Name", name, name, grid.message("session-name-error", model.nameErrorProperty(), name));
        }

        ComboBox<FtpsMode> mode = new ComboBox<>();
        mode.setId("session-mode");
        mode.getItems().setAll(FtpsMode.EXPLICIT, FtpsMode.IMPLICIT, FtpsMode.PLAIN);
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setCellFactory(l -> modeCell());
        mode.setButtonCell(modeCell());
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.setTooltip(new javafx.scene.control.Tooltip("Explicit FTPS: a plain connection secured with AUTH TLS, "
                + "usually on port 21. Implicit FTPS: TLS from the first byte, usually on port 990. "
                + "FTP: nothing encrypted."));
        Label insecure = new Label();
        insecure.setId("session-insecure");
        insecure.setGraphic(new FontIcon(Material2MZ.WARNING));
        insecure.getStyleClass().addAll("warning", "session-message");
        insecure.setWrapText(true);
        insecure.textProperty().bind(model.insecureWarningProperty());
        insecure.visibleProperty().bind(Bindings.isNotEmpty(model.insecureWarningProperty()));
        insecure.managedProperty().bind(insecure.visibleProperty());
        grid.row("_Mode", mode, mode, insecure);

        TextField host = field("session-host", "ftp.example.org");
        TextField port = field("session-port", null);
        port.setPrefColumnCount(5);
        port.setMinWidth(70);
        port.textProperty().bindBidirectional(model.portProperty());
        host.textProperty().bindBidirectional(model.hostProperty());
        Label portLabel = new Label("P_ort");
        portLabel.setMnemonicParsing(true);
        portLabel.setLabelFor(port);
        portLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox hostAndPort = new HBox(8, host, portLabel, port);
        hostAndPort.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        grid.row("_Host", hostAndPort, host,
                grid.message("session-host-error", model.hostErrorProperty(), host),
                grid.message("session-port-error", model.portErrorProperty(), port));

        TextField user = field("session-user", null);
        user.textProperty().bindBidirectional(model.userProperty());
        user.disableProperty().bind(model.passwordModeProperty().isEqualTo(PasswordMode.ANONYMOUS));
        user.promptTextProperty().bind(Bindings.when(user.disableProperty()).then("anonymous").otherwise(""));
        grid.row("_User", user, user, grid.message("session-user-error", model.userErrorProperty(), user));

        Map<PasswordMode, RadioButton> modes = new LinkedHashMap<>();
        modes.put(PasswordMode.STORED, radio("session-password-stored", "_Password"));
        modes.put(PasswordMode.ASK, radio("session-password-ask", "As_k when connecting"));
        modes.put(PasswordMode.ANONYMOUS, radio("session-password-anonymous", "Anon_ymous"));
        ToggleBinding.bind(model.passwordModeProperty(), modes);
        HBox choices = new HBox(14);
        choices.getChildren().addAll(modes.values());
        grid.row("Login", choices, modes.get(PasswordMode.STORED));

        PasswordField password = new PasswordField();
        password.setId("session-password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.disableProperty().bind(model.passwordModeProperty().isNotEqualTo(PasswordMode.STORED));
        password.promptTextProperty().bind(Bindings.createStringBinding(() -> switch (model.passwordModeProperty().get()) {
            case STORED -> "";
            case ASK -> "asked each time you connect";
            case ANONYMOUS -> "none for anonymous login";
        }, model.passwordModeProperty()));
        grid.row("Password", password, password);
    }

    static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        if (prompt != null) {
            f.setPromptText(prompt);
        }
        return f;
    }

    private static RadioButton radio(String id, String text) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setMnemonicParsing(true);
        r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return r;
    }

    private static ListCell<FtpsMode> modeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FtpsMode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : switch (item) {
                    case EXPLICIT -> "Explicit FTPS (AUTH TLS)";
                    case IMPLICIT -> "Implicit FTPS";
                    case PLAIN -> "FTP — insecure";
                });
            }
        };
    }
}
