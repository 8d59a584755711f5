package dev.ferry.ui.pane;

import java.io.File;
import java.util.List;

/**
 * What was dropped on a pane.
 *
 * @param targetFolder the folder dropped onto: a folder row, or the pane's current folder
 * @param fromPaneId   the id of the pane the entries were dragged from ({@link FilePane#draggedEntries()}),
 *                     or null for files from the desktop
 * @param files        files dragged in from the desktop or a file manager
 */
public record PaneDrop(String targetFolder, String fromPaneId, List<File> files) {
}
