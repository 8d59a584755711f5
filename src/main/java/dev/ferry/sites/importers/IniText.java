package dev.ferry.sites.importers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An INI file's sections and their name=value settings, as WinSCP writes it. */
final class IniText {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset ANSI = Charset.forName("windows-1252");

    /** A section: its name as written between the brackets, its line, and its settings (first one wins). */
    record Section(String name, int line, Map<String, String> values) {
    }

    private IniText() {
    }

    /**
     * The sections of {@code text}. Blank lines and lines starting with ";" or "#" are skipped.
     *
     * @throws ImportException naming the first line that is neither a section nor a setting
     */
    static List<Section> parse(String text, String notThis) throws ImportException {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith(";") || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = new Section(trimmed.substring(1, trimmed.length() - 1), i + 1, new LinkedHashMap<>());
                sections.add(current);
            } else if (trimmed.indexOf('=') > 0 && current != null && trimmed.chars().noneMatch(c -> c == 0)) {
                int eq = line.indexOf('=');
                current.values().putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else {
                throw new ImportException(notThis + ": line " + (i + 1) + " is neither a [section] nor a"
                        + " name=value setting.");
            }
        }
        return sections;
    }

    /**
     * Undoes WinSCP's escaping of names and text values: "%XX" is the byte XX; text starting with an escaped
     * UTF-8 byte order mark is UTF-8, other text is Windows-1252 (ANSI).
     */
    static String unescape(String value) {
        return value.indexOf('%') < 0 ? value : decode(bytes(value));
    }

    /** The bytes of escaped text, before decoding. */
    static byte[] bytes(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                out.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    /** Whether escaped bytes start with the UTF-8 byte order mark. */
    static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** Text from escaped bytes: UTF-8 after a byte order mark, else ANSI. */
    static String decode(byte[] bytes) {
        return hasBom(bytes) ? new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
                : new String(bytes, ANSI);
    }

    /** Text from escaped bytes in a known charset (the rest of a name whose first part had the mark). */
    static String decode(byte[] bytes, boolean utf8) {
        int skip = hasBom(bytes) ? 3 : 0;
        return new String(bytes, skip, bytes.length - skip, utf8 ? StandardCharsets.UTF_8 : ANSI);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
