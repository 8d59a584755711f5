package dev.ferry.ui.sites;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.security.SecretVault;
import dev.ferry.sites.importers.FileZillaImporter;
import dev.ferry.sites.importers.ImportException;
import dev.ferry.sites.importers.WinScpImporter;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree;
import dev.ferry.sites.SiteTree.Child;
import dev.ferry.sites.SiteTree.FolderChild;
import dev.ferry.sites.SiteTree.SiteChild;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.Theme;
import dev.ferry.ui.session.SessionForm;
import dev.ferry.ui.session.SessionModel;

/**
 * The site manager: on the left the folders and sites with a search field, on the right the selected site with
 * Connect and Edit. New site, New folder, Edit, Rename (F2), Duplicate, Delete (Delete, asks first), Connect
 * (Enter, double-click), drag a site or folder onto a folder to move it. Every change is saved at once by
 * {@link SiteManagerModel}.
 */
public final class SiteManagerDialog {
    private final Stage stage = new Stage();
    private final FxBridge bridge;
    private final SiteManagerModel model;
    private final VaultGate gate;
    private final SiteEditor editor;
    private final Consumer<Site> onConnect;
    private final TreeView<Child> treeView = new TreeView<>();
    private final TextField search = new TextField();
    private final SiteSummary summary;
    private final Set<String> collapsed = new HashSet<>();
    private MenuButton masterMenu;
    private final BooleanBinding siteSelected;
    private final BooleanBinding nodeSelected;
    private final javafx.beans.property.ObjectProperty<SecretVault.State> vaultState =
            new javafx.beans.property.SimpleObjectProperty<>(SecretVault.State.NO_MASTER_PASSWORD);

    /**
     * @param onConnect called with the site to connect to, after the manager has closed
     */
    public SiteManagerDialog(Window owner, FxBridge bridge, SiteManagerModel model, VaultGate gate, SiteEditor editor,
                             Consumer<Site> onConnect) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.model = Objects.requireNonNull(model, "model");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.editor = Objects.requireNonNull(editor, "editor");
        this.onConnect = Objects.requireNonNull(onConnect, "onConnect");
        this.summary = new SiteSummary(this::connectSelected, this::editSelected);
        siteSelected = Bindings.createBooleanBinding(() -> selected().filter(c -> c instanceof SiteChild).isPresent(),
                treeView.getSelectionModel().selectedItemProperty());
        nodeSelected = Bindings.createBooleanBinding(() -> selected()
                        .filter(c -> !(c instanceof FolderChild f && f.path().isEmpty())).isPresent(),
                treeView.getSelectionModel().selectedItemProperty());

        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Site manager");
        BorderPane root = new BorderPane();
        root.setId("site-manager");
        root.getStyleClass().add("site-manager");
        root.setTop(new VBox(banner(), toolbar()));
        root.setCenter(center());
        root.setBottom(bottom());
        Scene scene = new Scene(root, 960, 600);
        Theme.addStylesheet(scene);
        scene.getStylesheets().add(Objects.requireNonNull(
                SiteManagerDialog.class.getResource("sites.css")).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (search.getText().isEmpty()) {
                    stage.close();
                } else {
                    search.clear();
                    treeView.requestFocus();
                }
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(400);

        model.treeProperty().addListener((o, was, now) -> rebuild(Optional.empty()));
        search.textProperty().bindBidirectional(model.searchProperty());
        model.searchProperty().addListener((o, was, now) -> rebuild(Optional.empty()));
        treeView.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                summary.show(now == null ? null : now.getValue(), model.treeProperty().get()));
        rebuild(Optional.empty());
        model.load();
        refreshVaultState();
    }

    /** Shows the manager (not waiting for it). */
    public void show() {
        stage.show();
        stage.toFront();
        Platform.runLater(treeView::requestFocus);
    }

    public Stage stage() {
        return stage;
    }

    public TreeView<Child> tree() {
        return treeView;
    }

    // ---- building ---------------------------------------------------------------------------------

    private Node banner() {
        Label text = new Label();
        text.setId("sites-problem");
        text.setWrapText(true);
        text.textProperty().bind(model.problemProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button fresh = new Button();
        fresh.setId("sites-start-fresh");
        fresh.textProperty().bind(Bindings.createStringBinding(() -> model.treeProperty().get().size() == 0
                ? "Start fresh" : "Go on with these sites", model.treeProperty()));
        fresh.setTooltip(new Tooltip("Change the list anyway: a new sites.json is written; the file that could not be"
                + " read stays where it was kept"));
        fresh.setOnAction(e -> model.startFresh());
        HBox bar = new HBox(10, new FontIcon(Material2AL.ERROR_OUTLINE), text, fresh);
        bar.setId("sites-banner");
        bar.getStyleClass().add("sites-banner");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.visibleProperty().bind(model.problemProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node toolbar() {
        BooleanBinding locked = model.editableProperty().not();
        Button newSite = tool("sites-new-site", "New site", Material2AL.ADD_CIRCLE_OUTLINE, "New site (Ctrl+N)",
                this::newSite);
        newSite.disableProperty().bind(locked);
        Button newFolder = tool("sites-new-folder", "New folder", Material2AL.CREATE_NEW_FOLDER, "New folder",
                this::newFolder);
        newFolder.disableProperty().bind(locked);
        Button edit = tool("sites-edit", "Edit", Material2AL.EDIT, "Edit the site", this::editSelected);
        edit.disableProperty().bind(locked.or(siteSelected.not()));
        Button rename = tool("sites-rename", "Rename", Material2MZ.TEXT_FIELDS, "Rename (F2)", this::renameSelected);
        rename.disableProperty().bind(locked.or(nodeSelected.not()));
        Button duplicate = tool("sites-duplicate", "Duplicate", Material2AL.CONTENT_COPY, "Duplicate the site",
                this::duplicateSelected);
        duplicate.disableProperty().bind(locked.or(siteSelected.not()));
        Button delete = tool("sites-delete", "Delete", Material2AL.DELETE_OUTLINE, "Delete (Delete)", this::deleteSelected);
        delete.disableProperty().bind(locked.or(nodeSelected.not()));
        MenuButton importMenu = new MenuButton("Import", new FontIcon(Material2MZ.SYSTEM_UPDATE_ALT));
        importMenu.setId("sites-import");
        importMenu.getStyleClass().add("flat");
        importMenu.setFocusTraversable(false);
        importMenu.getItems().addAll(importItems());
        importMenu.disableProperty().bind(locked);
        MenuButton master = new MenuButton("Master password", new FontIcon(Material2AL.LOCK));
        master.setId("sites-master");
        master.setFocusTraversable(false);
        master.setOnShowing(e -> refreshVaultState());
        MenuItem set = new MenuItem("Set master password…");
        set.setId("master-set");
        set.disableProperty().bind(vaultState.isNotEqualTo(SecretVault.State.NO_MASTER_PASSWORD));
        set.setOnAction(e -> masterPassword(MasterPasswordModel.Action.SET));
        MenuItem change = new MenuItem("Change master password…");
        change.setId("master-change");
        change.disableProperty().bind(set.disableProperty().not());
        change.setOnAction(e -> masterPassword(MasterPasswordModel.Action.CHANGE));
        MenuItem remove = new MenuItem("Remove master password and stored passwords…");
        remove.setId("master-remove");
        remove.disableProperty().bind(set.disableProperty().not());
        remove.setOnAction(e -> masterPassword(MasterPasswordModel.Action.REMOVE));
        CheckMenuItem dontStore = new CheckMenuItem("Don't store passwords");
        dontStore.setId("master-dont-store");
        dontStore.setSelected(!model.storePasswordsProperty().get());
        model.storePasswordsProperty().addListener((o, was, now) -> dontStore.setSelected(!now));
        dontStore.setOnAction(e -> {
            if (dontStore.isSelected()) {
                dontStore.setSelected(false);
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Every stored password is deleted, the master"
                        + " password too, and Ferry asks for a site's password each time it connects.",
                        ButtonType.CANCEL, ButtonType.OK);
                ask.initOwner(stage);
                ask.setHeaderText("Stop storing passwords?");
                Theme.addStylesheet(ask.getDialogPane());
                if (ask.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                    model.stopStoringPasswords();
                    refreshVaultState();
                }
            } else {
                model.storePasswordsProperty().set(true);
            }
        });
        master.getItems().addAll(set, change, remove, new SeparatorMenuItem(), dontStore);
        masterMenu = master;
        ToolBar bar = new ToolBar(newSite, newFolder, new javafx.scene.control.Separator(Orientation.VERTICAL), edit,
                rename, duplicate, delete, new javafx.scene.control.Separator(Orientation.VERTICAL), importMenu);
        bar.setId("sites-toolbar");
        return bar;
    }

    private Node center() {
        search.setId("sites-search");
        search.setPromptText("Search name, host or user (Ctrl+F)");
        FontIcon glass = new FontIcon(Material2MZ.SEARCH);
        HBox searchBox = new HBox(6, glass, search);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        searchBox.setPadding(new Insets(8, 8, 4, 8));
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                e.consume();
                treeView.requestFocus();
                if (treeView.getSelectionModel().getSelectedItem() == null
                        || e.getCode() == KeyCode.ENTER) {
                    firstSite(treeView.getRoot()).ifPresent(i -> treeView.getSelectionModel().select(i));
                }
            }
        });

        treeView.setId("sites-tree");
        treeView.setShowRoot(true);
        treeView.setCellFactory(v -> new SiteCell(this));
        treeView.setContextMenu(contextMenu());
        treeView.addEventFilter(KeyEvent.KEY_PRESSED, this::treeKeys);
        treeView.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && selected().filter(c -> c instanceof SiteChild).isPresent()) {
                e.consume();
                connectSelected();
            }
        });
        Label empty = new Label("No sites yet.\nCreate one with New site.");
        empty.setId("sites-empty");
        empty.getStyleClass().add("text-muted");
        VBox left = new VBox(searchBox, treeView);
        VBox.setVgrow(treeView, Priority.ALWAYS);
        left.setMinWidth(240);
        SplitPane split = new SplitPane(left, summary);
        split.setDividerPositions(0.42);
        split.setId("sites-split");
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private Node bottom() {
        Label message = new Label();
        message.setId("sites-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(model.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("sites-close");
        close.setCancelButton(false);
        close.setOnAction(e -> stage.close());
        HBox bar = new HBox(10, masterMenu, message, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 10, 12));
        return bar;
    }

    private ContextMenu contextMenu() {
        BooleanBinding locked = model.editableProperty().not();
        MenuItem connect = item("Connect", "Enter", this::connectSelected);
        connect.disableProperty().bind(siteSelected.not());
        MenuItem newSite = item("New site…", null, this::newSite);
        newSite.disableProperty().bind(locked);
        MenuItem newFolder = item("New folder…", null, this::newFolder);
        newFolder.disableProperty().bind(locked);
        MenuItem edit = item("Edit…", null, this::editSelected);
        edit.disableProperty().bind(locked.or(siteSelected.not()));
        MenuItem rename = item("Rename…", "F2", this::renameSelected);
        rename.disableProperty().bind(locked.or(nodeSelected.not()));
        MenuItem duplicate = item("Duplicate", null, this::duplicateSelected);
        duplicate.disableProperty().bind(locked.or(siteSelected.not()));
        MenuItem delete = item("Delete…", "Delete", this::deleteSelected);
        delete.disableProperty().bind(locked.or(nodeSelected.not()));
        ContextMenu menu = new ContextMenu(connect, new SeparatorMenuItem(), newSite, newFolder, edit, rename,
                duplicate, delete, new SeparatorMenuItem());
        for (MenuItem i : importItems()) {
            i.disableProperty().bind(locked.or(Bindings.createBooleanBinding(() -> !importAvailable())));
            menu.getItems().add(i);
        }
        menu.setId("sites-context");
        return menu;
    }

    private MenuItem[] importItems() {
        MenuItem fileZilla = new MenuItem("Import from FileZilla…");
        fileZilla.setId("import-filezilla");
        fileZilla.setOnAction(e -> importFrom("FileZilla"));
        MenuItem winScp = new MenuItem("Import from WinSCP…");
        winScp.setId("import-winscp");
        winScp.setOnAction(e -> importFrom("WinSCP"));
        fileZilla.setDisable(!importAvailable());
        winScp.setDisable(!importAvailable());
        return new MenuItem[] {fileZilla, winScp};
    }

    private static MenuItem item(String text, String key, Runnable action) {
        MenuItem i = new MenuItem(key == null ? text : text + "\t" + key);
        i.setText(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    private static Button tool(String id, String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("flat");
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- the tree ---------------------------------------------------------------------------------

    private void rebuild(Optional<String> select) {
        String keep = select.orElseGet(() -> selected().map(SiteTreeItems::key).orElse(null));
        TreeItem<Child> root = SiteTreeItems.build(model.treeProperty().get(), model.searchProperty().get(), collapsed);
        watchExpansion(root);
        treeView.setRoot(root);
        Optional<TreeItem<Child>> again = keep == null ? Optional.empty() : SiteTreeItems.find(root, keep);
        if (again.isPresent()) {
            for (TreeItem<Child> p = again.get().getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            treeView.getSelectionModel().select(again.get());
            int row = treeView.getRow(again.get());
            if (row >= 0) {
                treeView.scrollTo(Math.max(0, row - 3));
            }
        } else if (!model.searchProperty().get().isBlank()) {
            firstSite(root).ifPresent(i -> treeView.getSelectionModel().select(i));
        } else {
            treeView.getSelectionModel().clearSelection();
        }
        summary.show(selected().orElse(null), model.treeProperty().get());
    }

    private void watchExpansion(TreeItem<Child> item) {
        if (item.getValue() instanceof FolderChild f && !f.path().isEmpty()) {
            item.expandedProperty().addListener((o, was, now) -> {
                if (model.searchProperty().get().isBlank()) {
                    if (now) {
                        collapsed.remove(f.path());
                    } else {
                        collapsed.add(f.path());
                    }
                }
            });
        }
        item.getChildren().forEach(this::watchExpansion);
    }

    private static Optional<TreeItem<Child>> firstSite(TreeItem<Child> item) {
        if (item == null) {
            return Optional.empty();
        }
        if (item.getValue() instanceof SiteChild) {
            return Optional.of(item);
        }
        for (TreeItem<Child> c : item.getChildren()) {
            Optional<TreeItem<Child>> found = firstSite(c);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Child> selected() {
        TreeItem<Child> item = treeView.getSelectionModel().getSelectedItem();
        return item == null ? Optional.empty() : Optional.ofNullable(item.getValue());
    }

    private Optional<Site> selectedSite() {
        return selected().filter(c -> c instanceof SiteChild).map(c -> ((SiteChild) c).site());
    }

    /** The folder new things go into: the selected folder, or the folder of the selected site. */
    private String targetFolder() {
        return selected().map(SiteTreeItems::folderOf).orElse("");
    }

    private void treeKeys(KeyEvent e) {
        switch (e.getCode()) {
            case ENTER -> {
                if (selectedSite().isPresent()) {
                    e.consume();
                    connectSelected();
                }
            }
            case F2 -> {
                e.consume();
                renameSelected();
            }
            case DELETE -> {
                e.consume();
                deleteSelected();
            }
            case N -> {
                if (e.isShortcutDown()) {
                    e.consume();
                    newSite();
                }
            }
            default -> {
            }
        }
    }

    /** Moves the dragged node ("site:id" or "folder:path") into {@code folder}. */
    boolean drop(String key, String folder) {
        if (!model.editableProperty().get()) {
            return false;
        }
        boolean moved = key.startsWith("site:") ? model.moveSite(key.substring(5), folder)
                : model.moveFolder(key.substring("folder:".length()), folder);
        if (moved) {
            String newKey = key.startsWith("site:") ? key
                    : "folder:" + dev.ferry.sites.FolderPaths.child(folder,
                    dev.ferry.sites.FolderPaths.name(key.substring("folder:".length())));
            rebuild(Optional.of(newKey));
        }
        return moved;
    }

    boolean canDrop(String key, String folder) {
        return model.editableProperty().get() && SiteTreeItems.canMove(model.treeProperty().get(), key, folder);
    }

    // ---- commands ---------------------------------------------------------------------------------

    private void connectSelected() {
        selectedSite().ifPresent(site -> {
            stage.close();
            onConnect.accept(site);
        });
    }

    private void newSite() {
        if (!model.editableProperty().get()) {
            return;
        }
        save(editor.newSite(targetFolder()));
    }

    private void editSelected() {
        Optional<Site> chosen = selectedSite();
        if (chosen.isEmpty() || !model.editableProperty().get()) {
            return;
        }
        Site site = chosen.get();
        model.secretsHeld(site, held -> {
            if (!held.any()) {
                save(editor.edit(site, SiteManagerModel.StoredSecrets.NONE));
                return;
            }
            gate.toRead(stage, "to show the stored password of \"" + site.name() + "\"", open -> {
                refreshVaultState();
                if (open) {
                    model.readSecrets(site, secrets -> save(editor.edit(site, secrets)), model::tell);
                } else {
                    save(editor.edit(site, SiteManagerModel.StoredSecrets.NONE));
                }
            });
        }, model::tell);
    }

    /** Shows the session dialog until it is cancelled or its site is saved. */
    private void save(SessionModel form) {
        Optional<SessionForm> result = editor.show(stage, form);
        if (result.isEmpty()) {
            return;
        }
        SessionForm f = result.get();
        boolean secretTyped = f.site().passwordMode() == PasswordMode.STORED
                && f.password().map(p -> p.length > 0).orElse(false) || f.certificatePassword().isPresent();
        Consumer<Boolean> store = open -> {
            refreshVaultState();
            Optional<Site> saved = model.saveSite(f, open);
            if (saved.isPresent()) {
                rebuild(Optional.of("site:" + saved.get().id()));
            } else {
                Alert refused = new Alert(Alert.AlertType.WARNING, model.messageProperty().get(), ButtonType.OK);
                refused.initOwner(stage);
                refused.setHeaderText("The site was not saved");
                Theme.addStylesheet(refused.getDialogPane());
                refused.showAndWait();
                save(form);
            }
        };
        if (secretTyped && model.storePasswordsProperty().get()) {
            gate.toStore(stage, "to store the password of \"" + f.site().name() + "\"", store);
        } else {
            store.accept(gate.vault().isUnlocked());
        }
    }

    private void newFolder() {
        if (!model.editableProperty().get()) {
            return;
        }
        String parent = targetFolder();
        askName("New folder", "New folder in " + (parent.isEmpty() ? SiteTreeItems.ROOT_NAME : "\"" + parent + "\""),
                "").flatMap(name -> model.addFolder(parent, name))
                .ifPresent(path -> rebuild(Optional.of("folder:" + path)));
    }

    private void renameSelected() {
        if (!model.editableProperty().get()) {
            return;
        }
        selected().ifPresent(child -> {
            if (child instanceof SiteChild s) {
                askName("Rename site", "New name for the site \"" + s.name() + "\"", s.name())
                        .ifPresent(name -> model.renameSite(s.site().id(), name));
            } else if (child instanceof FolderChild f && !f.path().isEmpty()) {
                askName("Rename folder", "New name for the folder \"" + f.name() + "\"", f.name())
                        .filter(name -> model.renameFolder(f.path(), name))
                        .ifPresent(name -> rebuild(Optional.of("folder:"
                                + dev.ferry.sites.FolderPaths.child(dev.ferry.sites.FolderPaths.parent(f.path()),
                                name.strip()))));
            }
        });
    }

    private void duplicateSelected() {
        if (!model.editableProperty().get()) {
            return;
        }
        selectedSite().flatMap(site -> model.duplicate(site.id()))
                .ifPresent(copy -> rebuild(Optional.of("site:" + copy.id())));
    }

    private void deleteSelected() {
        if (!model.editableProperty().get()) {
            return;
        }
        selected().ifPresent(child -> {
            if (child instanceof SiteChild s) {
                if (confirmDelete("Delete the site \"" + s.name() + "\"?",
                        "Its stored passwords are deleted with it. This cannot be undone.")) {
                    model.deleteSite(s.site().id());
                }
            } else if (child instanceof FolderChild f && !f.path().isEmpty()) {
                SiteTree.Contents contents = model.treeProperty().get().contents(f.path());
                String inside = contents.isEmpty() ? "" : " and " + inside(contents) + " in it";
                if (confirmDelete("Delete the folder \"" + f.name() + "\"" + inside + "?",
                        contents.sites() == 0 ? "This cannot be undone."
                                : "The stored passwords of those sites are deleted too. This cannot be undone.")) {
                    model.deleteFolder(f.path());
                }
            }
        });
    }

    private static String inside(SiteTree.Contents contents) {
        if (contents.sites() > 0 && contents.folders() > 0) {
            return "the " + SiteSummary.count(contents.sites(), "site") + " and "
                    + SiteSummary.count(contents.folders(), "folder");
        }
        return contents.sites() > 0 ? "the " + SiteSummary.count(contents.sites(), "site")
                : "the " + SiteSummary.count(contents.folders(), "folder");
    }

    private boolean confirmDelete(String question, String detail) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, delete, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Delete");
        alert.setHeaderText(question);
        alert.getDialogPane().setId("sites-delete-confirm");
        Theme.addStylesheet(alert.getDialogPane());
        ((Button) alert.getDialogPane().lookupButton(delete)).setId("sites-delete-accept");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        return alert.showAndWait().filter(b -> b == delete).isPresent();
    }

    private Optional<String> askName(String title, String header, String current) {
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.initOwner(stage);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setGraphic(null);
        dialog.getEditor().setId("sites-name-input");
        dialog.getDialogPane().setId("sites-name-dialog");
        Theme.addStylesheet(dialog.getDialogPane());
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("sites-name-accept");
        ok.disableProperty().bind(dialog.getEditor().textProperty().isEmpty());
        dialog.setOnShown(e -> Platform.runLater(() -> {
            dialog.getEditor().requestFocus();
            dialog.getEditor().selectAll();
        }));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.equals(current));
    }

    private void masterPassword(MasterPasswordModel.Action action) {
        boolean done = new MasterPasswordDialog(stage, new MasterPasswordModel(bridge, gate.vault(), action), "")
                .showAndWait().orElse(false);
        refreshVaultState();
        if (done) {
            model.tell("");
        }
    }

    private void refreshVaultState() {
        bridge.run(gate.vault()::state, vaultState::set, error -> {
        });
    }

    // ---- import ----------------------------------------------------------------------------------

    private static boolean importAvailable() {
        return true;
    }

    /**
     * Imports the sites of another program ("FileZilla": its {@code sitemanager.xml}; "WinSCP": its
     * {@code WinSCP.ini}): choose the file, read it in the background, preview, then add the sites ticked and
     * keep their passwords in the vault.
     */
    void importFrom(String program) {
        if (!model.editableProperty().get()) {
            return;
        }
        boolean fileZilla = program.equals("FileZilla");
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import sites from " + program);
        chooser.getExtensionFilters().setAll(fileZilla
                ? new FileChooser.ExtensionFilter("FileZilla site manager (sitemanager.xml)", "*.xml")
                : new FileChooser.ExtensionFilter("WinSCP settings (WinSCP.ini)", "*.ini"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File file = chooser.showOpenDialog(stage);
        if (file != null) {
            importFile(program, file.toPath());
        }
    }

    /** Reads {@code file} in the background, shows the preview and adds what the user chose. */
    void importFile(String program, java.nio.file.Path file) {
        model.tell("");
        bridge.run(() -> program.equals("FileZilla") ? FileZillaImporter.read(file) : WinScpImporter.read(file),
                preview -> ImportPreviewDialog.show(stage, preview).ifPresent(choice -> {
                    Consumer<Boolean> add = open -> {
                        refreshVaultState();
                        model.importSites(choice.items(), choice.intoFolder(), open)
                                .ifPresent(n -> rebuild(Optional.of("folder:" + choice.intoFolder().strip())));
                    };
                    if (model.storePasswordsProperty().get()
                            && choice.items().stream().anyMatch(i -> i.password().isPresent())) {
                        gate.toStore(stage, "to store the imported passwords", add);
                    } else {
                        add.accept(gate.vault().isUnlocked());
                    }
                }),
                error -> model.tell(error instanceof ImportException ? error.getMessage()
                        : dev.ferry.ui.Errors.describe("Reading " + file.getFileName(), error)));
    }
}
