package dev.ferry.security;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownCertificatesTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("known-certs.json");
    }

    @Test
    void aMissingFileKnowsNoCertificate() throws Exception {
        KnownCertificates store = new KnownCertificates(file());
        assertTrue(store.list().isEmpty());
        assertTrue(store.find("localhost", 21).isEmpty());
        assertFalse(Files.exists(file()));
    }

    @Test
    void aPinIsFoundByANewStoreOverTheSameFile() throws Exception {
        ServerCertificate presented = Presented.selfSigned(2121);
        new KnownCertificates(file()).pin(KnownCertificate.of(presented, Instant.parse("2025-05-01T10:00:00Z")));

        KnownCertificate found = new KnownCertificates(file()).find("LOCALHOST", 2121).orElseThrow();

        assertTrue(found.matches(presented));
        assertEquals(presented.sha256Fingerprint(), found.sha256());
        assertEquals(Instant.parse("2025-05-01T10:00:00Z"), found.trustedAt());
        assertTrue(new KnownCertificates(file()).find("localhost", 21).isEmpty(), "another port is another server");
    }

    @Test
    void theFileHasAVersionAndTheHostPortAndFingerprint() throws Exception {
        ServerCertificate presented = Presented.selfSigned(990);
        new KnownCertificates(file()).pin(KnownCertificate.of(presented, Instant.now()));

        String text = Files.readString(file());
        for (String expected : List.of("\"version\" : 1", "\"host\" : \"localhost\"", "\"port\" : 990",
                presented.sha256Fingerprint())) {
            assertTrue(text.contains(expected), () -> expected + " in " + text);
        }
    }

    @Test
    void pinningAgainForTheSameServerReplacesTheOldPinAndKeepsABackup() throws Exception {
        KnownCertificates store = new KnownCertificates(file());
        ServerCertificate first = Presented.selfSigned(21);
        ServerCertificate second = Presented.selfSigned(21);
        store.pin(KnownCertificate.of(first, Instant.now()));
        store.pin(KnownCertificate.of(second, Instant.now()));

        List<KnownCertificate> all = store.list();
        assertEquals(1, all.size());
        assertTrue(all.get(0).matches(second));
        assertTrue(Files.readString(dir.resolve("known-certs.json.bak")).contains(first.sha256Fingerprint()));
    }

    @Test
    void removingAPinForgetsOnlyThatServer() throws Exception {
        KnownCertificates store = new KnownCertificates(file());
        store.pin(KnownCertificate.of(Presented.selfSigned(21), Instant.now()));
        store.pin(KnownCertificate.of(Presented.selfSigned(990), Instant.now()));

        assertTrue(store.remove("localhost", 21));
        assertFalse(store.remove("localhost", 21));
        assertEquals(List.of(990), new KnownCertificates(file()).list().stream().map(KnownCertificate::port).toList());
    }

    @Test
    void aCorruptFileIsReportedAndKeptNotOverwritten() throws Exception {
        byte[] corrupt = "{\"version\": 1, \"certificates\": [ {\"host\": ".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), corrupt);
        KnownCertificates store = new KnownCertificates(file());

        KnownCertificatesException read = assertThrows(KnownCertificatesException.class, store::list);
        assertTrue(read.getMessage().startsWith("known-certs.json could not be read (it is not valid JSON"), read.getMessage());
        assertTrue(read.getMessage().contains("left as it is"), read.getMessage());
        KnownCertificatesException write = assertThrows(KnownCertificatesException.class,
                () -> store.pin(KnownCertificate.of(Presented.selfSigned(21), Instant.now())));
        assertTrue(write.getMessage().contains("will not write over it"), write.getMessage());
        assertArrayEquals(corrupt, Files.readAllBytes(file()));
    }

    @Test
    void aBrokenEntryIsReportedWithItsNumber() throws Exception {
        Files.writeString(file(), "{\"version\": 1, \"certificates\": [{\"host\": \"a\", \"port\": 70000,"
                + " \"sha256\": \"00\", \"notAfter\": \"2030-01-01T00:00:00Z\", \"trustedAt\": \"2025-01-01T00:00:00Z\"}]}");

        KnownCertificatesException e = assertThrows(KnownCertificatesException.class, () -> new KnownCertificates(file()).list());
        assertTrue(e.getMessage().contains("certificate 1 of the list is broken: the port 70000 is not between 1 and 65535"),
                e.getMessage());
    }

    @Test
    void aFileWithoutVersionIsNotRead() throws Exception {
        Files.writeString(file(), "{\"certificates\": []}");

        KnownCertificatesException e = assertThrows(KnownCertificatesException.class, () -> new KnownCertificates(file()).list());
        assertTrue(e.getMessage().contains("it has no valid \"version\" field"), e.getMessage());
    }

    @Test
    void storesPinningAtOnceAllKeepTheirPins() throws Exception {
        List<ServerCertificate> servers = new ArrayList<>();
        for (int port = 2000; port < 2016; port++) {
            servers.add(Presented.by(TestPki.selfSigned(TestPki.spec("localhost").loopback()), "localhost", port));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ServerCertificate s : servers) {
                done.add(pool.submit(() -> {
                    new KnownCertificates(file()).pin(KnownCertificate.of(s, Instant.now()));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16, new KnownCertificates(file()).list().size());
    }
}
