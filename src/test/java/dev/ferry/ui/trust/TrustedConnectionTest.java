package dev.ferry.ui.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.UntrustedCertificateException;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.security.KnownCertificates;
import dev.ferry.security.PinningTrust;
import dev.ferry.security.TrustQuestion;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.TestPki;
import dev.ferry.ui.FxBridge;

/** The dialog answering real connections to a server with a self-signed certificate. */
@ExtendWith(ApplicationExtension.class)
class TrustedConnectionTest {
    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .certificate(TestPki.selfSigned(TestPki.spec("localhost").loopback())).build();

    private final FxBridge bridge = new FxBridge();
    private final AtomicInteger asked = new AtomicInteger();
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeBridge() {
        bridge.close();
    }

    private PinningTrust newRun() {
        TrustQuestion dialog = new DialogTrustQuestion(bridge, () -> stage, Clock.systemUTC());
        TrustQuestion counted = a -> {
            asked.incrementAndGet();
            return dialog.ask(a);
        };
        return new PinningTrust(new KnownCertificates(dir.resolve("known-certs.json")), counted, Clock.systemUTC(), p -> { });
    }

    private CompletableFuture<FtpSession> connect(PinningTrust trust) {
        ConnectionSettings settings = ConnectionSettings.builder(server.host()).port(server.explicitPort())
                .mode(FtpsMode.EXPLICIT).credentials(server.user(), server.password())
                .evaluator(new ServerCertificateEvaluator(List.of(), false, Clock.systemUTC())).trust(trust)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10)).build();
        return bridge.background(() -> FtpSession.open(settings));
    }

    private void waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#certificate-cancel")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void alwaysTrustPersistsAndTheNextConnectionDoesNotAsk(FxRobot robot) throws Exception {
        CompletableFuture<FtpSession> first = connect(newRun());
        waitForDialog(robot);
        robot.clickOn("#certificate-always-trust");
        try (FtpSession session = first.get(10, TimeUnit.SECONDS)) {
            assertTrue(session.isOpen());
        }
        assertEquals(1, asked.get());

        try (FtpSession session = connect(newRun()).get(10, TimeUnit.SECONDS)) {
            assertTrue(session.isOpen());
        }
        assertEquals(1, asked.get(), "the pinned certificate is trusted without asking");
    }

    @Test
    void trustOnceCoversTheTransferConnectionsOfTheSameRun(FxRobot robot) throws Exception {
        PinningTrust trust = newRun();
        CompletableFuture<FtpSession> browse = connect(trust);
        waitForDialog(robot);
        robot.clickOn("#certificate-trust-once");
        try (FtpSession b = browse.get(10, TimeUnit.SECONDS); FtpSession transfer = connect(trust).get(10, TimeUnit.SECONDS)) {
            assertTrue(b.isOpen() && transfer.isOpen());
        }
        assertEquals(1, asked.get());
    }

    @Test
    void cancelRefusesTheConnectionBeforeLogin(FxRobot robot) throws Exception {
        CompletableFuture<FtpSession> refused = connect(newRun());
        waitForDialog(robot);
        robot.clickOn("#certificate-cancel");

        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof UntrustedCertificateException, String.valueOf(e.getCause()));
    }
}
