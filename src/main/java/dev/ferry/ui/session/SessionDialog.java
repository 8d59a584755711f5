package dev.ferry.ui.session;

import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.sites.PasswordMode;
import dev.ferry.ui.Theme;

/**
 * The session dialog, for a new site, an existing site or a connection made now (see {@link SessionKind}): on
 * the left General and Client certificate, on the right Advanced, below the result of "Test connection".
 * Every field is checked as it is typed ({@link SessionModel}); Save or Connect stays disabled, and Enter does
 * nothing but show what is wrong, until the form is valid. Its result is a {@link SessionForm}.
 */
public final class SessionDialog extends Dialog<SessionForm> {
    /** Connects with the form in the background and says how it went; does not close the dialog. */
    public static final ButtonType TEST = new ButtonType("_Test connection", ButtonBar.ButtonData.LEFT);

    private final SessionModel model;
    private final ServerTrust trust;
    private final ButtonType accept;
    private final BooleanProperty revealAll;

    /**
     * @param owner the window the dialog belongs to
     * @param trust judges the server's certificate when testing (the window's, which asks the user)
     */
    public SessionDialog(Window owner, SessionModel model, ServerTrust trust) {
        this.model = Objects.requireNonNull(model, "model");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.accept = new ButtonType(model.kind().action(), ButtonBar.ButtonData.OK_DONE);
        this.revealAll = new SimpleBooleanProperty(model.kind() == SessionKind.EDIT_SITE);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(model.kind().title());
        setResizable(true);
        DialogPane pane = getDialogPane();
        pane.setId("session-dialog");
        pane.getStyleClass().add("session-dialog");
        Theme.addStylesheet(pane);
        pane.getStylesheets().add(Objects.requireNonNull(SessionDialog.class.getResource("session.css")).toExternalForm());
        pane.getButtonTypes().setAll(TEST, accept, ButtonType.CANCEL);
        pane.setContent(content());
        pane.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button acceptButton = (Button) pane.lookupButton(accept);
        acceptButton.setId("session-accept");
        acceptButton.setDefaultButton(true);
        acceptButton.disableProperty().bind(model.validProperty().not());
        acceptButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.validProperty().get()) {
                revealAll.set(true);
                e.consume();
            }
        });
        Button testButton = (Button) pane.lookupButton(TEST);
        testButton.setId("session-test");
        testButton.setGraphic(new FontIcon(Material2AL.LINK));
        testButton.disableProperty().bind(model.testStateProperty().isEqualTo(SessionModel.TestState.RUNNING));
        testButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            test();
        });
        pane.lookupButton(ButtonType.CANCEL).setId("session-cancel");
        // Enter on an invalid form shows every problem, also those of fields not touched yet.
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !model.validProperty().get()) {
                revealAll.set(true);
            }
        });
        setResultConverter(button -> button == accept ? model.toResult() : null);
        setOnShown(e -> firstField().ifPresent(Node::requestFocus));
    }

    /** The form behind the dialog. */
    public SessionModel model() {
        return model;
    }

    /** Shows every field's problem, as if each had been touched. */
    public void revealProblems() {
        revealAll.set(true);
    }

    private void test() {
        if (!model.validProperty().get()) {
            revealAll.set(true);
        }
        if (model.passwordModeProperty().get() == PasswordMode.ASK && model.validProperty().get()) {
            Optional<char[]> asked = PasswordPrompt.ask(getDialogPane().getScene().getWindow(),
                    model.userProperty().get() + "@" + model.hostProperty().get().strip());
            if (asked.isEmpty()) {
                return;
            }
            model.testConnection(trust, asked);
        } else {
            model.testConnection(trust);
        }
    }

    private Node content() {
        FormGrid left = new FormGrid(revealAll);
        GeneralFields.addTo(left, model);
        CertificateFields.addTo(left, model, this::window);
        FormGrid right = new FormGrid(revealAll);
        AdvancedFields.addTo(right, model, this::window);
        HBox columns = new HBox(20, left, new Separator(Orientation.VERTICAL), right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox box = new VBox(12, columns, new Separator(), testResult());
        box.setPadding(new Insets(4, 4, 0, 4));
        box.setPrefWidth(960);
        return box;
    }

    /** A spinner while testing, then the result with a tick or a cross. */
    private Node testResult() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(model.testStateProperty().isEqualTo(SessionModel.TestState.RUNNING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label result = new Label();
        result.setId("session-test-result");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        model.testStateProperty().addListener((o, was, now) -> {
            result.getStyleClass().removeAll("success", "danger", "text-muted");
            switch (now) {
                case SUCCEEDED -> {
                    result.getStyleClass().add("success");
                    result.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE_OUTLINE));
                }
                case FAILED -> {
                    result.getStyleClass().add("danger");
                    result.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
                }
                default -> {
                    result.getStyleClass().add("text-muted");
                    result.setGraphic(null);
                }
            }
        });
        HBox line = new HBox(8, spinner, result);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMinHeight(24);
        HBox.setHgrow(result, Priority.ALWAYS);
        return line;
    }

    private Window window() {
        return getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
    }

    private Optional<Node> firstField() {
        return Optional.ofNullable(getDialogPane().lookup(model.kind().named() ? "#session-name" : "#session-host"));
    }
}
