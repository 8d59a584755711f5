package dev.ferry.fs;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.engine.tls.ServerCertificateEvaluator;
import dev.ferry.engine.tls.TlsLayer;
import dev.ferry.engine.tls.TrustDecision;
import dev.ferry.testsupport.FaultProxy;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server through {@link RemoteFileSource}: Apache FtpServer in-process over Explicit FTPS. */
class RemoteFileSourceTest {
    static final int[] PASSIVE = passiveRange();

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .passivePorts(PASSIVE[0] + "-" + PASSIVE[1])
            .build();

    private final List<FtpSession> opened = new CopyOnWriteArrayList<>();
    private final RecordingProtocolLog log = new RecordingProtocolLog();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private static int[] passiveRange() {
        try {
            return FaultProxy.freePassiveRange(20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private ConnectionSettings.Builder settings() {
        return settings(server.host(), server.explicitPort());
    }

    private ConnectionSettings.Builder settings(String host, int port) {
        return ConnectionSettings.builder(host)
                .port(port)
                .mode(FtpsMode.EXPLICIT)
                .credentials(server.user(), server.password())
                .evaluator(new ServerCertificateEvaluator(List.of(server.rootCa()), false, Clock.systemUTC()))
                .readTimeout(Duration.ofSeconds(20))
                .log(log);
    }

    private RemoteFileSource.Opener opener(ConnectionSettings settings) {
        return () -> {
            FtpSession s = FtpSession.open(settings);
            opened.add(s);
            return s;
        };
    }

    private RemoteFileSource connect(ConnectionSettings settings) throws FileSourceException {
        RemoteFileSource source = RemoteFileSource.connect("ferry@test", opener(settings));
        toClose.add(source);
        return source;
    }

    private RemoteFileSource connect() throws FileSourceException {
        return connect(settings().build());
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private Path onServer(String path) {
        return server.home().resolve(path);
    }

    @Test
    void startsInTheServersInitialFolder() throws FileSourceException {
        assertEquals("/", connect().home());
    }

    @Test
    void listsAFolderWithKindsAndSizes() throws IOException {
        Files.createDirectories(onServer("docs/sub"));
        Files.write(onServer("docs/a.txt"), random(123));

        Map<String, FileEntry> entries = connect().list("/docs").stream()
                .collect(Collectors.toMap(FileEntry::name, Function.identity()));

        assertEquals(2, entries.size());
        FileEntry file = entries.get("a.txt");
        assertEquals(FileKind.FILE, file.kind());
        assertEquals(123, file.size());
        assertEquals("/docs/a.txt", file.path());
        assertEquals(Files.getLastModifiedTime(onServer("docs/a.txt")).toMillis() / 1000, file.modified() / 1000);
        assertFalse(file.hidden());
        assertEquals(FileKind.FOLDER, entries.get("sub").kind());
        assertEquals(-1, entries.get("sub").size());
    }

    @Test
    void turnsListingEntriesIntoPaneEntries() {
        RemoteEntry link = new RemoteEntry(".config", EntryType.SYMLINK, 7, Optional.of(Instant.ofEpochMilli(5000)),
                Optional.of("rwxrwxrwx"), Optional.of("ann"), Optional.of("staff"), Optional.of("/etc"), "raw");
        RemoteEntry device = new RemoteEntry("tty", EntryType.OTHER, -1, Optional.empty(), Optional.empty(),
                Optional.of("root"), Optional.empty(), Optional.empty(), "raw");

        assertEquals(new FileEntry(".config", "/home/.config", FileKind.LINK, 7, 5000, "rwxrwxrwx", "ann:staff", true),
                RemoteFileSource.entry(".config", "/home/.config", link));
        assertEquals(new FileEntry("tty", "/dev/tty", FileKind.OTHER, -1, -1, "", "root", false),
                RemoteFileSource.entry("tty", "/dev/tty", device));
        assertEquals(FileKind.OTHER, RemoteFileSource.entry("?", "/?", RemoteEntry.unparsed("garbage")).kind());
    }

    @Test
    void statsAFile() throws IOException {
        Files.write(onServer("one.bin"), random(42));

        FileEntry entry = connect().stat("/one.bin").orElseThrow();

        assertEquals("one.bin", entry.name());
        assertEquals("/one.bin", entry.path());
        assertEquals(FileKind.FILE, entry.kind());
        assertEquals(42, entry.size());
    }

    @Test
    void statsNothingWhereNothingIs() throws FileSourceException {
        assertTrue(connect().stat("/nothing-here").isEmpty());
    }

    @Test
    void createsAFolder() throws FileSourceException {
        connect().mkdir("/made");

        assertTrue(Files.isDirectory(onServer("made")));
    }

    @Test
    void refusesToCreateAFolderThatExists() throws IOException {
        Files.createDirectory(onServer("there"));

        FileSourceException e = assertThrows(FileSourceException.class, () -> connect().mkdir("/there"));

        assertEquals("Cannot create folder /there: it already exists", e.getMessage());
    }

    @Test
    void renamesAFile() throws IOException {
        Files.write(onServer("old.txt"), random(10));

        connect().rename("/old.txt", "/new.txt");

        assertFalse(Files.exists(onServer("old.txt")));
        assertArrayEquals(random(10), Files.readAllBytes(onServer("new.txt")));
    }

    @Test
    void neverReplacesAnExistingFileOnRename() throws IOException {
        Files.write(onServer("from.txt"), random(10));
        Files.write(onServer("to.txt"), random(20));

        FileSourceException e = assertThrows(FileSourceException.class,
                () -> connect().rename("/from.txt", "/to.txt"));

        assertEquals("Cannot rename /from.txt to /to.txt: /to.txt already exists", e.getMessage());
        assertArrayEquals(random(20), Files.readAllBytes(onServer("to.txt")));
        assertArrayEquals(random(10), Files.readAllBytes(onServer("from.txt")));
    }

    @Test
    void deletesAFolderWithEverythingInIt() throws IOException {
        Files.createDirectories(onServer("tree/a/b"));
        Files.createDirectories(onServer("tree/empty"));
        Files.write(onServer("tree/top.txt"), random(5));
        Files.write(onServer("tree/a/mid.txt"), random(5));
        Files.write(onServer("tree/a/b/deep.txt"), random(5));
        Files.createDirectory(onServer("neighbour"));
        RemoteFileSource source = connect();
        List<String> heard = new ArrayList<>();

        source.delete(source.stat("/tree").orElseThrow(), heard::add, () -> false);

        assertFalse(Files.exists(onServer("tree")));
        assertTrue(Files.exists(onServer("neighbour")));
        assertEquals(List.of("/tree", "/tree/a", "/tree/a/b", "/tree/a/b/deep.txt", "/tree/a/mid.txt", "/tree/empty",
                "/tree/top.txt"), heard.stream().sorted().toList());
        assertEquals("/tree", heard.get(heard.size() - 1));
    }

    @Test
    void stopsDeletingWhenCancelled() throws IOException {
        Files.createDirectory(onServer("many"));
        for (int i = 0; i < 10; i++) {
            Files.write(onServer("many/f" + i), random(1));
        }
        RemoteFileSource source = connect();
        List<String> heard = new ArrayList<>();

        source.delete(source.stat("/many").orElseThrow(), heard::add, () -> heard.size() >= 3);

        assertEquals(3, heard.size());
        try (var left = Files.list(onServer("many"))) {
            assertEquals(7, left.count());
        }
    }

    @Test
    void writesAndReadsBackByteExact() throws IOException {
        byte[] content = random(300_000);
        RemoteFileSource source = connect();

        assertEquals(content.length, source.write("/data.bin", new ByteArrayInputStream(content)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(content.length, source.read("/data.bin", out));

        assertArrayEquals(content, Files.readAllBytes(onServer("data.bin")));
        assertArrayEquals(content, out.toByteArray());
    }

    @Test
    void putsTheServersReplyInTheMessage() {
        FileSourceException e = assertThrows(FileSourceException.class,
                () -> connect().delete(new FileEntry("missing.txt", "/missing.txt", FileKind.FILE, 1, -1, "", "",
                        false), p -> { }, () -> false));

        assertTrue(e.getMessage().matches("Cannot delete /missing\\.txt: [45]50 .*missing\\.txt.*"), e.getMessage());
    }

    @Test
    void aRefusedDownloadIsTheServersAnswerAndIsNotAskedAgainOnANewConnection() throws IOException {
        RemoteFileSource source = connect();
        assertEquals("TLSv1.3", opened.get(0).serverCertificate().orElseThrow().tlsProtocol());

        FileSourceException e = assertThrows(FileSourceException.class,
                () -> source.read("/missing.bin", new java.io.ByteArrayOutputStream()));

        assertTrue(e.getMessage().startsWith("Cannot download /missing.bin: 550 "), e.getMessage());
        assertEquals(1, opened.size(), "asked once");
        // Over TLS 1.3 the refusal closed the session (its ticket may be spent): the next call connects again.
        Files.write(onServer("x.txt"), random(3));
        assertEquals(List.of("x.txt"), source.list("/").stream().map(FileEntry::name).toList());
        assertEquals(2, opened.size());
    }

    @Test
    void reconnectsAfterTheServerClosedTheConnection() throws IOException {
        Files.write(onServer("x.txt"), random(3));
        RemoteFileSource source = connect();
        assertEquals("221", opened.get(0).quote("QUIT").code() + "");

        List<FileEntry> entries = source.list("/");

        assertEquals(List.of("x.txt"), entries.stream().map(FileEntry::name).toList());
        assertEquals(2, opened.size());
    }

    @Test
    void reconnectsAfterTheConnectionWasReset() throws IOException {
        Files.write(onServer("x.txt"), random(3));
        try (FaultProxy proxy = FaultProxy.start(server.explicitPort(), PASSIVE[0], PASSIVE[1])) {
            // The proxy's address is not in the certificate: trust exactly the server's certificate.
            ConnectionSettings viaProxy = settings(proxy.host(), proxy.controlPort())
                    .trust(c -> TlsLayer.sameCertificate(c.leaf(), server.serverCertificate().certificate())
                            ? TrustDecision.ACCEPT : TrustDecision.REFUSE)
                    .build();
            RemoteFileSource source = connect(viaProxy);
            source.list("/");

            proxy.cutEverythingNow();
            FileEntry entry = source.stat("/x.txt").orElseThrow();

            assertEquals(3, entry.size());
            assertEquals(2, proxy.controlConnections());
        }
    }

    @Test
    void connectsOnFirstUseWhenMadeWithoutConnecting() throws FileSourceException {
        RemoteFileSource source = new RemoteFileSource("ferry@test", opener(settings().build()));
        toClose.add(source);
        assertTrue(opened.isEmpty());

        source.list("/");

        assertEquals(1, opened.size());
        assertEquals(server.host(), source.settings().orElseThrow().host());
    }

    @Test
    void reportsARefusedLoginWhenConnecting() {
        ConnectionSettings wrong = settings().credentials(server.user(), "not-the-password").build();

        FileSourceException e = assertThrows(FileSourceException.class, () -> connect(wrong));

        assertTrue(e.getMessage().startsWith("Cannot connect to ferry@test: "), e.getMessage());
        assertTrue(e.getMessage().contains("530"), e.getMessage());
    }

    @Test
    void keepsAnIdleConnectionAlive() throws IOException {
        RemoteFileSource source = connect(settings().keepAliveInterval(Duration.ZERO).build());

        source.keepAlive();

        assertTrue(log.sent().contains("NOOP"), log.sent().toString());
    }

    @Test
    void refusesCallsAfterClose() throws FileSourceException {
        RemoteFileSource source = connect();
        source.close();

        FileSourceException e = assertThrows(FileSourceException.class, () -> source.list("/"));

        assertEquals("The connection to ferry@test is closed", e.getMessage());
        assertEquals(1, opened.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "../etc", "nul\0byte", "line\r\nDELE x", ""})
    void refusesNameThatLeavesTheFolder(String name) throws FileSourceException {
        RemoteFileSource source = new RemoteFileSource("ferry@test", opener(settings().build()));

        FileSourceException e = assertThrows(FileSourceException.class, () -> source.child("/pub", name));

        assertTrue(e.getMessage().contains("\"" + FileNames.printable(name) + "\""), e.getMessage());
    }

    @Test
    void acceptsABackslashInAName() throws FileSourceException {
        RemoteFileSource source = new RemoteFileSource("ferry@test", opener(settings().build()));

        assertEquals("/pub/a\\b", source.child("/pub", "a\\b"));
    }

    @Test
    void normalizesTypedPathsTheUnixWay() throws FileSourceException {
        RemoteFileSource source = connect();

        assertEquals("/pub/x/y/z", source.normalize("/pub/files", "../x//y/./z/"));
        assertEquals("/etc", source.normalize("/pub", "/etc"));
        assertEquals("/", source.normalize("/pub", "/../.."));
        assertEquals("/", source.normalize("/pub", "~"));
        assertEquals("/docs", source.normalize("/pub", "~/docs"));
        assertEquals("/pub", source.normalize("/pub", " "));
    }

    @Test
    void findsNoParentAboveTheRoot() {
        RemoteFileSource source = new RemoteFileSource("ferry@test", opener(settings().build()));

        assertTrue(source.parent("/").isEmpty());
        assertEquals("/", source.parent("/pub").orElseThrow());
        assertEquals("/pub", source.parent("/pub/files/").orElseThrow());
        assertEquals(List.of("/"), source.roots());
    }
}
