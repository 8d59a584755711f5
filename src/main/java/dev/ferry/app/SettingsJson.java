package dev.ferry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.transfer.FileExistsPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Settings} to and from the JSON of {@code settings.json}. Reading is forgiving field by field: a missing
 * field, or one of the wrong type, takes its default; unknown fields are ignored.
 */
final class SettingsJson {
    static final int VERSION = 1;

    private SettingsJson() {
    }

    static ObjectNode write(Settings s) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ObjectNode window = root.putObject("window");
        if (s.window().hasPosition()) {
            window.put("x", s.window().x());
            window.put("y", s.window().y());
        }
        window.put("width", s.window().width());
        window.put("height", s.window().height());
        window.put("maximized", s.window().maximized());
        root.put("mainDivider", s.mainDivider());
        root.put("bottomDivider", s.bottomDivider());
        root.put("queueCollapsed", s.queueCollapsed());
        root.put("logCollapsed", s.logCollapsed());
        ObjectNode panes = root.putObject("panes");
        s.panes().forEach((id, layout) -> {
            ObjectNode pane = panes.putObject(id);
            ObjectNode columns = pane.putObject("columnWidths");
            layout.columnWidths().forEach(columns::put);
            pane.put("sortColumn", layout.sortColumn());
            pane.put("sortAscending", layout.sortAscending());
        });
        root.put("showHiddenFiles", s.showHiddenFiles());
        root.put("lastLocalFolder", s.lastLocalFolder());
        root.put("theme", s.theme().name());
        root.put("confirmTransfers", s.confirmTransfers());
        root.put("fileExistsPolicy", s.fileExistsPolicy().name());
        root.put("keepTimestamps", s.keepTimestamps());
        root.put("storePasswords", s.storePasswords());
        root.put("parallelTransfers", s.parallelTransfers());
        return root;
    }

    /** Reads what {@link #write} wrote; {@code root} must be an object (the caller checks the version). */
    static Settings read(JsonNode root) {
        Settings d = Settings.defaults();
        JsonNode w = root.path("window");
        WindowBounds window = new WindowBounds(number(w, "x", Double.NaN), number(w, "y", Double.NaN),
                number(w, "width", d.window().width()), number(w, "height", d.window().height()),
                bool(w, "maximized", d.window().maximized()));
        Map<String, PaneLayout> panes = new LinkedHashMap<>();
        root.path("panes").fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                panes.put(e.getKey(), pane(e.getValue()));
            }
        });
        return new Settings(window,
                number(root, "mainDivider", d.mainDivider()),
                number(root, "bottomDivider", d.bottomDivider()),
                bool(root, "queueCollapsed", d.queueCollapsed()),
                bool(root, "logCollapsed", d.logCollapsed()),
                panes,
                bool(root, "showHiddenFiles", d.showHiddenFiles()),
                text(root, "lastLocalFolder", d.lastLocalFolder()),
                choice(root, "theme", ThemeMode.class, d.theme()),
                bool(root, "confirmTransfers", d.confirmTransfers()),
                choice(root, "fileExistsPolicy", FileExistsPolicy.class, d.fileExistsPolicy()),
                bool(root, "keepTimestamps", d.keepTimestamps()),
                root.path("parallelTransfers").canConvertToInt()
                        ? root.path("parallelTransfers").intValue() : d.parallelTransfers(),
                bool(root, "storePasswords", d.storePasswords()));
    }

    private static PaneLayout pane(JsonNode node) {
        PaneLayout d = PaneLayout.defaults();
        Map<String, Double> widths = new LinkedHashMap<>();
        node.path("columnWidths").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                widths.put(e.getKey(), e.getValue().doubleValue());
            }
        });
        return new PaneLayout(widths, text(node, "sortColumn", d.sortColumn()),
                bool(node, "sortAscending", d.sortAscending()));
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.doubleValue() : fallback;
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.booleanValue() : fallback;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.textValue() : fallback;
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback) {
        JsonNode v = node.path(field);
        if (v.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(v.textValue())) {
                    return constant;
                }
            }
        }
        return fallback;
    }
}
