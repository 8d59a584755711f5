package dev.ferry.ui.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.security.KnownCertificate;
import dev.ferry.security.TrustAnswer;
import dev.ferry.security.TrustAssessment;
import dev.ferry.testsupport.TestPki;
import dev.ferry.ui.FxBridge;

@ExtendWith(ApplicationExtension.class)
class CertificateDialogTest {
    private static final TestPki.Issued ROOT = TestPki.selfSigned(TestPki.spec("Dialog Root CA").ca());
    private static final TestPki.Issued INTERMEDIATE = TestPki.issue(ROOT, TestPki.spec("Dialog Intermediate CA").ca());

    private final FxBridge bridge = new FxBridge();
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new dev.ferry.ui.Theme(bridge).apply(dev.ferry.app.ThemeMode.LIGHT);
        stage.setScene(new Scene(new Label("owner"), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeBridge() {
        bridge.close();
    }

    static ServerCertificate presented(TestPki.Issued issued, String host, X509Certificate... authorities) {
        ServerCertificateEvaluator evaluator = new ServerCertificateEvaluator(List.of(authorities), false, Clock.systemUTC());
        return new ServerCertificate(host, 2121, issued.chain(), "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                evaluator.evaluate(issued.chain(), host));
    }

    private static ServerCertificate expired() {
        return presented(TestPki.issue(INTERMEDIATE, TestPki.spec("localhost").loopback().expired()), "localhost",
                ROOT.certificate());
    }

    private CompletableFuture<TrustAnswer> ask(TrustAssessment assessment) {
        CompletableFuture<TrustAnswer> answer = new DialogTrustQuestion(bridge, () -> stage, Clock.systemUTC()).ask(assessment);
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private static TrustAnswer answer(CompletableFuture<TrustAnswer> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void trustOnceAnswersTrustOnce(FxRobot robot) throws Exception {
        CompletableFuture<TrustAnswer> future = ask(TrustAssessment.of(expired(), Optional.empty()));
        robot.clickOn("#certificate-trust-once");
        assertEquals(TrustAnswer.TRUST_ONCE, answer(future));
    }

    @Test
    void alwaysTrustAnswersAlwaysTrust(FxRobot robot) throws Exception {
        CompletableFuture<TrustAnswer> future = ask(TrustAssessment.of(expired(), Optional.empty()));
        robot.clickOn("#certificate-always-trust");
        assertEquals(TrustAnswer.ALWAYS_TRUST, answer(future));
    }

    @Test
    void cancelAnswersCancel(FxRobot robot) throws Exception {
        CompletableFuture<TrustAnswer> future = ask(TrustAssessment.of(expired(), Optional.empty()));
        robot.clickOn("#certificate-cancel");
        assertEquals(TrustAnswer.CANCEL, answer(future));
    }

    @Test
    void escapeCancels(FxRobot robot) throws Exception {
        CompletableFuture<TrustAnswer> future = ask(TrustAssessment.of(expired(), Optional.empty()));
        robot.type(KeyCode.ESCAPE);
        assertEquals(TrustAnswer.CANCEL, answer(future));
    }

    @Test
    void enterNeverTrusts(FxRobot robot) throws Exception {
        CompletableFuture<TrustAnswer> future = ask(TrustAssessment.of(expired(), Optional.empty()));
        robot.type(KeyCode.ENTER);
        assertEquals(TrustAnswer.CANCEL, answer(future));
    }

    @Test
    void theTrustButtonsHaveMnemonicsAltOAndAltA(FxRobot robot) {
        ask(TrustAssessment.of(expired(), Optional.empty()));
        javafx.scene.control.Button once = robot.lookup("#certificate-trust-once").queryButton();
        javafx.scene.control.Button always = robot.lookup("#certificate-always-trust").queryButton();
        assertTrue(once.isMnemonicParsing() && once.getText().equals("Trust _once"), once.getText());
        assertTrue(always.isMnemonicParsing() && always.getText().equals("_Always trust"), always.getText());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void anExpiredCertificateShowsTheProblemFirstAndTheDaysSinceItExpired(FxRobot robot) {
        ask(TrustAssessment.of(expired(), Optional.empty()));

        assertEquals("The certificate of localhost:2121 is not trusted", text(robot, "#certificate-headline"));
        assertTrue(robot.lookup("#certificate-problems").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 1);
        assertTrue(robot.lookup("The certificate has expired").tryQuery().isPresent());
        assertTrue(text(robot, "#certificate-validity").contains("(expired 30 days ago)"), text(robot, "#certificate-validity"));
        assertTrue(text(robot, "#certificate-tls").equals("TLSv1.3, TLS_AES_256_GCM_SHA384"));
        assertTrue(text(robot, "#certificate-names").contains("localhost") && text(robot, "#certificate-names").contains("127.0.0.1"));
        assertTrue(text(robot, "#certificate-key").startsWith("RSA "), text(robot, "#certificate-key"));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void selectingACertificateInTheChainShowsItsFields(FxRobot robot) {
        ask(TrustAssessment.of(expired(), Optional.empty()));
        assertTrue(text(robot, "#certificate-subject").contains("CN=localhost"));

        @SuppressWarnings("unchecked")
        TreeView<Integer> tree = robot.lookup("#certificate-chain").queryAs(TreeView.class);
        TreeItem<Integer> root = tree.getRoot();
        assertEquals(2, root.getValue(), "the root of the three-level chain is on top");
        robot.interact(() -> tree.getSelectionModel().select(root));

        assertTrue(text(robot, "#certificate-subject").contains("CN=Dialog Root CA"), text(robot, "#certificate-subject"));
        assertTrue(text(robot, "#certificate-sha256").replace("\n", "")
                .equals(dev.ferry.security.Fingerprints.sha256(ROOT.certificate())));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aChangedCertificateShowsTheOldAndNewFingerprintsSideBySide(FxRobot robot) {
        ServerCertificate before = presented(TestPki.selfSigned(TestPki.spec("localhost").loopback()), "localhost");
        ServerCertificate now = presented(TestPki.selfSigned(TestPki.spec("localhost").loopback()), "localhost");
        KnownCertificate pin = KnownCertificate.of(before, Instant.now().minus(Duration.ofDays(40)));

        ask(TrustAssessment.of(now, Optional.of(pin)));

        assertTrue(text(robot, "#certificate-headline").startsWith("Warning: the certificate of localhost:2121 has changed"));
        assertEquals(before.sha256Fingerprint(), text(robot, "#certificate-old-fingerprint").replace("\n", ""));
        assertEquals(now.sha256Fingerprint(), text(robot, "#certificate-new-fingerprint").replace("\n", ""));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void viewingATrustedSessionsCertificateOffersOnlyClose(FxRobot robot) {
        ServerCertificate good = presented(TestPki.issue(ROOT, TestPki.spec("localhost").loopback()), "localhost",
                ROOT.certificate());
        robot.interact(() -> new CertificateDialog(stage, new CertificateViewModel(
                TrustAssessment.of(good, Optional.empty()), CertificateViewModel.Purpose.VIEW, Clock.systemUTC())).show());

        assertEquals("The certificate of localhost:2121 is trusted", text(robot, "#certificate-headline"));
        assertTrue(robot.lookup("#certificate-cancel").queryButton().getText().equals("Close"));
        assertFalse(robot.lookup("#certificate-trust-once").tryQuery().isPresent());
        assertFalse(robot.lookup("#certificate-problems").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }
}
