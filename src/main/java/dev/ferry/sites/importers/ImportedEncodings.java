package dev.ferry.sites.importers;

import java.nio.charset.Charset;
import java.util.Optional;

/** Maps the file name encodings other programs record (charset names, Windows code pages) to Java's names. */
final class ImportedEncodings {
    private ImportedEncodings() {
    }

    /**
     * The Java charset name for {@code name} ("UTF-8", "windows-1252", "ISO-8859-1", "65001", "1252",
     * "1252 (ANSI - Latin I)"), or empty when Java does not know it.
     */
    static Optional<String> charset(String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String firstWord = n.split("[\\s(]", 2)[0];
        if (firstWord.chars().allMatch(Character::isDigit) && !firstWord.isEmpty()) {
            return codePage(Integer.parseInt(firstWord.length() > 6 ? "0" : firstWord));
        }
        try {
            return Charset.isSupported(n) ? Optional.of(Charset.forName(n).name()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> codePage(int page) {
        if (page == 65001) {
            return Optional.of("UTF-8");
        }
        if (page == 28591) {
            return Optional.of("ISO-8859-1");
        }
        if (page == 932) {
            return Optional.of("Shift_JIS");
        }
        for (String candidate : new String[] {"windows-" + page, "IBM" + page, "x-IBM" + page, "x-windows-" + page}) {
            if (Charset.isSupported(candidate)) {
                return Optional.of(Charset.forName(candidate).name());
            }
        }
        return Optional.empty();
    }
}
