package dev.ferry.ui.sites;

import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree.Child;
import dev.ferry.sites.SiteTree.FolderChild;
import dev.ferry.sites.SiteTree.SiteChild;

/** One row of the site tree: an icon and the name; drags a site or folder, and takes drops onto a folder. */
final class SiteCell extends TreeCell<Child> {
    /** What a dragged site or folder carries: its key ("site:id" or "folder:path"). */
    static final DataFormat NODE = format("application/x-ferry-site-node");

    SiteCell(SiteManagerDialog manager) {
        getStyleClass().add("site-cell");
        setOnDragDetected(e -> {
            Child child = getItem();
            if (isEmpty() || child == null || child instanceof FolderChild f && f.path().isEmpty()) {
                return;
            }
            Dragboard board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(NODE, SiteTreeItems.key(child));
            board.setContent(content);
            e.consume();
        });
        setOnDragOver(e -> {
            if (!isEmpty() && getItem() != null && e.getDragboard().hasContent(NODE)
                    && manager.canDrop((String) e.getDragboard().getContent(NODE), SiteTreeItems.folderOf(getItem()))) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragEntered(e -> {
            if (!isEmpty() && e.getDragboard().hasContent(NODE)) {
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
            }
        });
        setOnDragExited(e -> pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false));
        setOnDragDropped(e -> {
            boolean done = !isEmpty() && getItem() != null && e.getDragboard().hasContent(NODE)
                    && manager.drop((String) e.getDragboard().getContent(NODE), SiteTreeItems.folderOf(getItem()));
            e.setDropCompleted(done);
            e.consume();
        });
    }

    @Override
    protected void updateItem(Child item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            setId(null);
            return;
        }
        setText(item.name());
        if (item instanceof FolderChild f) {
            setId(null);
            setGraphic(new FontIcon(f.path().isEmpty() ? Material2AL.BOOKMARKS
                    : getTreeItem() != null && getTreeItem().isExpanded() ? Material2AL.FOLDER_OPEN : Material2AL.FOLDER));
            setTooltip(null);
        } else if (item instanceof SiteChild s) {
            Site site = s.site();
            FontIcon icon = new FontIcon(site.mode() == FtpsMode.PLAIN ? Material2MZ.WARNING : Material2AL.DNS);
            setGraphic(icon);
            setTooltip(new Tooltip((site.user().isBlank() ? "" : site.user() + "@") + site.host() + ":" + site.port()));
        }
    }

    private static DataFormat format(String mime) {
        DataFormat existing = DataFormat.lookupMimeType(mime);
        return existing != null ? existing : new DataFormat(mime);
    }
}
