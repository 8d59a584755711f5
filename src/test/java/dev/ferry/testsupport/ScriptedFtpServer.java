package dev.ferry.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake FTP control server for misbehaviour a real server will not show: it sends a greeting (which
 * may be cut short, and then nothing more), answers commands from a script by their verb, and
 * records what it received. One connection at a time, on its own daemon thread.
 */
public final class ScriptedFtpServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private ScriptedFtpServer(String greeting, Map<String, String> replies) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(greeting, replies), "scripted-ftp-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param greeting sent on connect as is (CRLFs included; an unfinished multi-line reply stalls the client)
     * @param replies  reply line per command verb (upper case); unknown verbs get {@code 502}
     */
    public static ScriptedFtpServer start(String greeting, Map<String, String> replies) throws IOException {
        return new ScriptedFtpServer(greeting, replies);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The command lines received so far. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void serve(String greeting, Map<String, String> replies) {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                OutputStream out = s.getOutputStream();
                out.write(greeting.getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                    String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                    String reply = replies.getOrDefault(verb, "502 Command not implemented");
                    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (verb.equals("QUIT")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // closed by the test, or the client went away
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
