package dev.ferry.ui.trust;

import java.util.Objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.security.CertificateDetails;
import dev.ferry.security.TrustAnswer;
import dev.ferry.security.TrustAssessment;
import dev.ferry.ui.Theme;

/**
 * The certificate-inspection dialog: what is wrong first, in plain words (a changed certificate with the old
 * and new fingerprints side by side), then the chain as a tree with the fields of the selected certificate, and
 * the negotiated TLS version and cipher suite. Asking, it offers Trust once (Alt+O), Always trust (Alt+A) and
 * Cancel (Esc, and the default); viewing a connected session's certificate, Close.
 */
public final class CertificateDialog extends Dialog<TrustAnswer> {
    public static final ButtonType TRUST_ONCE = new ButtonType("Trust _once", ButtonBar.ButtonData.OTHER);
    public static final ButtonType ALWAYS_TRUST = new ButtonType("_Always trust", ButtonBar.ButtonData.OTHER);
    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType CLOSE = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final CertificateViewModel model;

    public CertificateDialog(Window owner, CertificateViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(model.changed() ? "Certificate changed" : model.untrusted() ? "Certificate not trusted" : "Server certificate");
        setResizable(true);
        DialogPane pane = getDialogPane();
        pane.setId("certificate-dialog");
        pane.getStyleClass().add("certificate-dialog");
        Theme.addStylesheet(pane);
        pane.getStylesheets().add(Objects.requireNonNull(CertificateDialog.class.getResource("trust.css")).toExternalForm());
        pane.setHeader(header());
        pane.setContent(content());
        pane.setPrefWidth(940);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        buttons(pane);
        setResultConverter(button -> {
            if (button == TRUST_ONCE) {
                model.trustOnce();
            } else if (button == ALWAYS_TRUST) {
                model.alwaysTrust();
            } else {
                model.cancel();
            }
            return model.answerProperty().get();
        });
    }

    public CertificateViewModel model() {
        return model;
    }

    private void buttons(DialogPane pane) {
        boolean ask = model.purpose() == CertificateViewModel.Purpose.ASK;
        if (ask) {
            pane.getButtonTypes().setAll(TRUST_ONCE, ALWAYS_TRUST, CANCEL);
        } else if (model.untrusted()) {
            pane.getButtonTypes().setAll(ALWAYS_TRUST, CLOSE);
        } else {
            pane.getButtonTypes().setAll(CLOSE);
        }
        Button close = (Button) pane.lookupButton(ask ? CANCEL : CLOSE);
        close.setId("certificate-cancel");
        // Enter must never trust: the safe answer is the default.
        close.setDefaultButton(true);
        if (pane.lookupButton(TRUST_ONCE) instanceof Button once) {
            once.setId("certificate-trust-once");
            once.setTooltip(new Tooltip("Go on with this certificate until Ferry is closed (Alt+O)"));
        }
        if (pane.lookupButton(ALWAYS_TRUST) instanceof Button always) {
            always.setId("certificate-always-trust");
            always.setTooltip(new Tooltip("Remember this certificate for " + model.assessment().server()
                    + " in the known certificates (Alt+A)"));
        }
    }

    private Node header() {
        boolean bad = model.untrusted();
        FontIcon icon = new FontIcon(model.changed() ? Material2MZ.REPORT : bad ? Material2MZ.WARNING : Material2MZ.VERIFIED_USER);
        icon.getStyleClass().add("certificate-icon");
        Label headline = new Label(model.headline());
        headline.setId("certificate-headline");
        headline.getStyleClass().add("certificate-headline");
        headline.setWrapText(true);
        Label summary = new Label(model.untrusted()
                ? "Check the problems below. If in doubt, cancel and ask the server's administrator."
                : model.assessment().summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("text-muted");
        VBox words = new VBox(4, headline, summary);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox header = new HBox(14, icon, words);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("certificate-header", model.changed() ? "changed" : bad ? "untrusted" : "trusted");
        return header;
    }

    private Node content() {
        VBox box = new VBox(14);
        box.getStyleClass().add("certificate-content");
        if (!model.problems().isEmpty()) {
            box.getChildren().add(problems());
        }
        model.trustedFingerprint().ifPresent(old -> box.getChildren().add(changedFingerprints(old)));
        box.getChildren().addAll(section("Certificate chain"), chainAndFields(), section("Connection"),
                connection());
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(560);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Node problems() {
        VBox list = new VBox(8);
        list.setId("certificate-problems");
        list.getStyleClass().add("certificate-problems");
        for (TrustAssessment.Problem p : model.problems()) {
            Label title = new Label(p.title());
            title.getStyleClass().add("certificate-problem-title");
            title.setWrapText(true);
            title.setGraphic(new FontIcon(p.kind().isEmpty() ? Material2MZ.REPORT_PROBLEM : Material2AL.ERROR));
            Label detail = new Label(p.detail());
            detail.getStyleClass().add("certificate-problem-detail");
            detail.setWrapText(true);
            list.getChildren().add(new VBox(2, title, detail));
        }
        return list;
    }

    private Node changedFingerprints(String old) {
        GridPane grid = new GridPane();
        grid.setId("certificate-changed");
        grid.getStyleClass().add("certificate-changed");
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        Label before = new Label("You trusted (SHA-256)");
        Label now = new Label("The server presents now (SHA-256)");
        before.getStyleClass().add("certificate-field-name");
        now.getStyleClass().add("certificate-field-name");
        Label oldPrint = fingerprint(old);
        oldPrint.setId("certificate-old-fingerprint");
        Label newPrint = fingerprint(model.presentedFingerprint());
        newPrint.setId("certificate-new-fingerprint");
        grid.addRow(0, before, now);
        grid.addRow(1, oldPrint, newPrint);
        return grid;
    }

    private Node chainAndFields() {
        TreeView<Integer> tree = chainTree();
        GridPane fields = new GridPane();
        fields.setId("certificate-fields");
        fields.getStyleClass().add("certificate-fields");
        fields.setHgap(12);
        fields.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        fields.getColumnConstraints().addAll(names, values);
        showFields(fields, model.detailsProperty().get());
        model.detailsProperty().addListener((o, was, now) -> showFields(fields, now));
        HBox.setHgrow(fields, Priority.ALWAYS);
        HBox row = new HBox(16, tree, fields);
        return row;
    }

    private TreeView<Integer> chainTree() {
        int last = model.chain().size() - 1;
        TreeItem<Integer> top = new TreeItem<>(last);
        top.setExpanded(true);
        TreeItem<Integer> parent = top;
        TreeItem<Integer> leaf = top;
        for (int i = last - 1; i >= 0; i--) {
            TreeItem<Integer> child = new TreeItem<>(i);
            child.setExpanded(true);
            parent.getChildren().add(child);
            parent = child;
            leaf = child;
        }
        TreeView<Integer> tree = new TreeView<>(top);
        tree.setId("certificate-chain");
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                setText(empty || index == null ? null : model.shortName(index));
                setTooltip(empty || index == null ? null : new Tooltip(model.chain().get(index).subject()));
            }
        });
        tree.setPrefWidth(290);
        tree.setMinWidth(200);
        tree.setPrefHeight(Math.max(3, model.chain().size()) * 30 + 12);
        tree.getSelectionModel().select(leaf);
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.select(now.getValue());
            }
        });
        return tree;
    }

    private void showFields(GridPane grid, CertificateDetails d) {
        grid.getChildren().clear();
        int row = 0;
        row = field(grid, row, "Subject", value(d.subject(), "certificate-subject"));
        row = field(grid, row, "Issuer", value(d.issuer(), "certificate-issuer"));
        Label validity = value(model.validity(d), "certificate-validity");
        if (model.outOfDate(d)) {
            validity.getStyleClass().add("danger");
        }
        row = field(grid, row, "Valid", validity);
        row = field(grid, row, "Serial number", value(d.serialHex(), "certificate-serial"));
        row = field(grid, row, "SHA-256", copyable(fingerprint(d.sha256Fingerprint()), "certificate-sha256", d.sha256Fingerprint()));
        row = field(grid, row, "SHA-1", copyable(fingerprint(d.sha1Fingerprint()), "certificate-sha1", d.sha1Fingerprint()));
        row = field(grid, row, "Alternative names", value(model.names(d), "certificate-names"));
        row = field(grid, row, "Public key", value(d.keyDescription(), "certificate-key"));
        field(grid, row, "Signature", value(d.signatureAlgorithm(), "certificate-signature"));
    }

    private static int field(GridPane grid, int row, String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("certificate-field-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        grid.addRow(row, label, value);
        return row + 1;
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A fingerprint in two lines of 16 pairs, in a fixed-width font, so that it can be compared at a glance. */
    private static Label fingerprint(String hex) {
        String[] pairs = hex.split(":");
        int half = (pairs.length + 1) / 2;
        String text = String.join(":", java.util.Arrays.copyOfRange(pairs, 0, half)) + ":\n"
                + String.join(":", java.util.Arrays.copyOfRange(pairs, half, pairs.length));
        Label l = new Label(text);
        l.getStyleClass().add("certificate-fingerprint");
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Node copyable(Label shown, String id, String text) {
        shown.setId(id);
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId(id + "-copy");
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip("Copy the fingerprint"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox box = new HBox(8, shown, copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node connection() {
        Label tls = value(model.connection(), "certificate-tls");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        Label name = new Label("TLS");
        name.getStyleClass().add("certificate-field-name");
        grid.addRow(0, name, tls);
        return grid;
    }

    private static Node section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("certificate-section");
        l.setPadding(new Insets(4, 0, 0, 0));
        return l;
    }
}
