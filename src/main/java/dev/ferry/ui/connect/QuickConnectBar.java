package dev.ferry.ui.connect;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import dev.ferry.engine.FtpsMode;

/** Host, port, mode, user, password and a Connect button, above the panes. */
public final class QuickConnectBar extends HBox {
    private final QuickConnectModel model;
    private final TextField host = new TextField();
    private final Button connect = new Button("Connect", new FontIcon(Material2AL.LINK));

    public QuickConnectBar(QuickConnectModel model, Consumer<ConnectRequest> onConnect) {
        this.model = model;
        setId("quick-connect");
        getStyleClass().add("quick-connect");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 8));

        host.setId("qc-host");
        host.setPromptText("ftp.example.org");
        host.setPrefColumnCount(16);
        host.textProperty().bindBidirectional(model.hostProperty());

        ComboBox<FtpsMode> mode = new ComboBox<>();
        mode.setId("qc-mode");
        mode.getItems().setAll(FtpsMode.EXPLICIT, FtpsMode.IMPLICIT, FtpsMode.PLAIN);
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setCellFactory(l -> modeCell());
        mode.setButtonCell(modeCell());
        mode.setTooltip(new Tooltip("Explicit FTPS (AUTH TLS, port 21), Implicit FTPS (port 990), or plain FTP"));

        TextField port = new TextField();
        port.setId("qc-port");
        port.setPrefColumnCount(4);
        port.textProperty().bindBidirectional(model.portProperty());

        TextField user = new TextField();
        user.setId("qc-user");
        user.setPromptText("anonymous");
        user.setPrefColumnCount(9);
        user.textProperty().bindBidirectional(model.userProperty());

        PasswordField password = new PasswordField();
        password.setId("qc-password");
        password.setPrefColumnCount(9);
        password.textProperty().bindBidirectional(model.passwordProperty());

        connect.setId("qc-connect");
        connect.setDefaultButton(false);
        connect.getStyleClass().add("accent");
        Runnable go = () -> model.request().ifPresent(onConnect);
        connect.setOnAction(e -> go.run());
        for (TextField f : new TextField[] {host, port, user, password}) {
            f.setOnAction(e -> go.run());
        }

        Label problem = new Label();
        problem.setId("qc-problem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        HBox.setHgrow(problem, Priority.ALWAYS);

        getChildren().addAll(label("Host", host), host, label("Port", port), port, mode, label("User", user), user,
                label("Password", password), password, connect, problem);
    }

    /** Puts the cursor into the host field. */
    public void focusHost() {
        host.requestFocus();
        host.selectAll();
    }

    /** While a connection is being made the button waits. */
    public void setBusy(boolean busy) {
        connect.setDisable(busy);
        connect.setText(busy ? "Connecting…" : "Connect");
    }

    public QuickConnectModel model() {
        return model;
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.getStyleClass().add("text-muted");
        return l;
    }

    private static ListCell<FtpsMode> modeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FtpsMode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : switch (item) {
                    case EXPLICIT -> "Explicit FTPS";
                    case IMPLICIT -> "Implicit FTPS";
                    case PLAIN -> "FTP (insecure)";
                });
            }
        };
    }
}
