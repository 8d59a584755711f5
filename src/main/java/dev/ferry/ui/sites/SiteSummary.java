package dev.ferry.ui.sites;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree;
import dev.ferry.sites.SiteTree.Child;
import dev.ferry.sites.SiteTree.FolderChild;
import dev.ferry.sites.SiteTree.SiteChild;

/** The right side of the site manager: what the selected site connects to, with Connect and Edit. */
final class SiteSummary extends VBox {
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final GridPane grid = new GridPane();
    private final Button connect = new Button("_Connect", new FontIcon(Material2AL.LINK));
    private final Button edit = new Button("_Edit…", new FontIcon(Material2AL.EDIT));
    private final HBox buttons = new HBox(8, connect, edit);

    SiteSummary(Runnable onConnect, Runnable onEdit) {
        setId("site-summary");
        getStyleClass().add("site-summary");
        setSpacing(12);
        setPadding(new Insets(16));
        title.setId("summary-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        subtitle.setId("summary-subtitle");
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        grid.setId("summary-grid");
        grid.setHgap(14);
        grid.setVgap(6);
        connect.setId("summary-connect");
        connect.getStyleClass().add("accent");
        connect.setDefaultButton(false);
        connect.setOnAction(e -> onConnect.run());
        edit.setId("summary-edit");
        edit.setOnAction(e -> onEdit.run());
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, subtitle, grid, buttons);
        show(null, SiteTree.empty());
    }

    /** Shows {@code child} (a site, a folder, or nothing selected). */
    void show(Child child, SiteTree tree) {
        grid.getChildren().clear();
        if (child instanceof SiteChild s) {
            Site site = s.site();
            title.setText(site.name());
            title.setGraphic(new FontIcon(Material2AL.DNS));
            subtitle.setText(site.folder().isEmpty() ? SiteTreeItems.ROOT_NAME : site.folder());
            row("Host", site.host());
            row("Mode", mode(site.mode()));
            row("Port", String.valueOf(site.port()));
            row("User", switch (site.passwordMode()) {
                case ANONYMOUS -> "anonymous";
                case STORED -> site.user() + "  (password stored)";
                case ASK -> site.user() + "  (password asked when connecting)";
            });
            site.clientCertificate().ifPresent(c -> row("Client certificate", c));
            row("Remote folder", site.remoteFolder().isEmpty() ? "the server's home folder" : site.remoteFolder());
            row("Local folder", site.localFolder().isEmpty() ? "as it is" : site.localFolder());
            if (!site.comment().isBlank()) {
                row("Comment", site.comment());
            }
            buttons.setVisible(true);
        } else if (child instanceof FolderChild f) {
            title.setText(f.name());
            title.setGraphic(new FontIcon(Material2AL.FOLDER_OPEN));
            SiteTree.Contents contents = tree.contents(f.path());
            subtitle.setText(count(contents.sites(), "site") + (contents.folders() == 0 ? ""
                    : " in " + count(contents.folders() + (f.path().isEmpty() ? 0 : 1), "folder")));
            buttons.setVisible(false);
        } else {
            title.setText("No site selected");
            title.setGraphic(new FontIcon(Material2MZ.SEARCH_OFF));
            subtitle.setText("Choose a site on the left, or create one with New site.");
            buttons.setVisible(false);
        }
    }

    private void row(String label, String value) {
        Label name = new Label(label);
        name.getStyleClass().add("text-muted");
        Label text = new Label(value);
        text.setWrapText(true);
        text.setId("summary-" + label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        GridPane.setHgrow(text, Priority.ALWAYS);
        grid.addRow(grid.getRowCount(), name, text);
    }

    private static String mode(FtpsMode mode) {
        return switch (mode) {
            case EXPLICIT -> "Explicit FTPS (AUTH TLS)";
            case IMPLICIT -> "Implicit FTPS";
            case PLAIN -> "FTP — insecure";
        };
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
