package dev.ferry.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real vsftpd with {@code require_ssl_reuse=YES}, started from a generated configuration on free
 * loopback ports, logging in a local system user ({@value #USER}, created when the tests run as root
 * and it is missing) into a fresh folder. One mode per process: Explicit or Implicit FTPS.
 */
public final class VsftpdServer implements AutoCloseable {
    /** How the server secures the control connection. */
    public enum Mode { EXPLICIT, IMPLICIT }

    static final String USER = "ferrytest";
    static final String PAM_SERVICE = "ferry-vsftpd-test";
    private static final Path PAM_FILE = Path.of("/etc/pam.d", PAM_SERVICE);
    // Debian's own "vsftpd" service also demands a shell listed in /etc/shells, which a test user
    // without a login shell does not have; this one checks the password and nothing else.
    private static final String PAM_RULES = """
            auth     required pam_unix.so
            account  required pam_unix.so
            session  required pam_permit.so
            """;
    static final String PASSWORD = "ferry-vsftpd-secret";
    private static final Path BINARY = Path.of("/usr/sbin/vsftpd");

    private final Process process;
    private final Path base;
    private final Path root;
    private final Path log;
    private final int port;
    private final TestPki.Issued certificate;

    private VsftpdServer(Process process, Path base, Path root, Path log, int port, TestPki.Issued certificate) {
        this.process = process;
        this.base = base;
        this.root = root;
        this.log = log;
        this.port = port;
        this.certificate = certificate;
    }

    /** Skips the calling test, saying why, where vsftpd is not installed or no test user can be had. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY),
                "vsftpd not installed: skipping interop test (install with apt-get install vsftpd)");
        Assumptions.assumeTrue(userReady(),
                "no local user " + USER + " for vsftpd and not root to create one: skipping interop test");
    }

    /** Starts vsftpd in {@code mode} with a fresh loopback certificate. */
    public static VsftpdServer start(Mode mode) throws IOException {
        return start(mode, TestPki.loopbackServer());
    }

    /** Starts vsftpd in {@code mode} serving {@code certificate}. */
    public static VsftpdServer start(Mode mode, TestPki.Issued certificate) throws IOException {
        assumeInstalled();
        Path base = Files.createTempDirectory("ferry-vsftpd");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path empty = Files.createDirectories(base.resolve("empty"));
        Path root = Files.createDirectories(base.resolve("root"));
        chown(root);
        Path cert = certificate.writeCertificatePem(base.resolve("cert.pem"));
        Path key = certificate.writeKeyPem(base.resolve("key.pem"));
        Path log = base.resolve("vsftpd.log");
        int port = freePort();
        int passiveFrom = freePort();
        String config = String.join("\n", List.of(
                "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + port,
                "background=NO", "seccomp_sandbox=NO", "isolate=NO", "isolate_network=NO",
                "secure_chroot_dir=" + empty, "allow_writeable_chroot=YES",
                "anonymous_enable=NO", "local_enable=YES", "write_enable=YES", "local_umask=022",
                "chroot_local_user=YES", "local_root=" + root, "pam_service_name=" + PAM_SERVICE, "check_shell=NO",
                "ssl_enable=YES", "implicit_ssl=" + (mode == Mode.IMPLICIT ? "YES" : "NO"),
                "require_ssl_reuse=YES", "force_local_logins_ssl=YES", "force_local_data_ssl=YES",
                "ssl_tlsv1=NO", "ssl_sslv2=NO", "ssl_sslv3=NO", "ssl_ciphers=HIGH", "ssl_request_cert=NO",
                "rsa_cert_file=" + cert, "rsa_private_key_file=" + key,
                "pasv_enable=YES", "pasv_address=127.0.0.1",
                "pasv_min_port=" + passiveFrom, "pasv_max_port=" + Math.min(65535, passiveFrom + 200),
                "max_clients=0", "max_per_ip=0", "utf8_filesystem=YES",
                "debug_ssl=YES", "log_ftp_protocol=YES", "xferlog_enable=YES", "xferlog_std_format=NO",
                "vsftpd_log_file=" + log, "dual_log_enable=NO", ""));
        Path configFile = Files.writeString(base.resolve("vsftpd.conf"), config);
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-------"));
        Process process = new ProcessBuilder(BINARY.toString(), configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("stdout.log").toFile())
                .start();
        VsftpdServer server = new VsftpdServer(process, base, root, log, port, certificate);
        server.awaitListening(Duration.ofSeconds(10));
        return server;
    }

    private void awaitListening(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String out = Files.exists(base.resolve("stdout.log")) ? Files.readString(base.resolve("stdout.log")) : "";
                close();
                throw new IOException("vsftpd exited at start: " + out.strip());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IOException("vsftpd did not listen on port " + port + " within " + limit.toSeconds() + " s");
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The user's folder (its "/" after the chroot). */
    public Path root() {
        return root;
    }

    public TestPki.Issued serverCertificate() {
        return certificate;
    }

    /** vsftpd's log so far ({@code debug_ssl} says "reused" or "not reused" per connection). */
    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static synchronized boolean userReady() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!Files.exists(PAM_FILE)) {
            if (!root) {
                return false;
            }
            try {
                Files.writeString(PAM_FILE, PAM_RULES);
            } catch (IOException e) {
                return false;
            }
        }
        if (run("id", USER) == 0) {
            // vsftpd changes into the home folder before local_root, so it must exist.
            return !root || (run("usermod", "--home", "/", USER) == 0 && chpasswd() == 0);
        }
        return root && run("useradd", "--system", "--no-create-home", "--home-dir", "/", "--shell",
                "/usr/sbin/nologin", USER) == 0 && chpasswd() == 0;
    }

    private static int chpasswd() {
        try {
            Process p = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
            p.getOutputStream().write((USER + ":" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void chown(Path folder) throws IOException {
        if (run("chown", USER, folder.toString()) != 0) {
            throw new IOException("cannot give " + folder + " to " + USER);
        }
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
