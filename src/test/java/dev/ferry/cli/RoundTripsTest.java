package dev.ferry.cli;

import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.RecordingProtocolLog;
import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ferry put -r} and {@code get -r} ask the server each question once: what the command line,
 * a folder's creation or a listing already answered is not asked again, per folder or per file.
 * Counted in the protocol log, against Apache FtpServer (which offers MLST; see
 * {@link VsftpdCommandLineTest} for a server without it).
 */
class RoundTripsTest {
    static final TestPki.Issued ROOT = TestPki.selfSigned(TestPki.spec("Ferry Round Trips Root").ca());
    static final List<String> FOLDERS = List.of("/www", "/www/a", "/www/a/b", "/www/c");
    static final List<String> FILES = List.of("/www/x1", "/www/x2", "/www/a/y1", "/www/a/b/z1", "/www/c/w1");

    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder()
            .certificate(TestPki.issue(ROOT, TestPki.spec("localhost").loopback()))
            .build();

    @TempDir
    Path dir;

    private List<String> ferry(String... args) throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        TrustedFerryRun.succeeds(server, ROOT, dir, log, args);
        return log.sent();
    }

    private String url(String path) {
        return "ftpes://" + server.user() + "@127.0.0.1:" + server.explicitPort() + path;
    }

    private Path tree() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("site"));
        for (String file : FILES) {
            Path local = tree.resolve(file.substring("/www/".length()));
            Files.createDirectories(local.getParent());
            Files.write(local, new byte[4096]);
        }
        return tree;
    }

    static long count(List<String> sent, String command) {
        return sent.stream().filter(command::equals).count();
    }

    @Test
    void aFolderUploadChecksEachFolderAtMostOnceAndCreatesItOnce() throws IOException {
        List<String> sent = ferry("put", "-r", "-q", tree().toString(), url("/www"));
        for (String folder : FOLDERS) {
            assertTrue(count(sent, "MLST " + folder) <= 1, folder + " checked more than once: " + sent);
            assertEquals(1, count(sent, "MKD " + folder), folder + " created once: " + sent);
        }
    }

    @Test
    void aFolderUploadSendsItsChecksAndTheNextFilesPortInOneRoundTrip() throws IOException {
        RecordingProtocolLog log = new RecordingProtocolLog();
        TrustedFerryRun.succeeds(server, ROOT, dir, log, "put", "-r", "-q", "-P", "1", tree().toString(), url("/www"));
        List<String> sent = log.sent();
        assertEquals(FILES.size(), sent.stream().filter(c -> c.startsWith("STOR ")).count(), sent::toString);
        assertEquals(FILES.size(), count(sent, "EPSV"), "one port a file, none wasted: " + sent);
        List<String> lines = log.transcript();
        List<Integer> sizeChecks = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("> SIZE ")).boxed().toList();
        assertEquals(FILES.size(), sizeChecks.size(), lines::toString);
        for (int i : sizeChecks.subList(0, sizeChecks.size() - 1)) {
            String file = lines.get(i).substring("> SIZE ".length());
            assertEquals(List.of("> EPSV", "> MFMT", "> SIZE " + file),
                    List.of(lines.get(i - 2), lines.get(i - 1).substring(0, 6), lines.get(i)),
                    "sent together, before any reply: " + lines);
        }
    }

    @Test
    void aFolderUploadAsksNothingPerFileThatItsFolderAlreadyAnswered() throws IOException {
        List<String> sent = ferry("put", "-r", "-q", tree().toString(), url("/www"));
        for (String file : FILES) {
            assertEquals(1, count(sent, "STOR " + file), sent::toString);
            assertEquals(0, count(sent, "MLST " + file), sent::toString);
            assertEquals(0, count(sent, "MDTM " + file), sent::toString);
            assertTrue(count(sent, "SIZE " + file) <= 1, sent::toString);
        }
        long logins = sent.stream().filter(c -> c.startsWith("USER ")).count();
        assertEquals(logins, count(sent, "TYPE I"), "TYPE I once per session: " + sent);
    }

    @Test
    void aRepeatedFolderUploadChecksOnlyTheTopFolderAndSkipsCompleteFiles() throws IOException {
        Path tree = tree();
        ferry("put", "-r", "-q", "-P", "1", tree.toString(), url("/www"));
        List<String> sent = ferry("put", "-r", "-q", "-P", "1", tree.toString(), url("/www"));
        assertTrue(count(sent, "MLST /www") <= 1, sent::toString);
        for (String folder : FOLDERS) {
            assertEquals(0, count(sent, "MKD " + folder), sent::toString);
            assertEquals(1, count(sent, "MLSD " + folder), folder + " listed once: " + sent);
            if (!folder.equals("/www")) {
                assertEquals(0, count(sent, "MLST " + folder), "its parent's listing answered: " + sent);
            }
        }
        assertTrue(sent.stream().noneMatch(c -> c.startsWith("STOR ")), sent::toString);
    }

    @Test
    void aFolderDownloadListsEachFolderOnceAndAsksNothingPerFile() throws IOException {
        ferry("put", "-r", "-q", tree().toString(), url("/www"));
        List<String> sent = ferry("get", "-r", "-q", url("/www"), dir.resolve("back").toString());
        for (String folder : FOLDERS) {
            assertEquals(1, count(sent, "MLSD " + folder), sent::toString);
        }
        for (String file : FILES) {
            assertEquals(1, count(sent, "RETR " + file), sent::toString);
            assertEquals(0, count(sent, "MLST " + file) + count(sent, "SIZE " + file) + count(sent, "MDTM " + file),
                    sent::toString);
        }
    }

    @Test
    void aSingleDownloadAsksAboutItsFileOnce() throws IOException {
        Files.write(server.home().resolve("one.bin"), new byte[5000]);
        List<String> sent = ferry("get", "-q", url("/one.bin"), dir.resolve("one.bin").toString());
        assertEquals(1, count(sent, "MLST /one.bin"), sent::toString);
        assertEquals(0, count(sent, "SIZE /one.bin") + count(sent, "MDTM /one.bin"), sent::toString);
        assertEquals(5000, Files.size(dir.resolve("one.bin")));
    }

    @Test
    void aSingleUploadAsksAboutItsTargetOnceBeforeTheTransfer() throws IOException {
        Path local = Files.write(dir.resolve("up.bin"), new byte[3000]);
        for (int run = 0; run < 2; run++) {
            List<String> sent = ferry("put", "-q", local.toString(), url("/up.bin"));
            int stor = sent.indexOf("STOR /up.bin");
            List<String> before = stor < 0 ? sent : sent.subList(0, stor);
            assertEquals(1, count(before, "MLST /up.bin"), "run " + run + ": " + sent);
            assertEquals(0, count(before, "SIZE /up.bin"), "run " + run + ": " + sent);
        }
        assertEquals(3000, Files.size(server.home().resolve("up.bin")));
    }
}
