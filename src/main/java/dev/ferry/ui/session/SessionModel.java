package dev.ferry.ui.session;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.security.ClientCertificateException;
import dev.ferry.security.ClientCertificateLoader;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.connect.PortFollowsMode;

/**
 * The session dialog's state: a property for every field, an inline message for every field that can be wrong,
 * whether the whole form is {@link #validProperty() valid}, and the commands {@link #toResult()} and
 * {@link #testConnection(ServerTrust)}.
 *
 * <p>The port follows the mode (21 Explicit, 990 Implicit) until the user types one. The client certificate is
 * read in the background whenever its file, key file or password changes ("Checking…" meanwhile), and so is the
 * local folder's existence: the FX thread never touches the disk or the network. Used on the FX thread.
 */
public final class SessionModel {
    /** Where "Test connection" stands. */
    public enum TestState {
        /** Not tested yet. */
        IDLE,
        /** Connecting in the background. */
        RUNNING,
        /** Logged in; the result says as whom and how. */
        SUCCEEDED,
        /** Could not connect or log in; the result says why. */
        FAILED
    }

    private final FxBridge bridge;
    private final SessionKind kind;
    private final UnaryOperator<ConnectionSettings.Builder> connectionDefaults;
    private final Clock clock;
    private final ClientCertificateLoader loader = new ClientCertificateLoader();
    private final LatestOnly<CertificateStatus> certificateCheck;
    private final LatestOnly<String> folderCheck;
    private String id = UUID.randomUUID().toString();
    private String siteFolder = "";

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<FtpsMode> mode = new SimpleObjectProperty<>(this, "mode", FtpsMode.EXPLICIT);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port",
            String.valueOf(FtpsMode.EXPLICIT.defaultPort()));
    private final BooleanProperty portTyped = new SimpleBooleanProperty(this, "portTyped", false);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final ObjectProperty<PasswordMode> passwordMode =
            new SimpleObjectProperty<>(this, "passwordMode", PasswordMode.STORED);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty certificateFile = new SimpleStringProperty(this, "certificateFile", "");
    private final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
    private final StringProperty certificatePassword = new SimpleStringProperty(this, "certificatePassword", "");
    private final ObjectProperty<DataConnectionMode> dataMode =
            new SimpleObjectProperty<>(this, "dataMode", DataConnectionMode.PASSIVE);
    private final ObjectProperty<TlsVersion> tlsMinimum = new SimpleObjectProperty<>(this, "tlsMinimum", TlsVersion.TLS_1_2);
    private final StringProperty remoteFolder = new SimpleStringProperty(this, "remoteFolder", "");
    private final StringProperty localFolder = new SimpleStringProperty(this, "localFolder", "");
    private final ObjectProperty<Integer> parallel = new SimpleObjectProperty<>(this, "parallel", 2);
    private final StringProperty encoding = new SimpleStringProperty(this, "encoding", "UTF-8");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper hostError = new ReadOnlyStringWrapper(this, "hostError", "");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper(this, "userError", "");
    private final ReadOnlyStringWrapper certificateError = new ReadOnlyStringWrapper(this, "certificateError", "");
    private final ReadOnlyStringWrapper remoteFolderError = new ReadOnlyStringWrapper(this, "remoteFolderError", "");
    private final ReadOnlyStringWrapper localFolderError = new ReadOnlyStringWrapper(this, "localFolderError", "");
    private final ReadOnlyStringWrapper encodingError = new ReadOnlyStringWrapper(this, "encodingError", "");
    private final ReadOnlyStringWrapper insecureWarning = new ReadOnlyStringWrapper(this, "insecureWarning", "");
    private final ReadOnlyObjectWrapper<CertificateStatus> certificate =
            new ReadOnlyObjectWrapper<>(this, "certificate", CertificateStatus.NONE);
    private final ReadOnlyBooleanWrapper keyFileApplies = new ReadOnlyBooleanWrapper(this, "keyFileApplies", false);
    private final ReadOnlyBooleanWrapper checkingFolder = new ReadOnlyBooleanWrapper(this, "checkingFolder", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyObjectWrapper<TestState> testState = new ReadOnlyObjectWrapper<>(this, "testState", TestState.IDLE);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");

    /**
     * @param connectionDefaults adds what the form does not say to a connection (trust evaluator, timeouts, log)
     */
    public SessionModel(FxBridge bridge, SessionKind kind, UnaryOperator<ConnectionSettings.Builder> connectionDefaults) {
        this(bridge, kind, connectionDefaults, Clock.systemDefaultZone());
    }

    /** As above, with the clock that says whether a client certificate has expired. */
    public SessionModel(FxBridge bridge, SessionKind kind, UnaryOperator<ConnectionSettings.Builder> connectionDefaults,
                        Clock clock) {
        this.bridge = bridge;
        this.kind = kind;
        this.connectionDefaults = connectionDefaults;
        this.clock = clock;
        this.certificateCheck = new LatestOnly<>(bridge, this::certificateChecked,
                error -> certificateChecked(CertificateStatus.failed(Errors.describe("Reading the certificate", error))));
        this.folderCheck = new LatestOnly<>(bridge, this::folderChecked,
                error -> folderChecked(Errors.describe("Looking for the folder", error)));
        PortFollowsMode.bind(mode, port, portTyped);
        for (Observable o : List.of(name, mode, host, port, user, passwordMode, remoteFolder, encoding)) {
            o.addListener(x -> validate());
        }
        for (Observable o : List.of(certificateFile, keyFile, certificatePassword)) {
            o.addListener(x -> checkCertificate());
        }
        localFolder.addListener(x -> checkLocalFolder());
        parallel.addListener((o, was, now) -> {
            if (now == null || now < 1 || now > 10) {
                parallel.set(now == null ? 2 : Math.max(1, Math.min(10, now)));
            }
        });
        validate();
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Fills the form from a saved site, for editing; the secrets come from the vault, if it has them. */
    public void fromSite(Site site, Optional<char[]> sitePassword, Optional<char[]> certificateSecret) {
        id = site.id();
        siteFolder = site.folder();
        name.set(site.name());
        portTyped.set(false);
        mode.set(site.mode());
        if (site.portTyped()) {
            port.set(String.valueOf(site.port()));
        }
        host.set(site.host());
        user.set(site.user());
        passwordMode.set(site.passwordMode());
        password.set(sitePassword.map(String::new).orElse(""));
        certificateFile.set(site.clientCertificate().orElse(""));
        keyFile.set(site.clientKey().orElse(""));
        certificatePassword.set(certificateSecret.map(String::new).orElse(""));
        dataMode.set(site.dataMode());
        tlsMinimum.set(site.tlsMinimum());
        remoteFolder.set(site.remoteFolder());
        localFolder.set(site.localFolder());
        parallel.set(site.parallel());
        encoding.set(site.encoding());
        comment.set(site.comment());
    }

    /** Fills the form from a saved site without secrets. */
    public void fromSite(Site site) {
        fromSite(site, Optional.empty(), Optional.empty());
    }

    /**
     * The form as a site plus its secrets.
     *
     * @throws IllegalStateException when the form is not {@link #validProperty() valid}
     */
    public SessionForm toResult() {
        if (!valid.get()) {
            throw new IllegalStateException("the session form is not valid: " + firstProblem());
        }
        String h = value(host).strip();
        boolean anonymous = passwordMode.get() == PasswordMode.ANONYMOUS;
        Optional<String> certFile = text(certificateFile);
        Optional<String> key = keyFileApplies.get() ? text(keyFile) : Optional.empty();
        Site site = new Site(id, kind.named() ? value(name).strip() : h, siteFolder, mode.get(), h,
                Integer.parseInt(value(port).strip()), portTyped.get(), anonymous ? "anonymous" : value(user).strip(),
                passwordMode.get(), certFile, key, dataMode.get(), tlsMinimum.get(), value(remoteFolder).strip(),
                value(localFolder).strip(), parallel.get(), value(encoding).strip(), value(comment).strip());
        Optional<char[]> loginSecret = passwordMode.get() == PasswordMode.STORED
                ? Optional.of(value(password).toCharArray()) : Optional.empty();
        Optional<char[]> certificateSecret = certFile.isPresent() && !value(certificatePassword).isEmpty()
                ? Optional.of(value(certificatePassword).toCharArray()) : Optional.empty();
        return new SessionForm(site, loginSecret, certificateSecret, certificate.get().credentials());
    }

    /** Connects with the form in the background and says how it went in {@link #testResultProperty()}. */
    public void testConnection(ServerTrust trust) {
        testConnection(trust, Optional.empty());
    }

    /**
     * Connects with the form in the background (open, then close) and says how it went in
     * {@link #testResultProperty()}.
     *
     * @param askedPassword the password to use when the site asks for it each time ({@link PasswordMode#ASK})
     */
    public void testConnection(ServerTrust trust, Optional<char[]> askedPassword) {
        if (testState.get() == TestState.RUNNING) {
            return;
        }
        if (!valid.get()) {
            report(TestState.FAILED, certificate.get().state() == CertificateStatus.State.CHECKING || checkingFolder.get()
                    ? "Still checking the form; try again in a moment." : "Correct this first: " + firstProblem());
            return;
        }
        SessionForm form = toResult();
        Optional<String> secret = askedPassword.map(String::new).or(form::loginPassword);
        if (secret.isEmpty()) {
            report(TestState.FAILED, "Enter the password to test the connection.");
            return;
        }
        ConnectionSettings base = connectionDefaults.apply(SessionConnection.settings(form, secret.get())).build();
        GreetingLog greeting = new GreetingLog(base.log());
        ConnectionSettings settings = base.toBuilder().trust(trust).log(greeting).build();
        report(TestState.RUNNING, "Connecting to " + settings.host() + ":" + settings.port() + "…");
        bridge.run(() -> {
            try (FtpSession session = FtpSession.open(settings)) {
                return TestReport.connected(settings.user(), greeting.greeting(),
                        session.serverCertificate().map(ServerCertificate::tlsProtocol));
            }
        }, words -> report(TestState.SUCCEEDED, words),
                error -> report(TestState.FAILED, TestReport.failed(settings.host(), settings.port(), error)));
    }

    // ---- the fields -------------------------------------------------------------------------------

    public SessionKind kind() {
        return kind;
    }

    /** The site's name in the site manager (saved sites only). */
    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<FtpsMode> modeProperty() {
        return mode;
    }

    public StringProperty hostProperty() {
        return host;
    }

    /** The port as typed; it follows the mode until the user types one. */
    public StringProperty portProperty() {
        return port;
    }

    /** Whether the user typed the port, so that the mode leaves it alone. */
    public BooleanProperty portTypedProperty() {
        return portTyped;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<PasswordMode> passwordModeProperty() {
        return passwordMode;
    }

    /** The login password; used when the password mode is {@link PasswordMode#STORED}. Never logged. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** A PKCS#12 or PEM client certificate file, or "" for none. */
    public StringProperty certificateFileProperty() {
        return certificateFile;
    }

    /** The PEM key file when the key is not in the certificate file, or "". */
    public StringProperty keyFileProperty() {
        return keyFile;
    }

    /** The password of the PKCS#12 file or of the encrypted key, or "". Never logged. */
    public StringProperty certificatePasswordProperty() {
        return certificatePassword;
    }

    public ObjectProperty<DataConnectionMode> dataModeProperty() {
        return dataMode;
    }

    public ObjectProperty<TlsVersion> tlsMinimumProperty() {
        return tlsMinimum;
    }

    /** The remote folder to open after login, or "" for the server's home folder. */
    public StringProperty remoteFolderProperty() {
        return remoteFolder;
    }

    /** The local folder to show after login, or "" to stay where the pane is. */
    public StringProperty localFolderProperty() {
        return localFolder;
    }

    /** Transfers at once, 1 to 10. */
    public ObjectProperty<Integer> parallelProperty() {
        return parallel;
    }

    /** The server's file name encoding, such as UTF-8. */
    public StringProperty encodingProperty() {
        return encoding;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    // ---- what the view shows ----------------------------------------------------------------------

    /** Why the name cannot be used, or "". */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userErrorProperty() {
        return userError.getReadOnlyProperty();
    }

    /** Why the client certificate cannot be used ("Wrong password", "Expired on …"), or "". */
    public ReadOnlyStringProperty certificateErrorProperty() {
        return certificateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remoteFolderErrorProperty() {
        return remoteFolderError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localFolderErrorProperty() {
        return localFolderError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty encodingErrorProperty() {
        return encodingError.getReadOnlyProperty();
    }

    /** What plain FTP exposes, while the mode is plain FTP; else "". */
    public ReadOnlyStringProperty insecureWarningProperty() {
        return insecureWarning.getReadOnlyProperty();
    }

    /** The client certificate: none, checking, loaded (subject and expiry) or failed (why). */
    public ReadOnlyObjectProperty<CertificateStatus> certificateProperty() {
        return certificate.getReadOnlyProperty();
    }

    /** Whether a separate key file makes sense (a PEM certificate, not a PKCS#12 file). */
    public ReadOnlyBooleanProperty keyFileAppliesProperty() {
        return keyFileApplies.getReadOnlyProperty();
    }

    /** Whether every field is usable and no check is running: Save and Connect wait for it. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    /** How the last "Test connection" went, in words, or "". */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    // ---- checking ---------------------------------------------------------------------------------

    private void validate() {
        nameError.set(kind.named() && value(name).isBlank() ? "Enter a name for the site." : "");
        hostError.set(HostCheck.problem(value(host)));
        portError.set(portProblem(value(port)));
        userError.set(passwordMode.get() != PasswordMode.ANONYMOUS && value(user).isBlank()
                ? "Enter the user name, or choose Anonymous." : "");
        remoteFolderError.set(value(remoteFolder).chars().anyMatch(Character::isISOControl)
                ? "A folder name cannot contain line breaks or other control characters." : "");
        encodingError.set(encodingProblem(value(encoding)));
        insecureWarning.set(mode.get() == FtpsMode.PLAIN
                ? "Insecure: plain FTP sends the password and every file unencrypted, for anyone on the way to read."
                : "");
        certificateError.set(certificate.get().error());
        valid.set(firstProblem().isEmpty() && certificate.get().state() != CertificateStatus.State.CHECKING
                && !checkingFolder.get());
    }

    private String firstProblem() {
        for (ReadOnlyStringWrapper e : List.of(nameError, hostError, portError, userError, certificateError,
                remoteFolderError, localFolderError, encodingError)) {
            if (!e.get().isEmpty()) {
                return e.get();
            }
        }
        return "";
    }

    private void checkCertificate() {
        String file = value(certificateFile).strip();
        String lower = file.toLowerCase(Locale.ROOT);
        keyFileApplies.set(!file.isEmpty() && !lower.endsWith(".p12") && !lower.endsWith(".pfx"));
        if (file.isEmpty()) {
            certificateCheck.cancel();
            certificate.set(value(keyFile).isBlank() ? CertificateStatus.NONE
                    : CertificateStatus.failed("Choose the certificate file that goes with this key"));
            validate();
            return;
        }
        Path cert;
        Optional<Path> key;
        try {
            cert = Path.of(file);
            key = keyFileApplies.get() ? text(keyFile).map(Path::of) : Optional.empty();
        } catch (InvalidPathException e) {
            certificateCheck.cancel();
            certificate.set(CertificateStatus.failed("Not a file name: " + e.getInput()));
            validate();
            return;
        }
        char[] secret = value(certificatePassword).toCharArray();
        certificate.set(CertificateStatus.CHECKING);
        validate();
        certificateCheck.submit(() -> {
            try {
                return CertificateWords.of(loader.load(cert, key,
                        secret.length == 0 ? Optional.empty() : Optional.of(secret)), clock);
            } catch (ClientCertificateException e) {
                return CertificateWords.of(e);
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
    }

    private void certificateChecked(CertificateStatus status) {
        certificate.set(status);
        validate();
    }

    private void checkLocalFolder() {
        String folder = value(localFolder).strip();
        if (folder.isEmpty()) {
            folderCheck.cancel();
            folderChecked("");
            return;
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            folderCheck.cancel();
            folderChecked("Not a folder name: " + e.getReason() + ".");
            return;
        }
        if (!path.isAbsolute()) {
            folderCheck.cancel();
            folderChecked("Enter the whole path, such as " + Path.of(System.getProperty("user.home")) + ".");
            return;
        }
        checkingFolder.set(true);
        validate();
        folderCheck.submit(() -> Files.isDirectory(path) ? ""
                : Files.exists(path) ? "This is a file, not a folder." : "There is no such folder on this computer.");
    }

    private void folderChecked(String problem) {
        checkingFolder.set(false);
        localFolderError.set(problem);
        validate();
    }

    private void report(TestState state, String words) {
        testState.set(state);
        testResult.set(words);
    }

    private static String portProblem(String text) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) {
                return "";
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return "The port must be a number from 1 to 65535.";
    }

    private static String encodingProblem(String text) {
        String e = text.strip();
        if (e.isEmpty()) {
            return "Choose an encoding; UTF-8 suits almost every server.";
        }
        try {
            return Charset.isSupported(e) ? "" : "Java does not know the encoding \"" + e + "\".";
        } catch (IllegalCharsetNameException x) {
            return "\"" + e + "\" is not the name of an encoding.";
        }
    }

    private static Optional<String> text(StringProperty p) {
        return Optional.of(value(p).strip()).filter(s -> !s.isEmpty());
    }

    private static String value(StringProperty p) {
        return p.get() == null ? "" : p.get();
    }
}
