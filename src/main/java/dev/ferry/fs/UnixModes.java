package dev.ferry.fs;

/** Unix mode bits as {@code ls -l} shows them, without the type letter. */
final class UnixModes {
    private UnixModes() {
    }

    /** {@code 0755} gives {@code rwxr-xr-x}; set-user-ID, set-group-ID and sticky bits show as s/S and t/T. */
    static String format(int mode) {
        char[] c = new char[9];
        for (int who = 0; who < 3; who++) {
            int bits = mode >> (6 - 3 * who);
            c[3 * who] = (bits & 4) != 0 ? 'r' : '-';
            c[3 * who + 1] = (bits & 2) != 0 ? 'w' : '-';
            c[3 * who + 2] = (bits & 1) != 0 ? 'x' : '-';
        }
        special(c, 2, (mode & 04000) != 0, 's');
        special(c, 5, (mode & 02000) != 0, 's');
        special(c, 8, (mode & 01000) != 0, 't');
        return new String(c);
    }

    private static void special(char[] c, int at, boolean set, char letter) {
        if (set) {
            c[at] = c[at] == 'x' ? letter : Character.toUpperCase(letter);
        }
    }
}
