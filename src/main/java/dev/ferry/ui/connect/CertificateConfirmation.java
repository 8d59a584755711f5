package dev.ferry.ui.connect;

import java.util.concurrent.CompletableFuture;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.ferry.engine.tls.ServerCertificate;

/**
 * A plain confirmation for a certificate that is not trusted: what is wrong, and the SHA-256 fingerprint to
 * compare with the one the server's administrator gave. Trusted for this run only.
 */
public final class CertificateConfirmation implements CertificateQuestion {
    public static final ButtonType TRUST = new ButtonType("_Trust this time", ButtonBar.ButtonData.OK_DONE);
    private final Window owner;

    public CertificateConfirmation(Window owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Boolean> ask(ServerCertificate certificate) {
        Alert alert = new Alert(Alert.AlertType.WARNING, null, TRUST, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Certificate not trusted");
        alert.setHeaderText("The certificate of " + certificate.host() + ":" + certificate.port() + " is not trusted");
        String why = certificate.evaluation().explanations().isEmpty() ? "It was refused."
                : String.join("\n", certificate.evaluation().explanations().stream().map(s -> "• " + s).toList());
        Label problems = new Label(why);
        problems.setWrapText(true);
        Label ask = new Label("Compare this SHA-256 fingerprint with the one the server's administrator gave you. "
                + "If they differ, someone may be intercepting the connection: cancel.");
        ask.setWrapText(true);
        String hex = certificate.sha256Fingerprint();
        int middle = hex.length() / 2 + 1;
        javafx.scene.control.TextArea fingerprint = new javafx.scene.control.TextArea(
                hex.substring(0, middle).strip() + "\n" + hex.substring(middle).strip());
        fingerprint.setEditable(false);
        fingerprint.setPrefRowCount(2);
        fingerprint.setWrapText(false);
        fingerprint.setId("certificate-fingerprint");
        fingerprint.setStyle("-fx-font-family: monospace;");
        VBox box = new VBox(10, problems, ask, fingerprint);
        box.setPrefWidth(560);
        alert.getDialogPane().setContent(box);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(TRUST)).setDefaultButton(false);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> answer.complete(alert.getResult() == TRUST));
        alert.show();
        return answer;
    }
}
