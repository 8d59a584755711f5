package dev.ferry.ui.sites;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.scene.control.TreeItem;

import dev.ferry.sites.FolderPaths;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTree;
import dev.ferry.sites.SiteTree.Child;
import dev.ferry.sites.SiteTree.FolderChild;
import dev.ferry.sites.SiteTree.SiteChild;

/** The tree view's items for a site tree: folders first, then sites, by name; a search keeps matching sites only. */
final class SiteTreeItems {
    /** The name the top level shows. */
    static final String ROOT_NAME = "My sites";

    private SiteTreeItems() {
    }

    /**
     * @param search    blank for everything; else only the sites whose name, host or user contains it, with the
     *                  folders they are in (all open)
     * @param collapsed the folders the user closed; every other folder is open
     */
    static TreeItem<Child> build(SiteTree tree, String search, Set<String> collapsed) {
        boolean searching = !search.isBlank();
        Set<String> matching = tree.search(search).stream().map(Site::id).collect(Collectors.toSet());
        TreeItem<Child> root = new TreeItem<>(new FolderChild(FolderPaths.ROOT, ROOT_NAME));
        root.setExpanded(true);
        fill(root, tree, FolderPaths.ROOT, searching, matching, collapsed);
        return root;
    }

    private static void fill(TreeItem<Child> parent, SiteTree tree, String folder, boolean searching,
                             Set<String> matching, Set<String> collapsed) {
        for (Child child : tree.children(folder)) {
            if (child instanceof FolderChild f) {
                if (searching && tree.sitesWithin(f.path()).stream().noneMatch(s -> matching.contains(s.id()))) {
                    continue;
                }
                TreeItem<Child> item = new TreeItem<>(f);
                item.setExpanded(searching || !collapsed.contains(f.path()));
                fill(item, tree, f.path(), searching, matching, collapsed);
                parent.getChildren().add(item);
            } else if (child instanceof SiteChild s && (!searching || matching.contains(s.site().id()))) {
                parent.getChildren().add(new TreeItem<>(s));
            }
        }
    }

    /** A stable key for a node: "folder:<path>" or "site:<id>". */
    static String key(Child child) {
        return child instanceof FolderChild f ? "folder:" + f.path() : "site:" + ((SiteChild) child).site().id();
    }

    /** The item with this key, searching the whole tree. */
    static Optional<TreeItem<Child>> find(TreeItem<Child> item, String key) {
        if (item.getValue() != null && key(item.getValue()).equals(key)) {
            return Optional.of(item);
        }
        for (TreeItem<Child> c : item.getChildren()) {
            Optional<TreeItem<Child>> found = find(c, key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The folder a drop on {@code child} goes into: the folder itself, or the folder a site is in. */
    static String folderOf(Child child) {
        return child instanceof FolderChild f ? f.path() : ((SiteChild) child).site().folder();
    }

    /** Whether the node with {@code key} may move into {@code folder} (somewhere else, and not into itself). */
    static boolean canMove(SiteTree tree, String key, String folder) {
        if (key.startsWith("site:")) {
            return tree.site(key.substring(5)).map(s -> !s.folder().equals(folder)).orElse(false);
        }
        String path = key.substring("folder:".length());
        return !path.isEmpty() && tree.hasFolder(path) && !FolderPaths.isWithin(folder, path)
                && !FolderPaths.parent(path).equals(folder);
    }
}
