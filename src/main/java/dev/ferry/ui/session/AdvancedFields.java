package dev.ferry.ui.session;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;

/**
 * The dialog's Advanced section: passive or active, minimum TLS version, the folders to start in, parallel
 * transfers, the server's file name encoding and a comment.
 */
final class AdvancedFields {
    /** Encodings FTP servers use, UTF-8 first; the field takes any other name Java knows. */
    static final List<String> ENCODINGS = List.of("UTF-8", "ISO-8859-1", "windows-1252", "ISO-8859-2",
            "windows-1250", "ISO-8859-5", "windows-1251", "KOI8-R", "ISO-8859-15", "Shift_JIS", "EUC-JP",
            "GB18030", "Big5", "EUC-KR");

    private AdvancedFields() {
    }

    static void addTo(FormGrid grid, SessionModel model, Supplier<Window> owner) {
        grid.section("Advanced");

        Map<DataConnectionMode, RadioButton> modes = new LinkedHashMap<>();
        modes.put(DataConnectionMode.PASSIVE, radio("session-passive", "Pa_ssive"));
        modes.put(DataConnectionMode.ACTIVE, radio("session-active", "Act_ive"));
        ToggleBinding.bind(model.dataModeProperty(), modes);
        HBox dataModes = new HBox(14);
        dataModes.getChildren().addAll(modes.values());
        grid.row("Data connection", dataModes, modes.get(DataConnectionMode.PASSIVE));

        ComboBox<TlsVersion> tls = new ComboBox<>();
        tls.setId("session-tls");
        tls.getItems().setAll(TlsVersion.values());
        tls.valueProperty().bindBidirectional(model.tlsMinimumProperty());
        tls.setCellFactory(l -> tlsCell());
        tls.setButtonCell(tlsCell());
        tls.disableProperty().bind(model.modeProperty().isEqualTo(FtpsMode.PLAIN));
        tls.setPrefWidth(130);
        tls.setTooltip(new javafx.scene.control.Tooltip("TLS 1.2 works with every current server; "
                + "TLS 1.3 refuses servers that cannot speak it"));
        grid.row("Minimum T_LS", tls, tls);

        TextField remote = GeneralFields.field("session-remote-folder", "the server's home folder");
        remote.textProperty().bindBidirectional(model.remoteFolderProperty());
        grid.row("_Remote folder", remote, remote,
                grid.message("session-remote-folder-error", model.remoteFolderErrorProperty(), remote));

        TextField local = GeneralFields.field("session-local-folder", "as it is now");
        local.textProperty().bindBidirectional(model.localFolderProperty());
        Button browse = new Button("Browse…");
        browse.setId("session-local-browse");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose the local folder");
            File chosen = chooser.showDialog(owner.get());
            if (chosen != null) {
                model.localFolderProperty().set(chosen.getPath());
            }
        });
        HBox localRow = new HBox(6, local, browse);
        localRow.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        HBox.setHgrow(local, Priority.ALWAYS);
        grid.row("Lo_cal folder", localRow, local,
                grid.message("session-local-folder-error", model.localFolderErrorProperty(), local));

        Spinner<Integer> parallel = new Spinner<>();
        parallel.setId("session-parallel");
        parallel.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10, model.parallelProperty().get()));
        parallel.getValueFactory().valueProperty().bindBidirectional(model.parallelProperty());
        parallel.setEditable(true);
        parallel.setPrefWidth(90);
        grid.row("P_arallel transfers", parallel, parallel);

        ComboBox<String> encoding = new ComboBox<>();
        encoding.setId("session-encoding");
        encoding.getItems().setAll(ENCODINGS);
        encoding.setEditable(true);
        encoding.setMaxWidth(Double.MAX_VALUE);
        encoding.getEditor().textProperty().bindBidirectional(model.encodingProperty());
        encoding.setValue(model.encodingProperty().get());
        encoding.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.encodingProperty().set(now);
            }
        });
        grid.row("Enco_ding", encoding, encoding,
                grid.message("session-encoding-error", model.encodingErrorProperty(), encoding));

        if (model.kind().named()) {
            TextArea comment = new TextArea();
            comment.setId("session-comment");
            comment.setPrefRowCount(2);
            comment.setWrapText(true);
            comment.textProperty().bindBidirectional(model.commentProperty());
            grid.row("Comment", comment, comment);
        }
    }

    private static RadioButton radio(String id, String text) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setMnemonicParsing(true);
        r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return r;
    }

    private static ListCell<TlsVersion> tlsCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TlsVersion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "TLS " + item.shortName());
            }
        };
    }
}
