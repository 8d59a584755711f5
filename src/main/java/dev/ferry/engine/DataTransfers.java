package dev.ferry.engine;

import dev.ferry.engine.control.ControlChannel;
import dev.ferry.engine.data.OpenedData;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Moves the bytes of one transfer over an opened data connection and ends it properly: the final
 * reply is always read (a 522 or 426 after an apparently complete transfer is a failure), NOOPs keep
 * the control connection alive during long transfers, a cancel or a broken connection leaves the
 * session usable where the server allows.
 */
final class DataTransfers {
    private static final int BUFFER = 256 * 1024;
    /** The longest wait for the final reply of a transfer Ferry broke off (a server that noticed answers at once). */
    private static final Duration MAX_AFTER_ABORT = Duration.ofSeconds(2);

    private final ControlChannel control;
    private final Duration readTimeout;
    private final Duration keepAliveInterval;
    private final Duration afterAbort;
    private byte[] buffer;

    DataTransfers(ControlChannel control, Duration readTimeout, Duration keepAliveInterval) {
        this.control = control;
        this.readTimeout = readTimeout;
        this.keepAliveInterval = keepAliveInterval;
        // Not Duration.dividedBy: it goes through BigDecimal, whose first use costs each command 6 ms.
        Duration half = Duration.ofMillis(readTimeout.toMillis() / 2);
        this.afterAbort = half.compareTo(MAX_AFTER_ABORT) < 0 ? half : MAX_AFTER_ABORT;
    }

    /**
     * Reads the data connection to its end into {@code sink}, then reads the server's final reply.
     *
     * @return bytes received
     */
    long receive(OpenedData opened, String command, OutputStream sink, TransferListener listener,
                 Cancellation cancellation) throws IOException {
        Socket socket = opened.socket();
        InputStream in = opened.input();
        cancellation.attach(opened::abort);
        KeepAlive keepAlive = new KeepAlive();
        long total = 0;
        try {
            byte[] buffer = buffer();
            int filled = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer, filled, buffer.length - filled);
                } catch (IOException e) {
                    throw interrupted(command, e, cancellation, total, opened, keepAlive);
                }
                if (n < 0) {
                    break;
                }
                filled += n;
                total += n;
                if (filled == buffer.length) {
                    writeLocal(sink, buffer, filled, opened, keepAlive);
                    filled = 0;
                }
                listener.transferred(total);
                if (cancellation.isCancelled()) {
                    throw cancelled(total, opened, keepAlive);
                }
                keepAlive.tick();
            }
            if (filled > 0) {
                writeLocal(sink, buffer, filled, opened, keepAlive);
            }
        } finally {
            cancellation.detach();
        }
        closeQuietly(socket);
        finish(command, keepAlive);
        return total;
    }

    private void writeLocal(OutputStream sink, byte[] buffer, int length, OpenedData opened, KeepAlive keepAlive)
            throws IOException {
        try {
            sink.write(buffer, 0, length);
        } catch (IOException local) {
            abandon(opened, keepAlive);
            throw local;
        }
    }

    /**
     * Writes {@code source} to the data connection, ends it as servers need, then reads the server's
     * final reply.
     *
     * @return bytes sent
     */
    long send(OpenedData opened, String command, InputStream source, TransferListener listener,
              Cancellation cancellation) throws IOException {
        Socket socket = opened.socket();
        OutputStream out = opened.output();
        cancellation.attach(opened::abort);
        KeepAlive keepAlive = new KeepAlive();
        long total = 0;
        try {
            byte[] buffer = buffer();
            while (true) {
                int n;
                try {
                    n = source.readNBytes(buffer, 0, buffer.length);
                } catch (IOException local) {
                    abandon(opened, keepAlive);
                    throw local;
                }
                if (n <= 0) {
                    break;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw interrupted(command, e, cancellation, total, opened, keepAlive);
                }
                total += n;
                listener.transferred(total);
                if (cancellation.isCancelled()) {
                    throw cancelled(total, opened, keepAlive);
                }
                keepAlive.tick();
            }
            try {
                out.flush();
                halfCloseAndDrain(socket);
            } catch (IOException e) {
                throw interrupted(command, e, cancellation, total, opened, keepAlive);
            }
        } finally {
            cancellation.detach();
        }
        closeQuietly(socket);
        finish(command, keepAlive);
        return total;
    }

    /**
     * Ends an upload the way servers need: close_notify (TLS) or FIN, then read to the end so that a
     * TLS 1.3 session ticket sent on this connection is consumed (closing with it unread makes the
     * kernel send a reset, and the server discards the upload's tail).
     */
    private static void halfCloseAndDrain(Socket socket) throws IOException {
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[8192];
        try {
            while (in.read(sink) >= 0) {
                // drain
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException ignored) {
            // the server may close without close_notify after our half-close; its reply decides
        }
    }

    private void finish(String command, KeepAlive keepAlive) throws FtpException {
        FtpReply result = null;
        for (int i = 0; i <= keepAlive.sent; i++) {
            FtpReply reply = control.read("the end of " + verb(command));
            boolean noopAnswer = reply.code() == 200 && keepAlive.sent > 0;
            if (result == null && !noopAnswer) {
                result = reply;
            }
        }
        if (result == null) {
            throw new FtpProtocolException("the server did not confirm the end of " + verb(command));
        }
        if (!result.isPositive()) {
            throw new FtpTransferFailedException(command, result);
        }
    }

    /**
     * A transfer whose data connection failed: the connection is dropped at once and the server's reason
     * awaited briefly. A timeout stays a timeout (a reply after it answers Ferry's own abort).
     */
    private FtpException interrupted(String command, IOException e, Cancellation cancellation, long total,
                                     OpenedData opened, KeepAlive keepAlive) {
        if (cancellation.isCancelled()) {
            return cancelled(total, opened, keepAlive);
        }
        opened.abort();
        FtpReply reason = replyAfterAbort("the server's reason for the broken transfer", keepAlive);
        if (cancellation.wasStalled()) {
            return FtpTimeoutException.noProgress(verb(command), readTimeout, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new FtpTimeoutException("data during " + verb(command), readTimeout, e);
        }
        if (reason != null && !reason.isPositive()) {
            return new FtpTransferFailedException(command, reason);
        }
        return new FtpConnectionException("the data connection broke during " + verb(command) + " after "
                + total + " bytes: " + e.getMessage(), e);
    }

    private TransferCancelledException cancelled(long total, OpenedData opened, KeepAlive keepAlive) {
        abandon(opened, keepAlive);
        return new TransferCancelledException(total);
    }

    /** Drops a data connection mid-transfer and reads the server's final reply, keeping the session usable. */
    private void abandon(OpenedData opened, KeepAlive keepAlive) {
        opened.abort();
        replyAfterAbort("the server's reply to the abandoned transfer", keepAlive);
    }

    /**
     * Reads the final reply of a transfer Ferry broke off (and the answers to its NOOPs), waiting
     * briefly: a server that noticed the reset answers at once, a stalled one may never. Returns the
     * final reply, or null when none came in time; the control connection is then closed, as it is out
     * of step, and the session cannot be used again.
     */
    private FtpReply replyAfterAbort(String waitingFor, KeepAlive keepAlive) {
        long deadline = System.nanoTime() + afterAbort.toNanos();
        FtpReply result = null;
        try {
            for (int i = 0; i <= keepAlive.sent; i++) {
                FtpReply r = control.readWithin(waitingFor, Duration.ofNanos(deadline - System.nanoTime()));
                if (result == null && r.code() != 200) {
                    result = r;
                }
            }
            return result;
        } catch (FtpException e) {
            control.close();
            return null;
        }
    }

    /** Sends NOOP on the control connection while a long transfer keeps it silent. */
    private final class KeepAlive {
        private int sent;
        private long last = System.nanoTime();
        private int ticks;

        void tick() throws FtpException {
            if ((++ticks & 63) != 0) {
                return;
            }
            long now = System.nanoTime();
            if (now - last >= keepAliveInterval.toNanos()) {
                control.send("NOOP");
                sent++;
                last = now;
            }
        }
    }

    /** One buffer per session (a session runs one transfer at a time), allocated on first use. */
    private byte[] buffer() {
        if (buffer == null) {
            buffer = new byte[BUFFER];
        }
        return buffer;
    }

    private static String verb(String command) {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
