package dev.ferry.ui.commander;

import java.util.List;
import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.fs.FileEntry;
import dev.ferry.fs.FileNames;
import dev.ferry.ui.connect.ConnectRequest;
import dev.ferry.ui.connect.QuickConnectBar;
import dev.ferry.ui.connect.QuickConnectModel;
import dev.ferry.ui.pane.FilePane;
import dev.ferry.ui.pane.FilePaneModel;
import dev.ferry.ui.pane.PaneDrop;

/**
 * The main window's content: toolbar, quick-connect bar, the two panes, the queue and log below, the
 * function-key bar and the status bar. Keyboard first, WinSCP commander style.
 */
public final class CommanderWindow extends BorderPane {
    private final CommanderModel model;
    private final TransferDefaults defaults;
    private final FilePane localPane;
    private final FilePane remotePane;
    private final QuickConnectBar connectBar;
    private final MessageBanner banner = new MessageBanner();
    private final SplitPane panes;
    private final SplitPane main;
    private final TabPane bottom;
    private final Label queueSummary = new Label();
    private final ProgressBar queueProgress = new ProgressBar(0);
    private final ToggleButton bottomToggle = new ToggleButton("Queue & log");
    private ToolBar toolbar;
    private Button sitesButton;
    private Runnable onSites = () -> {
    };
    private double bottomDivider = 0.68;
    private int parallel = 2;

    public CommanderWindow(CommanderModel model, QuickConnectModel quickConnect, TransferDefaults defaults,
                           Node queueView, Node logView) {
        this.model = model;
        this.defaults = defaults;
        getStyleClass().add("commander");
        setId("commander");
        localPane = new FilePane(model.local(), "local", "This folder is empty.");
        remotePane = new FilePane(model.remote(), "remote",
                "Not connected.\nEnter a server above and press Connect (or Enter).");
        connectBar = new QuickConnectBar(quickConnect, this::connect);
        model.connectionProperty().addListener((o, was, now) ->
                connectBar.setBusy(now == CommanderModel.ConnectionState.CONNECTING));

        panes = new SplitPane(localPane, remotePane);
        panes.setId("panes");
        panes.setDividerPositions(0.5);
        bottom = new TabPane(tab("Queue", queueView, "queue-tab"), tab("Log", logView, "log-tab"));
        bottom.setId("bottom-tabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        main = new SplitPane(panes, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setId("main-split");
        main.setDividerPositions(bottomDivider);
        SplitPane.setResizableWithParent(bottom, false);

        setTop(new VBox(toolbar(), connectBar, new Separator()));
        VBox center = new VBox(banner, main);
        VBox.setVgrow(main, Priority.ALWAYS);
        setCenter(center);
        setBottom(new VBox(functionKeys(), statusBar()));

        for (FilePane pane : List.of(localPane, remotePane)) {
            pane.model().messageProperty().addListener((o, was, now) -> {
                if (now != null) {
                    banner.show(now);
                }
            });
            pane.table().focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    model.activeProperty().set(pane == localPane ? Side.LOCAL : Side.REMOTE);
                }
            });
            pane.setOnOpenFile(entry -> copy(false));
        }
        localPane.setOnDrop(e -> fromPane(e, "remote"), this::dropped);
        remotePane.setOnDrop(e -> fromPane(e, "local") || !e.getDragboard().hasContent(FilePane.PANE_DRAG)
                && e.getDragboard().hasFiles(), this::dropped);
        model.activeProperty().addListener((o, was, now) -> markActive());
        markActive();
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);

        Timeline refresher = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refreshFinishedTargets()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        Timeline keepAlive = new Timeline(new KeyFrame(Duration.seconds(30), e -> model.keepAlive()));
        keepAlive.setCycleCount(Timeline.INDEFINITE);
        keepAlive.play();
    }

    public FilePane localPane() {
        return localPane;
    }

    public FilePane remotePane() {
        return remotePane;
    }

    public FilePane pane(Side side) {
        return side == Side.LOCAL ? localPane : remotePane;
    }

    public SplitPane panesSplit() {
        return panes;
    }

    public SplitPane mainSplit() {
        return main;
    }

    public QuickConnectBar connectBar() {
        return connectBar;
    }

    /** The message shown above the panes, or "" (for tests and screenshots). */
    public String bannerText() {
        return banner.text();
    }

    /** What the "Sites" button opens (the site manager); the button is disabled until this is set. */
    public void setOnSites(Runnable open) {
        onSites = open;
        sitesButton.setDisable(false);
    }

    /** Adds controls at the right end of the toolbar (the app adds the theme switch). */
    public void addToolbarItems(Node... items) {
        toolbar.getItems().addAll(items);
    }

    /** How many transfers run at once for newly connected sites. */
    public void setParallel(int parallel) {
        this.parallel = parallel;
    }

    /** Overall queue progress for the status bar, from the queue panel's sampled model. */
    public void bindQueueSummary(ObservableValue<String> summary, ObservableValue<Number> progress) {
        queueSummary.textProperty().bind(summary);
        queueProgress.progressProperty().bind(progress);
    }

    /** Hides or shows the queue and log below the panes. */
    public void setBottomVisible(boolean visible) {
        bottomToggle.setSelected(visible);
    }

    public boolean isBottomVisible() {
        return main.getItems().contains(bottom);
    }

    /** The position of the divider above the queue and log, while it shows. */
    public double bottomDivider() {
        return isBottomVisible() ? main.getDividerPositions()[0] : bottomDivider;
    }

    public void setBottomDivider(double position) {
        bottomDivider = position;
        if (isBottomVisible()) {
            main.setDividerPositions(position);
        }
    }

    // ---- commands ---------------------------------------------------------------------------------

    private void connect(ConnectRequest request) {
        model.connect(request, parallel);
        remotePane.focusTable();
    }

    /** F5 (copy) or F6 (move) from the active pane to the other. */
    public void copy(boolean move) {
        Side from = model.activeProperty().get();
        FilePane pane = pane(from);
        model.plan(from, pane.selectedEntries(), Optional.empty(), move).ifPresent(this::confirmAndQueue);
    }

    private void confirmAndQueue(TransferPlan plan) {
        TransferChoice choice;
        if (defaults.confirmProperty().get()) {
            Optional<TransferChoice> asked = new TransferDialog(getScene().getWindow(), plan,
                    defaults.fileExistsProperty().get(), defaults.keepTimestampsProperty().get()).ask();
            if (asked.isEmpty()) {
                return;
            }
            choice = asked.get();
            defaults.fileExistsProperty().set(choice.fileExists());
            defaults.keepTimestampsProperty().set(choice.keepTimestamps());
            if (choice.dontAskAgain()) {
                defaults.confirmProperty().set(false);
            }
        } else {
            choice = new TransferChoice(plan.targetFolder(), defaults.fileExistsProperty().get(),
                    defaults.keepTimestampsProperty().get(), false);
        }
        model.enqueue(plan, choice);
    }

    /** F7. */
    public void newFolder() {
        FilePaneModel pane = model.pane(model.activeProperty().get());
        if (pane.source().isEmpty()) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("New folder");
        dialog.setHeaderText("New folder in " + FileNames.printable(pane.path()));
        dialog.setContentText("Name");
        dialog.getEditor().setId("new-folder-name");
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(pane::mkdir);
    }

    /** F2. */
    public void rename() {
        FilePane pane = pane(model.activeProperty().get());
        FileEntry entry = pane.focusedEntry();
        if (entry == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(entry.name());
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Rename");
        dialog.setHeaderText("Rename \"" + FileNames.printable(entry.name()) + "\"");
        dialog.setContentText("New name");
        dialog.getEditor().setId("rename-name");
        dialog.setOnShown(e -> {
            String name = entry.name();
            int dot = name.lastIndexOf('.');
            dialog.getEditor().selectRange(0, dot > 0 && !entry.isFolder() ? dot : name.length());
        });
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.equals(entry.name()))
                .ifPresent(name -> pane.model().rename(entry, name));
    }

    /** F8 and Delete: asks first, naming what will be deleted. */
    public void delete() {
        Side side = model.activeProperty().get();
        FilePane pane = pane(side);
        List<FileEntry> targets = pane.selectedEntries();
        if (targets.isEmpty() || pane.model().source().isEmpty()) {
            return;
        }
        long folders = targets.stream().filter(FileEntry::isFolder).count();
        String what = targets.size() == 1
                ? (folders == 1 ? "the folder \"" : "\"") + FileNames.printable(targets.get(0).name()) + "\""
                + (folders == 1 ? " and everything in it" : "")
                : targets.size() + " items (" + (targets.size() - folders) + " files, " + folders + " folders"
                + (folders > 0 ? " with everything in them" : "") + ")";
        String where = side == Side.REMOTE ? " from the server" : "";
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, null, ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Delete");
        confirm.setHeaderText("Delete " + what + where + "?");
        confirm.setContentText(side == Side.REMOTE ? "Files deleted on a server cannot be brought back."
                : "Files are deleted, not moved to the trash.");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("delete-confirm");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.getDialogPane().setId("delete-dialog");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            pane.model().delete(targets);
        }
    }

    private void switchPane() {
        Side next = model.activeProperty().get().other();
        model.activeProperty().set(next);
        pane(next).focusTable();
    }

    private void keys(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        boolean inPane = focus == localPane.table() || focus == remotePane.table();
        KeyCode code = e.getCode();
        if (code == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && inPane) {
            switchPane();
        } else if (typing) {
            return;
        } else if (code == KeyCode.F5 && !e.isShortcutDown()) {
            copy(false);
        } else if (code == KeyCode.F6) {
            copy(true);
        } else if (code == KeyCode.F7) {
            newFolder();
        } else if (code == KeyCode.F8 || code == KeyCode.DELETE && inPane) {
            delete();
        } else if (code == KeyCode.F2) {
            rename();
        } else {
            return;
        }
        e.consume();
    }

    private void markActive() {
        localPane.setActive(model.activeProperty().get() == Side.LOCAL);
        remotePane.setActive(model.activeProperty().get() == Side.REMOTE);
    }

    // ---- drag and drop ----------------------------------------------------------------------------

    private static boolean fromPane(DragEvent e, String paneId) {
        return e.getDragboard().hasContent(FilePane.PANE_DRAG)
                && paneId.equals(String.valueOf(e.getDragboard().getContent(FilePane.PANE_DRAG)));
    }

    private void dropped(PaneDrop drop) {
        if (drop.fromPaneId() != null) {
            FilePane from = drop.fromPaneId().equals("local") ? localPane : remotePane;
            Side side = from == localPane ? Side.LOCAL : Side.REMOTE;
            model.activeProperty().set(side);
            model.plan(side, from.draggedEntries(), Optional.of(drop.targetFolder()), from.shiftAtDragStart())
                    .ifPresent(this::confirmAndQueue);
        } else if (!drop.files().isEmpty()) {
            model.planDesktopUpload(drop.files(), drop.targetFolder()).ifPresent(this::confirmAndQueue);
        }
    }

    // ---- building ---------------------------------------------------------------------------------

    private static Tab tab(String title, Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private Node toolbar() {
        Button connect = toolButton(Material2AL.LINK, "Connect", "Connect to a server (Ctrl+N)", connectBar::focusHost);
        Button disconnect = toolButton(Material2AL.LINK_OFF, "Disconnect", "Close the connection", model::disconnect);
        disconnect.disableProperty().bind(model.connectionProperty().isNotEqualTo(CommanderModel.ConnectionState.CONNECTED));
        Button sites = sitesButton = toolButton(Material2AL.BOOKMARKS, "Sites", "Saved sites: the site manager (Ctrl+Shift+S)",
                () -> onSites.run());
        sites.setId("sites-button");
        sites.setDisable(true);
        Button refresh = toolButton(Material2MZ.REFRESH, null, "Refresh the active pane (Ctrl+R)",
                () -> model.pane(model.activeProperty().get()).refresh());
        Button mkdir = toolButton(Material2AL.CREATE_NEW_FOLDER, null, "New folder (F7)", this::newFolder);
        Button upload = toolButton(Material2AL.CLOUD_UPLOAD, "Upload", "Upload the selection of the local pane (F5)", () -> {
            model.activeProperty().set(Side.LOCAL);
            copy(false);
        });
        Button download = toolButton(Material2AL.CLOUD_DOWNLOAD, "Download", "Download the selection of the remote pane (F5)",
                () -> {
                    model.activeProperty().set(Side.REMOTE);
                    copy(false);
                });
        upload.disableProperty().bind(model.connectionProperty().isNotEqualTo(CommanderModel.ConnectionState.CONNECTED));
        download.disableProperty().bind(upload.disableProperty());
        Button pauseAll = toolButton(Material2MZ.PAUSE, null, "Pause all transfers", model.queue()::pauseAll);
        Button resumeAll = toolButton(Material2MZ.PLAY_ARROW, null, "Resume all transfers", model.queue()::resumeAll);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        ToolBar bar = toolbar = new ToolBar(connect, disconnect, sites, new Separator(Orientation.VERTICAL), refresh, mkdir,
                upload, download, new Separator(Orientation.VERTICAL), pauseAll, resumeAll, spring);
        bar.setId("toolbar");
        return bar;
    }

    private static Button toolButton(org.kordamp.ikonli.Ikon icon, String text, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.getStyleClass().add("flat");
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node functionKeys() {
        return new FunctionKeyBar()
                .key("F2", "Rename", this::rename)
                .key("F5", "Copy", () -> copy(false))
                .key("F6", "Move", () -> copy(true))
                .key("F7", "New folder", this::newFolder)
                .key("F8", "Delete", this::delete)
                .key("Tab", "Other pane", this::switchPane)
                .key("Ctrl+R", "Refresh", () -> model.pane(model.activeProperty().get()).refresh());
    }

    /** The queue's global speed limit, as WinSCP and FileZilla offer it in their status bars. */
    private Node speedLimitMenu() {
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton("No limit",
                new FontIcon(Material2MZ.SPEED));
        menu.setId("speed-limit");
        menu.getStyleClass().add("flat");
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip("Speed limit for all transfers together"));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        java.util.TreeSet<Long> limits = new java.util.TreeSet<>(List.of(0L, 256L * 1024, 1024L * 1024,
                5L * 1024 * 1024, 10L * 1024 * 1024, 50L * 1024 * 1024));
        limits.add(model.queue().options().bytesPerSecond());
        for (long limit : limits) {
            String text = limit == 0 ? "No limit" : dev.ferry.ui.Formats.speed(limit);
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(text);
            item.setToggleGroup(group);
            item.setSelected(limit == model.queue().options().bytesPerSecond());
            if (item.isSelected()) {
                menu.setText(text);
            }
            item.setOnAction(e -> {
                model.queue().updateOptions(o -> o.withSpeedLimit(limit));
                menu.setText(text);
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private Node statusBar() {
        Label connection = new Label();
        connection.setId("status-connection");
        connection.textProperty().bind(model.statusProperty());
        FontIcon lock = new FontIcon(Material2AL.LOCK);
        lock.visibleProperty().bind(model.connectionProperty().isEqualTo(CommanderModel.ConnectionState.CONNECTED)
                .and(Bindings.createBooleanBinding(() -> model.connectedProperty().get() != null
                        && model.connectedProperty().get().mode().secure(), model.connectedProperty())));
        queueSummary.setId("status-queue");
        queueProgress.setPrefWidth(160);
        queueProgress.setId("status-queue-progress");
        bottomToggle.setSelected(true);
        bottomToggle.setId("toggle-bottom");
        bottomToggle.setFocusTraversable(false);
        bottomToggle.getStyleClass().add("flat");
        bottomToggle.selectedProperty().addListener((o, was, show) -> {
            if (show && !main.getItems().contains(bottom)) {
                main.getItems().add(bottom);
                main.setDividerPositions(bottomDivider);
            } else if (!show && main.getItems().contains(bottom)) {
                bottomDivider = main.getDividerPositions()[0];
                main.getItems().remove(bottom);
            }
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, lock, connection, spring, queueSummary, queueProgress, speedLimitMenu(), bottomToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }
}
