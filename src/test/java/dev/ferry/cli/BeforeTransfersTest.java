package dev.ferry.cli;

import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's hook (it finishes installing the native crypto provider there) runs on every session
 * after its login and before its first data connection: never while a handshake may be running.
 */
class BeforeTransfersTest {
    static final TestPki.Issued ROOT = TestPki.selfSigned(TestPki.spec("Ferry Hook Root").ca());

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .certificate(TestPki.issue(ROOT, TestPki.spec("localhost").loopback()))
            .build();

    @TempDir
    Path dir;

    private final RecordingProtocolLog log = new RecordingProtocolLog();
    /** What the client had sent each time the hook ran. */
    private final List<List<String>> seenByHook = new CopyOnWriteArrayList<>();

    private void ferry(String... args) throws IOException {
        TrustedFerryRun.succeeds(server, ROOT, dir, log, () -> seenByHook.add(log.sent()), args);
    }

    private String url(String path) {
        return "ftpes://" + server.user() + "@127.0.0.1:" + server.explicitPort() + path;
    }

    @Test
    void runsAfterTheLoginAndBeforeTheFirstDataConnection() throws IOException {
        byte[] content = "hook".getBytes(StandardCharsets.UTF_8);
        ferry("put", "-q", Files.write(dir.resolve("a.txt"), content).toString(), url("/a.txt"));
        ferry("get", "-q", url("/a.txt"), dir.resolve("back.txt").toString());

        assertArrayEquals(content, Files.readAllBytes(dir.resolve("back.txt")));
        assertEquals(2, seenByHook.size(), "once per session of each command");
        for (List<String> sentBefore : seenByHook) {
            List<String> thisSession = sentBefore.subList(sentBefore.lastIndexOf("AUTH TLS"), sentBefore.size());
            assertTrue(thisSession.stream().anyMatch(line -> line.startsWith("PASS")), thisSession.toString());
            assertFalse(thisSession.stream().anyMatch(BeforeTransfersTest::opensData), thisSession.toString());
        }
    }

    @Test
    void runsOnEachSessionOfAParallelFolderTransfer() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        for (int i = 0; i < 8; i++) {
            Files.write(tree.resolve("f" + i + ".bin"), new byte[1000 + i]);
        }
        ferry("put", "-r", "-P", "3", "-q", tree.toString(), url("/tree"));

        List<String> all = log.sent();
        long sessions = all.stream().filter(line -> line.startsWith("PASS")).count();
        assertEquals(sessions, seenByHook.size());
        int firstData = 0;
        while (!opensData(all.get(firstData))) {
            firstData++;
        }
        assertTrue(seenByHook.get(0).size() <= firstData, "the first hook ran before the first data connection");
    }

    private static boolean opensData(String command) {
        return command.startsWith("EPSV") || command.startsWith("PASV") || command.startsWith("PORT")
                || command.startsWith("EPRT");
    }
}
