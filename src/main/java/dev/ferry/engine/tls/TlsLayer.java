package dev.ferry.engine.tls;

import dev.ferry.engine.TlsVersion;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The TLS side of one FTPS session: one {@link SSLContext} (and so one client session cache) per
 * control connection, so that every data connection can resume the control connection's TLS
 * session, which vsftpd ({@code require_ssl_reuse}), ProFTPD, FileZilla Server and others demand.
 *
 * <p>How resumption works with the JDK's own provider: SunJSSE looks up a session to resume by the
 * host name given to {@code createSocket(socket, host, port, autoClose)} and by {@code getPort()} of
 * the plain socket underneath (the port argument is ignored). A data socket is therefore a
 * {@link SessionKeyedSocket} that reports the control port, layered with the control host name.
 *
 * <p>Certificates are not judged during the handshake: the trust manager accepts every chain, and the
 * session checks the chain right after the handshake, before anything secret is sent (see
 * {@link ServerTrust}). Data connections must present the control connection's certificate.
 */
public final class TlsLayer {
    private static final String TICKET_PROPERTY = "jdk.tls.client.enableSessionTicketExtension";

    static {
        // vsftpd sends a TLS 1.2 ticket that SunJSSE discards; without a session ID nothing can be resumed.
        if (System.getProperty(TICKET_PROPERTY) == null) {
            System.setProperty(TICKET_PROPERTY, "false");
        }
    }

    private final SSLSocketFactory factory;
    private final String[] protocols;
    private final String host;
    private final int port;

    private TlsLayer(SSLContext context, String[] protocols, String host, int port) {
        this.factory = context.getSocketFactory();
        this.protocols = protocols;
        this.host = host;
        this.port = port;
    }

    /**
     * A TLS layer for a session with {@code host:port}.
     *
     * @param client  the client certificate to present when the server asks for one
     * @param minimum the oldest protocol version to accept
     * @param maximum the newest protocol version to offer
     */
    public static TlsLayer create(String host, int port, Optional<ClientCredentials> client,
                                  TlsVersion minimum, TlsVersion maximum) throws GeneralSecurityException {
        if (minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("the minimum TLS version " + minimum.shortName()
                    + " is newer than the maximum " + maximum.shortName());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager[] keyManagers = client.map(c -> new KeyManager[]{new FixedClientKeyManager(c)}).orElse(null);
        context.init(keyManagers, new TrustManager[]{new DeferredTrustManager()}, null);
        List<String> names = new ArrayList<>();
        for (TlsVersion v : TlsVersion.values()) {
            if (v.compareTo(minimum) >= 0 && v.compareTo(maximum) <= 0) {
                names.add(v.protocolName());
            }
        }
        return new TlsLayer(context, names.toArray(new String[0]), host, port);
    }

    /** Wraps the connected control socket and completes the handshake. */
    public SSLSocket secureControl(Socket plain) throws IOException {
        return handshake(plain);
    }

    /**
     * Wraps a connected data socket for a handshake that resumes the control session; the caller
     * starts the handshake (it may need to watch the control connection meanwhile). The socket must
     * report the control port (a {@link SessionKeyedSocket} or an accepted socket from
     * {@link SessionKeyedServerSocket}). Closing the returned socket closes {@code plain}.
     */
    public SSLSocket layerData(Socket plain) throws IOException {
        return layer(plain);
    }

    private SSLSocket handshake(Socket plain) throws IOException {
        SSLSocket ssl = layer(plain);
        ssl.startHandshake();
        return ssl;
    }

    private SSLSocket layer(Socket plain) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
        ssl.setEnabledProtocols(protocols);
        ssl.setUseClientMode(true);
        return ssl;
    }

    /** The port data sockets must report for their session to be found. */
    public int sessionPort() {
        return port;
    }

    /** The chain the peer presented on {@code socket}, server certificate first. */
    public static List<X509Certificate> peerChain(SSLSocket socket) throws SSLPeerUnverifiedException {
        SSLSession session = socket.getSession();
        Certificate[] certs = session.getPeerCertificates();
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                chain.add(x);
            }
        }
        if (chain.isEmpty()) {
            throw new SSLPeerUnverifiedException("the server presented no X.509 certificate");
        }
        return chain;
    }

    /** Whether {@code a} and {@code b} are the same certificate. */
    public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
