package dev.ferry.ui.commander;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.RemotePaths;
import dev.ferry.fs.FileEntry;
import dev.ferry.fs.FileNames;
import dev.ferry.fs.FileSource;
import dev.ferry.fs.RemoteFileSource;
import dev.ferry.transfer.NewTransfer;
import dev.ferry.transfer.TransferDirection;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;
import dev.ferry.transfer.LocalNames;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.connect.ConnectRequest;
import dev.ferry.ui.pane.FilePaneModel;

/**
 * The commander's state and commands: the two panes, which one the keyboard works on, the connection,
 * and turning F5/F6/drops into queued transfers.
 */
public final class CommanderModel {
    /** Opens the browsing and transfer connections; tests and the app pass the real engine. */
    @FunctionalInterface
    public interface Connector {
        FtpSession open(ConnectionSettings settings) throws dev.ferry.engine.FtpException;
    }

    /** Builds the engine settings for a request; the app adds timeouts, trust and the log. */
    @FunctionalInterface
    public interface SettingsFactory {
        ConnectionSettings settings(ConnectRequest request, ProtocolLog log);
    }

    /** Where log lines of each connection go. */
    @FunctionalInterface
    public interface LogSink {
        ProtocolLog forConnection(String label);
    }

    private final FxBridge bridge;
    private final TransferQueue queue;
    private final FilePaneModel local;
    private final FilePaneModel remote;
    private final SettingsFactory settingsFactory;
    private final Connector connector;
    private final LogSink logs;
    private final MoveCompletion moves;
    private final ObjectProperty<Side> active = new SimpleObjectProperty<>(Side.LOCAL);
    private final ReadOnlyObjectWrapper<ConnectRequest> connected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected");
    private final java.util.Queue<String> finishedTargets = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final dev.ferry.transfer.QueueListener finishedListener = new dev.ferry.transfer.QueueListener() {
        @Override
        public void changed(TransferSnapshot item) {
            noteFinished(item);
        }
    };
    private RemoteFileSource remoteSource;
    private String siteKey;

    /** Where the connection stands. */
    public enum ConnectionState {
        /** No server; the remote pane is empty. Next: CONNECTING. */
        DISCONNECTED,
        /** Logging in on a background thread. Next: CONNECTED or DISCONNECTED. */
        CONNECTING,
        /** The remote pane shows the server. Next: DISCONNECTED. */
        CONNECTED
    }

    public CommanderModel(FxBridge bridge, TransferQueue queue, FileSource localSource, Optional<String> localStart,
                          SettingsFactory settingsFactory, Connector connector, LogSink logs) {
        this.bridge = bridge;
        this.queue = queue;
        this.settingsFactory = settingsFactory;
        this.connector = connector;
        this.logs = logs;
        this.local = new FilePaneModel(bridge, "local");
        this.remote = new FilePaneModel(bridge, "remote");
        this.moves = new MoveCompletion(queue, bridge, this::sourceFor, this::refreshAfterMove);
        queue.addListener(finishedListener);
        local.show(localSource, localStart);
    }

    public FilePaneModel local() {
        return local;
    }

    public FilePaneModel remote() {
        return remote;
    }

    public FilePaneModel pane(Side side) {
        return side == Side.LOCAL ? local : remote;
    }

    public ObjectProperty<Side> activeProperty() {
        return active;
    }

    public ReadOnlyObjectProperty<ConnectRequest> connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** One line for the status bar about the connection. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public TransferQueue queue() {
        return queue;
    }

    /** The queue's key for the connected site, or empty. */
    public Optional<String> siteKey() {
        return Optional.ofNullable(siteKey);
    }

    // ---- connecting -------------------------------------------------------------------------------

    /**
     * Connects in the background; the remote pane shows the request's remote folder (else the server's home
     * folder) when logged in, and the local pane its local folder, if it names one.
     */
    public void connect(ConnectRequest request, int parallel) {
        if (connection.get() == ConnectionState.CONNECTING) {
            return;
        }
        disconnect();
        connection.set(ConnectionState.CONNECTING);
        status.set("Connecting to " + request.displayName() + "…");
        ConnectionSettings browse = settingsFactory.settings(request, logs.forConnection("browse"));
        ConnectionSettings transfers = settingsFactory.settings(request, logs.forConnection("transfer"));
        bridge.run(() -> RemoteFileSource.connect(request.displayName(), () -> connector.open(browse)), source -> {
            remoteSource = source;
            siteKey = siteKeyOf(request);
            queue.registerSite(siteKey, () -> connector.open(transfers), parallel);
            connected.set(request);
            connection.set(ConnectionState.CONNECTED);
            status.set("Connected to " + request.displayName());
            remote.show(source, request.options().remoteFolder());
            request.options().localFolder().ifPresent(local::open);
            resumeWaitingTransfers();
        }, error -> {
            connection.set(ConnectionState.DISCONNECTED);
            String text = Errors.describe("Connecting to " + request.displayName(), error);
            status.set(text);
            remote.fail(text);
        });
    }

    /** Closes the browsing connection; queued transfers keep their own connections. */
    public void disconnect() {
        RemoteFileSource source = remoteSource;
        remoteSource = null;
        if (source != null) {
            bridge.background(() -> {
                source.close();
                return null;
            });
        }
        remote.clear();
        connected.set(null);
        if (connection.get() == ConnectionState.CONNECTED) {
            connection.set(ConnectionState.DISCONNECTED);
            status.set("Disconnected");
        }
    }

    /** Keeps the browsing connection alive while the user reads; called now and then off the FX thread. */
    public void keepAlive() {
        RemoteFileSource source = remoteSource;
        if (source != null) {
            bridge.background(() -> {
                source.keepAlive();
                return null;
            });
        }
    }

    /** The queue key of a site: the URL without password or path, as the command line makes it. */
    public static String siteKeyOf(ConnectRequest r) {
        String scheme = switch (r.mode()) {
            case EXPLICIT -> "ftpes";
            case IMPLICIT -> "ftps";
            case PLAIN -> "ftp";
        };
        return scheme + "://" + r.user() + "@" + r.host() + ":" + r.port();
    }

    /** Transfers restored from the last run wait paused until their site is connected again. */
    private void resumeWaitingTransfers() {
        for (TransferSnapshot s : queue.snapshots()) {
            if (s.site().equals(siteKey) && s.state() == TransferState.PAUSED && s.parent() == 0) {
                queue.resume(s.id());
            }
        }
    }

    // ---- transfers --------------------------------------------------------------------------------

    /**
     * F5 (copy) or F6 (move) from the active pane to the other, or a drop: what would be transferred, or
     * empty with a message when there is nothing to do.
     */
    public Optional<TransferPlan> plan(Side from, List<FileEntry> sources, Optional<String> targetFolder, boolean move) {
        if (sources.isEmpty()) {
            pane(from).inform("Select the files to " + (move ? "move" : "copy") + " first.");
            return Optional.empty();
        }
        if (connection.get() != ConnectionState.CONNECTED) {
            pane(from).fail("Connect to a server first: Ferry copies between this computer and a server.");
            return Optional.empty();
        }
        TransferDirection direction = from == Side.LOCAL ? TransferDirection.UPLOAD : TransferDirection.DOWNLOAD;
        String target = targetFolder.orElse(pane(from.other()).path());
        return Optional.of(new TransferPlan(direction, sources, target, move));
    }

    /** Desktop files dropped on the remote pane: an upload plan of them. */
    public Optional<TransferPlan> planDesktopUpload(List<java.io.File> files, String remoteFolder) {
        List<FileEntry> entries = new ArrayList<>();
        for (java.io.File f : files) {
            boolean folder = f.isDirectory();
            entries.add(new FileEntry(f.getName(), f.getAbsolutePath(),
                    folder ? dev.ferry.fs.FileKind.FOLDER : dev.ferry.fs.FileKind.FILE,
                    folder ? -1 : f.length(), f.lastModified(), "", "", false));
        }
        return plan(Side.LOCAL, entries, Optional.of(remoteFolder), false);
    }

    /** Puts a confirmed plan on the queue; returns how many items were added. */
    public int enqueue(TransferPlan plan, TransferChoice choice) {
        String site = siteKey;
        if (site == null) {
            return 0;
        }
        // The file-exists choice belongs to this batch: transfers already queued keep theirs. Keeping
        // modification times is one setting for the whole queue.
        queue.updateOptions(o -> o.withKeepTimestamps(choice.keepTimestamps()));
        List<NewTransfer> transfers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String target = choice.targetFolder();
        if (plan.direction() == TransferDirection.UPLOAD) {
            Map<String, FileEntry> there = target.equals(remote.path()) ? byName(remote.allEntries()) : null;
            for (FileEntry e : plan.sources()) {
                String remotePath = RemotePaths.join(target, e.name());
                Path localPath = Path.of(e.path());
                if (e.isFolder()) {
                    transfers.add(NewTransfer.uploadFolder(site, localPath, remotePath));
                } else if (there != null) {
                    FileEntry existing = there.get(e.name());
                    transfers.add(NewTransfer.upload(site, localPath, remotePath, e.size(), existing == null
                            ? NewTransfer.RemoteHint.ABSENT
                            : NewTransfer.RemoteHint.present(existing.size(), existing.modified())));
                } else {
                    transfers.add(NewTransfer.upload(site, localPath, remotePath, e.size()));
                }
            }
        } else {
            Path folder = Path.of(target);
            for (FileEntry e : plan.sources()) {
                Optional<Path> localPath = LocalNames.child(folder, e.name());
                if (localPath.isEmpty()) {
                    skipped.add(FileNames.printable(e.name()));
                    continue;
                }
                if (e.isBrowsable()) {
                    transfers.add(NewTransfer.downloadFolder(site, e.path(), localPath.get()));
                } else {
                    transfers.add(NewTransfer.download(site, e.path(), localPath.get(),
                            NewTransfer.RemoteHint.present(e.size(), e.modified())));
                }
            }
        }
        List<TransferSnapshot> added = queue.add(transfers.stream().map(t -> t.withFileExists(choice.fileExists())).toList());
        if (plan.move()) {
            Side from = plan.direction() == TransferDirection.UPLOAD ? Side.LOCAL : Side.REMOTE;
            Map<Long, FileEntry> sources = new HashMap<>();
            for (int i = 0, j = 0; i < plan.sources().size() && j < added.size(); i++) {
                FileEntry e = plan.sources().get(i);
                if (plan.direction() == TransferDirection.DOWNLOAD
                        && skipped.contains(FileNames.printable(e.name()))) {
                    continue;
                }
                sources.put(added.get(j++).id(), e);
            }
            moves.track(from, sources);
        }
        FilePaneModel origin = plan.direction() == TransferDirection.UPLOAD ? local : remote;
        String text = added.size() == 1 ? "Queued " + FileNames.printable(plan.sources().get(0).name())
                : "Queued " + added.size() + " items";
        if (!skipped.isEmpty()) {
            origin.fail(text + "; skipped " + String.join(", ", skipped)
                    + ": these names cannot be files on this computer.");
        } else {
            status.set(text + (plan.direction() == TransferDirection.UPLOAD ? " for upload" : " for download"));
        }
        return added.size();
    }

    private static Map<String, FileEntry> byName(List<FileEntry> entries) {
        Map<String, FileEntry> map = new HashMap<>(entries.size() * 2);
        for (FileEntry e : entries) {
            map.put(e.name(), e);
        }
        return map;
    }

    private Optional<FileSource> sourceFor(Side side) {
        return side == Side.LOCAL ? local.source() : Optional.ofNullable(remoteSource);
    }

    private void refreshAfterMove(Side side) {
        pane(side).refresh();
    }

    /**
     * Lists again the panes that show a folder a transfer finished into since the last call; the window
     * calls it about once a second, so a queue of many files costs one listing per second, not one per file.
     */
    public void refreshFinishedTargets() {
        Set<String> localFolders = new HashSet<>();
        Set<String> remoteFolders = new HashSet<>();
        for (String key; (key = finishedTargets.poll()) != null; ) {
            (key.startsWith("L") ? localFolders : remoteFolders).add(key.substring(1));
        }
        if (localFolders.contains(local.path()) && !local.busyProperty().get()) {
            local.refresh();
        }
        if (remoteFolders.contains(remote.path()) && !remote.busyProperty().get()) {
            remote.refresh();
        }
    }

    /** A finished file shows in its folder, a finished folder (made when it was expanded) in its parent. */
    private void noteFinished(TransferSnapshot item) {
        if (item.state() != TransferState.DONE) {
            return;
        }
        if (item.direction() == TransferDirection.UPLOAD) {
            finishedTargets.add("R" + RemotePaths.parent(item.remotePath()));
        } else {
            Path parent = Path.of(item.localPath()).getParent();
            if (parent != null) {
                finishedTargets.add("L" + parent);
            }
        }
    }

    /** Stops background work; the queue is closed by its owner. */
    public void dispose() {
        queue.removeListener(finishedListener);
        moves.close();
        disconnect();
        local.dispose();
        remote.dispose();
    }
}
