package dev.ferry.ui.pane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ferry.fs.FileEntry;
import dev.ferry.fs.FileNames;
import dev.ferry.fs.FileSource;
import dev.ferry.fs.FileSourceException;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;

/**
 * One commander pane's state and commands over a {@link FileSource}: where it is, what it shows (filtered,
 * folders first, sorted), its history, and the file operations. Every call on the source runs on the
 * pane's own background thread, in order; the FX thread only receives finished lists, so a folder of
 * 100,000 entries costs it one list replacement.
 */
public final class FilePaneModel {
    private final FxBridge bridge;
    private final ExecutorService io;
    private final ReadOnlyObjectWrapper<FileSource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper("");
    private final ObservableList<FileEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<FileEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final BooleanProperty showHidden = new SimpleBooleanProperty(false);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<EntryOrder> order = new SimpleObjectProperty<>(EntryOrder.DEFAULT);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freeSpace = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PaneMessage> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> focusRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<String>> breadcrumbs = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<LoadTiming> lastLoad = new ReadOnlyObjectWrapper<>();
    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private List<FileEntry> all = List.of();
    private int running;

    public FilePaneModel(FxBridge bridge, String name) {
        this.bridge = bridge;
        this.io = bridge.newSerialExecutor(name + "-pane");
        showHidden.addListener((o, was, now) -> reshape(null));
        filter.addListener((o, was, now) -> reshape(null));
        order.addListener((o, was, now) -> reshape(null));
    }

    // ---- what the view binds to ------------------------------------------------------------------

    public ReadOnlyObjectProperty<FileSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** What the table shows: filtered, folders first, in {@link #orderProperty()}. Replaced whole. */
    public ObservableList<FileEntry> entries() {
        return readOnlyEntries;
    }

    /** Every entry of the folder, hidden and filtered ones included. */
    public List<FileEntry> allEntries() {
        return all;
    }

    public BooleanProperty showHiddenProperty() {
        return showHidden;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<EntryOrder> orderProperty() {
        return order;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the pane is busy with ("Listing /pub…"), or "". */
    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** "12.3 GiB free" for a local drive, "" where unknown. */
    public ReadOnlyStringProperty freeSpaceProperty() {
        return freeSpace.getReadOnlyProperty();
    }

    /** The latest message for the user; a new value for each message. */
    public ReadOnlyObjectProperty<PaneMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The name the view should put the cursor on after a load (the folder just left, a new folder). */
    public ReadOnlyObjectProperty<String> focusRequestProperty() {
        return focusRequest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** The current path from the root down, each element a full path. */
    public ReadOnlyObjectProperty<List<String>> breadcrumbsProperty() {
        return breadcrumbs.getReadOnlyProperty();
    }

    /** Timing of the last folder shown, for the status line and for measuring large folders. */
    public ReadOnlyObjectProperty<LoadTiming> lastLoadProperty() {
        return lastLoad.getReadOnlyProperty();
    }

    public Optional<FileSource> source() {
        return Optional.ofNullable(source.get());
    }

    public String path() {
        return path.get();
    }

    /** The last element of a breadcrumb path, for its button. */
    public String crumbLabel(String crumb) {
        FileSource s = source.get();
        if (s == null) {
            return crumb;
        }
        Optional<String> parent = s.parent(crumb);
        if (parent.isEmpty()) {
            return crumb;
        }
        String p = parent.get();
        String rest = crumb.substring(Math.min(crumb.length(), p.length()));
        while (rest.startsWith("/") || rest.startsWith("\\")) {
            rest = rest.substring(1);
        }
        return FileNames.printable(rest.isEmpty() ? crumb : rest);
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Shows {@code newSource}, starting at {@code start} or its home folder. */
    public void show(FileSource newSource, Optional<String> start) {
        source.set(newSource);
        back.clear();
        forward.clear();
        updateHistory();
        all = List.of();
        entries.clear();
        path.set("");
        Shape shape = shape();
        task("Opening " + newSource.displayName() + "…", () -> {
            String home = start.filter(s -> !s.isBlank()).orElseGet(() -> {
                try {
                    return newSource.home();
                } catch (FileSourceException e) {
                    return newSource.roots().get(0);
                }
            });
            return listing(newSource, home, shape);
        }, listing -> apply(listing, null), error -> {
            if (start.isPresent()) {
                show(newSource, Optional.empty());
            }
        });
    }

    /** Shows nothing (the remote pane after disconnecting). */
    public void clear() {
        source.set(null);
        generation.incrementAndGet();
        all = List.of();
        entries.clear();
        path.set("");
        freeSpace.set("");
        breadcrumbs.set(List.of());
        back.clear();
        forward.clear();
        updateHistory();
    }

    /** Goes to what the user typed into the path bar (relative to the current folder). */
    public void open(String typed) {
        FileSource s = source.get();
        if (s == null || typed == null || typed.isBlank()) {
            return;
        }
        navigate(s.normalize(path.get(), typed.strip()), true, null);
    }

    /** Enter on an entry: folders (and links) open; files are left to the caller. */
    public boolean openEntry(FileEntry entry) {
        if (!entry.isBrowsable()) {
            return false;
        }
        navigate(entry.path(), true, null);
        return true;
    }

    /** Backspace: the parent folder, with the cursor on the folder we came from. */
    public void up() {
        FileSource s = source.get();
        if (s == null) {
            return;
        }
        String current = path.get();
        s.parent(current).ifPresent(parent -> navigate(parent, true, lastName(s, current)));
    }

    public void back() {
        if (back.isEmpty()) {
            return;
        }
        String target = back.pop();
        forward.push(path.get());
        updateHistory();
        navigate(target, false, null);
    }

    public void forward() {
        if (forward.isEmpty()) {
            return;
        }
        String target = forward.pop();
        back.push(path.get());
        updateHistory();
        navigate(target, false, null);
    }

    /** Reads the current folder again. */
    public void refresh() {
        FileSource s = source.get();
        if (s == null || path.get().isEmpty()) {
            return;
        }
        String current = path.get();
        Shape shape = shape();
        task("Refreshing…", () -> listing(s, current, shape), l -> apply(l, null), e -> {
        });
    }

    /** F7: a new folder in the current one; the cursor lands on it. */
    public void mkdir(String name) {
        FileSource s = source.get();
        if (s == null) {
            return;
        }
        String current = path.get();
        Shape shape = shape();
        task("Creating folder " + FileNames.printable(name) + "…", () -> {
            String target = s.child(current, name.strip());
            s.mkdir(target);
            return listing(s, current, shape);
        }, l -> apply(l, name.strip()), e -> {
        });
    }

    /** F2: renames {@code entry} within the current folder. */
    public void rename(FileEntry entry, String newName) {
        FileSource s = source.get();
        if (s == null || newName.equals(entry.name())) {
            return;
        }
        String current = path.get();
        Shape shape = shape();
        task("Renaming " + FileNames.printable(entry.name()) + "…", () -> {
            String target = s.child(current, newName.strip());
            s.rename(entry.path(), target);
            return listing(s, current, shape);
        }, l -> apply(l, newName.strip()), e -> {
        });
    }

    /**
     * F8: deletes {@code targets} (folders with their contents) and lists the folder again. Returns a flag
     * that cancels the delete between entries.
     */
    public AtomicBoolean delete(List<FileEntry> targets) {
        AtomicBoolean cancelled = new AtomicBoolean();
        FileSource s = source.get();
        if (s == null || targets.isEmpty()) {
            return cancelled;
        }
        String current = path.get();
        List<FileEntry> copy = List.copyOf(targets);
        Shape shape = shape();
        task(copy.size() == 1 ? "Deleting " + FileNames.printable(copy.get(0).name()) + "…"
                : "Deleting " + copy.size() + " items…", () -> {
            FileSourceException failure = null;
            for (FileEntry e : copy) {
                if (cancelled.get()) {
                    break;
                }
                try {
                    s.delete(e, p -> bridge.fx(() -> busyText.set("Deleting " + FileNames.printable(p) + "…")),
                            cancelled::get);
                } catch (FileSourceException ex) {
                    failure = ex;
                    break;
                }
            }
            Listing after = listing(s, current, shape);
            if (failure != null) {
                FileSourceException reported = failure;
                bridge.fx(() -> apply(after, null));
                throw reported;
            }
            return after;
        }, l -> apply(l, null), e -> {
        });
        return cancelled;
    }

    /** Shows {@code text} to the user as information (for example "Added 3 files to the queue"). */
    public void inform(String text) {
        message.set(new PaneMessage(text, false, messages.incrementAndGet()));
    }

    /** Shows {@code text} to the user as an error. */
    public void fail(String text) {
        message.set(new PaneMessage(text, true, messages.incrementAndGet()));
    }

    /** Stops the pane's background thread; the source is closed by its owner. */
    public void dispose() {
        io.shutdownNow();
    }

    // ---- inside -----------------------------------------------------------------------------------

    private record Listing(FileSource source, String path, List<FileEntry> all, List<FileEntry> shown,
                           List<String> crumbs, OptionalLong free, Shape shape, long startedNanos, long arrivedNanos) {
    }

    /**
     * How long the last folder took: asking until the listing arrived, and from its arrival until the table
     * showed it (sorting and filtering included).
     */
    public record LoadTiming(String path, int entries, long listedMillis, long shownAfterArrivalMillis) {
    }

    /** What decides which entries show, and in which order; captured on the FX thread. */
    private record Shape(boolean hidden, String filter, EntryOrder order) {
        List<FileEntry> apply(List<FileEntry> listed) {
            String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
            List<FileEntry> shown = new ArrayList<>(listed.size());
            for (FileEntry e : listed) {
                if (!hidden && e.hidden()) {
                    continue;
                }
                if (!needle.isEmpty() && !e.name().toLowerCase(Locale.ROOT).contains(needle)) {
                    continue;
                }
                shown.add(e);
            }
            shown.sort(order.comparator());
            return shown;
        }
    }

    private Shape shape() {
        return new Shape(showHidden.get(), filter.get(), order.get());
    }

    private void navigate(String target, boolean remember, String focus) {
        FileSource s = source.get();
        if (s == null) {
            return;
        }
        String from = path.get();
        Shape shape = shape();
        task("Listing " + FileNames.printable(target) + "…", () -> listing(s, target, shape), l -> {
            if (remember && !from.isEmpty() && !from.equals(l.path())) {
                back.push(from);
                forward.clear();
                updateHistory();
            }
            apply(l, focus);
        }, e -> {
        });
    }

    private Listing listing(FileSource s, String folder, Shape shape) throws FileSourceException {
        long started = System.nanoTime();
        List<FileEntry> listed = s.list(folder);
        long arrived = System.nanoTime();
        List<String> crumbs = new ArrayList<>();
        for (Optional<String> p = Optional.of(folder); p.isPresent(); p = s.parent(p.get())) {
            crumbs.add(0, p.get());
        }
        return new Listing(s, folder, listed, shape.apply(listed), crumbs, s.freeSpace(folder), shape, started, arrived);
    }

    /** Filter or order changed: shape the entries again in the background. */
    private void reshape(String focus) {
        List<FileEntry> listed = all;
        FileSource s = source.get();
        if (s == null || listed.isEmpty()) {
            return;
        }
        long gen = generation.incrementAndGet();
        String current = path.get();
        Shape shape = shape();
        bridge.run(() -> shape.apply(listed), shown -> {
            if (generation.get() == gen && source.get() == s && current.equals(path.get())) {
                entries.setAll(shown);
                if (focus != null) {
                    focusRequest.set(null);
                    focusRequest.set(focus);
                }
            }
        }, e -> fail(Errors.describe("Cannot sort the list", e)));
    }

    private void apply(Listing l, String focus) {
        if (source.get() != l.source()) {
            return;
        }
        all = l.all();
        path.set(l.path());
        breadcrumbs.set(List.copyOf(l.crumbs()));
        freeSpace.set(l.free().isPresent() ? PaneFormats.size(l.free().getAsLong()) + " free" : "");
        if (l.shape().equals(shape())) {
            generation.incrementAndGet();
            entries.setAll(l.shown());
            long now = System.nanoTime();
            lastLoad.set(new LoadTiming(l.path(), l.all().size(), (l.arrivedNanos() - l.startedNanos()) / 1_000_000,
                    (now - l.arrivedNanos()) / 1_000_000));
        } else {
            reshape(focus);
            return;
        }
        focusRequest.set(null);
        if (focus != null) {
            focusRequest.set(focus);
        }
    }

    private <T> void task(String what, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done,
                          java.util.function.Consumer<Throwable> failed) {
        running++;
        busy.set(true);
        busyText.set(what);
        bridge.run(io, work, value -> {
            finish();
            done.accept(value);
        }, error -> {
            finish();
            fail(Errors.describe(what, error));
            failed.accept(error);
        });
    }

    private void finish() {
        running--;
        if (running == 0) {
            busy.set(false);
            busyText.set("");
        }
    }

    private void updateHistory() {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }

    private static String lastName(FileSource s, String path) {
        Optional<String> parent = s.parent(path);
        if (parent.isEmpty()) {
            return null;
        }
        String rest = path.substring(Math.min(path.length(), parent.get().length()));
        while (rest.startsWith("/") || rest.startsWith("\\")) {
            rest = rest.substring(1);
        }
        return rest.isEmpty() ? null : rest;
    }
}
