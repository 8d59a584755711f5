package dev.ferry.engine.listing;

/** Sizes written with thousands separators, as some servers do: {@code 1,234,567}. */
final class Sizes {
    private Sizes() {
    }

    /** Digits in groups of three after the first, separated by commas ({@code "1,234"}, not {@code "1,3"}). */
    static boolean isGrouped(String token) {
        int comma = token.indexOf(',');
        if (comma < 1 || comma > 3) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean separatorPlace = i >= comma && (i - comma) % 4 == 0;
            if (separatorPlace ? c != ',' : !Lines.isAsciiDigit(c)) {
                return false;
            }
        }
        return (token.length() - comma) % 4 == 0;
    }

    /** The value of a plain or grouped number, or -1 when it is neither or too large. */
    static long value(String token) {
        return Lines.digitsValue(token.replace(",", ""));
    }
}
