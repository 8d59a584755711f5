package dev.ferry.ui.queue;

import dev.ferry.fs.FileNames;
import dev.ferry.transfer.TransferDirection;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;

import java.nio.file.Path;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One item of the transfer queue as the table shows it: read-only properties, written only by
 * {@link QueueViewModel} on the FX thread. A property object is made only when something asks for it
 * (a visible cell), so a queue of 100,000 rows costs plain fields, not a million listeners' worth of
 * property objects.
 */
public final class QueueRow {
    private final long id;
    private final boolean folder;
    private final TransferDirection direction;
    private final String name;
    private final String remotePath;
    private final String localPath;
    private final RateEstimator rate = new RateEstimator();

    private long size;
    private long bytesDone;
    private double progress;
    private double speed = -1;
    private long timeLeft = -1;
    private TransferState state;
    private String message = "";

    private ReadOnlyLongWrapper sizeProperty;
    private ReadOnlyLongWrapper bytesDoneProperty;
    private ReadOnlyDoubleWrapper progressProperty;
    private ReadOnlyDoubleWrapper speedProperty;
    private ReadOnlyLongWrapper timeLeftProperty;
    private ReadOnlyObjectWrapper<TransferState> stateProperty;
    private ReadOnlyStringWrapper messageProperty;
    private ReadOnlyStringWrapper nameProperty;
    private ReadOnlyObjectWrapper<TransferDirection> directionProperty;
    private ReadOnlyStringWrapper routeProperty;

    QueueRow(TransferSnapshot s) {
        this.id = s.id();
        this.folder = s.folder();
        this.direction = s.direction();
        this.remotePath = s.remotePath();
        this.localPath = s.localPath();
        this.name = FileNames.printable(s.direction() == TransferDirection.DOWNLOAD
                ? remoteName(s.remotePath()) : localName(s.localPath()));
        this.state = s.state();
        this.size = s.size();
        this.bytesDone = s.bytesDone();
        this.progress = progressOf(s);
        this.message = messageOf(s);
    }

    /** The queue's id of the item. */
    public long id() {
        return id;
    }

    /** Whether the item is a folder that expands into file items. */
    public boolean isFolder() {
        return folder;
    }

    public ReadOnlyStringProperty nameProperty() {
        if (nameProperty == null) {
            nameProperty = new ReadOnlyStringWrapper(this, "name", name);
        }
        return nameProperty.getReadOnlyProperty();
    }

    /** The file or folder name, control characters shown as {@code ?}. */
    public String getName() {
        return name;
    }

    public ReadOnlyObjectProperty<TransferDirection> directionProperty() {
        if (directionProperty == null) {
            directionProperty = new ReadOnlyObjectWrapper<>(this, "direction", direction);
        }
        return directionProperty.getReadOnlyProperty();
    }

    public TransferDirection getDirection() {
        return direction;
    }

    public ReadOnlyStringProperty routeProperty() {
        if (routeProperty == null) {
            routeProperty = new ReadOnlyStringWrapper(this, "route", getRoute());
        }
        return routeProperty.getReadOnlyProperty();
    }

    /** "source → target", both paths in full. */
    public String getRoute() {
        String remote = FileNames.printable(remotePath);
        String local = FileNames.printable(localPath);
        return direction == TransferDirection.DOWNLOAD ? remote + " → " + local : local + " → " + remote;
    }

    public ReadOnlyLongProperty sizeProperty() {
        if (sizeProperty == null) {
            sizeProperty = new ReadOnlyLongWrapper(this, "size", size);
        }
        return sizeProperty.getReadOnlyProperty();
    }

    /** Bytes in all, or -1 while unknown. */
    public long getSize() {
        return size;
    }

    public ReadOnlyLongProperty bytesDoneProperty() {
        if (bytesDoneProperty == null) {
            bytesDoneProperty = new ReadOnlyLongWrapper(this, "bytesDone", bytesDone);
        }
        return bytesDoneProperty.getReadOnlyProperty();
    }

    public long getBytesDone() {
        return bytesDone;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        if (progressProperty == null) {
            progressProperty = new ReadOnlyDoubleWrapper(this, "progress", progress);
        }
        return progressProperty.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 when running with an unknown size. */
    public double getProgress() {
        return progress;
    }

    public ReadOnlyDoubleProperty speedProperty() {
        if (speedProperty == null) {
            speedProperty = new ReadOnlyDoubleWrapper(this, "speed", speed);
        }
        return speedProperty.getReadOnlyProperty();
    }

    /** Smoothed bytes per second while running, else -1. */
    public double getSpeed() {
        return speed;
    }

    public ReadOnlyLongProperty timeLeftProperty() {
        if (timeLeftProperty == null) {
            timeLeftProperty = new ReadOnlyLongWrapper(this, "timeLeft", timeLeft);
        }
        return timeLeftProperty.getReadOnlyProperty();
    }

    /** Seconds left at the current speed, or -1 when not known. */
    public long getTimeLeft() {
        return timeLeft;
    }

    public ReadOnlyObjectProperty<TransferState> stateProperty() {
        if (stateProperty == null) {
            stateProperty = new ReadOnlyObjectWrapper<>(this, "state", state);
        }
        return stateProperty.getReadOnlyProperty();
    }

    public TransferState getState() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        if (messageProperty == null) {
            messageProperty = new ReadOnlyStringWrapper(this, "message", message);
        }
        return messageProperty.getReadOnlyProperty();
    }

    /** Why the item failed or waits to retry, else a note about it (skipped, not verified), else empty. */
    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return "QueueRow[" + id + " " + name + " " + state + "]";
    }

    // ---- written by the view model ---------------------------------------------------------------

    RateEstimator rate() {
        return rate;
    }

    /** Takes the item's new snapshot; returns the state it had before. */
    TransferState apply(TransferSnapshot s) {
        TransferState before = state;
        setSize(s.size());
        setBytesDone(s.bytesDone());
        setProgress(progressOf(s));
        setState(s.state());
        setMessage(messageOf(s));
        return before;
    }

    void setRate(double bytesPerSecond, long secondsLeft) {
        if (speed != bytesPerSecond) {
            speed = bytesPerSecond;
            if (speedProperty != null) {
                speedProperty.set(bytesPerSecond);
            }
        }
        if (timeLeft != secondsLeft) {
            timeLeft = secondsLeft;
            if (timeLeftProperty != null) {
                timeLeftProperty.set(secondsLeft);
            }
        }
    }

    private void setSize(long value) {
        if (size != value) {
            size = value;
            if (sizeProperty != null) {
                sizeProperty.set(value);
            }
        }
    }

    private void setBytesDone(long value) {
        if (bytesDone != value) {
            bytesDone = value;
            if (bytesDoneProperty != null) {
                bytesDoneProperty.set(value);
            }
        }
    }

    private void setProgress(double value) {
        if (progress != value) {
            progress = value;
            if (progressProperty != null) {
                progressProperty.set(value);
            }
        }
    }

    private void setState(TransferState value) {
        if (state != value) {
            state = value;
            if (stateProperty != null) {
                stateProperty.set(value);
            }
        }
    }

    private void setMessage(String value) {
        if (!message.equals(value)) {
            message = value;
            if (messageProperty != null) {
                messageProperty.set(value);
            }
        }
    }

    private static double progressOf(TransferSnapshot s) {
        if (s.state() == TransferState.DONE) {
            return 1;
        }
        if (s.size() > 0) {
            return Math.min(1, (double) s.bytesDone() / s.size());
        }
        return s.state() == TransferState.RUNNING && (s.folder() || s.size() < 0) ? -1 : 0;
    }

    private static String messageOf(TransferSnapshot s) {
        if (s.lastError().isEmpty() && s.note().isEmpty()) {
            return "";
        }
        String error = s.lastError().map(FileNames::printable).orElse("");
        String note = s.note().map(FileNames::printable).orElse("");
        if (error.isEmpty() || note.isEmpty()) {
            return error.isEmpty() ? note : error;
        }
        return error + " (" + note + ")";
    }

    private static String remoteName(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return name.isEmpty() ? path : name;
    }

    private static String localName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
