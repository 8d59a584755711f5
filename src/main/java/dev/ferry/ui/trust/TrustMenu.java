package dev.ferry.ui.trust;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.security.PinningTrust;
import dev.ferry.security.TrustAnswer;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;

/**
 * The window's certificate menu: "Server certificate…" shows the connected session's certificate in the
 * certificate dialog (and can pin it when it is not trusted); "Known certificates…" opens the list of pins.
 */
public final class TrustMenu {
    private final Window owner;
    private final FxBridge bridge;
    private final PinningTrust trust;
    private final Clock clock;
    private final Supplier<Optional<ServerCertificate>> current;
    private final ObservableBooleanValue connected;
    private final java.util.function.Consumer<String> problems;

    /**
     * @param current   the certificate of the connected session, if any
     * @param connected whether a session is connected (enables "Server certificate…")
     * @param problems  told, in words, when something cannot be shown or saved
     */
    public TrustMenu(Window owner, FxBridge bridge, PinningTrust trust, Clock clock,
                     Supplier<Optional<ServerCertificate>> current, ObservableBooleanValue connected,
                     java.util.function.Consumer<String> problems) {
        this.owner = owner;
        this.bridge = bridge;
        this.trust = trust;
        this.clock = clock;
        this.current = current;
        this.problems = problems;
        this.connected = connected;
    }

    /** A toolbar menu button with both actions. */
    public MenuButton button() {
        MenuButton menu = new MenuButton(null, new FontIcon(Material2AL.LOCK));
        menu.setId("trust-menu");
        menu.getStyleClass().add("flat");
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip("Certificates: the connected server's, and those you chose to always trust"));
        MenuItem server = new MenuItem("Server certificate…");
        server.setId("server-certificate");
        server.setOnAction(e -> showServerCertificate());
        server.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !connected.get(), connected));
        MenuItem known = new MenuItem("Known certificates…");
        known.setId("known-certificates-item");
        known.setOnAction(e -> showKnownCertificates());
        menu.getItems().addAll(server, known);
        return menu;
    }

    /** Shows the connected session's certificate. */
    public void showServerCertificate() {
        Optional<ServerCertificate> certificate = current.get();
        if (certificate.isEmpty()) {
            problems.accept("No certificate to show: this session is not connected over TLS.");
            return;
        }
        bridge.run(() -> trust.assess(certificate.get()), assessment -> {
            CertificateDialog dialog = new CertificateDialog(owner,
                    new CertificateViewModel(assessment, CertificateViewModel.Purpose.VIEW, clock));
            dialog.showAndWait().filter(a -> a == TrustAnswer.ALWAYS_TRUST)
                    .ifPresent(a -> bridge.background(() -> trust.pin(certificate.get())));
        }, error -> problems.accept(Errors.describe("Showing the server certificate", error)));
    }

    /** Opens the list of pinned certificates. */
    public void showKnownCertificates() {
        KnownCertificatesPane.showDialog(owner, new KnownCertificatesModel(bridge, trust.store()));
    }
}
