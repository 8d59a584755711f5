package dev.ferry.security;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The server certificates the user chose to always trust, in {@code known-certs.json} (DESIGN §5), shared by
 * the window and the command line:
 * <pre>{@code
 * {"version": 1, "certificates": [{"host": "ftp.example.org", "port": 21, "sha256": "AB:CD:…",
 *   "subject": "…", "issuer": "…", "notAfter": "2026-01-31T12:00:00Z", "trustedAt": "2025-02-01T09:30:00Z"}]}
 * }</pre>
 * One pin per host and port: pinning a new certificate for a server replaces the old one.
 *
 * <p>Every read goes to the file, so a pin made by another process (the window while a script runs
 * {@code ferry}) is seen at once. A change is made under a lock file ({@code known-certs.json.lock}) and on
 * the file as it is then, re-read: two processes pinning at once both keep their pin. It is written to a
 * temporary file, synced, and renamed over the old one, which is first copied to {@code known-certs.json.bak};
 * readers never see half a file.
 *
 * <p>A file that cannot be read (not JSON, no version, a broken entry) is reported with the reason and left
 * exactly as it is: no change is written over it until the user fixes or removes it.
 *
 * <p>Security warning: whoever can write this file can make Ferry trust any certificate for any server; it
 * lives in the user's own config folder for that reason.
 */
public final class KnownCertificates {
    static final int VERSION = 1;
    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    /** @param file usually {@code AppPaths.knownCertificatesFile()}; it need not exist yet */
    public KnownCertificates(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    /** Every pin, sorted by host and port. A missing file is an empty list. */
    public List<KnownCertificate> list() throws KnownCertificatesException {
        return read().certificates();
    }

    /** The pin for {@code host}:{@code port}, if the user made one. */
    public Optional<KnownCertificate> find(String host, int port) throws KnownCertificatesException {
        String h;
        try {
            h = KnownCertificate.normalizeHost(host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return list().stream().filter(k -> k.isFor(h, port)).findFirst();
    }

    /**
     * Pins {@code pin}: from now on its certificate is trusted for its host and port, and any other certificate
     * there is a change to ask about. Replaces an earlier pin for the same server.
     */
    public void pin(KnownCertificate pin) throws KnownCertificatesException {
        change(list -> {
            List<KnownCertificate> out = new ArrayList<>(list.stream().filter(k -> !k.isFor(pin.host(), pin.port())).toList());
            out.add(pin);
            return out;
        });
    }

    /** Removes the pin for {@code host}:{@code port}; true when there was one. */
    public boolean remove(String host, int port) throws KnownCertificatesException {
        boolean[] removed = {false};
        change(list -> {
            List<KnownCertificate> out = list.stream().filter(k -> !k.isFor(host, port)).toList();
            removed[0] = out.size() != list.size();
            return out;
        });
        return removed[0];
    }

    private record Contents(int version, List<KnownCertificate> certificates) {
    }

    private void change(UnaryOperator<List<KnownCertificate>> edit) throws KnownCertificatesException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Contents now = read();
                if (now.version() > VERSION) {
                    throw new KnownCertificatesException(name() + " was written by a newer version of Ferry (version "
                            + now.version() + "); this one does not change it.");
                }
                List<KnownCertificate> changed = edit.apply(now.certificates());
                if (!changed.equals(now.certificates())) {
                    write(changed);
                }
            }
        } catch (IOException e) {
            throw new KnownCertificatesException(name() + " could not be saved: " + reason(e) + ".", e);
        } finally {
            local.unlock();
        }
    }

    private Contents read() throws KnownCertificatesException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw unreadable("it is larger than any list of certificates Ferry writes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(VERSION, List.of());
        } catch (IOException e) {
            throw new KnownCertificatesException(name() + " could not be read: " + reason(e) + ".", e);
        }
        if (bytes.length == 0) {
            throw unreadable("the file is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw unreadable("it is not valid JSON" + where);
        } catch (IOException e) {
            throw unreadable(reason(e));
        }
        if (root == null || !root.isObject()) {
            throw unreadable("it is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.intValue() < 1) {
            throw unreadable("it has no valid \"version\" field");
        }
        JsonNode entries = root.get("certificates");
        if (entries == null || !entries.isArray()) {
            throw unreadable("it has no \"certificates\" list");
        }
        List<KnownCertificate> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(entry(entries.get(i), i + 1));
        }
        out.sort(Comparator.comparing(KnownCertificate::host).thenComparingInt(KnownCertificate::port));
        return new Contents(version.intValue(), List.copyOf(out));
    }

    private KnownCertificate entry(JsonNode n, int number) throws KnownCertificatesException {
        try {
            if (!n.isObject()) {
                throw new IllegalArgumentException("it is not an object");
            }
            JsonNode port = n.get("port");
            if (port == null || !port.isIntegralNumber()) {
                throw new IllegalArgumentException("it has no port number");
            }
            return new KnownCertificate(text(n, "host"), port.intValue(), text(n, "sha256"), n.path("subject").asText(""),
                    n.path("issuer").asText(""), instant(n, "notAfter"), instant(n, "trustedAt"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw unreadable("certificate " + number + " of the list is broken: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("it has no \"" + field + "\"");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        return Instant.parse(text(n, field));
    }

    private void write(List<KnownCertificate> certificates) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("certificates");
        for (KnownCertificate k : certificates) {
            ObjectNode e = list.addObject();
            e.put("host", k.host());
            e.put("port", k.port());
            e.put("sha256", k.sha256());
            e.put("subject", k.subject());
            e.put("issuer", k.issuer());
            e.put("notAfter", k.notAfter().toString());
            e.put("trustedAt", k.trustedAt().toString());
        }
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private KnownCertificatesException unreadable(String why) {
        return new KnownCertificatesException(name() + " could not be read (" + why + "). It was left as it is:"
                + " Ferry will not write over it, so no certificate can be trusted permanently until it is fixed"
                + " or removed (" + file + ").");
    }

    private String name() {
        return file.getFileName().toString();
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Made on first use: most runs of the command line find no file, and need not load Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
