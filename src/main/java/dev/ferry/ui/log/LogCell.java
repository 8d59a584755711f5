package dev.ferry.ui.log;

import java.util.function.Predicate;

import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/** A log line in the list: time and connection muted, the text coloured by kind (style classes in ferry.css). */
final class LogCell extends ListCell<LogLine> {
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("search-match");
    private static final String[] KINDS = {"sent", "received", "note", "error"};

    private final Predicate<LogLine> isMatch;
    private final Label time = label("log-time");
    private final Label connection = label("log-connection");
    private final Label text = label("log-text");
    private final HBox row = new HBox(time, connection, text);

    LogCell(Predicate<LogLine> isMatch) {
        this.isMatch = isMatch;
        getStyleClass().add("log-line");
        row.getStyleClass().add("log-row");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll(KINDS);
        if (empty || line == null) {
            setGraphic(null);
            pseudoClassStateChanged(MATCH, false);
            return;
        }
        getStyleClass().add(line.kind().styleClass());
        time.setText(line.clockTime());
        connection.setText(line.connection());
        text.setText(line.kind().mark() + line.text());
        setGraphic(row);
        pseudoClassStateChanged(MATCH, isMatch.test(line));
    }
}
