package dev.ferry.ui.sites;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
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

import dev.ferry.ui.Theme;

/** Sets, changes or removes the master password ({@link MasterPasswordModel}). Its result: whether it was done. */
public final class MasterPasswordDialog extends Dialog<Boolean> {
    private final MasterPasswordModel model;

    /** @param intro a sentence above the fields, or "" for the usual one */
    public MasterPasswordDialog(Window owner, MasterPasswordModel model, String intro) {
        this.model = model;
        if (owner != null) {
            initOwner(owner);
        }
        MasterPasswordModel.Action action = model.action();
        setTitle("Master password");
        setHeaderText(action.title());
        setGraphic(new FontIcon(action == MasterPasswordModel.Action.REMOVE ? Material2AL.DELETE_OUTLINE : Material2AL.LOCK));
        getDialogPane().setId("master-dialog");
        Theme.addStylesheet(getDialogPane());

        Label explain = new Label(intro.isEmpty() ? explanation(action) : intro);
        explain.setWrapText(true);
        explain.setId("master-explain");
        VBox box = new VBox(6, explain);
        box.setPrefWidth(440);
        if (action == MasterPasswordModel.Action.CHANGE) {
            box.getChildren().addAll(labelled("C_urrent master password", field("master-current", model.currentProperty())));
        }
        if (action != MasterPasswordModel.Action.REMOVE) {
            PasswordField fresh = field("master-new", model.freshProperty());
            Label strength = new Label();
            strength.setId("master-strength");
            strength.setWrapText(true);
            strength.textProperty().bind(Bindings.createStringBinding(() -> model.strengthProperty().get().hint(),
                    model.strengthProperty()));
            model.strengthProperty().addListener((o, was, now) -> {
                strength.getStyleClass().removeAll("danger", "warning", "success");
                strength.getStyleClass().add(switch (now) {
                    case WEAK -> "danger";
                    case FAIR -> "warning";
                    case STRONG, EMPTY -> "success";
                });
            });
            PasswordField repeat = field("master-repeat", model.repeatProperty());
            Label repeatError = message("master-repeat-error");
            repeatError.textProperty().bind(model.repeatErrorProperty());
            box.getChildren().addAll(labelled("_New master password", fresh), strength,
                    labelled("New master password _again", repeat), repeatError);
        }
        Label error = message("master-error");
        error.textProperty().bind(model.errorProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label busy = new Label("Working…", spinner);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox status = new HBox(8, error, busy);
        status.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(status);
        getDialogPane().setContent(box);

        ButtonType accept = new ButtonType(action.button(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(accept, ButtonType.CANCEL);
        Button acceptButton = (Button) getDialogPane().lookupButton(accept);
        acceptButton.setId("master-accept");
        if (action == MasterPasswordModel.Action.REMOVE) {
            acceptButton.getStyleClass().add("danger");
        }
        acceptButton.disableProperty().bind(model.validProperty().not().or(model.busyProperty()));
        acceptButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.apply(() -> {
                setResult(Boolean.TRUE);
                close();
            });
        });
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("master-cancel");
        setResultConverter(button -> Boolean.FALSE);
        setOnShown(e -> Platform.runLater(() -> box.getChildren().stream().filter(n -> n instanceof VBox)
                .findFirst().map(n -> ((VBox) n).getChildren().get(1)).ifPresent(Node::requestFocus)));
    }

    public MasterPasswordModel model() {
        return model;
    }

    private static String explanation(MasterPasswordModel.Action action) {
        return switch (action) {
            case SET -> "Ferry stores your sites' passwords encrypted with the master password, and asks for it once"
                    + " each time it starts. It cannot be recovered: if you forget it, the stored passwords are lost.";
            case CHANGE -> "Every stored password is encrypted again with the new master password.";
            case REMOVE -> "This deletes the master password and every stored password. Your sites stay; Ferry asks"
                    + " for their passwords when connecting, until you store them again.";
        };
    }

    private static PasswordField field(String id, javafx.beans.property.StringProperty value) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static VBox labelled(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return new VBox(4, label, field);
    }

    private static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("danger");
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
