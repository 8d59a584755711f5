package dev.ferry.fs;

import dev.ferry.engine.control.NameCodec;

/** Helpers for names that came from a server and cannot be trusted. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * A name fit for a table cell, message or log line: control characters shown as {@code ?}, bytes that
     * were not UTF-8 as their ISO-8859-1 characters ({@link NameCodec#readable}).
     */
    public static String printable(String remoteName) {
        String name = NameCodec.readable(remoteName);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return replaceControls(name);
            }
        }
        return name;
    }

    private static String replaceControls(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
