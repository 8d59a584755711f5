package dev.ferry.ui.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.ui.FxBridge;

/** A session dialog over an owner stage, for TestFX tests: opens it, fills fields, waits for checks. */
final class SessionHarness implements AutoCloseable {
    final FxBridge bridge = new FxBridge();
    private final Stage stage;
    private final FxRobot robot;
    SessionModel model;
    SessionDialog dialog;

    SessionHarness(Stage stage, FxRobot robot) {
        this.stage = stage;
        this.robot = robot;
    }

    /** The owner window; call from {@code @Start}. */
    static void showOwner(Stage stage) {
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
    }

    /** Opens the dialog; test connections trust the test server's root CA. */
    SessionHarness open(SessionKind kind, FtpsServerExtension server) {
        return open(kind, defaults(server));
    }

    SessionHarness open(SessionKind kind, UnaryOperator<ConnectionSettings.Builder> defaults) {
        robot.interact(() -> {
            model = new SessionModel(bridge, kind, defaults);
            dialog = new SessionDialog(stage, model, ServerTrust.evaluatedOnly());
            dialog.show();
        });
        return this;
    }

    /** What a test connection adds: trust in the test server's root CA and short timeouts. */
    static UnaryOperator<ConnectionSettings.Builder> defaults(FtpsServerExtension server) {
        return b -> b.evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10));
    }

    /** Clicks into a field, selects what is there and types {@code text} over it. */
    void type(String id, String text) {
        robot.clickOn(id);
        robot.interact(() -> field(id).selectAll());
        if (text.isEmpty()) {
            robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sets a field's text at once (long paths, passwords), as a paste would. */
    void paste(String id, String text) {
        robot.interact(() -> field(id).setText(text));
    }

    TextInputControl field(String id) {
        return robot.lookup(id).queryTextInputControl();
    }

    String text(String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    boolean shows(String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible() && n.isManaged()).orElse(false);
    }

    Button button(String id) {
        return robot.lookup(id).queryButton();
    }

    /** Host, user and password of {@code server}'s Explicit listener. */
    void fillLogin(FtpsServerExtension server, int port, String password) {
        paste("#session-host", server.host());
        paste("#session-port", String.valueOf(port));
        paste("#session-user", server.user());
        paste("#session-password", password);
    }

    void awaitCertificate(CertificateStatus.State state) throws TimeoutException {
        await(() -> model.certificateProperty().get().state() == state, "the certificate to be " + state);
    }

    void awaitTest() throws TimeoutException {
        await(() -> model.testStateProperty().get() != SessionModel.TestState.RUNNING
                && model.testStateProperty().get() != SessionModel.TestState.IDLE, "the test connection to finish");
    }

    static void await(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 20 s for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        if (dialog != null) {
            robot.interact(() -> dialog.close());
        }
        bridge.close();
    }
}
