package dev.ferry.ui.sites;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.FolderPaths;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.sites.SiteTreeException;
import dev.ferry.sites.importers.ImportItem;
import dev.ferry.sites.importers.ImportPreview;
import dev.ferry.sites.importers.SkippedEntry;

/**
 * The import preview's state: one row per site with a tick (all ticked at first), the skipped entries, and the
 * folder to import into. FX thread only; nothing here reads files.
 */
public final class ImportPreviewModel {
    private final ImportPreview preview;
    private final List<Row> rows;
    private final StringProperty folder = new SimpleStringProperty();
    private final ReadOnlyStringWrapper folderProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper chosenCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper();

    /** One site of the file, as the table shows it. */
    public static final class Row {
        private final ImportItem item;
        private final BooleanProperty chosen = new SimpleBooleanProperty(true);

        Row(ImportItem item) {
            this.item = item;
        }

        public ImportItem item() {
            return item;
        }

        /** Whether it will be imported; the table's check box. */
        public BooleanProperty chosenProperty() {
            return chosen;
        }

        public String name() {
            return item.site().name();
        }

        public String host() {
            return item.site().host();
        }

        /** "Explicit FTPS", "Implicit FTPS" or "Plain FTP (insecure)". */
        public String mode() {
            return modeText(item.site().mode());
        }

        public String port() {
            return String.valueOf(item.site().port());
        }

        public String user() {
            return item.site().passwordMode() == PasswordMode.ANONYMOUS ? "anonymous" : item.site().user();
        }

        /** The folder inside the file, or "—" for its top level. */
        public String folder() {
            return item.site().folder().isEmpty() ? "\u2014" : item.site().folder();
        }

        /** Whether the password comes along, in words. */
        public String password() {
            return passwordText(item);
        }

        /** The notes, one sentence after the other. */
        public String notes() {
            return String.join(" ", item.notes());
        }

        public boolean insecure() {
            return !item.site().mode().secure();
        }
    }

    public ImportPreviewModel(ImportPreview preview) {
        this.preview = preview;
        this.rows = preview.items().stream().map(Row::new).toList();
        folder.set("Imported from " + preview.source());
        folder.addListener((o, was, now) -> check());
        for (Row row : rows) {
            row.chosen.addListener((o, was, now) -> check());
        }
        check();
    }

    private void check() {
        chosenCount.set((int) rows.stream().filter(r -> r.chosen.get()).count());
        String problem = "";
        try {
            FolderPaths.normalize(folder.get() == null ? "" : folder.get());
        } catch (SiteTreeException e) {
            problem = e.getMessage();
        }
        folderProblem.set(problem);
        canImport.set(chosenCount.get() > 0 && problem.isEmpty());
    }

    /** Where the file came from ("FileZilla", "WinSCP"). */
    public String source() {
        return preview.source();
    }

    public List<Row> rows() {
        return rows;
    }

    public List<SkippedEntry> skipped() {
        return preview.skipped();
    }

    /** The folder to import into, as typed: "Imported from FileZilla" at first, "" for the top level. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** Why the folder cannot be used, or "". */
    public ReadOnlyStringProperty folderProblemProperty() {
        return folderProblem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty chosenCountProperty() {
        return chosenCount.getReadOnlyProperty();
    }

    /** Whether Import can be pressed: at least one site ticked and a usable folder. */
    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    /** Ticks or unticks every site. */
    public void chooseAll(boolean chosen) {
        rows.forEach(r -> r.chosen.set(chosen));
    }

    /** A sentence for the dialog's header. */
    public String summary() {
        int n = rows.size();
        int s = preview.skipped().size();
        String sites = n == 0 ? "No site in this " + source() + " file can be imported"
                : (n == 1 ? "1 site" : n + " sites") + " can be imported from " + source();
        return sites + (s == 0 ? "." : "; " + (s == 1 ? "1 entry is" : s + " entries are") + " skipped.");
    }

    /** The label of the Import button, with the count. */
    public StringExpression importLabel() {
        return Bindings.createStringBinding(() -> chosenCount.get() == 1 ? "Import 1 site"
                : "Import " + chosenCount.get() + " sites", chosenCount);
    }

    /** The ticked sites and the folder, when Import can be pressed. */
    public Optional<ImportChoice> choice() {
        if (!canImport.get()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ImportChoice(rows.stream().filter(r -> r.chosen.get()).map(Row::item).toList(),
                    FolderPaths.normalize(folder.get() == null ? "" : folder.get())));
        } catch (SiteTreeException e) {
            return Optional.empty();
        }
    }

    static String modeText(FtpsMode mode) {
        return switch (mode) {
            case EXPLICIT -> "Explicit FTPS";
            case IMPLICIT -> "Implicit FTPS";
            case PLAIN -> "Plain FTP (insecure)";
        };
    }

    static String passwordText(ImportItem item) {
        Site site = item.site();
        if (item.password().isPresent()) {
            return "Will be stored encrypted";
        }
        return site.passwordMode() == PasswordMode.ANONYMOUS ? "None (anonymous)" : "Not included";
    }
}
