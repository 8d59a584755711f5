package dev.ferry.app;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import dev.ferry.engine.FtpSession;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.fs.LocalFileSource;
import dev.ferry.ui.Theme;
import dev.ferry.ui.commander.CommanderModel;
import dev.ferry.ui.commander.CommanderWindow;
import dev.ferry.ui.commander.TransferDefaults;
import dev.ferry.ui.connect.ConnectRequest;
import dev.ferry.ui.connect.QuickConnectModel;
import dev.ferry.ui.log.LogPanel;
import dev.ferry.ui.pane.EntryOrder;
import dev.ferry.ui.pane.FilePane;
import dev.ferry.ui.queue.QueuePanel;
import dev.ferry.ui.queue.QueueViewModel;
import dev.ferry.ui.session.SessionLauncher;
import dev.ferry.ui.trust.DialogTrustQuestion;
import dev.ferry.ui.trust.TrustMenu;
import dev.ferry.security.KnownCertificates;
import dev.ferry.security.PinningTrust;

/**
 * Puts the commander window on a stage and keeps it in step with the settings: size and place, dividers,
 * columns and sort, hidden files, last local folder, transfer defaults.
 */
public final class MainWindow {
    private final AppContext context;
    private final Stage stage;
    private final CommanderModel model;
    private final CommanderWindow window;
    private final QueueViewModel queueModel;
    private java.util.concurrent.CompletableFuture<ThemeMode> themeReady;
    private final QuickConnectModel quickConnect = new QuickConnectModel();

    public MainWindow(AppContext context, Stage stage) {
        this.context = context;
        this.stage = stage;
        Settings s = context.settings();
        PinningTrust trust = new PinningTrust(new KnownCertificates(context.paths().knownCertificatesFile()),
                new DialogTrustQuestion(context.bridge(), () -> stage, Clock.systemUTC()), Clock.systemUTC(),
                problem -> context.log().error(problem));
        ServerCertificateEvaluator evaluator = new ServerCertificateEvaluator(List.of(), true, Clock.systemUTC());
        CommanderModel.SettingsFactory settingsFactory = (ConnectRequest r, ProtocolLog log) ->
                r.settingsBuilder().evaluator(evaluator).trust(trust).log(log)
                        .connectTimeout(Duration.ofSeconds(15)).readTimeout(Duration.ofSeconds(30)).build();
        Optional<String> start = s.lastLocalFolder().isBlank() ? Optional.empty() : Optional.of(s.lastLocalFolder());
        model = new CommanderModel(context.bridge(), context.queue(), new LocalFileSource(), start, settingsFactory,
                FtpSession::open, label -> context.log().forConnection(label));
        queueModel = new QueueViewModel(context.queue(), context.bridge());
        QueuePanel queuePanel = new QueuePanel(queueModel);
        LogPanel logPanel = new LogPanel(context.log());
        TransferDefaults defaults = new TransferDefaults();
        window = new CommanderWindow(model, quickConnect, defaults, queuePanel, logPanel);
        window.setParallel(s.parallelTransfers());
        window.bindQueueSummary(queueModel.summaryProperty(), queueModel.overallProgressProperty());
        restore(s, defaults);
        remember(defaults);

        Scene scene = new Scene(window, s.window().width(), s.window().height());
        Theme theme = new Theme(context.bridge());
        themeReady = theme.apply(s.theme());
        Theme.addStylesheet(scene);
        SessionLauncher sessions = new SessionLauncher(context.bridge(), trust, b -> b.evaluator(evaluator)
                .log(context.log().forConnection("test")).connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(30)));
        Runnable newSession = () -> sessions.quickConnect(stage)
                .ifPresent(session -> model.connect(session.request(), session.parallel()));
        TrustMenu certificates = new TrustMenu(stage, context.bridge(), trust, Clock.systemUTC(),
                () -> Optional.ofNullable(model.connectedProperty().get()).flatMap(r -> trust.lastSeen(r.host(), r.port())),
                model.connectedProperty().isNotNull(), problem -> context.log().error(problem));
        SavedSites sites = new SavedSites(stage, context, model, trust, b -> b.evaluator(evaluator)
                .log(context.log().forConnection("test")).connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(30)));
        window.setOnSites(sites::open);
        sites.whenRead(firstRun -> window.remotePane().setPlaceholderAction(
                firstRun ? "Try the local demo server" : "Open saved sites", firstRun ? sites::tryDemo : sites::open));
        window.addToolbarItems(newSessionButton(newSession), certificates.button(), themeMenu(theme, s.theme()), helpMenu());
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/ferry/ui/commander/commander.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> window.connectBar().focusHost());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), newSession);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), sites::open);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit);
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        stage.setScene(scene);
        WindowIcons.applyTo(stage);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            ConnectRequest r = model.connectedProperty().get();
            String suffix = queueModel.titleSuffixProperty().get();
            return (suffix == null || suffix.isBlank() ? "" : suffix + " · ") + "Ferry"
                    + (r == null ? "" : " — " + sites.title(r));
        }, model.connectedProperty(), queueModel.titleSuffixProperty()));
        placeWindow(s.window());
        stage.setOnHidden(e -> close());
        queueModel.start();
        for (String problem : context.startupProblems()) {
            model.local().fail(problem);
        }
    }

    public CommanderWindow window() {
        return window;
    }

    public CommanderModel model() {
        return model;
    }

    QueueViewModel queueModel() {
        return queueModel;
    }

    /**
     * Closes the window (Ctrl+Q, or the window's close button), after asking when transfers are unfinished:
     * those stop and continue at the next start.
     */
    public void quit() {
        int unfinished = queueModel.unfinishedItems();
        if (unfinished == 0 || QuitQuestion.confirm(stage, unfinished)) {
            stage.close();
        }
    }

    /** Shows the window once the theme is in place (so it does not flash light, then dark). */
    public void show() {
        themeReady.completeOnTimeout(ThemeMode.LIGHT, 2, java.util.concurrent.TimeUnit.SECONDS)
                .whenComplete((mode, error) -> context.bridge().fx(() -> {
                    stage.show();
                    window.localPane().focusTable();
                }));
    }

    private javafx.scene.Node helpMenu() {
        javafx.scene.control.MenuButton help = new javafx.scene.control.MenuButton(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.HELP_OUTLINE));
        help.setId("help-menu");
        help.getStyleClass().add("flat");
        help.setFocusTraversable(false);
        javafx.scene.control.MenuItem about = new javafx.scene.control.MenuItem("About Ferry");
        about.setId("about");
        about.setOnAction(e -> dev.ferry.ui.AboutDialog.show(stage, context.bridge(), Launcher.version()));
        help.getItems().add(about);
        return help;
    }

    /** "New session…": the session dialog for a connection made now (Ctrl+Shift+N). */
    private static javafx.scene.Node newSessionButton(Runnable open) {
        javafx.scene.control.Button button = new javafx.scene.control.Button("New session…",
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.ADD_CIRCLE_OUTLINE));
        button.setId("new-session");
        button.getStyleClass().add("flat");
        button.setFocusTraversable(false);
        button.setTooltip(new javafx.scene.control.Tooltip(
                "Connect with every option: client certificate, active mode, start folders (Ctrl+Shift+N)"));
        button.setOnAction(e -> open.run());
        return button;
    }

    private javafx.scene.Node themeMenu(Theme theme, ThemeMode current) {
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.BRIGHTNESS_6));
        menu.setId("theme-menu");
        menu.getStyleClass().add("flat");
        menu.setFocusTraversable(false);
        menu.setTooltip(new javafx.scene.control.Tooltip("Light, dark, or as the system"));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (ThemeMode mode : ThemeMode.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(switch (mode) {
                case SYSTEM -> "As the system";
                case LIGHT -> "Light";
                case DARK -> "Dark";
            });
            item.setToggleGroup(group);
            item.setSelected(mode == current);
            item.setOnAction(e -> {
                theme.apply(mode);
                context.updateSettings(x -> x.withTheme(mode));
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private void restore(Settings s, TransferDefaults defaults) {
        defaults.confirmProperty().set(s.confirmTransfers());
        defaults.fileExistsProperty().set(s.fileExistsPolicy());
        defaults.keepTimestampsProperty().set(s.keepTimestamps());
        for (FilePane pane : List.of(window.localPane(), window.remotePane())) {
            PaneLayout layout = s.pane(pane.paneId());
            pane.restoreColumns(new EntryOrder(EntryOrder.Column.byId(layout.sortColumn()), layout.sortAscending()),
                    layout.columnWidths());
            pane.model().showHiddenProperty().set(s.showHiddenFiles());
        }
        window.panesSplit().setDividerPositions(s.mainDivider());
        window.setBottomDivider(s.bottomDivider());
        window.setBottomVisible(!s.queueCollapsed());
    }

    private void remember(TransferDefaults defaults) {
        defaults.confirmProperty().addListener((o, was, now) -> context.updateSettings(x -> x.withConfirmTransfers(now)));
        defaults.fileExistsProperty().addListener((o, was, now) -> context.updateSettings(x -> x.withFileExistsPolicy(now)));
        defaults.keepTimestampsProperty().addListener((o, was, now) -> context.updateSettings(x -> x.withKeepTimestamps(now)));
        model.local().pathProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                context.updateSettings(x -> x.withLastLocalFolder(now));
            }
        });
        for (FilePane pane : List.of(window.localPane(), window.remotePane())) {
            pane.model().showHiddenProperty().addListener((o, was, now) -> {
                context.updateSettings(x -> x.withShowHiddenFiles(now));
                window.pane(pane == window.localPane() ? dev.ferry.ui.commander.Side.REMOTE
                        : dev.ferry.ui.commander.Side.LOCAL).model().showHiddenProperty().set(now);
            });
            pane.model().orderProperty().addListener((o, was, now) -> savePane(pane));
        }
    }

    private void savePane(FilePane pane) {
        EntryOrder order = pane.model().orderProperty().get();
        Map<String, Double> widths = new LinkedHashMap<>(pane.columnWidths());
        context.updateSettings(x -> x.withPane(pane.paneId(),
                new PaneLayout(widths, order.column().id(), order.ascending())));
    }

    private void placeWindow(WindowBounds b) {
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (b.hasPosition() && onSomeScreen(b)) {
            stage.setX(b.x());
            stage.setY(b.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(b.maximized());
    }

    private static boolean onSomeScreen(WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()),
                Math.max(1, b.height()))).isEmpty();
    }

    private void close() {
        WindowBounds bounds = stage.isMaximized() ? context.settings().window().withMaximized(true)
                : new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        context.updateSettings(x -> x.withWindow(bounds)
                .withMainDivider(window.panesSplit().getDividerPositions()[0])
                .withBottomDivider(window.bottomDivider())
                .withQueueCollapsed(!window.isBottomVisible()));
        savePane(window.localPane());
        savePane(window.remotePane());
        queueModel.dispose();
        model.dispose();

    }
}
