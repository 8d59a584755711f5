package dev.ferry.ui.trust;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import dev.ferry.security.KnownCertificate;
import dev.ferry.ui.Theme;

/**
 * The "Known certificates" list: every server whose certificate the user chose to always trust, with its
 * fingerprint and dates, and a Remove button (or Delete) so that the next connection asks again.
 */
public final class KnownCertificatesPane extends BorderPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final KnownCertificatesModel model;
    private final TableView<KnownCertificate> table = new TableView<>();

    public KnownCertificatesPane(KnownCertificatesModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("known-certificates");
        setId("known-certificates");
        table.setId("known-certificates-table");
        table.setItems(model.certificates());
        table.setPlaceholder(new Label("No certificates yet. Choose \"Always trust\" when Ferry asks about a"
                + " server's certificate, and it appears here."));
        table.getColumns().add(column("Server", 170, KnownCertificate::server));
        table.getColumns().add(column("Issued to", 200, KnownCertificate::subject));
        table.getColumns().add(column("Expires", 95, k -> DAY.format(k.notAfter())));
        table.getColumns().add(column("Trusted on", 95, k -> DAY.format(k.trustedAt())));
        TableColumn<KnownCertificate, String> fingerprint = column("SHA-256 fingerprint", 420, KnownCertificate::sha256);
        fingerprint.getStyleClass().add("certificate-fingerprint");
        table.getColumns().add(fingerprint);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                removeSelected();
            }
        });

        Button remove = new Button("_Remove", new FontIcon(Material2AL.DELETE_OUTLINE));
        remove.setId("known-certificates-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        remove.setOnAction(e -> removeSelected());
        Label problem = new Label();
        problem.setId("known-certificates-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMinHeight(Region.USE_PREF_SIZE);
        Label hint = new Label("Removing a certificate makes Ferry ask again on the next connection to that server.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox actions = new HBox(12, hint, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(8, problem, actions);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setCenter(table);
        setBottom(bottom);
    }

    public TableView<KnownCertificate> table() {
        return table;
    }

    private void removeSelected() {
        KnownCertificate selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && !model.busyProperty().get()) {
            model.remove(selected);
        }
    }

    private static TableColumn<KnownCertificate, String> column(String name, double width,
                                                               java.util.function.Function<KnownCertificate, String> value) {
        TableColumn<KnownCertificate, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /** Shows the list in a dialog of its own, read afresh from the file. */
    public static Dialog<Void> showDialog(Window owner, KnownCertificatesModel model) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Known certificates");
        dialog.setHeaderText("Server certificates you chose to always trust");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("known-certificates-dialog");
        Theme.addStylesheet(dialog.getDialogPane());
        dialog.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(KnownCertificatesPane.class.getResource("trust.css")).toExternalForm());
        KnownCertificatesPane pane = new KnownCertificatesPane(model);
        pane.setPrefSize(900, 380);
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.reload();
        dialog.show();
        return dialog;
    }
}
