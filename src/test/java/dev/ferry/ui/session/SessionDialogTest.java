package dev.ferry.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.TestPki;

@ExtendWith(ApplicationExtension.class)
class SessionDialogTest {
    static final TestPki.Issued CA = TestPki.selfSigned(TestPki.spec("Session Test CA").ca());
    static final TestPki.Issued ALICE = TestPki.issue(CA, TestPki.spec("alice"));

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    Path dir;

    private Stage stage;
    private SessionHarness h;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SessionHarness.showOwner(stage);
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private SessionHarness open(FxRobot robot, SessionKind kind) {
        h = new SessionHarness(stage, robot).open(kind, server);
        return h;
    }

    @SuppressWarnings("unchecked")
    private void chooseMode(FxRobot robot, FtpsMode mode) {
        ComboBox<FtpsMode> combo = robot.lookup("#session-mode").queryAs(ComboBox.class);
        robot.interact(() -> combo.getSelectionModel().select(mode));
    }

    // ---- port and mode ----------------------------------------------------------------------------

    @Test
    void thePortFollowsTheModeUntilTheUserTypesOne(FxRobot robot) {
        open(robot, SessionKind.NEW_SITE);
        assertEquals("21", h.field("#session-port").getText());
        chooseMode(robot, FtpsMode.IMPLICIT);
        assertEquals("990", h.field("#session-port").getText());
        h.type("#session-port", "2121");
        chooseMode(robot, FtpsMode.EXPLICIT);
        assertEquals("2121", h.field("#session-port").getText());
        chooseMode(robot, FtpsMode.IMPLICIT);
        assertEquals("2121", h.field("#session-port").getText());
    }

    @Test
    void plainFtpIsShownAsInsecureWithAWarning(FxRobot robot) {
        open(robot, SessionKind.QUICK_CONNECT);
        assertFalse(h.shows("#session-insecure"));
        chooseMode(robot, FtpsMode.PLAIN);
        assertEquals("FTP — insecure", robot.lookup("#session-mode").queryComboBox().getButtonCell().getText());
        assertTrue(h.shows("#session-insecure"));
        assertTrue(h.text("#session-insecure").contains("unencrypted"), h.text("#session-insecure"));
    }

    // ---- inline validation ------------------------------------------------------------------------

    @Test
    void aHostWithASpaceIsRefusedInlineAndSaveStaysDisabled(FxRobot robot) {
        open(robot, SessionKind.QUICK_CONNECT);
        h.type("#session-host", "ftp example.org");
        assertTrue(h.shows("#session-host-error"));
        assertTrue(h.text("#session-host-error").contains("not a host name"), h.text("#session-host-error"));
        assertTrue(h.button("#session-accept").isDisabled());
    }

    @Test
    void anEmptyHostIsRefusedOnceTheFieldWasLeft(FxRobot robot) {
        open(robot, SessionKind.QUICK_CONNECT);
        assertFalse(h.shows("#session-host-error"), "no message before the user did anything");
        robot.clickOn("#session-user");
        assertTrue(h.shows("#session-host-error"));
        assertTrue(h.text("#session-host-error").startsWith("Enter the server's host name"));
        assertTrue(h.button("#session-accept").isDisabled());
    }

    @Test
    void aPortOutsideOneTo65535IsRefusedInline(FxRobot robot) {
        open(robot, SessionKind.QUICK_CONNECT);
        h.paste("#session-host", "ftp.example.org");
        h.type("#session-port", "70000");
        assertTrue(h.shows("#session-port-error"));
        assertEquals("The port must be a number from 1 to 65535.", h.text("#session-port-error"));
        assertTrue(h.button("#session-accept").isDisabled());
    }

    @Test
    void anEmptyUserIsRefusedUnlessTheLoginIsAnonymous(FxRobot robot) {
        open(robot, SessionKind.QUICK_CONNECT);
        h.paste("#session-host", "ftp.example.org");
        h.type("#session-user", "ann");
        h.type("#session-user", "");
        assertTrue(h.shows("#session-user-error"));
        assertTrue(h.button("#session-accept").isDisabled());
        robot.clickOn("#session-password-anonymous");
        assertFalse(h.shows("#session-user-error"));
        assertFalse(h.button("#session-accept").isDisabled());
    }

    @Test
    void aSiteWithoutANameIsRefusedInline(FxRobot robot) {
        open(robot, SessionKind.NEW_SITE);
        h.type("#session-name", "x");
        h.type("#session-name", "");
        assertTrue(h.shows("#session-name-error"));
        assertEquals("Enter a name for the site.", h.text("#session-name-error"));
    }

    @Test
    void aLocalFolderThatDoesNotExistIsRefusedInline(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        h.paste("#session-local-folder", dir.resolve("nowhere").toString());
        SessionHarness.await(() -> h.shows("#session-local-folder-error"), "the local folder message");
        assertEquals("There is no such folder on this computer.", h.text("#session-local-folder-error"));
        h.paste("#session-local-folder", dir.toString());
        SessionHarness.await(() -> !h.shows("#session-local-folder-error"), "the message to go");
    }

    @Test
    void anUnknownEncodingIsRefusedInline(FxRobot robot) {
        open(robot, SessionKind.QUICK_CONNECT);
        robot.interact(() -> h.model.encodingProperty().set("klingon-8"));
        robot.interact(() -> h.dialog.revealProblems());
        assertTrue(h.shows("#session-encoding-error"));
        assertTrue(h.text("#session-encoding-error").contains("klingon-8"), h.text("#session-encoding-error"));
    }

    @Test
    void enterOnAnIncompleteFormShowsEveryProblemAndDoesNotClose(FxRobot robot) {
        open(robot, SessionKind.NEW_SITE);
        robot.clickOn("#session-name");
        robot.type(KeyCode.ENTER);
        assertTrue(h.dialog.isShowing());
        assertTrue(h.shows("#session-name-error"));
        assertTrue(h.shows("#session-host-error"));
        assertTrue(h.shows("#session-user-error"));
    }

    @Test
    void aCompleteFormEnablesSaveAndEnterReturnsTheSiteWithItsPasswordApart(FxRobot robot) throws Exception {
        open(robot, SessionKind.NEW_SITE);
        h.type("#session-name", "Work");
        h.type("#session-host", "ftp.example.org");
        h.type("#session-user", "ann");
        h.type("#session-password", "s3cret");
        robot.clickOn("#session-active");
        h.type("#session-remote-folder", "/pub");
        assertFalse(h.button("#session-accept").isDisabled());
        robot.type(KeyCode.ENTER);
        SessionHarness.await(() -> !h.dialog.isShowing(), "the dialog to close");
        SessionForm form = h.dialog.getResult();
        Site site = form.site();
        assertEquals("Work", site.name());
        assertEquals("ftp.example.org", site.host());
        assertEquals(21, site.port());
        assertFalse(site.portTyped());
        assertEquals("ann", site.user());
        assertEquals(PasswordMode.STORED, site.passwordMode());
        assertEquals(DataConnectionMode.ACTIVE, site.dataMode());
        assertEquals("/pub", site.remoteFolder());
        assertEquals("s3cret", new String(form.password().orElseThrow()));
        assertEquals(Optional.empty(), form.certificatePassword());
    }

    @Test
    void editingASiteShowsItsFieldsAndKeepsItsId(FxRobot robot) throws Exception {
        open(robot, SessionKind.EDIT_SITE);
        Site saved = new Site("id-1", "Backup", "Clients", FtpsMode.IMPLICIT, "backup.example.org", 10990, true,
                "bob", PasswordMode.ASK, Optional.empty(), Optional.empty(), DataConnectionMode.PASSIVE,
                TlsVersion.TLS_1_3, "/in", "", 4, "ISO-8859-1", "nightly");
        robot.interact(() -> h.model.fromSite(saved));
        assertEquals("10990", h.field("#session-port").getText());
        assertEquals("backup.example.org", h.field("#session-host").getText());
        assertTrue(robot.lookup("#session-password").queryAs(javafx.scene.Node.class).isDisabled());
        SessionHarness.await(() -> h.model.validProperty().get(), "the form to be valid");
        Site again = h.model.toResult().site();
        assertEquals(saved, again);
    }

    // ---- client certificate -----------------------------------------------------------------------

    @Test
    void aLoadedCertificateShowsItsSubjectAndExpiry(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        Path p12 = ALICE.writePkcs12(dir.resolve("alice.p12"), "right");
        h.paste("#session-cert-password", "right");
        h.paste("#session-cert-file", p12.toString());
        h.awaitCertificate(CertificateStatus.State.LOADED);
        String status = h.text("#session-cert-status");
        assertTrue(status.contains("CN=alice") && status.contains(" · expires "), status);
        assertTrue(status.contains("days)"), status);
    }

    @Test
    void aWrongCertificatePasswordSaysWrongPassword(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        Path p12 = ALICE.writePkcs12(dir.resolve("alice.p12"), "right");
        h.paste("#session-cert-file", p12.toString());
        h.type("#session-cert-password", "wrong");
        h.awaitCertificate(CertificateStatus.State.FAILED);
        assertEquals("Wrong password", h.text("#session-cert-status"));
        assertTrue(h.button("#session-accept").isDisabled());
    }

    @Test
    void aKeyOfAnotherCertificateSaysKeyDoesNotMatch(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        TestPki.Issued other = TestPki.issue(CA, TestPki.spec("mallory").freshKey());
        TestPki.Issued mine = TestPki.issue(CA, TestPki.spec("alice").freshKey());
        h.paste("#session-cert-file", mine.writeCertificatePem(dir.resolve("alice.crt")).toString());
        assertFalse(robot.lookup("#session-key-file").queryAs(javafx.scene.Node.class).isDisabled(),
                "a PEM certificate takes a key file");
        h.paste("#session-key-file", other.writeKeyPem(dir.resolve("mallory.key")).toString());
        SessionHarness.await(() -> h.text("#session-cert-status").equals("Key does not match certificate"),
                "the key mismatch to be reported");
        assertTrue(h.button("#session-accept").isDisabled());
    }

    @Test
    void anExpiredCertificateSaysExpired(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        TestPki.Issued old = TestPki.issue(CA, TestPki.spec("old").expired());
        h.paste("#session-cert-file", old.writePkcs12(dir.resolve("old.p12"), "pw").toString());
        h.paste("#session-cert-password", "pw");
        SessionHarness.await(() -> h.text("#session-cert-status").startsWith("Expired on "),
                "the certificate to be reported expired");
        assertTrue(h.button("#session-accept").isDisabled());
    }

    @Test
    void aFileThatIsNoCertificateSaysSo(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.pem"), "just some notes\n");
        h.paste("#session-cert-file", text.toString());
        h.awaitCertificate(CertificateStatus.State.FAILED);
        assertEquals("Not a certificate file", h.text("#session-cert-status"));
    }

    // ---- test connection --------------------------------------------------------------------------

    @Test
    void testConnectionReportsTheLoginInWords(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        h.fillLogin(server, server.explicitPort(), server.password());
        robot.clickOn("#session-test");
        h.awaitTest();
        String result = h.text("#session-test-result");
        assertEquals(SessionModel.TestState.SUCCEEDED, h.model.testStateProperty().get(), result);
        assertTrue(result.startsWith("Connected: logged in as ferry, server says '"), result);
        assertTrue(result.matches(".*, TLS 1\\.[23]"), result);
        assertTrue(h.dialog.isShowing(), "testing does not close the dialog");
    }

    @Test
    void testConnectionWithAWrongPasswordReportsTheLoginRefusal(FxRobot robot) throws Exception {
        open(robot, SessionKind.QUICK_CONNECT);
        h.fillLogin(server, server.explicitPort(), "not-the-password");
        robot.clickOn("#session-test");
        h.awaitTest();
        String result = h.text("#session-test-result");
        assertEquals(SessionModel.TestState.FAILED, h.model.testStateProperty().get(), result);
        assertTrue(result.startsWith("Login refused: 530 "), result);
    }

    @Test
    void testConnectionToAClosedPortSaysItCouldNotReachTheServer(FxRobot robot) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        open(robot, SessionKind.QUICK_CONNECT);
        h.fillLogin(server, closed, "x");
        robot.clickOn("#session-test");
        h.awaitTest();
        assertEquals("Could not reach 127.0.0.1:" + closed + ": connection refused.", h.text("#session-test-result"));
    }
}
