package dev.ferry.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file pane's table as the user left it: column widths by column id, and the sort column (empty when unsorted)
 * and direction.
 */
public record PaneLayout(Map<String, Double> columnWidths, String sortColumn, boolean sortAscending) {
    public PaneLayout {
        Map<String, Double> widths = new LinkedHashMap<>();
        if (columnWidths != null) {
            columnWidths.forEach((id, width) -> {
                if (id != null && width != null && Double.isFinite(width) && width > 0) {
                    widths.put(id, width);
                }
            });
        }
        columnWidths = Collections.unmodifiableMap(widths);
        sortColumn = sortColumn == null ? "" : sortColumn;
    }

    /** Default widths, sorted by name, A to Z. */
    public static PaneLayout defaults() {
        return new PaneLayout(Map.of(), "name", true);
    }

    public PaneLayout withColumnWidth(String columnId, double width) {
        Map<String, Double> widths = new LinkedHashMap<>(columnWidths);
        widths.put(columnId, width);
        return new PaneLayout(widths, sortColumn, sortAscending);
    }

    public PaneLayout withColumnWidths(Map<String, Double> columnWidths) {
        return new PaneLayout(columnWidths, sortColumn, sortAscending);
    }

    public PaneLayout withSort(String sortColumn, boolean sortAscending) {
        return new PaneLayout(columnWidths, sortColumn, sortAscending);
    }
}
