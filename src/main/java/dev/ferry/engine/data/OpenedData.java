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
 * @param preliminary the 1xx reply to the command
 */
public record OpenedData(Socket socket, FtpReply preliminary) {

    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }
}
