package dev.ferry.app;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.ferry.engine.tls.ServerCertificate;

/**
 * "Try the local demo server": an Explicit FTPS server on 127.0.0.1 (Apache FtpServer, a free port), with a
 * self-signed certificate made for it and a sample folder in a temporary directory. It lives as long as Ferry
 * runs and deletes its folder when stopped.
 *
 * <p>Security: it listens only on 127.0.0.1, and its user's password is made up at start. Its certificate is
 * self-signed on purpose, so that a newcomer meets the certificate dialog once, as with a real server.
 */
public final class DemoServer implements AutoCloseable {
    /** The demo login. */
    public static final String USER = "demo";

    private final Path base;
    private final FtpServer server;
    private final int port;
    private final String password;
    private final X509Certificate certificate;

    private DemoServer(Path base, FtpServer server, int port, String password, X509Certificate certificate) {
        this.base = base;
        this.server = server;
        this.port = port;
        this.password = password;
        this.certificate = certificate;
    }

    /** Starts a demo server with a fresh sample folder, a new certificate and any free port. */
    public static DemoServer start() throws IOException {
        return start(Optional.empty(), 0);
    }

    /**
     * Starts a demo server with a fresh sample folder. With a state folder, its certificate is kept there
     * (made on first use, remade when unreadable or close to expiry), so a user who chose "Always trust"
     * is not asked again next time; {@code preferredPort} is tried first, so a saved site for it stays
     * right, and any free port is taken when it is busy.
     */
    public static DemoServer start(Optional<Path> stateFolder, int preferredPort) throws IOException {
        Path base = Files.createTempDirectory("ferry-demo");
        try {
            Path home = Files.createDirectories(base.resolve("files"));
            writeSamples(home);
            SecureRandom random = new SecureRandom();
            String password = HexFormat.of().formatHex(bytes(random, 9));
            DemoKeystore keystore = DemoKeystore.load(stateFolder.orElse(base), random);
            try {
                return start(base, home, password, keystore, preferredPort);
            } catch (IOException busy) {
                if (preferredPort == 0) {
                    throw busy;
                }
                return start(base, home, password, keystore, 0);
            }
        } catch (GeneralSecurityException | OperatorCreationException | FtpException e) {
            deleteTree(base);
            throw new IOException("the demo server could not start: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            deleteTree(base);
            throw e;
        }
    }

    private static DemoServer start(Path base, Path home, String password, DemoKeystore keystore, int port)
            throws IOException, FtpException {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keystore.file().toFile());
        ssl.setKeystorePassword(keystore.password());
        ssl.setKeyPassword(keystore.password());
        ssl.setKeystoreType("PKCS12");
        ssl.setSslProtocol(new String[] {"TLSv1.3", "TLSv1.2"});
        SslConfiguration sslConfiguration = ssl.createSslConfiguration();

        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        listener.setSslConfiguration(sslConfiguration);
        listener.setImplicitSsl(false);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setActiveLocalAddress("127.0.0.1");
        data.setSslConfiguration(sslConfiguration);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        listener.setIdleTimeout(600);

        FtpServerFactory factory = new FtpServerFactory();
        factory.setListeners(new java.util.HashMap<>(Map.of("default", listener.createListener())));
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        var userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        user.setMaxIdleTime(600);
        userManager.save(user);
        factory.setUserManager(userManager);
        FtpServer server = factory.createServer();
        try {
            server.start();
        } catch (FtpException | RuntimeException e) {
            // Apache FtpServer reports a busy port as an FtpServerConfigurationException around the BindException
            server.stop();
            throw new IOException("port " + port + " is not free: " + e.getMessage(), e);
        }
        int bound = ((DefaultFtpServer) server).getListener("default").getPort();
        return new DemoServer(base, server, bound, password, keystore.certificate());
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

    /** The password made up for this run. */
    public String password() {
        return password;
    }

    /** The server's own folder (what a client sees as "/"). */
    public Path files() {
        return base.resolve("files");
    }

    /** The SHA-256 fingerprint of the throwaway certificate, as the certificate dialog shows it. */
    public String fingerprint() {
        return ServerCertificate.fingerprint(certificate, "SHA-256");
    }

    @Override
    public void close() {
        server.stop();
        deleteTree(base);
    }

    static X509Certificate selfSigned(KeyPair keys) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        X500Name name = new X500Name("CN=Ferry demo server,O=Ferry");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static void writeSamples(Path home) throws IOException {
        Files.writeString(home.resolve("README.txt"), """
                Welcome to the Ferry demo server.

                It runs on this computer only (127.0.0.1), in a temporary folder that is deleted when
                Ferry closes. Drag files here from the left pane to upload them, or drag these back to
                download them. F5 copies, F6 moves, F7 makes a folder, F8 deletes.
                """, StandardCharsets.UTF_8);
        Path docs = Files.createDirectories(home.resolve("documents"));
        Files.writeString(docs.resolve("meeting-notes.md"), "# Notes\n\n- ship the installer\n- try Ferry\n");
        Files.writeString(docs.resolve("budget.csv"), "item,amount\nservers,1200\ncoffee,300\n");
        Path photos = Files.createDirectories(home.resolve("photos"));
        Random random = new Random(42);
        for (String name : List.of("harbour.jpg", "sunset.jpg", "ferry.jpg")) {
            byte[] bytes = new byte[200_000 + random.nextInt(300_000)];
            random.nextBytes(bytes);
            Files.write(photos.resolve(name), bytes);
        }
        byte[] big = new byte[8 * 1024 * 1024];
        random.nextBytes(big);
        Files.write(home.resolve("sample-video.bin"), big);
    }

    static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it up eventually
        }
    }
}
