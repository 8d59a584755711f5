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

    private final ControlChannel control;
    private final Duration readTimeout;
    private final Duration keepAliveInterval;
    private byte[] buffer;

    DataTransfers(ControlChannel control, Duration readTimeout, Duration keepAliveInterval) {
        this.control = control;
        this.readTimeout = readTimeout;
        this.keepAliveInterval = keepAliveInterval;
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
        cancellation.attach(socket);
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
                    throw interrupted(command, e, cancellation, total, socket, keepAlive);
                }
                if (n < 0) {
                    break;
                }
                filled += n;
                total += n;
                if (filled == buffer.length) {
                    writeLocal(sink, buffer, filled, command, socket, keepAlive);
                    filled = 0;
                }
                listener.transferred(total);
                if (cancellation.isCancelled()) {
                    throw cancelled(total, socket, keepAlive);
                }
                keepAlive.tick();
            }
            if (filled > 0) {
                writeLocal(sink, buffer, filled, command, socket, keepAlive);
            }
        } finally {
            cancellation.detach();
        }
        closeQuietly(socket);
        finish(command, keepAlive);
        return total;
    }

    private void writeLocal(OutputStream sink, byte[] buffer, int length, String command, Socket socket,
                            KeepAlive keepAlive) throws IOException {
        try {
            sink.write(buffer, 0, length);
        } catch (IOException local) {
            abandon(socket, keepAlive);
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
        cancellation.attach(socket);
        KeepAlive keepAlive = new KeepAlive();
        long total = 0;
        try {
            byte[] buffer = buffer();
            while (true) {
                int n;
                try {
                    n = source.readNBytes(buffer, 0, buffer.length);
                } catch (IOException local) {
                    abandon(socket, keepAlive);
                    throw local;
                }
                if (n <= 0) {
                    break;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw interrupted(command, e, cancellation, total, socket, keepAlive);
                }
                total += n;
                listener.transferred(total);
                if (cancellation.isCancelled()) {
                    throw cancelled(total, socket, keepAlive);
                }
                keepAlive.tick();
            }
            try {
                out.flush();
                halfCloseAndDrain(socket);
            } catch (IOException e) {
                throw interrupted(command, e, cancellation, total, socket, keepAlive);
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
            throw new FtpReplyException(command, result);
        }
    }

    private FtpException interrupted(String command, IOException e, Cancellation cancellation, long total, Socket socket,
                                     KeepAlive keepAlive) {
        if (cancellation.isCancelled()) {
            return cancelled(total, socket, keepAlive);
        }
        closeQuietly(socket);
        FtpReply reason = null;
        try {
            for (int i = 0; i <= keepAlive.sent; i++) {
                FtpReply r = control.read("the server's reason for the broken transfer");
                if (reason == null && r.code() != 200) {
                    reason = r;
                }
            }
        } catch (FtpException ignored) {
            control.close();
        }
        if (reason != null && !reason.isPositive()) {
            return new FtpReplyException(command, reason);
        }
        if (e instanceof SocketTimeoutException) {
            return new FtpTimeoutException("data during " + verb(command), readTimeout, e);
        }
        return new FtpConnectionException("the data connection broke during " + verb(command) + " after "
                + total + " bytes: " + e.getMessage(), e);
    }

    private TransferCancelledException cancelled(long total, Socket socket, KeepAlive keepAlive) {
        abandon(socket, keepAlive);
        return new TransferCancelledException(total);
    }

    /** Drops a data connection mid-transfer and reads the server's final reply, keeping the session usable. */
    private void abandon(Socket socket, KeepAlive keepAlive) {
        closeQuietly(socket);
        try {
            for (int i = 0; i <= keepAlive.sent; i++) {
                control.read("the server's reply to the abandoned transfer");
            }
        } catch (FtpException e) {
            control.close();
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
