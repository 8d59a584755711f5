package dev.ferry.ui.session;

import java.io.File;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The dialog's Client certificate section: the certificate file (PKCS#12 or PEM), the key file for PEM, the
 * password, and a line that says "Checking…", the subject and expiry, or what is wrong.
 */
final class CertificateFields {
    private CertificateFields() {
    }

    static void addTo(FormGrid grid, SessionModel model, Supplier<Window> owner) {
        grid.section("Client certificate");

        TextField file = GeneralFields.field("session-cert-file", "none");
        file.textProperty().bindBidirectional(model.certificateFileProperty());
        Button browse = new Button("_Browse…");
        browse.setId("session-cert-browse");
        browse.setMnemonicParsing(true);
        browse.setOnAction(e -> choose(owner.get(), "Choose the client certificate", true)
                .ifPresent(f -> model.certificateFileProperty().set(f.getPath())));
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setId("session-cert-clear");
        clear.getStyleClass().add("flat");
        clear.setTooltip(new Tooltip("No client certificate"));
        clear.disableProperty().bind(Bindings.isEmpty(model.certificateFileProperty())
                .and(Bindings.isEmpty(model.keyFileProperty())));
        clear.setOnAction(e -> {
            model.certificateFileProperty().set("");
            model.keyFileProperty().set("");
            model.certificatePasswordProperty().set("");
        });
        grid.row("C_ertificate", grow(file, browse, clear), file);

        TextField key = GeneralFields.field("session-key-file", "if the key is in a file of its own");
        key.textProperty().bindBidirectional(model.keyFileProperty());
        Button browseKey = new Button("Browse…");
        browseKey.setId("session-key-browse");
        browseKey.setOnAction(e -> choose(owner.get(), "Choose the private key", false)
                .ifPresent(f -> model.keyFileProperty().set(f.getPath())));
        HBox keyRow = grow(key, browseKey);
        keyRow.disableProperty().bind(model.keyFileAppliesProperty().not());
        grid.row("Key _file", keyRow, key);

        PasswordField password = new PasswordField();
        password.setId("session-cert-password");
        password.setPromptText("if the file or its key has one");
        password.textProperty().bindBidirectional(model.certificatePasswordProperty());
        password.disableProperty().bind(Bindings.isEmpty(model.certificateFileProperty()));
        grid.row("Pass_word", password, password);

        grid.plain(status(model));
    }

    /** "Checking…" with a spinner, the subject and expiry with a tick, or the problem in the danger colour. */
    private static HBox status(SessionModel model) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Label text = new Label();
        text.setId("session-cert-status");
        text.setWrapText(true);
        HBox line = new HBox(6, spinner, text);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Runnable update = () -> {
            CertificateStatus s = model.certificateProperty().get();
            text.setText(s.text());
            text.getStyleClass().removeAll("danger", "success", "text-muted");
            spinner.setVisible(s.state() == CertificateStatus.State.CHECKING);
            spinner.setManaged(spinner.isVisible());
            switch (s.state()) {
                case LOADED -> {
                    text.getStyleClass().add("success");
                    text.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE_OUTLINE));
                }
                case FAILED -> {
                    text.getStyleClass().add("danger");
                    text.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
                }
                default -> {
                    text.getStyleClass().add("text-muted");
                    text.setGraphic(null);
                }
            }
            line.setVisible(s.state() != CertificateStatus.State.NONE);
            line.setManaged(line.isVisible());
        };
        model.certificateProperty().addListener((o, was, now) -> update.run());
        update.run();
        return line;
    }

    private static HBox grow(TextField field, Button... buttons) {
        HBox row = new HBox(6, field);
        for (Button b : buttons) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            row.getChildren().add(b);
        }
        row.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private static java.util.Optional<File> choose(Window owner, String title, boolean certificate) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (certificate) {
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Certificates (*.p12, *.pfx, *.pem, *.crt)",
                            "*.p12", "*.pfx", "*.pem", "*.crt"),
                    new FileChooser.ExtensionFilter("PKCS#12 (*.p12, *.pfx)", "*.p12", "*.pfx"),
                    new FileChooser.ExtensionFilter("PEM (*.pem, *.crt)", "*.pem", "*.crt"));
        } else {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Keys (*.key, *.pem)", "*.key", "*.pem"));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return java.util.Optional.ofNullable(chooser.showOpenDialog(owner));
    }
}
