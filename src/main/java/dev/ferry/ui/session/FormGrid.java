package dev.ferry.ui.session;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A form of labelled rows: labels in one aligned column, fields in the other, an inline message under a field
 * when it is wrong, and section titles across both columns.
 */
final class FormGrid extends GridPane {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private final BooleanExpression revealAll;
    private int row;

    /** @param revealAll when true, messages show even for fields the user has not touched yet */
    FormGrid(BooleanExpression revealAll) {
        this.revealAll = revealAll;
        getStyleClass().add("session-form");
        setHgap(12);
        setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().setAll(labels, fields);
    }

    /** A title across both columns. */
    void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("session-section");
        add(l, 0, row++, 2, 1);
    }

    /**
     * A labelled row. {@code text} may hold a mnemonic ("_Host"), which moves the focus to {@code target}.
     *
     * @param under lines shown under the field, such as inline messages
     */
    Label row(String text, Node field, Node target, Node... under) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, VPos.BASELINE);
        VBox cell = new VBox(4, field);
        cell.getChildren().addAll(under);
        GridPane.setValignment(cell, VPos.BASELINE);
        add(label, 0, row);
        add(cell, 1, row++);
        return label;
    }

    /** A row with nothing in the label column. */
    void plain(Node node) {
        add(node, 1, row++);
    }

    /**
     * An inline message under {@code field}: shown in the danger colour while {@code error} is not empty and the
     * user has touched the field (typed in it, or left it), or {@link #revealAll} says so; the field is marked too.
     */
    Label message(String id, ObservableStringValue error, Control field) {
        BooleanProperty touched = new SimpleBooleanProperty(false);
        if (field instanceof TextInputControl text) {
            text.textProperty().addListener((o, was, now) -> touched.set(true));
        }
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                touched.set(true);
            }
        });
        Label label = danger(id, error);
        BooleanExpression shown = touched.or(revealAll).and(Bindings.isNotEmpty(error));
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
        shown.addListener((o, was, now) -> field.pseudoClassStateChanged(DANGER, now));
        field.pseudoClassStateChanged(DANGER, shown.get());
        return label;
    }

    /** A line in the danger colour with an error icon, shown while {@code text} is not empty. */
    static Label danger(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        label.getStyleClass().addAll("danger", "session-message");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
