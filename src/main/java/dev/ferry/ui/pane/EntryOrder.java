package dev.ferry.ui.pane;

import java.util.Comparator;

import dev.ferry.fs.FileEntry;

/**
 * How a pane sorts: by one column, up or down, and folders always first (as in WinSCP and FileZilla).
 *
 * @param column    the column sorted by
 * @param ascending up or down
 */
public record EntryOrder(Column column, boolean ascending) {
    /** The columns a pane can sort by; the id is what settings remember. */
    public enum Column {
        NAME("name"), SIZE("size"), MODIFIED("modified"), PERMISSIONS("permissions"), OWNER("owner");

        private final String id;

        Column(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Column byId(String id) {
            for (Column c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            return NAME;
        }
    }

    public static final EntryOrder DEFAULT = new EntryOrder(Column.NAME, true);

    /** The comparator: folders first, then the column, then the name, so equal keys stay stable. */
    public Comparator<FileEntry> comparator() {
        Comparator<FileEntry> byName = (a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name());
        Comparator<FileEntry> byColumn = switch (column) {
            case NAME -> byName;
            case SIZE -> Comparator.comparingLong(FileEntry::size);
            case MODIFIED -> Comparator.comparingLong(FileEntry::modified);
            case PERMISSIONS -> Comparator.comparing(FileEntry::permissions);
            case OWNER -> Comparator.comparing(FileEntry::owner);
        };
        if (!ascending) {
            byColumn = byColumn.reversed();
        }
        Comparator<FileEntry> foldersFirst = Comparator.comparing(e -> !e.isBrowsable());
        return foldersFirst.thenComparing(byColumn).thenComparing(byName);
    }
}
