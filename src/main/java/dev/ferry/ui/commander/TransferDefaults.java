package dev.ferry.ui.commander;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import dev.ferry.transfer.FileExistsPolicy;

/** What the transfer dialog proposes, and whether it is shown at all; the app keeps them in settings. */
public final class TransferDefaults {
    private final BooleanProperty confirm = new SimpleBooleanProperty(true);
    private final ObjectProperty<FileExistsPolicy> fileExists = new SimpleObjectProperty<>(FileExistsPolicy.ASK);
    private final BooleanProperty keepTimestamps = new SimpleBooleanProperty(true);

    /** Show the transfer dialog for F5, F6 and drops. */
    public BooleanProperty confirmProperty() {
        return confirm;
    }

    public ObjectProperty<FileExistsPolicy> fileExistsProperty() {
        return fileExists;
    }

    public BooleanProperty keepTimestampsProperty() {
        return keepTimestamps;
    }
}
