package dev.ferry.cli;

import dev.ferry.testsupport.FtpsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running the same {@code ferry get -r} or {@code put -r} again after {@code kill -9} finishes the job. */
class KilledRunTest {
    @RegisterExtension
    static final FtpsServerExtension server = FtpsServerExtension.builder().build();

    @TempDir
    Path dir;

    private Process ferry(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ferry.app.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ferry-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("PW", server.password());
        return pb.start();
    }

    private String ca() throws Exception {
        return server.serverCertificate().chain().get(server.serverCertificate().chain().size() - 1) == null ? ""
                : writeRoot().toString();
    }

    private Path writeRoot() throws Exception {
        Path pem = dir.resolve("root.pem");
        try (var w = Files.newBufferedWriter(pem)) {
            w.write("-----BEGIN CERTIFICATE-----\n");
            w.write(java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(server.rootCa().getEncoded()));
            w.write("\n-----END CERTIFICATE-----\n");
        }
        return pem;
    }

    private static List<byte[]> makeTree(Path root) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        Files.createDirectories(root.resolve("sub"));
        for (int i = 0; i < 12; i++) {
            byte[] b = new byte[i == 0 ? 80_000_000 : 200_000 + i];
            new Random(i).nextBytes(b);
            contents.add(b);
            Files.write(root.resolve(i % 2 == 0 ? "f" + i + ".bin" : "sub/f" + i + ".bin"), b);
        }
        return contents;
    }

    private static void assertTree(Path root, List<byte[]> contents) throws IOException {
        for (int i = 0; i < contents.size(); i++) {
            assertArrayEquals(contents.get(i), Files.readAllBytes(root.resolve(i % 2 == 0 ? "f" + i + ".bin" : "sub/f" + i + ".bin")),
                    "file " + i);
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertTrue(all.noneMatch(p -> p.toString().endsWith(".ferry-part")));
        }
    }

    private static long bytesUnder(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void killWhen(Process p, LongSupplier progress, long threshold) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (progress.getAsLong() < threshold && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "ferry was still running when killed");
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void getFinishesAfterKill9() throws Exception {
        List<byte[]> contents = makeTree(server.home().resolve("tree"));
        String ca = ca();
        Path target = dir.resolve("copy");
        String url = "ftpes://" + server.user() + "@127.0.0.1:" + server.explicitPort() + "/tree";
        Process first = ferry("get", "-r", "-q", "--cacert", ca, "--password-env", "PW", url, target.toString());
        killWhen(first, () -> bytesUnder(target), 20_000_000);
        Process second = ferry("get", "-r", "-q", "--cacert", ca, "--password-env", "PW", url, target.toString());
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTree(target, contents);
    }

    @Test
    void putFinishesAfterKill9() throws Exception {
        Path source = dir.resolve("src");
        List<byte[]> contents = makeTree(source);
        String ca = ca();
        String url = "ftpes://" + server.user() + "@127.0.0.1:" + server.explicitPort() + "/up";
        Process first = ferry("put", "-r", "-q", "--cacert", ca, "--password-env", "PW", source.toString(), url);
        killWhen(first, () -> bytesUnder(server.home()), 20_000_000);
        Process second = ferry("put", "-r", "-q", "--cacert", ca, "--password-env", "PW", source.toString(), url);
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTree(server.home().resolve("up"), contents);
    }

    static String separator() {
        return File.pathSeparator;
    }
}
