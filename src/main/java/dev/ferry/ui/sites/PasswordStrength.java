package dev.ferry.ui.sites;

/** A rough hint of how hard a master password is to guess, in words; length counts most. */
public enum PasswordStrength {
    EMPTY(""),
    WEAK("Weak: easy to guess. Use at least 12 characters, or a few unrelated words."),
    FAIR("Fair. Longer is better: a few unrelated words make a strong one."),
    STRONG("Strong.");

    private final String hint;

    PasswordStrength(String hint) {
        this.hint = hint;
    }

    /** What to show under the field. */
    public String hint() {
        return hint;
    }

    public static PasswordStrength of(CharSequence password) {
        int length = password.length();
        if (length == 0) {
            return EMPTY;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < length; i++) {
            char c = password.charAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            other |= !Character.isLetterOrDigit(c);
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (length >= 16 || length >= 12 && kinds >= 3) {
            return STRONG;
        }
        if (length >= 12 || length >= 9 && kinds >= 2) {
            return FAIR;
        }
        return WEAK;
    }
}
