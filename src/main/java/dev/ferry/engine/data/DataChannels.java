package dev.ferry.engine.data;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpReply;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpTimeoutException;
import dev.ferry.engine.FtpTlsException;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.control.ControlChannel;
import dev.ferry.engine.tls.SessionKeyedServerSocket;
import dev.ferry.engine.tls.SessionKeyedSocket;
import dev.ferry.engine.tls.TlsLayer;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens data connections for one session: {@code EPSV} falling back to {@code PASV} (always to the
 * control host's address, whatever address PASV names), or {@code EPRT}/{@code PORT} in active mode;
 * then sends the transfer command, protects the connection with TLS (resuming the control
 * session) and reads the server's preliminary reply.
 *
 * <p>Order: the data handshake starts right after the command, without waiting for the server's
 * {@code 150}: both cross the network together, a round trip a file saved. Over TLS 1.3 that holds for
 * file transfers ({@code RETR}, {@code STOR}, {@code APPE}, {@code STOU}) only, because SunJSSE spends
 * a single-use session ticket on every handshake it starts: after a refused command whose handshake
 * the server never read, the session has no ticket left, and servers that require session reuse
 * (vsftpd) refuse every later transfer with {@code 522}. So a file transfer refused over TLS 1.3
 * closes the session (its caller sees the refusal, and {@link dev.ferry.engine.FtpSession#isOpen()}
 * turns false: the queue connects again), and listings, which are refused more often (a folder one
 * may not read), wait up to 2 s for the first reply before their handshake. Servers that expect the
 * handshake before they say {@code 150} are detected once and then handshaken first. While a data
 * connection is set up, the control connection is watched: a refusal ends the attempt at once,
 * though the server may leave the data connection open and silent.
 */
public final class DataChannels {
    private static final Duration REPLY_GRACE = Duration.ofSeconds(2);
    /** The longest a passive port asked for ahead is used; an older one may have been given up by the server. */
    private static final Duration MAX_PREFETCH_AGE = Duration.ofSeconds(5);
    /** How often a data connection being set up looks at the control connection for a refusal. */
    private static final int WATCH_MILLIS = 200;

    private final ControlChannel control;
    private final Optional<TlsLayer> tls;
    private final DataConnectionMode mode;
    private final X509Certificate controlCertificate;
    private final ProtocolLog log;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration prefetchAge;
    private boolean epsvRefused;
    private boolean eprtRefused;
    /** Whether the data handshake starts without waiting for the first reply: TLS 1.2, or a server that asks for it. */
    private boolean handshakeFirst;
    /** The control connection speaks TLS 1.3: a data handshake started for a refused command may cost the session. */
    private final boolean tls13;
    private ControlChannel.Ahead prefetched;

    public DataChannels(ControlChannel control, Optional<TlsLayer> tls, X509Certificate controlCertificate,
                        DataConnectionMode mode, ProtocolLog log, Duration connectTimeout, Duration readTimeout) {
        this.control = control;
        this.tls = tls;
        this.controlCertificate = controlCertificate;
        this.mode = mode;
        this.log = log;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // Half the read timeout, 5 s at most (a server is not kept waiting longer than for a reply).
        Duration half = Duration.ofMillis(readTimeout.toMillis() / 2);
        this.prefetchAge = half.compareTo(MAX_PREFETCH_AGE) < 0 ? half : MAX_PREFETCH_AGE;
        String protocol = control.socket() instanceof SSLSocket ssl ? ssl.getSession().getProtocol() : "";
        this.handshakeFirst = "TLSv1.2".equals(protocol);
        this.tls13 = "TLSv1.3".equals(protocol);
    }

    /**
     * Prepares a data connection, sends {@code command} and returns the open connection with the
     * server's 1xx reply.
     *
     * @throws FtpReplyException when the server refuses the command
     */
    public OpenedData open(String command) throws FtpException {
        return open(command, 0);
    }

    /**
     * As {@link #open(String)}, with {@code REST restartOffset} sent right before the command when the
     * offset is positive (after EPSV/PASV, which some servers let reset the offset).
     */
    public OpenedData open(String command, long restartOffset) throws FtpException {
        if (restartOffset < 0) {
            throw new IllegalArgumentException("negative restart offset");
        }
        Pending pending = mode == DataConnectionMode.PASSIVE ? passive() : active();
        FirstReply first = new FirstReply(command);
        // A file's transfer is seldom refused (it was listed, or is being created), so over TLS 1.3 too its
        // handshake starts with the command; a refusal then ends the session (see below).
        boolean early = handshakeFirst || tls13 && transfersAFile(command);
        boolean helloSent = false;
        Socket plain = null;
        Socket socket = null;
        try {
            if (restartOffset > 0) {
                FtpReply rest = control.execute("REST " + restartOffset);
                if (rest.code() != 350) {
                    throw new FtpReplyException("REST " + restartOffset, rest);
                }
            }
            control.send(command);
            boolean replied = early || first.cameWithin(REPLY_GRACE);
            try {
                plain = pending.connect(first);
                helloSent = tls.isPresent();
                socket = secure(plain, first);
            } catch (FtpException e) {
                first.refusalIfAny(e);
                throw e;
            }
            FtpReply preliminary = first.await();
            if (!replied) {
                handshakeFirst = true;
                log.note("the server answers only after the data connection's handshake; handshaking first from now on");
            }
            return new OpenedData(socket, plain, preliminary);
        } catch (FtpException e) {
            closeQuietly(socket);
            pending.abandon();
            if (e instanceof FtpReplyException && helloSent && tls13) {
                // SunJSSE spent the session's single-use ticket on this handshake, and the server, having
                // refused, may never have read it: the next data connection could not resume the session,
                // and servers that require that (vsftpd) would refuse it with 522. A new session can.
                log.note("the refused " + verb(command) + " may have used up the TLS session's ticket; closing "
                        + "the connection so that a new one resumes its own session");
                control.close();
            }
            throw e;
        } finally {
            pending.closeListener();
        }
    }

    private static boolean transfersAFile(String command) {
        String verb = verb(command);
        return verb.equals("RETR") || verb.equals("STOR") || verb.equals("APPE") || verb.equals("STOU");
    }

    private static FtpReplyException refusal(String command, FtpReply reply) {
        return new FtpReplyException(verbAndArgument(command), reply);
    }

    private FtpReply replyIfAny(String command) {
        try {
            return replyComesWithin(REPLY_GRACE) ? control.read("the reply to " + verb(command)) : null;
        } catch (FtpException e) {
            return null;
        }
    }

    /** Whether a reply has (begun to) come within {@code grace}: looked for often at first, then every 5 ms. */
    private boolean replyComesWithin(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        long pause = TimeUnit.MICROSECONDS.toNanos(20);
        while (!control.replyWaiting()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    private Socket secure(Socket plain, FirstReply first) throws FtpException {
        if (tls.isEmpty()) {
            return plain;
        }
        SSLSocket ssl = null;
        try {
            ssl = tls.get().layerData(plain);
            handshake(ssl, first);
            log.note("data connection secured (" + ssl.getSession().getProtocol() + ")");
            X509Certificate leaf = TlsLayer.peerChain(ssl).get(0);
            if (controlCertificate != null && !TlsLayer.sameCertificate(leaf, controlCertificate)) {
                closeQuietly(ssl);
                throw new FtpTlsException("the data connection presented a different certificate than the control "
                        + "connection; refusing to transfer", null, null);
            }
            return ssl;
        } catch (FtpException e) {
            closeQuietly(plain);
            throw e;
        } catch (SocketTimeoutException e) {
            closeQuietly(plain);
            throw new FtpTimeoutException("the TLS handshake on the data connection", readTimeout, e);
        } catch (SSLException e) {
            closeQuietly(plain);
            throw new FtpTlsException("the TLS handshake on the data connection failed: " + e.getMessage(), null, e);
        } catch (IOException e) {
            closeQuietly(plain);
            throw dataFailure(e);
        }
    }

    /**
     * Runs the handshake; until the server's first reply has come, in short waits that read it when it
     * does: a server that refused the command may never answer the handshake. SunJSSE keeps a handshake
     * that timed out waiting for the server going on the next call (it closes only on other errors).
     */
    private void handshake(SSLSocket ssl, FirstReply first) throws IOException, FtpException {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        int full = (int) readTimeout.toMillis();
        while (true) {
            ssl.setSoTimeout(first.isKnown() ? full : Math.min(WATCH_MILLIS, full));
            try {
                ssl.startHandshake();
                break;
            } catch (SocketTimeoutException e) {
                if (first.isKnown() || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                first.checkArrived();
            }
        }
        ssl.setSoTimeout(full);
    }

    /**
     * Asks for the next passive port now, without waiting: the reply is read when the next data
     * connection is opened, so its round trip overlaps with the commands in between (a transfer's
     * checks, the next file's). Nothing in active mode; a port older than half the read timeout (5 s at
     * most) is not used.
     */
    public void prefetch() throws FtpException {
        if (mode == DataConnectionMode.PASSIVE && prefetched == null) {
            prefetched = control.sendAhead(epsvRefused ? "PASV" : "EPSV");
        }
    }

    /**
     * The reply to the passive-mode command sent ahead, if one was and is still fresh; it answers EPSV,
     * or PASV once EPSV was refused.
     */
    private Optional<FtpReply> prefetchedReply() throws FtpException {
        ControlChannel.Ahead ahead = prefetched;
        prefetched = null;
        if (ahead == null) {
            return Optional.empty();
        }
        FtpReply reply = ahead.reply();
        return ahead.age().compareTo(prefetchAge) <= 0 ? Optional.of(reply) : Optional.empty();
    }

    private Pending passive() throws FtpException {
        int port;
        InetAddress controlAddress = control.plainSocket().getInetAddress();
        Optional<FtpReply> early = prefetchedReply();
        if (!epsvRefused) {
            FtpReply reply = early.isPresent() ? early.get() : control.execute("EPSV");
            early = Optional.empty();
            if (reply.code() == 229) {
                port = PassiveAddress.fromEpsv(reply).port();
                return connectPassive(controlAddress, port);
            }
            if (!reply.isPermanentFailure()) {
                throw new FtpReplyException("EPSV", reply);
            }
            epsvRefused = true;
            log.note("the server refused EPSV; using PASV from now on");
        }
        if (controlAddress instanceof Inet6Address) {
            throw new FtpConnectionException("the server refused EPSV, and PASV cannot work over IPv6", null);
        }
        FtpReply reply = early.isPresent() ? early.get() : control.execute("PASV");
        if (reply.code() != 227) {
            throw new FtpReplyException("PASV", reply);
        }
        PassiveAddress named = PassiveAddress.fromPasv(reply);
        if (!named.host().equals(controlAddress.getHostAddress())) {
            log.note("the server named " + named.host() + " for the data connection; connecting to "
                    + controlAddress.getHostAddress() + " (the control connection's address) instead");
        }
        return connectPassive(controlAddress, named.port());
    }

    private Pending connectPassive(InetAddress address, int port) throws FtpException {
        Socket socket = tls.isPresent() ? new SessionKeyedSocket(tls.get().sessionPort()) : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            throw new FtpConnectionException("could not open the data connection to " + address.getHostAddress()
                    + ":" + port + ": " + e.getMessage(), e);
        }
        return new Pending(socket, null);
    }

    private Pending active() throws FtpException {
        Socket controlSocket = control.plainSocket();
        InetAddress local = controlSocket.getLocalAddress();
        ServerSocket listener;
        try {
            listener = tls.isPresent() ? new SessionKeyedServerSocket(tls.get().sessionPort()) : new ServerSocket();
            listener.bind(new InetSocketAddress(local, 0), 1);
            listener.setSoTimeout((int) Math.min(WATCH_MILLIS, connectTimeout.toMillis()));
        } catch (IOException e) {
            throw new FtpConnectionException("could not listen for an active-mode data connection: " + e.getMessage(), e);
        }
        try {
            int port = listener.getLocalPort();
            boolean v6 = local instanceof Inet6Address;
            if (!eprtRefused) {
                FtpReply reply = control.execute("EPRT |" + (v6 ? 2 : 1) + "|" + local.getHostAddress() + "|" + port + "|");
                if (reply.isPositive()) {
                    return new Pending(null, listener);
                }
                if (reply.isTransientFailure() || v6) {
                    throw new FtpReplyException("EPRT", reply);
                }
                eprtRefused = true;
                log.note("the server refused EPRT; using PORT from now on");
            }
            String h = local.getHostAddress().replace('.', ',');
            FtpReply reply = control.execute("PORT " + h + "," + (port >> 8) + "," + (port & 0xff));
            if (!reply.isPositive()) {
                throw new FtpReplyException("PORT", reply);
            }
            return new Pending(null, listener);
        } catch (FtpException e) {
            closeQuietly(listener);
            throw e;
        }
    }

    private FtpConnectionException dataFailure(IOException e) {
        return new FtpConnectionException("the data connection failed: " + e.getMessage(), e);
    }

    static String verb(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    static String verbAndArgument(String command) {
        return command;
    }

    static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** A passive socket already connected, or an active-mode listener waiting for the server. */
    private final class Pending {
        private final Socket connected;
        private final ServerSocket listener;
        private Socket accepted;

        Pending(Socket connected, ServerSocket listener) {
            this.connected = connected;
            this.listener = listener;
        }

        /** The connected socket; in active mode, waits for the server, watching for a refusal meanwhile. */
        Socket connect(FirstReply first) throws FtpException {
            if (connected != null) {
                return connected;
            }
            long deadline = System.nanoTime() + connectTimeout.toNanos();
            try {
                while (true) {
                    try {
                        accepted = listener.accept();
                        break;
                    } catch (SocketTimeoutException e) {
                        first.checkArrived();
                        if (System.nanoTime() - deadline >= 0) {
                            throw e;
                        }
                    }
                }
                accepted.setTcpNoDelay(true);
                accepted.setSoTimeout((int) readTimeout.toMillis());
                return accepted;
            } catch (FtpException e) {
                throw e;
            } catch (SocketTimeoutException e) {
                throw new FtpTimeoutException("the server to open the active-mode data connection", connectTimeout, e);
            } catch (IOException e) {
                throw new FtpConnectionException("the server did not open the active-mode data connection: "
                        + e.getMessage(), e);
            }
        }

        void closeListener() {
            closeQuietly(listener);
        }

        void abandon() {
            closeQuietly(connected);
            closeQuietly(accepted);
        }
    }

    /** The server's first reply to the transfer command, read as soon as it has come. */
    private final class FirstReply {
        private final String command;
        private FtpReply reply;

        FirstReply(String command) {
            this.command = command;
        }

        boolean isKnown() {
            return reply != null;
        }

        /** Reads the reply if it has (begun to) come; a refusal ends the attempt. */
        void checkArrived() throws FtpException {
            if (reply == null && control.replyWaiting()) {
                take(control.read("the reply to " + verb(command)));
            }
        }

        /** Whether the reply came within {@code grace} (it is then read and judged). */
        boolean cameWithin(Duration grace) throws FtpException {
            if (!replyComesWithin(grace)) {
                return false;
            }
            checkArrived();
            return true;
        }

        /** The preliminary reply, waiting for it if it has not come yet. */
        FtpReply await() throws FtpException {
            if (reply == null) {
                take(control.read("the reply to " + verb(command)));
            }
            return reply;
        }

        /** After the data connection failed: a refusal the server sends soon explains it better. */
        void refusalIfAny(FtpException failure) throws FtpException {
            if (reply != null || failure instanceof FtpReplyException) {
                return;
            }
            FtpReply late = replyIfAny(command);
            if (late != null && !late.isPreliminary()) {
                throw refusal(command, late);
            }
        }

        private void take(FtpReply r) throws FtpException {
            if (!r.isPreliminary()) {
                throw refusal(command, r);
            }
            reply = r;
        }
    }
}
