package dev.ferry.ui.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.ferry.security.KnownCertificate;
import dev.ferry.security.KnownCertificates;
import dev.ferry.testsupport.TestPki;
import dev.ferry.ui.FxBridge;

@ExtendWith(ApplicationExtension.class)
class KnownCertificatesPaneTest {
    private final FxBridge bridge = new FxBridge();
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

    private KnownCertificates store() {
        return new KnownCertificates(dir.resolve("known-certs.json"));
    }

    private void pin(int port) throws Exception {
        var presented = CertificateDialogTest.presented(TestPki.selfSigned(TestPki.spec("localhost").loopback()), "localhost");
        var pin = KnownCertificate.of(presented, Instant.now());
        store().pin(new KnownCertificate(pin.host(), port, pin.sha256(), pin.subject(), pin.issuer(), pin.notAfter(),
                pin.trustedAt()));
    }

    @Test
    void removingAnEntryForgetsItOnDisk(FxRobot robot) throws Exception {
        pin(21);
        pin(990);
        KnownCertificatesModel model = new KnownCertificatesModel(bridge, store());
        robot.interact(() -> KnownCertificatesPane.showDialog(stage, model));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.certificates().size() == 2);

        robot.clickOn("localhost:21");
        robot.clickOn("#known-certificates-remove");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.certificates().size() == 1);

        assertEquals(990, store().list().get(0).port());
    }

    @Test
    void aCorruptFileIsShownInWordsAndKept(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("known-certs.json"), "[oops");
        KnownCertificatesModel model = new KnownCertificatesModel(bridge, store());
        robot.interact(() -> KnownCertificatesPane.showDialog(stage, model));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model.problemProperty().get().isEmpty());

        String shown = robot.lookup("#known-certificates-problem").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("known-certs.json could not be read"), shown);
        assertEquals("[oops", Files.readString(dir.resolve("known-certs.json")));
    }
}
