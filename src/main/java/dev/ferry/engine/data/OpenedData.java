package dev.ferry.engine.data;

import dev.ferry.engine.FtpReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A data connection ready for use, with the server's preliminary reply to the transfer command.
 *
 * @param socket      the connection (TLS when the session is protected)
 * @param plain       the TCP socket underneath ({@code socket} itself without TLS)
 * @param preliminary the 1xx reply to the command
 */
public record OpenedData(Socket socket, Socket plain, FtpReply preliminary) {

    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    /**
     * Drops the connection at once, for a transfer that failed or was stopped: a TCP reset on the
     * socket underneath, no close_notify and no waiting for the peer. Closing the TLS socket the
     * polite way would write an alert (which blocks while the peer reads nothing) and then wait up to
     * the read timeout for the peer's last records. Safe from any thread, more than once.
     */
    public void abort() {
        try {
            plain.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        DataChannels.closeQuietly(plain);
        if (socket != plain) {
            // Nothing is left to wait for underneath, so this returns at once; it frees the TLS state.
            DataChannels.closeQuietly(socket);
        }
    }
}
