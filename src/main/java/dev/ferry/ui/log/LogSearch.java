package dev.ferry.ui.log;

import java.util.Arrays;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The log panel's search, as a view model: the query, which lines match (case-insensitive, in the text or the
 * connection label), the current match and "3 of 12". Kept up to date as lines arrive and drop off. FX thread.
 */
public final class LogSearch {
    private static final int[] NONE = new int[0];

    private final ObservableList<LogLine> lines;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int[] matches = NONE;
    private LogLine current;

    public LogSearch(ObservableList<LogLine> lines) {
        this.lines = lines;
        query.addListener((obs, old, now) -> {
            current = null;
            recompute();
        });
        lines.addListener((ListChangeListener<LogLine>) change -> {
            if (!query.get().isEmpty()) {
                recompute();
            }
        });
    }

    /** What to look for; empty for no search. */
    public StringProperty queryProperty() {
        return query;
    }

    /** How many lines match. */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** "3 of 12", "12 matches", "No matches", or empty when there is no query. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether {@code line} matches the query (never, when the query is empty). */
    public boolean matches(LogLine line) {
        String q = query.get();
        return !q.isEmpty() && (contains(line.text(), q) || contains(line.connection(), q));
    }

    /**
     * Makes the first match after line {@code from} (wrapping around) the current one. Returns its index in the
     * lines, or -1 when nothing matches. {@code from} is usually the selected line, or -1.
     */
    public int next(int from) {
        if (matches.length == 0) {
            return -1;
        }
        int at = Arrays.binarySearch(matches, from + 1);
        int pick = at >= 0 ? at : -at - 1;
        return select(pick < matches.length ? pick : 0);
    }

    /** Like {@link #next} backwards: the last match before line {@code from}, wrapping around. */
    public int previous(int from) {
        if (matches.length == 0) {
            return -1;
        }
        int at = Arrays.binarySearch(matches, from);
        int pick = (at >= 0 ? at : -at - 1) - 1;
        return select(pick >= 0 ? pick : matches.length - 1);
    }

    private int select(int matchPosition) {
        int index = matches[matchPosition];
        current = lines.get(index);
        updateStatus(matchPosition);
        return index;
    }

    private void recompute() {
        String q = query.get();
        if (q.isEmpty()) {
            matches = NONE;
        } else {
            int[] found = new int[lines.size()];
            int count = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (matches(lines.get(i))) {
                    found[count++] = i;
                }
            }
            matches = Arrays.copyOf(found, count);
        }
        matchCount.set(matches.length);
        updateStatus(positionOfCurrent());
    }

    private int positionOfCurrent() {
        if (current != null) {
            for (int m = 0; m < matches.length; m++) {
                if (lines.get(matches[m]) == current) {
                    return m;
                }
            }
            current = null;
        }
        return -1;
    }

    private void updateStatus(int matchPosition) {
        if (query.get().isEmpty()) {
            status.set("");
        } else if (matches.length == 0) {
            status.set("No matches");
        } else if (matchPosition < 0) {
            status.set(matches.length == 1 ? "1 match" : matches.length + " matches");
        } else {
            status.set((matchPosition + 1) + " of " + matches.length);
        }
    }

    private static boolean contains(String text, String query) {
        int last = text.length() - query.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, query, 0, query.length())) {
                return true;
            }
        }
        return false;
    }
}
