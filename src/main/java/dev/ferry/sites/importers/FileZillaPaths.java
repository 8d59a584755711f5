package dev.ferry.sites.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FileZilla's stored form of a server path: the server type, the length of a prefix and the prefix (for
 * VMS-like servers), then each folder as its length and its name, all separated by spaces. "1 0 4 home 5 files"
 * is "/home/files"; the lengths let names hold spaces.
 */
final class FileZillaPaths {
    private final String text;
    private int at;

    private FileZillaPaths(String text) {
        this.text = text;
    }

    /** The path, "/"-separated, or empty when {@code safePath} is not in this form. */
    static Optional<String> decode(String safePath) {
        try {
            return Optional.of(new FileZillaPaths(safePath.strip()).path());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String path() {
        number();
        int prefixLength = number();
        String prefix = prefixLength == 0 ? "" : take(prefixLength);
        List<String> segments = new ArrayList<>();
        while (at < text.length()) {
            String segment = take(number());
            if (segment.isEmpty() || segment.contains("/") || segment.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("not a folder name");
            }
            segments.add(segment);
        }
        return prefix + "/" + String.join("/", segments);
    }

    private int number() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start || at - start > 6) {
            throw new IllegalArgumentException("no number");
        }
        int n = Integer.parseInt(text.substring(start, at));
        skipSpace();
        return n;
    }

    private String take(int length) {
        if (length > text.length() - at) {
            throw new IllegalArgumentException("too short");
        }
        String s = text.substring(at, at + length);
        at += length;
        skipSpace();
        return s;
    }

    private void skipSpace() {
        if (at < text.length()) {
            if (text.charAt(at) != ' ') {
                throw new IllegalArgumentException("no space");
            }
            at++;
        }
    }
}
