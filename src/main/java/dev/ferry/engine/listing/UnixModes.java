package dev.ferry.engine.listing;

import java.util.Optional;

/** Unix permission bits as the nine characters of {@code ls -l}. */
final class UnixModes {
    private UnixModes() {
    }

    /** {@code "0755"} gives {@code "rwxr-xr-x"}; setuid, setgid and sticky give s/S and t/T. */
    static Optional<String> fromOctal(String octal) {
        if (octal.isEmpty() || octal.length() > 7) {
            return Optional.empty();
        }
        int mode = 0;
        for (int i = 0; i < octal.length(); i++) {
            char c = octal.charAt(i);
            if (c < '0' || c > '7') {
                return Optional.empty();
            }
            mode = mode * 8 + (c - '0');
        }
        char[] out = new char[9];
        for (int who = 0; who < 3; who++) {
            int bits = mode >> (6 - 3 * who);
            out[3 * who] = (bits & 4) != 0 ? 'r' : '-';
            out[3 * who + 1] = (bits & 2) != 0 ? 'w' : '-';
            boolean exec = (bits & 1) != 0;
            boolean special = (mode & (04000 >> who)) != 0;
            char specialChar = who == 2 ? 't' : 's';
            out[3 * who + 2] = special ? (exec ? specialChar : Character.toUpperCase(specialChar)) : (exec ? 'x' : '-');
        }
        return Optional.of(new String(out));
    }
}
