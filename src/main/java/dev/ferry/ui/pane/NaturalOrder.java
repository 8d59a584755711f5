package dev.ferry.ui.pane;

import java.util.Comparator;

/**
 * Compares names the way file managers do: case-insensitive, and runs of digits by their value, so
 * {@code file2} comes before {@code file10}. Cheap enough to sort 100,000 names in well under a second.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        int la = a.length();
        int lb = b.length();
        while (i < la && j < lb) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int si = i;
                int sj = j;
                while (si < la && a.charAt(si) == '0') {
                    si++;
                }
                while (sj < lb && b.charAt(sj) == '0') {
                    sj++;
                }
                int ei = si;
                int ej = sj;
                while (ei < la && isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < lb && isDigit(b.charAt(ej))) {
                    ej++;
                }
                int lenA = ei - si;
                int lenB = ej - sj;
                if (lenA != lenB) {
                    return lenA - lenB;
                }
                for (int k = 0; k < lenA; k++) {
                    int d = a.charAt(si + k) - b.charAt(sj + k);
                    if (d != 0) {
                        return d;
                    }
                }
                i = ei;
                j = ej;
                continue;
            }
            if (ca != cb) {
                int d = Character.toLowerCase(Character.toUpperCase(ca)) - Character.toLowerCase(Character.toUpperCase(cb));
                if (d != 0) {
                    return d;
                }
            }
            i++;
            j++;
        }
        if (i < la || j < lb) {
            return (la - i) - (lb - j);
        }
        return a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
