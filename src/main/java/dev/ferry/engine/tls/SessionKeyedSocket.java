package dev.ferry.engine.tls;

import java.net.Socket;

/**
 * A plain data socket that reports the control connection's port from {@link #getPort()}, so that
 * SunJSSE finds the control session in its cache and resumes it on the data connection (see
 * {@link TlsLayer}). Everything else behaves as a normal socket.
 */
public final class SessionKeyedSocket extends Socket {
    private final int sessionPort;

    public SessionKeyedSocket(int sessionPort) {
        this.sessionPort = sessionPort;
    }

    @Override
    public int getPort() {
        return sessionPort;
    }

    /** The port this socket is really connected to. */
    public int connectedPort() {
        return super.getPort();
    }
}
