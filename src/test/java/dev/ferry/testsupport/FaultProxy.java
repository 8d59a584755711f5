package dev.ferry.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the client and a test FTP server that breaks connections on purpose: cut
 * after N bytes (with a reset), stall after N bytes, refuse. It listens on {@value #HOST}; the
 * server listens on 127.0.0.1. Data connections go through it too without reading the (encrypted)
 * control connection: it listens on the server's passive ports on its own address, and the client,
 * which always connects data connections to the control connection's host, meets it there.
 */
public final class FaultProxy implements AutoCloseable {
    public static final String HOST = "127.0.0.2";
    private static final String TARGET = "127.0.0.1";

    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final List<Closeable> open = new CopyOnWriteArrayList<>();
    private final ServerSocket control;
    private final AtomicInteger refuse = new AtomicInteger();
    private final AtomicInteger dataCuts = new AtomicInteger();
    private final AtomicLong dataCutAfter = new AtomicLong(-1);
    private final AtomicInteger dataStalls = new AtomicInteger();
    private final AtomicLong dataStallAfter = new AtomicLong(-1);
    private final AtomicInteger dataHolds = new AtomicInteger();
    private final AtomicLong dataHoldMillis = new AtomicLong();
    private final AtomicInteger controlConnections = new AtomicInteger();
    private final AtomicInteger dataConnections = new AtomicInteger();
    private final AtomicLong dataBytes = new AtomicLong();
    private volatile boolean closed;

    private FaultProxy(int targetControlPort, int passiveFrom, int passiveTo) throws IOException {
        control = listen(0);
        serve(control, TARGET, targetControlPort, true);
        for (int port = passiveFrom; port <= passiveTo; port++) {
            int target = port;
            serve(listen(port), TARGET, target, false);
        }
    }

    /** A proxy for the server's control port and passive ports {@code from..to}. */
    public static FaultProxy start(int targetControlPort, int passiveFrom, int passiveTo) throws IOException {
        return new FaultProxy(targetControlPort, passiveFrom, passiveTo);
    }

    /** {@code count} consecutive ports free on both loopback addresses, as "from-to" for the server. */
    public static int[] freePassiveRange(int count) throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int from = 20000 + random.nextInt(30000);
            if (allFree(from, count)) {
                return new int[]{from, from + count - 1};
            }
        }
        throw new IOException("no free range of " + count + " ports");
    }

    private static boolean allFree(int from, int count) {
        for (int p = from; p < from + count; p++) {
            for (String host : List.of(TARGET, HOST)) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(host, p));
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 50);
        listeners.add(s);
        return s;
    }

    public String host() {
        return HOST;
    }

    public int controlPort() {
        return control.getLocalPort();
    }

    /** The next {@code times} data connections are each reset after {@code bytes} bytes. */
    public void cutDataAfter(long bytes, int times) {
        dataCutAfter.set(bytes);
        dataCuts.set(times);
    }

    /** The next data connection stops forwarding after {@code bytes} bytes but stays open. */
    public void stallDataAfter(long bytes) {
        dataStallAfter.set(bytes);
        dataStalls.set(1);
    }

    /** The next data connection passes nothing from the server to the client until {@code millis} have passed. */
    public void holdNextDataReply(long millis) {
        dataHoldMillis.set(millis);
        dataHolds.set(1);
    }

    /** The next {@code n} control connections are accepted and closed at once. */
    public void refuseNext(int n) {
        refuse.set(n);
    }

    /** Resets every open connection now (control and data). */
    public void cutEverythingNow() {
        for (Closeable c : open) {
            if (c instanceof Socket s) {
                reset(s);
            }
        }
    }

    public int controlConnections() {
        return controlConnections.get();
    }

    public int dataConnections() {
        return dataConnections.get();
    }

    /** Bytes that went through data connections, both ways. */
    public long dataBytes() {
        return dataBytes.get();
    }

    private void serve(ServerSocket listener, String targetHost, int targetPort, boolean isControl) {
        Thread t = new Thread(() -> {
            while (!closed) {
                try {
                    Socket client = listener.accept();
                    if (isControl && refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        reset(client);
                        continue;
                    }
                    (isControl ? controlConnections : dataConnections).incrementAndGet();
                    open.add(client);
                    Socket server;
                    try {
                        server = new Socket(targetHost, targetPort);
                    } catch (IOException e) {
                        reset(client);
                        throw e;
                    }
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    open.add(server);
                    long cut = -1;
                    long stall = -1;
                    if (!isControl && dataCuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        cut = dataCutAfter.get();
                    } else if (!isControl && dataStalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        stall = dataStallAfter.get();
                    }
                    long hold = !isControl && dataHolds.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? dataHoldMillis.get() : 0;
                    Connection c = new Connection(client, server, cut, stall, hold, !isControl);
                    pump(c, client, server);
                    pump(c, server, client);
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                }
            }
        }, "fault-proxy-" + (isControl ? "control" : "data-" + targetPort));
        t.setDaemon(true);
        acceptors.add(t);
        t.start();
    }

    /** The counters of one proxied connection, shared by its two directions. */
    private final class Connection {
        final Socket a;
        final Socket b;
        final long cutAfter;
        final long stallAfter;
        final long holdMillis;
        final boolean data;
        final AtomicLong bytes = new AtomicLong();

        Connection(Socket a, Socket b, long cutAfter, long stallAfter, long holdMillis, boolean data) {
            this.a = a;
            this.b = b;
            this.cutAfter = cutAfter;
            this.stallAfter = stallAfter;
            this.holdMillis = holdMillis;
            this.data = data;
        }
    }

    private void pump(Connection c, Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                if (from == c.b && c.holdMillis > 0) {
                    Thread.sleep(c.holdMillis);
                }
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long before = c.bytes.getAndAdd(n);
                    if (c.cutAfter >= 0 && before + n >= c.cutAfter) {
                        int part = (int) Math.max(0, c.cutAfter - before);
                        out.write(buffer, 0, part);
                        out.flush();
                        reset(c.a);
                        reset(c.b);
                        return;
                    }
                    if (c.stallAfter >= 0 && before + n >= c.stallAfter) {
                        int part = (int) Math.max(0, c.stallAfter - before);
                        out.write(buffer, 0, part);
                        out.flush();
                        while (!closed && !from.isClosed()) {
                            Thread.sleep(50);
                        }
                        return;
                    }
                    if (c.data) {
                        dataBytes.addAndGet(n);
                    }
                    out.write(buffer, 0, n);
                }
                to.shutdownOutput();
            } catch (IOException e) {
                reset(c.a);
                reset(c.b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        // A listener closed while its thread waits in accept() lets go of its port only when that thread
        // leaves accept(): without waiting, the next test's proxy could not bind the same ports.
        for (Thread t : acceptors) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        cutEverythingNow();
    }
}
