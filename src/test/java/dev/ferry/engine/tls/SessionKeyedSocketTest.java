package dev.ferry.engine.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

/** The data socket TLS is layered over: it reports the control port and reads through one buffer. */
class SessionKeyedSocketTest {

    @Test
    void reportsTheControlPortAndKeepsTheRealOne() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SessionKeyedSocket socket = new SessionKeyedSocket(2121)) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            try (Socket ignored = server.accept()) {
                assertEquals(2121, socket.getPort());
                assertEquals(server.getLocalPort(), socket.connectedPort());
            }
        }
    }

    @Test
    void everyReaderGetsTheSameBufferedStreamSoNoByteIsSkipped() throws Exception {
        byte[] sent = new byte[200_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SessionKeyedSocket socket = new SessionKeyedSocket(21)) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                out.write(sent);
                out.flush();
                peer.shutdownOutput();
                assertSame(socket.getInputStream(), socket.getInputStream());
                byte[] first = socket.getInputStream().readNBytes(5);
                byte[] rest = socket.getInputStream().readAllBytes();
                byte[] got = new byte[first.length + rest.length];
                System.arraycopy(first, 0, got, 0, first.length);
                System.arraycopy(rest, 0, got, first.length, rest.length);
                assertArrayEquals(sent, got);
            }
        }
    }
}
