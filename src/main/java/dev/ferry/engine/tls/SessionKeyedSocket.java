package dev.ferry.engine.tls;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A plain data socket that reports the control connection's port from {@link #getPort()}, so that
 * SunJSSE finds the control session in its cache and resumes it on the data connection (see
 * {@link TlsLayer}). Everything else behaves as a normal socket.
 */
public final class SessionKeyedSocket extends Socket {
    private static final int READ_BUFFER = 64 * 1024;
    private final int sessionPort;
    private InputStream input;

    public SessionKeyedSocket(int sessionPort) {
        this.sessionPort = sessionPort;
    }

    @Override
    public int getPort() {
        return sessionPort;
    }

    /**
     * Buffered: TLS layered over this socket reads each record's 5-byte header and then its body, two
     * system calls per record; through this buffer one call fetches what the kernel holds, up to 64 KiB.
     */
    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new BufferedInputStream(super.getInputStream(), READ_BUFFER);
        }
        return input;
    }

    /** The port this socket is really connected to. */
    public int connectedPort() {
        return super.getPort();
    }
}
