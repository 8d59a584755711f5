package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.UntrustedCertificateException;
import dev.ferry.engine.listing.RemoteEntry;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.TrustDecision;

class DemoServerTest {
    @Test
    void servesASampleFolderOverExplicitFtpsWithASelfSignedCertificate() throws Exception {
        try (DemoServer demo = DemoServer.start()) {
            AtomicReference<ServerCertificate> seen = new AtomicReference<>();
            ConnectionSettings settings = ConnectionSettings.builder(demo.host()).port(demo.port())
                    .mode(FtpsMode.EXPLICIT).credentials(demo.user(), demo.password())
                    .trust(c -> {
                        seen.set(c);
                        return c.sha256Fingerprint().equals(demo.fingerprint()) ? TrustDecision.ACCEPT
                                : TrustDecision.REFUSE;
                    }).build();
            try (FtpSession session = FtpSession.open(settings)) {
                List<String> names = session.list("/").stream().map(RemoteEntry::name).sorted().toList();
                assertEquals(List.of("README.txt", "documents", "photos", "sample-video.bin"), names);
                session.upload("/uploaded.txt", new ByteArrayInputStream("hello".getBytes()));
                assertEquals("hello", Files.readString(demo.files().resolve("uploaded.txt")));
            }
            assertFalse(seen.get().evaluation().trusted(), "a throwaway certificate is not trusted by the system");
        }
    }

    @Test
    void refusesAnyoneWhoDoesNotTrustItsCertificate() throws Exception {
        try (DemoServer demo = DemoServer.start()) {
            ConnectionSettings settings = ConnectionSettings.builder(demo.host()).port(demo.port())
                    .mode(FtpsMode.EXPLICIT).credentials(demo.user(), demo.password()).build();
            Exception e = assertThrows(Exception.class, () -> FtpSession.open(settings).close());
            assertInstanceOf(UntrustedCertificateException.class, e);
        }
    }

    @Test
    void deletesItsFolderWhenStopped() throws Exception {
        Path files;
        try (DemoServer demo = DemoServer.start()) {
            files = demo.files();
            assertTrue(Files.isDirectory(files));
        }
        assertFalse(Files.exists(files));
    }

    @Test
    void keepsItsCertificateAndPortFromOneRunToTheNext(@TempDir Path state) throws Exception {
        String fingerprint;
        int port;
        try (DemoServer first = DemoServer.start(Optional.of(state), 0)) {
            fingerprint = first.fingerprint();
            port = first.port();
        }
        try (DemoServer second = DemoServer.start(Optional.of(state), port)) {
            assertEquals(fingerprint, second.fingerprint(), "a certificate the user trusted stays trusted");
            assertEquals(port, second.port());
        }
    }

    @Test
    void takesAnotherPortWhenItsOwnIsBusy(@TempDir Path state) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             DemoServer demo = DemoServer.start(Optional.of(state), busy.getLocalPort())) {
            assertTrue(demo.port() > 0 && demo.port() != busy.getLocalPort());
        }
    }

    @Test
    void makesANewCertificateWhenTheKeptOneIsUnreadable(@TempDir Path state) throws Exception {
        try (DemoServer first = DemoServer.start(Optional.of(state), 0)) {
            assertTrue(Files.exists(state.resolve("demo.p12")));
        }
        Files.writeString(state.resolve("demo.p12"), "not a keystore");
        try (DemoServer demo = DemoServer.start(Optional.of(state), 0)) {
            assertEquals(64 + 31, demo.fingerprint().length());
        }
    }
}
