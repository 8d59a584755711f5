// A long-distance line on loopback, for bench/many-files.sh RTT_MS=...: a TCP proxy on 127.0.0.2 that
// holds every chunk for half the round trip in each direction, for the control port and the passive ports.
//   java bench/LatencyProxy.java RTT_MS CONTROL_PORT PASV_FROM PASV_TO     (forwards to 127.0.0.1, same ports)
// Clients must open data connections to the control connection's host (Ferry always does; lftp with
// ftp:ignore-pasv-address). The kernel's netem would be simpler, but containers rarely have it.
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

public class LatencyProxy {
    private static final String LISTEN = "127.0.0.2";
    private static final String TARGET = "127.0.0.1";
    private static final byte[] END = new byte[0];

    record Chunk(long due, byte[] bytes) {}

    public static void main(String[] args) throws Exception {
        long oneWayNanos = Long.parseLong(args[0]) * 1_000_000L / 2;
        int control = Integer.parseInt(args[1]);
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        listen(control, oneWayNanos);
        for (int port = from; port <= to; port++) {
            listen(port, oneWayNanos);
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }

    private static void listen(int port, long delay) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(LISTEN, port), 50);
        daemon(() -> {
            while (true) {
                Socket client = server.accept();
                Socket target = new Socket();
                try {
                    target.connect(new InetSocketAddress(TARGET, port), 5000);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                AtomicInteger open = new AtomicInteger(2);
                pipe(client, target, delay, open);
                pipe(target, client, delay, open);
            }
        });
    }

    /** Copies from one socket to the other, each chunk no sooner than {@code delay} after it arrived. */
    private static void pipe(Socket from, Socket to, long delay, AtomicInteger open) {
        LinkedBlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        daemon(() -> {
            InputStream in = from.getInputStream();
            byte[] buffer = new byte[65536];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    line.put(new Chunk(System.nanoTime() + delay, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the other end went away: pass the end on
            }
            line.put(new Chunk(System.nanoTime() + delay, END));
        });
        daemon(() -> {
            OutputStream out = to.getOutputStream();
            try {
                while (true) {
                    Chunk chunk = line.take();
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == END) {
                        to.shutdownOutput();
                        if (open.decrementAndGet() == 0) {
                            from.close();
                            to.close();
                        }
                        return;
                    }
                    out.write(chunk.bytes());
                }
            } catch (IOException e) {
                from.close();
                to.close();
            }
        });
    }

    interface Body {
        void run() throws Exception;
    }

    private static void daemon(Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                // a connection ended
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
