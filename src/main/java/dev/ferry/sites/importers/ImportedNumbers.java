package dev.ferry.sites.importers;

/** A number as another program wrote it in its settings; missing or not a number means the program's default. */
final class ImportedNumbers {
    private ImportedNumbers() {
    }

    static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
