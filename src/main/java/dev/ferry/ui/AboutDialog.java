package dev.ferry.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → About: the version, and the licences of the libraries Ferry bundles. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** Reads the licence list in the background, then shows the dialog. */
    public static void show(Window owner, FxBridge bridge, String version) {
        bridge.run(AboutDialog::licences, text -> open(owner, version, text),
                error -> open(owner, version, "The licence list could not be read: " + error.getMessage()));
    }

    private static String licences() throws IOException {
        try (InputStream in = AboutDialog.class.getResourceAsStream("third-party.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void open(Window owner, String version, String licences) {
        Alert about = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        about.initOwner(owner);
        about.setTitle("About Ferry");
        about.setHeaderText("Ferry " + version);
        about.getDialogPane().setId("about-dialog");
        Label what = new Label("A desktop FTPS client: two panes, a transfer queue, and the ferry command line.");
        what.setWrapText(true);
        TextArea text = new TextArea(licences);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(14);
        text.setPrefColumnCount(64);
        text.setId("about-licences");
        about.getDialogPane().setContent(new VBox(10, what, text));
        about.setResizable(true);
        about.show();
    }
}
