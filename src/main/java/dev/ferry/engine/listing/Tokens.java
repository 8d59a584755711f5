package dev.ferry.engine.listing;

/** The first few space- or tab-separated tokens of a line, with their positions. */
final class Tokens {
    private final String line;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    private Tokens(String line, int[] starts, int[] ends, int count) {
        this.line = line;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    static Tokens of(String line, int max) {
        int[] starts = new int[max];
        int[] ends = new int[max];
        int count = 0;
        int i = 0;
        int n = line.length();
        while (count < max) {
            while (i < n && Lines.isSeparator(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            starts[count] = i;
            while (i < n && !Lines.isSeparator(line.charAt(i))) {
                i++;
            }
            ends[count] = i;
            count++;
        }
        return new Tokens(line, starts, ends, count);
    }

    int count() {
        return count;
    }

    String get(int index) {
        return line.substring(starts[index], ends[index]);
    }

    int length(int index) {
        return ends[index] - starts[index];
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    String line() {
        return line;
    }
}
