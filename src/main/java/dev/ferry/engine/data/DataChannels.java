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
 * <p>Order: after the command is sent, the server's first reply is awaited briefly; servers that
 * refuse the command (a missing file) answer at once and no handshake is attempted. Servers that
 * expect the TLS handshake before they say {@code 150} are detected once and then handshaken first.
 */
public final class DataChannels {
    private static final Duration REPLY_GRACE = Duration.ofSeconds(2);

    private final ControlChannel control;
    private final Optional<TlsLayer> tls;
    private final DataConnectionMode mode;
    private final X509Certificate controlCertificate;
    private final ProtocolLog log;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private boolean epsvRefused;
    private boolean eprtRefused;
    private boolean handshakeBeforeReply;

    public DataChannels(ControlChannel control, Optional<TlsLayer> tls, X509Certificate controlCertificate,
                        DataConnectionMode mode, ProtocolLog log, Duration connectTimeout, Duration readTimeout) {
        this.control = control;
        this.tls = tls;
        this.controlCertificate = controlCertificate;
        this.mode = mode;
        this.log = log;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
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
            FtpReply first = handshakeBeforeReply ? null : awaitReply(command);
            if (first != null && !first.isPreliminary()) {
                throw refusal(command, first);
            }
            try {
                plain = pending.connect();
                socket = secure(plain);
            } catch (FtpException e) {
                FtpReply late = first == null ? replyIfAny(command) : null;
                if (late != null && !late.isPreliminary()) {
                    throw refusal(command, late);
                }
                throw e;
            }
            if (first == null) {
                first = control.read("the reply to " + verb(command));
                if (!first.isPreliminary()) {
                    closeQuietly(socket);
                    throw refusal(command, first);
                }
                if (!handshakeBeforeReply) {
                    handshakeBeforeReply = true;
                    log.note("the server answers only after the data connection's handshake; handshaking first from now on");
                }
            }
            return new OpenedData(socket, plain, first);
        } catch (FtpException e) {
            closeQuietly(socket);
            pending.abandon();
            throw e;
        } finally {
            pending.closeListener();
        }
    }

    private static FtpReplyException refusal(String command, FtpReply reply) {
        return new FtpReplyException(verbAndArgument(command), reply);
    }

    private FtpReply awaitReply(String command) throws FtpException {
        long deadline = System.nanoTime() + REPLY_GRACE.toNanos();
        long pause = TimeUnit.MICROSECONDS.toNanos(20);
        while (!control.replyWaiting()) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(5));
        }
        return control.read("the reply to " + verb(command));
    }

    private FtpReply replyIfAny(String command) {
        try {
            long deadline = System.nanoTime() + REPLY_GRACE.toNanos();
            while (!control.replyWaiting() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return control.replyWaiting() ? control.read("the reply to " + verb(command)) : null;
        } catch (FtpException e) {
            return null;
        }
    }

    private Socket secure(Socket plain) throws FtpException {
        if (tls.isEmpty()) {
            return plain;
        }
        try {
            plain.setSoTimeout((int) readTimeout.toMillis());
            SSLSocket ssl = tls.get().secureData(plain);
            X509Certificate leaf = TlsLayer.peerChain(ssl).get(0);
            if (controlCertificate != null && !TlsLayer.sameCertificate(leaf, controlCertificate)) {
                closeQuietly(ssl);
                throw new FtpTlsException("the data connection presented a different certificate than the control "
                        + "connection; refusing to transfer", null, null);
            }
            return ssl;
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

    private Pending passive() throws FtpException {
        int port;
        InetAddress controlAddress = control.plainSocket().getInetAddress();
        if (!epsvRefused) {
            FtpReply reply = control.execute("EPSV");
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
        FtpReply reply = control.execute("PASV");
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
            listener.setSoTimeout((int) connectTimeout.toMillis());
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

        Pending(Socket connected, ServerSocket listener) {
            this.connected = connected;
            this.listener = listener;
        }

        Socket connect() throws FtpException {
            if (connected != null) {
                return connected;
            }
            try {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                s.setSoTimeout((int) readTimeout.toMillis());
                return s;
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
        }
    }
}
