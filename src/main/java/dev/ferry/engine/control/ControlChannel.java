package dev.ferry.engine.control;

import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpReply;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpTimeoutException;
import dev.ferry.engine.ProtocolLog;
import dev.ferry.engine.RemotePaths;

import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The control connection: sends commands, reads replies, every read bounded by the read timeout.
 * Passwords never reach the protocol log. Not thread-safe: one caller at a time.
 *
 * <p>A command can be sent ahead ({@link #sendAhead}): its reply is read when asked for, and at the
 * latest before any later reply, so replies always meet the commands they answer.
 */
public final class ControlChannel implements Closeable {
    private final Socket plain;
    private Socket socket;
    private OutputStream out;
    private final ReplyReader reader;
    private final ProtocolLog log;
    private final Duration readTimeout;
    private final NameCodec codec;
    private long lastActivityNanos = System.nanoTime();
    private final ArrayDeque<Ahead> ahead = new ArrayDeque<>();

    private ControlChannel(Socket plain, ProtocolLog log, Duration readTimeout, NameCodec codec) throws IOException {
        this.plain = plain;
        this.socket = plain;
        this.log = log;
        this.readTimeout = readTimeout;
        this.codec = codec;
        this.out = new BufferedOutputStream(plain.getOutputStream(), 1024);
        this.reader = new ReplyReader(plain.getInputStream(), this::received, codec);
    }

    /** Opens a TCP connection to {@code host:port}; names and replies go in {@code codec}'s encoding. */
    public static ControlChannel connect(String host, int port, Duration connectTimeout, Duration readTimeout,
                                         ProtocolLog log, NameCodec codec) throws FtpException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new ControlChannel(socket, log, readTimeout, codec);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new FtpConnectionException("could not connect to " + host + ":" + port + " within "
                    + connectTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new FtpConnectionException("could not connect to " + host + ":" + port + ": " + describe(e), e);
        }
    }

    /** The plain TCP socket underneath (its remote address is where data connections go in passive mode). */
    public Socket plainSocket() {
        return plain;
    }

    /** Replaces the plain stream with the TLS socket layered over it. */
    public void upgrade(SSLSocket secured) throws IOException {
        secured.setSoTimeout((int) readTimeout.toMillis());
        reader.switchTo(secured.getInputStream());
        this.socket = secured;
        this.out = new BufferedOutputStream(secured.getOutputStream(), 1024);
    }

    /** The socket commands go over now (TLS after the upgrade). */
    public Socket socket() {
        return socket;
    }

    public boolean isSecure() {
        return socket instanceof SSLSocket;
    }

    /** Sends one command line. Refuses line breaks and NUL, which would smuggle in another command. */
    public void send(String command) throws FtpException {
        if (!RemotePaths.sendable(command)) {
            throw new IllegalArgumentException("a command or file name may not contain line breaks or NUL: "
                    + ReplyReader.printable(command));
        }
        String shown = mask(command);
        log.sent(NameCodec.readable(shown));
        try {
            out.write(codec.encode(command));
            out.write('\r');
            out.write('\n');
            out.flush();
            lastActivityNanos = System.nanoTime();
        } catch (IOException e) {
            throw new FtpConnectionException("the connection to the server broke while sending " + commandName(shown)
                    + ": " + describe(e), e);
        }
    }

    /** Reads the next reply. */
    public FtpReply read() throws FtpException {
        return read("a reply");
    }

    /** Reads the next reply, naming what it answers in a timeout message. */
    public FtpReply read(String waitingFor) throws FtpException {
        readAhead();
        return read(waitingFor, readTimeout);
    }

    /**
     * Sends a command without waiting for its reply, which {@link Ahead#reply()} reads later: its
     * round trip then overlaps with whatever is sent meanwhile (pipelining). Only for commands that
     * do not start a transfer.
     */
    public Ahead sendAhead(String command) throws FtpException {
        send(command);
        Ahead a = new Ahead(mask(command), System.nanoTime());
        ahead.add(a);
        return a;
    }

    /** A command sent ahead, and its reply once read. */
    public final class Ahead {
        private final String command;
        private final long sentNanos;
        private FtpReply reply;
        private FtpException failure;

        private Ahead(String command, long sentNanos) {
            this.command = command;
            this.sentNanos = sentNanos;
        }

        /** The reply, read now if it has not been yet (with the replies of commands sent before it). */
        public FtpReply reply() throws FtpException {
            while (reply == null) {
                if (failure != null) {
                    throw failure;
                }
                readOneAhead();
            }
            return reply;
        }

        /** The reply, as {@link #reply()}, when it is positive; else the server's refusal. */
        public FtpReply positiveReply() throws FtpException {
            FtpReply r = reply();
            if (!r.isPositive()) {
                throw new FtpReplyException(command, r);
            }
            return r;
        }

        /** The command as logged (a password masked). */
        public String command() {
            return command;
        }

        /** Time since the command was sent. */
        public Duration age() {
            return Duration.ofNanos(System.nanoTime() - sentNanos);
        }
    }

    private void readAhead() throws FtpException {
        while (!ahead.isEmpty()) {
            readOneAhead();
        }
    }

    private void readOneAhead() throws FtpException {
        Ahead next = ahead.remove();
        try {
            next.reply = read("the reply to " + commandName(next.command), readTimeout);
        } catch (FtpException e) {
            next.failure = e;
            throw e;
        }
    }

    /**
     * Reads the next reply, waiting at most {@code timeout} (at least a millisecond) instead of the read
     * timeout: for a reply that comes at once or not at all, such as the final reply of a transfer Ferry
     * broke off. After a timeout the connection is out of step; close it. Replies to commands sent ahead
     * are read first, within the read timeout (a transfer never runs with one outstanding).
     */
    public FtpReply readWithin(String waitingFor, Duration timeout) throws FtpException {
        readAhead();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            socket.setSoTimeout(millis);
        } catch (IOException e) {
            throw new FtpConnectionException("the connection broke while Ferry waited for " + waitingFor + ": "
                    + describe(e), e);
        }
        try {
            return read(waitingFor, Duration.ofMillis(millis));
        } finally {
            try {
                socket.setSoTimeout((int) readTimeout.toMillis());
            } catch (IOException ignored) {
                // closed meanwhile: the next read says so
            }
        }
    }

    private FtpReply read(String waitingFor, Duration timeout) throws FtpException {
        try {
            FtpReply reply = reader.read();
            lastActivityNanos = System.nanoTime();
            return reply;
        } catch (SocketTimeoutException e) {
            throw new FtpTimeoutException(waitingFor, timeout, e);
        } catch (FtpException e) {
            throw e;
        } catch (EOFException e) {
            throw new FtpConnectionException("the server closed the connection while Ferry waited for " + waitingFor, e);
        } catch (IOException e) {
            throw new FtpConnectionException("the connection broke while Ferry waited for " + waitingFor + ": "
                    + describe(e), e);
        }
    }

    /** Sends a command and reads its reply. */
    public FtpReply execute(String command) throws FtpException {
        send(command);
        return read("the reply to " + commandName(mask(command)));
    }

    /**
     * Whether a reply has (at least partly) arrived, without blocking. Used while a data connection is
     * being opened, to learn whether the server answered before the data handshake.
     */
    public boolean replyWaiting() {
        try {
            return reader.hasBuffered() || socket.getInputStream().available() > 0 || plain.getInputStream().available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Time since the last command or reply. */
    public Duration idleTime() {
        return Duration.ofNanos(System.nanoTime() - lastActivityNanos);
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        closeQuietly(socket);
        closeQuietly(plain);
    }

    private void received(String line) {
        log.received(NameCodec.readable(line));
    }

    static String mask(String command) {
        if (command.length() >= 4 && command.substring(0, 4).toUpperCase(Locale.ROOT).equals("PASS")) {
            return "PASS ****";
        }
        return command;
    }

    static String commandName(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
