package dev.ferry.engine;

import dev.ferry.engine.control.ControlChannel;
import dev.ferry.engine.control.NameCodec;
import dev.ferry.engine.data.DataChannels;
import dev.ferry.engine.listing.ListParser;
import dev.ferry.engine.listing.MlsdParser;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.engine.tls.ServerCertificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One logged-in FTP or FTPS session: a control connection and the data connections it opens.
 *
 * <p>Blocking: every method runs on the caller's thread and returns when the server has answered,
 * each read bounded by the read timeout. Not thread-safe: one caller at a time (a different thread
 * may only {@link Cancellation#cancel() cancel} a running transfer). Errors are {@link FtpException}s
 * carrying the server's reply; an {@link IOException} that is not an {@code FtpException} comes from
 * the caller's own stream (a local disk), never from the server.
 *
 * <p>The engine starts no thread: keepalive during a transfer is sent from the transferring thread,
 * and keepalive while idle is {@link #keepAliveIfIdle()}, which the owner of the session calls.
 */
public final class FtpSession implements AutoCloseable {
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ConnectionSettings settings;
    private final ControlChannel control;
    private final DataChannels data;
    private final ServerFeatures features;
    private final ServerCertificate certificate;
    private final DataTransfers transfers;
    private String system;
    private Boolean listDashASupported;
    /** The server's current folder as PWD said, while no command may have changed it; else null. */
    private String workingFolder;
    /** The PWD sent with the login's commands, answered by its reply until the folder may have changed. */
    private Optional<ControlChannel.Ahead> firstFolder;

    FtpSession(ConnectionSettings settings, ControlChannel control, DataChannels data, ServerFeatures features,
                       ServerCertificate certificate, Optional<ControlChannel.Ahead> firstFolder) {
        this.settings = settings;
        this.firstFolder = firstFolder;
        this.control = control;
        this.data = data;
        this.features = features;
        this.certificate = certificate;
        this.transfers = new DataTransfers(control, settings.readTimeout(), settings.keepAliveInterval());
    }

    /**
     * Connects, secures the connection as {@code settings.mode()} says, checks the server certificate
     * through {@code settings.trust()} and logs in.
     *
     * @throws UntrustedCertificateException the certificate was refused; nothing secret was sent
     * @throws FtpTlsException               the server does not offer TLS, or the handshake failed
     * @throws FtpLoginException             user name or password refused
     */
    public static FtpSession open(ConnectionSettings settings) throws FtpException {
        return new SessionOpener(settings).open();
    }

    /**
     * Connects just far enough to see the server's certificate (TLS handshake, no login), then
     * disconnects. The certificate is evaluated but not judged: nothing secret is sent.
     *
     * @throws FtpTlsException when {@code settings.mode()} is plain FTP or the server offers no TLS
     */
    public static ServerCertificate fetchCertificate(ConnectionSettings settings) throws FtpException {
        if (!settings.mode().secure()) {
            throw new FtpTlsException("plain FTP has no certificate", null, null);
        }
        ConnectionSettings probe = settings.toBuilder().trust(c -> dev.ferry.engine.tls.TrustDecision.ACCEPT).build();
        return new SessionOpener(probe).probe();
    }

    /** The settings this session was opened with. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** What the server's FEAT reply offered. */
    public ServerFeatures features() {
        return features;
    }

    /** The certificate the server presented on the control connection (empty for plain FTP). */
    public Optional<ServerCertificate> serverCertificate() {
        return Optional.ofNullable(certificate);
    }

    /** Whether the control connection is still open (it may still fail on the next command). */
    public boolean isOpen() {
        return control.isOpen();
    }

    // ---- navigation and file operations ------------------------------------------------------

    /**
     * The current remote folder. Asked once, then remembered until a command may change it
     * ({@link #cwd}, {@link #cdup}, {@link #quote}); the session's own detours (a listing or a
     * {@link #stat} without MLST) come back to it and keep it.
     */
    public String pwd() throws FtpException {
        if (workingFolder == null) {
            FtpReply reply = firstFolder.isPresent() ? firstFolder.get().reply() : control.execute("PWD");
            firstFolder = Optional.empty();
            if (reply.code() != 257) {
                throw new FtpReplyException("PWD", reply);
            }
            workingFolder = parseQuotedPath(reply)
                    .orElseThrow(() -> new FtpProtocolException("the server's PWD reply names no folder", reply));
        }
        return workingFolder;
    }

    public void cwd(String path) throws FtpException {
        forgetFolder();
        expectPositive("CWD " + path);
    }

    public void cdup() throws FtpException {
        forgetFolder();
        expectPositive("CDUP");
    }

    /** Back to {@code folder}, which {@link #pwd()} named before a detour. */
    private void forgetFolder() {
        workingFolder = null;
        firstFolder = Optional.empty();
    }

    private void returnTo(String folder) throws FtpException {
        expectPositive("CWD " + folder);
        workingFolder = folder;
    }

    /** Creates a folder; returns the path the server reports, or {@code path}. */
    public String mkdir(String path) throws FtpException {
        FtpReply reply = expectPositive("MKD " + path);
        return parseQuotedPath(reply).orElse(path);
    }

    public void rmdir(String path) throws FtpException {
        expectPositive("RMD " + path);
    }

    public void delete(String path) throws FtpException {
        expectPositive("DELE " + path);
    }

    public void rename(String from, String to) throws FtpException {
        FtpReply reply = control.execute("RNFR " + from);
        if (reply.code() != 350) {
            throw new FtpReplyException("RNFR " + from, reply);
        }
        expectPositive("RNTO " + to);
    }

    /** The size of a file, or empty when the server says there is no such file (550). */
    public OptionalLong size(String path) throws FtpException {
        return sizeFrom(path, control.execute("SIZE " + path));
    }

    private static OptionalLong sizeFrom(String path, FtpReply reply) throws FtpException {
        if (reply.code() == 550) {
            return OptionalLong.empty();
        }
        if (reply.code() != 213) {
            throw new FtpReplyException("SIZE " + path, reply);
        }
        try {
            return OptionalLong.of(Long.parseLong(reply.firstLineText().strip()));
        } catch (NumberFormatException e) {
            throw new FtpProtocolException("the server's SIZE reply is not a number", reply);
        }
    }

    /** The modification time of a file ({@code MDTM}), or empty when the server says there is none. */
    public Optional<Instant> modificationTime(String path) throws FtpException {
        return timeFrom(path, control.execute("MDTM " + path));
    }

    private static Optional<Instant> timeFrom(String path, FtpReply reply) throws FtpException {
        if (reply.code() == 550) {
            return Optional.empty();
        }
        if (reply.code() != 213) {
            throw new FtpReplyException("MDTM " + path, reply);
        }
        return Optional.of(parseTime(reply.firstLineText().strip(), reply));
    }

    /** Whether {@link #setModificationTime} can work ({@code MFMT} offered). */
    public boolean canSetModificationTime() {
        return features.supports("MFMT");
    }

    /** Sets a file's modification time with {@code MFMT}. */
    public void setModificationTime(String path, Instant time) throws FtpException {
        setModificationTimeAhead(path, time).confirm();
    }

    /**
     * Sends {@code MFMT} without waiting for the reply, which {@link Sent#confirm()} reads later: for a
     * caller with other commands to send meanwhile (an upload's checks), whose round trips then overlap.
     */
    public Sent setModificationTimeAhead(String path, Instant time) throws FtpException {
        if (!canSetModificationTime()) {
            throw new FtpException("the server cannot set modification times (no MFMT)");
        }
        ControlChannel.Ahead mfmt = control.sendAhead("MFMT " + MDTM.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC))
                + " " + path);
        return mfmt::positiveReply;
    }

    /** A command sent ahead of its reply. */
    @FunctionalInterface
    public interface Sent {
        /** Reads the reply (and those of commands sent before it) and throws if the server refused. */
        void confirm() throws FtpException;
    }

    /** {@code SITE CHMOD mode path}; {@code mode} is octal such as {@code 644}. */
    public void chmod(String path, String octalMode) throws FtpException {
        if (!octalMode.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("not an octal file mode: " + octalMode);
        }
        expectPositive("SITE CHMOD " + octalMode + " " + path);
    }

    /** Sends {@code NOOP}. */
    public void noop() throws FtpException {
        expectPositive("NOOP");
    }

    /** Sends {@code NOOP} if nothing was said for the keepalive interval; the session's owner calls this. */
    public void keepAliveIfIdle() throws FtpException {
        if (control.idleTime().compareTo(settings.keepAliveInterval()) >= 0) {
            noop();
        }
    }

    /** How long the control connection has been silent. */
    public Duration idleTime() {
        return control.idleTime();
    }

    /** Sends a raw command and returns the reply, whatever it is. */
    public FtpReply quote(String command) throws FtpException {
        forgetFolder();
        return control.execute(command);
    }

    // ---- listings ------------------------------------------------------------------------------

    /**
     * Lists a folder: {@code MLSD} when the server offers MLST, else {@code LIST -a}/{@code LIST}
     * parsed as Unix or Windows listings. Lines no parser understands are kept as unparsed entries.
     */
    public List<RemoteEntry> list(String path) throws FtpException {
        if (features.supports("MLST")) {
            return MlsdParser.parse(readLines(settings.names(), transferText(path.isEmpty() ? "MLSD" : "MLSD " + path)));
        }
        return new ListParser().parse(readLines(settings.names(), listUnix(path)));
    }

    /** Facts about one path ({@code MLST}), or empty when it does not exist. */
    public Optional<RemoteEntry> stat(String path) throws FtpException {
        if (features.supports("MLST")) {
            FtpReply reply = control.execute("MLST " + path);
            if (reply.code() == 550 || reply.code() == 501) {
                return Optional.empty();
            }
            if (!reply.isPositive()) {
                throw new FtpReplyException("MLST " + path, reply);
            }
            for (String line : reply.lines()) {
                // RFC 3659 puts the facts on a line of their own after one space; Apache FtpServer
                // sends them without the space, others on the code line itself ("250-facts name").
                String facts = line.matches("^\\d{3}[- ].*") ? line.substring(4) : line;
                Optional<RemoteEntry> entry = MlsdParser.parseLine(" " + facts.stripLeading());
                if (entry.isPresent()) {
                    return entry;
                }
            }
            throw new FtpProtocolException("the server's MLST reply has no facts line: " + reply, reply);
        }
        return statWithoutMlst(path);
    }

    private Optional<RemoteEntry> statWithoutMlst(String path) throws FtpException {
        String name = RemotePaths.name(path);
        String here = pwd();
        // One round trip for all three: a folder answers the CWD, a file SIZE and MDTM (the replies
        // that do not apply are read with the next command's).
        ControlChannel.Ahead folder = control.sendAhead("CWD " + path);
        ControlChannel.Ahead bytes = control.sendAhead("SIZE " + path);
        Optional<ControlChannel.Ahead> time = features.supports("MDTM")
                ? Optional.of(control.sendAhead("MDTM " + path)) : Optional.empty();
        if (folder.reply().isPositive()) {
            forgetFolder();
            returnTo(here);
            return Optional.of(new RemoteEntry(name, dev.ferry.engine.listing.EntryType.DIRECTORY, -1, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
        }
        OptionalLong size = sizeFrom(path, bytes.reply());
        if (size.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> modified = time.isPresent() ? timeFrom(path, time.get().reply()) : Optional.empty();
        return Optional.of(new RemoteEntry(name, dev.ferry.engine.listing.EntryType.FILE, size.getAsLong(), modified,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
    }

    private byte[] listUnix(String path) throws FtpException {
        if (listDashASupported == null) {
            listDashASupported = system().toUpperCase(Locale.ROOT).contains("UNIX");
        }
        boolean changeFolder = !path.isEmpty() && !path.equals(".");
        String here = changeFolder ? pwd() : null;
        if (changeFolder) {
            // The listing's port is asked for with the CWD, in the same round trip.
            forgetFolder();
            ControlChannel.Ahead into = control.sendAhead("CWD " + path);
            data.prefetch();
            into.positiveReply();
        }
        try {
            if (listDashASupported) {
                try {
                    return transferText("LIST -a");
                } catch (FtpReplyException e) {
                    if (!e.reply().orElseThrow().isPermanentFailure()) {
                        throw e;
                    }
                    listDashASupported = false;
                }
            }
            return transferText("LIST");
        } finally {
            if (changeFolder) {
                returnTo(here);
            }
        }
    }

    private String system() throws FtpException {
        if (system == null) {
            FtpReply reply = control.execute("SYST");
            system = reply.isPositive() ? reply.firstLineText() : "";
        }
        return system;
    }

    private byte[] transferText(String command) throws FtpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transfers.receive(data.open(command), command, out, TransferListener.none(), Cancellation.none());
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    static List<String> readLines(NameCodec names, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i;
                if (end > start && bytes[end - 1] == '\r') {
                    end--;
                }
                if (end > start || i < bytes.length) {
                    lines.add(names.decode(bytes, start, end - start));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    // ---- transfers -----------------------------------------------------------------------------

    /**
     * Downloads {@code path} into {@code sink}, starting at byte {@code offset} ({@code REST}).
     * The sink is not closed.
     *
     * @return bytes received (not counting the offset)
     * @throws TransferCancelledException when {@code cancellation} was triggered
     * @throws FtpReplyException when the server refuses the transfer; over TLS 1.3, where the refusal came
     *         after the data connection's handshake began, the session is closed too ({@link #isOpen()}
     *         turns false), as its data connections could no longer resume it
     */
    public long download(String path, long offset, OutputStream sink, TransferListener listener,
                         Cancellation cancellation) throws IOException {
        String command = "RETR " + path;
        return transfers.receive(data.open(command, offset), command, sink, listener, cancellation);
    }

    /** Downloads a whole file. */
    public long download(String path, OutputStream sink) throws IOException {
        return download(path, 0, sink, TransferListener.none(), Cancellation.none());
    }

    /**
     * Uploads {@code source} to {@code path}. With {@code append} the data is appended ({@code APPE});
     * otherwise with {@code remoteOffset > 0} the server is told to write from that byte
     * ({@code REST} + {@code STOR}); the caller positions {@code source} to match. The source is not closed.
     *
     * @return bytes sent
     * @throws FtpReplyException when the server refuses the transfer; over TLS 1.3, where the refusal came
     *         after the data connection's handshake began, the session is closed too ({@link #isOpen()}
     *         turns false), as its data connections could no longer resume it
     */
    public long upload(String path, InputStream source, long remoteOffset, boolean append, TransferListener listener,
                       Cancellation cancellation) throws IOException {
        if (append) {
            return transfers.send(data.open("APPE " + path), "APPE " + path, source, listener, cancellation);
        }
        String command = "STOR " + path;
        return transfers.send(data.open(command, remoteOffset), command, source, listener, cancellation);
    }

    /** Uploads a whole file, replacing what is there. */
    public long upload(String path, InputStream source) throws IOException {
        return upload(path, source, 0, false, TransferListener.none(), Cancellation.none());
    }

    /**
     * Asks the server for the next data connection's port now (passive mode), without waiting for the
     * answer: for a caller with more transfers to come, whose next round trip then overlaps with the
     * commands in between, such as an upload's size check. The answer is used by the next transfer or
     * listing within a few seconds, else dropped. Best effort: a connection that broke meanwhile is
     * reported by the next command.
     */
    public void prepareNextTransfer() {
        try {
            data.prefetch();
        } catch (FtpException e) {
            // the next command reads the same broken connection and says so
        }
    }

    // ---- checksums -----------------------------------------------------------------------------

    /** The best checksum algorithm the server offers, if any. */
    public Optional<ChecksumAlgorithm> checksumAlgorithm() {
        Optional<String> hash = features.parameters("HASH");
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (hash.isPresent() && List.of(hash.get().split(";")).stream()
                    .anyMatch(n -> ChecksumAlgorithm.byHashName(n).equals(Optional.of(a)))) {
                return Optional.of(a);
            }
            if (features.supports(a.command())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Asks the server for a file's checksum with the best algorithm it offers; empty when it offers none. */
    public Optional<RemoteChecksum> checksum(String path) throws FtpException {
        Optional<ChecksumAlgorithm> algorithm = checksumAlgorithm();
        if (algorithm.isEmpty()) {
            return Optional.empty();
        }
        ChecksumAlgorithm a = algorithm.get();
        FtpReply reply;
        if (features.supports("HASH")) {
            FtpReply chosen = control.execute("OPTS HASH " + a.hashName());
            if (!chosen.isPositive()) {
                throw new FtpReplyException("OPTS HASH " + a.hashName(), chosen);
            }
            reply = control.execute("HASH " + path);
        } else {
            reply = control.execute(a.command() + " " + path);
        }
        if (!reply.isPositive()) {
            throw new FtpReplyException(verb(reply.lines().get(0)) + " " + path, reply);
        }
        for (String token : reply.firstLineText().split("\\s+")) {
            if (token.length() == a.hexLength() && token.matches("[0-9A-Fa-f]+")) {
                return Optional.of(new RemoteChecksum(a, token));
            }
        }
        throw new FtpProtocolException("the server's checksum reply holds no " + a.hashName() + " value", reply);
    }

    // ---- closing -------------------------------------------------------------------------------

    /** Says {@code QUIT} (briefly waiting for the goodbye) and closes the connection. */
    @Override
    public void close() {
        if (control.isOpen()) {
            try {
                control.socket().setSoTimeout(2000);
                control.execute("QUIT");
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
        control.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private FtpReply expectPositive(String command) throws FtpException {
        FtpReply reply = control.execute(command);
        if (!reply.isPositive()) {
            throw new FtpReplyException(command, reply);
        }
        return reply;
    }

    static Optional<String> parseQuotedPath(FtpReply reply) {
        String text = reply.firstLineText();
        int start = text.indexOf('"');
        if (start < 0) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    path.append('"');
                    i++;
                } else {
                    return Optional.of(path.toString());
                }
            } else {
                path.append(c);
            }
        }
        return Optional.empty();
    }

    static Instant parseTime(String text, FtpReply reply) throws FtpProtocolException {
        try {
            String whole = text.length() >= 14 ? text.substring(0, 14) : text;
            Instant t = LocalDateTime.parse(whole, MDTM).toInstant(ZoneOffset.UTC);
            if (text.length() > 15 && text.charAt(14) == '.') {
                String fraction = (text.substring(15) + "000").substring(0, 3);
                t = t.plusMillis(Integer.parseInt(fraction));
            }
            return t;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new FtpProtocolException("the server sent a time that is not YYYYMMDDHHMMSS: " + text, reply);
        }
    }

    private static String verb(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }
}
