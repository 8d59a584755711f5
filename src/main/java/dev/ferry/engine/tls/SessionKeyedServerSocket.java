package dev.ferry.engine.tls;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A listening socket for active-mode data connections whose accepted sockets report the control
 * port, so that the TLS session of the control connection is resumed on them (see {@link TlsLayer}).
 */
public final class SessionKeyedServerSocket extends ServerSocket {
    private final int sessionPort;

    public SessionKeyedServerSocket(int sessionPort) throws IOException {
        super();
        this.sessionPort = sessionPort;
    }

    @Override
    public Socket accept() throws IOException {
        SessionKeyedSocket socket = new SessionKeyedSocket(sessionPort);
        implAccept(socket);
        return socket;
    }
}
