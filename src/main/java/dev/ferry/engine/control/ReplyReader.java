package dev.ferry.engine.control;

import dev.ferry.engine.FtpProtocolException;
import dev.ferry.engine.FtpReply;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads RFC 959 replies (single and multi-line) from the control connection. Lines are decoded as
 * UTF-8, or ISO-8859-1 where they are not valid UTF-8. Bounded: a line longer than
 * {@value #MAX_LINE} bytes or a reply of more than {@value #MAX_LINES} lines is a protocol error, so a
 * hostile server cannot exhaust memory.
 */
public final class ReplyReader {
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_LINES = 100_000;

    private InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private final Consumer<String> lineListener;
    private final NameCodec codec;

    public ReplyReader(InputStream in, Consumer<String> lineListener) {
        this(in, lineListener, NameCodec.UTF_8);
    }

    public ReplyReader(InputStream in, Consumer<String> lineListener, NameCodec codec) {
        this.in = in;
        this.lineListener = lineListener;
        this.codec = codec;
    }

    /** Switches to a new stream (after the TLS upgrade); fails if unread bytes remain. */
    public void switchTo(InputStream next) throws FtpProtocolException {
        if (pos < limit) {
            throw new FtpProtocolException("the server sent data before the TLS handshake; refusing to continue");
        }
        this.in = next;
    }

    /** Whether bytes are already buffered here, so that a reply may be waiting. */
    public boolean hasBuffered() {
        return pos < limit;
    }

    /** Reads one complete reply, blocking (subject to the socket's read timeout). */
    public FtpReply read() throws IOException {
        String first = readLine();
        int code = parseCode(first);
        List<String> lines = new ArrayList<>();
        lines.add(first);
        if (first.length() > 3 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            String endBare = first.substring(0, 3);
            while (true) {
                String line = readLine();
                if (lines.size() >= MAX_LINES) {
                    throw new FtpProtocolException("the server sent a reply of more than " + MAX_LINES + " lines");
                }
                lines.add(line);
                if (line.startsWith(end) || line.equals(endBare)) {
                    break;
                }
            }
        }
        return new FtpReply(code, lines);
    }

    private static int parseCode(String line) throws FtpProtocolException {
        if (line.length() < 3
                || !isDigit(line.charAt(0)) || !isDigit(line.charAt(1)) || !isDigit(line.charAt(2))
                || line.charAt(0) < '1' || line.charAt(0) > '5'
                || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            throw new FtpProtocolException("the server sent a line that is not an FTP reply: \"" + printable(line) + "\"");
        }
        return Integer.parseInt(line.substring(0, 3));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String readLine() throws IOException {
        byte[] line = new byte[128];
        int len = 0;
        while (true) {
            if (pos >= limit) {
                fill();
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                String text = decode(line, len);
                lineListener.accept(text);
                return text;
            }
            if (len == line.length) {
                if (len >= MAX_LINE) {
                    throw new FtpProtocolException("the server sent a reply line longer than " + MAX_LINE + " bytes");
                }
                line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, len * 2));
            }
            line[len++] = b;
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        pos = 0;
        limit = n;
    }

    private String decode(byte[] bytes, int len) {
        return codec.decode(bytes, 0, len);
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 120; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }
}
