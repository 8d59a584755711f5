package dev.ferry.testsupport;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Apache FtpServer in-process for engine tests: an Explicit, an Implicit and a plain listener on
 * free loopback ports, a certificate issued by a test root CA, and a user whose home folder is
 * emptied before each test. Register as a static field with {@code @RegisterExtension}.
 */
public final class FtpsServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    /** Whether the server offers a checksum command, and whether it tells the truth. */
    public enum Checksums { NONE, HONEST, LYING }

    /** Whether the server asks for a client certificate. */
    public enum ClientAuth { NONE, WANT, NEED }

    private static final String STORE_PASSWORD = "ferry-test";

    private final Builder spec;
    private FtpServer server;
    private Path base;
    private Path home;
    private TestPki.Issued serverCertificate;
    private int explicitPort;
    private int implicitPort;
    private int plainPort;

    private FtpsServerExtension(Builder spec) {
        this.spec = spec;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for the server. */
    public static final class Builder {
        private String[] protocols = {"TLSv1.3", "TLSv1.2"};
        private ClientAuth clientAuth = ClientAuth.NONE;
        private X509Certificate trustedClientCa;
        private String passiveAddress;
        private boolean withoutEpsv;
        private TestPki.Issued certificate;
        private String passivePorts;
        private Checksums checksums = Checksums.NONE;

        /** Offer XSHA256 (in FEAT too): honest, or answering with the checksum of other data. */
        public Builder checksums(Checksums mode) {
            this.checksums = mode;
            return this;
        }

        /** The ports passive data connections use, such as {@code "40000-40019"} (default: any free port). */
        public Builder passivePorts(String ports) {
            this.passivePorts = ports;
            return this;
        }

        public Builder tlsProtocols(String... protocols) {
            this.protocols = protocols;
            return this;
        }

        public Builder clientAuth(ClientAuth auth, X509Certificate trustedClientCa) {
            this.clientAuth = auth;
            this.trustedClientCa = trustedClientCa;
            return this;
        }

        /** The address PASV replies name, whatever the real one is. */
        public Builder passiveAddress(String address) {
            this.passiveAddress = address;
            return this;
        }

        /** Answers EPSV with 502, so that clients must use PASV. */
        public Builder withoutEpsv() {
            this.withoutEpsv = true;
            return this;
        }

        /** Serves this certificate (its chain as given) instead of a fresh loopback one. */
        public Builder certificate(TestPki.Issued certificate) {
            this.certificate = certificate;
            return this;
        }

        public FtpsServerExtension build() {
            return new FtpsServerExtension(this);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        clean(home);
        clean(base.resolve("readonly"));
    }

    /** Starts the server (done by JUnit for a registered extension). */
    public void start() throws Exception {
        base = Files.createTempDirectory("ferry-ftpserver");
        home = Files.createDirectories(base.resolve("home"));
        Files.createDirectories(base.resolve("readonly"));
        serverCertificate = spec.certificate != null ? spec.certificate : TestPki.loopbackServer();
        Path keystore = serverCertificate.writePkcs12(base.resolve("server.p12"), STORE_PASSWORD);

        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keystore.toFile());
        ssl.setKeystorePassword(STORE_PASSWORD);
        ssl.setKeyPassword(STORE_PASSWORD);
        ssl.setKeystoreType("PKCS12");
        ssl.setSslProtocol(spec.protocols);
        if (spec.clientAuth != ClientAuth.NONE) {
            ssl.setClientAuthentication(spec.clientAuth.name());
            Path trust = new TestPki.Issued(spec.trustedClientCa, null, List.of(spec.trustedClientCa))
                    .writeTrustStore(base.resolve("clients.p12"), STORE_PASSWORD);
            ssl.setTruststoreFile(trust.toFile());
            ssl.setTruststorePassword(STORE_PASSWORD);
            ssl.setTruststoreType("PKCS12");
        }
        SslConfiguration sslConfiguration = ssl.createSslConfiguration();

        FtpServerFactory factory = new FtpServerFactory();
        Map<String, org.apache.ftpserver.listener.Listener> listeners = new LinkedHashMap<>();
        listeners.put("explicit", listener(sslConfiguration, false));
        listeners.put("implicit", listener(sslConfiguration, true));
        listeners.put("plain", listener(null, false));
        factory.setListeners(listeners); // replaces the default listener on port 21
        factory.setUserManager(users());
        CommandFactoryFactory commands = new CommandFactoryFactory();
        if (spec.withoutEpsv) {
            commands.addCommand("EPSV", (session, ctx, request) ->
                    session.write(new DefaultFtpReply(502, "EPSV is not implemented here")));
        }
        if (spec.checksums != Checksums.NONE) {
            commands.addCommand("FEAT", (session, ctx, request) -> session.write(new DefaultFtpReply(211,
                    "Extensions supported\n SIZE\n MDTM\n REST STREAM\n MLST Size;Modify;Type;Perm\n AUTH TLS\n UTF8"
                            + "\n EPRT\n EPSV\n MFMT\n XSHA256\nEnd")));
            // FtpServer hands X-prefixed commands over without the X.
            commands.addCommand("XSHA256", (session, ctx, request) -> session.write(checksum(request.getArgument())));
            commands.addCommand("SHA256", (session, ctx, request) -> session.write(checksum(request.getArgument())));
        }
        factory.setCommandFactory(commands.createCommandFactory());
        server = factory.createServer();
        server.start();
        DefaultFtpServer started = (DefaultFtpServer) server;
        explicitPort = started.getListener("explicit").getPort();
        implicitPort = started.getListener("implicit").getPort();
        plainPort = started.getListener("plain").getPort();
    }

    private DefaultFtpReply checksum(String path) {
        try {
            Path file = home.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
            if (!file.startsWith(home) || !Files.isRegularFile(file)) {
                return new DefaultFtpReply(550, "No such file");
            }
            byte[] content = Files.readAllBytes(file);
            if (spec.checksums == Checksums.LYING) {
                content = java.util.Arrays.copyOf(content, content.length + 1);
            }
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return new DefaultFtpReply(250, java.util.HexFormat.of().formatHex(digest));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return new DefaultFtpReply(451, "cannot compute: " + e.getMessage());
        }
    }

    private org.apache.ftpserver.listener.Listener listener(SslConfiguration ssl, boolean implicit) {
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        if (spec.passiveAddress != null) {
            data.setPassiveExternalAddress(spec.passiveAddress);
        }
        data.setActiveLocalAddress("127.0.0.1");

        if (ssl != null) {
            listener.setSslConfiguration(ssl);
            listener.setImplicitSsl(implicit);
            data.setSslConfiguration(ssl);
        }
        org.apache.ftpserver.DataConnectionConfiguration dataConfiguration = data.createDataConnectionConfiguration();
        if (spec.passivePorts != null) {
            String[] range = spec.passivePorts.split("-");
            dataConfiguration = new FixedPassivePorts(dataConfiguration, Integer.parseInt(range[0]), Integer.parseInt(range[1]));
        }
        listener.setDataConnectionConfiguration(dataConfiguration);
        listener.setIdleTimeout(120);
        return listener.createListener();
    }

    private UserManager users() throws FtpException {
        PropertiesUserManagerFactory factory = new PropertiesUserManagerFactory();
        factory.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager users = factory.createUserManager();
        users.save(user(user(), password(), home, true));
        users.save(user(readOnlyUser(), password(), base.resolve("readonly"), false));
        return users;
    }

    private static BaseUser user(String name, String password, Path home, boolean write) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        List<Authority> authorities = new ArrayList<>();
        if (write) {
            authorities.add(new WritePermission());
        }
        user.setAuthorities(authorities);
        user.setMaxIdleTime(120);
        return user;
    }

    /** Stops the server and deletes its folders. */
    public void stop() throws IOException {
        if (server != null) {
            server.stop();
        }
        if (base != null) {
            clean(base);
            Files.deleteIfExists(base);
        }
    }

    private static void clean(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int explicitPort() {
        return explicitPort;
    }

    public int implicitPort() {
        return implicitPort;
    }

    /** A listener without TLS, for plain-FTP tests. */
    public int plainPort() {
        return plainPort;
    }

    public String user() {
        return "ferry";
    }

    public String password() {
        return "ferry-secret";
    }

    /** A user that may read but not write (its folder is {@link #readOnlyHome()}). */
    public String readOnlyUser() {
        return "readonly";
    }

    public Path readOnlyHome() {
        return base.resolve("readonly");
    }

    /** The user's home folder, the server's "/" for that user; emptied before each test. */
    public Path home() {
        return home;
    }

    /** The server's certificate, with its chain. */
    public TestPki.Issued serverCertificate() {
        return serverCertificate;
    }

    /** The root of the server certificate's chain. */
    public X509Certificate rootCa() {
        List<X509Certificate> chain = serverCertificate.chain();
        return chain.get(chain.size() - 1);
    }

    public Optional<ClientAuth> clientAuth() {
        return Optional.of(spec.clientAuth);
    }
}
