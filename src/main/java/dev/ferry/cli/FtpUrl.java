package dev.ferry.cli;

import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.control.NameCodec;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A server and path as given on the command line: {@code ftpes://user[:password]@host[:port]/path}
 * (Explicit FTPS), {@code ftps://...} (Implicit FTPS) or {@code ftp://...} (plain FTP).
 *
 * @param path the remote path, percent-decoded; "" when the URL names no path (the login folder)
 */
public record FtpUrl(FtpsMode mode, String host, int port, Optional<String> user, Optional<String> password, String path) {

    public static FtpUrl parse(String text) throws UsageException {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw new UsageException("\"" + text + "\" is not a URL; expected ftpes://user@host/path (Explicit FTPS), "
                    + "ftps://user@host/path (Implicit FTPS) or ftp://... (plain FTP, with --allow-plain)");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        FtpsMode mode = switch (scheme) {
            case "ftpes" -> FtpsMode.EXPLICIT;
            case "ftps" -> FtpsMode.IMPLICIT;
            case "ftp" -> FtpsMode.PLAIN;
            default -> throw new UsageException("unknown URL scheme \"" + scheme + "\": use ftpes://, ftps:// or ftp://");
        };
        String rest = text.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String rawPath = slash < 0 ? "" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        String host;
        int port = mode.defaultPort();
        try {
            URI uri = new URI("x://" + hostPort);
            host = uri.getHost();
            if (uri.getPort() != -1) {
                port = uri.getPort();
            } else if (hostPort.matches(".*:[^\\]]*$") && !hostPort.startsWith("[")) {
                throw new UsageException("the port in \"" + hostPort + "\" is not a number between 1 and 65535");
            }
        } catch (URISyntaxException e) {
            throw new UsageException("\"" + hostPort + "\" is not a valid host[:port]");
        }
        if (host == null || host.isEmpty()) {
            throw new UsageException("the URL \"" + text + "\" names no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("port " + port + " is not between 1 and 65535");
        }
        String path = rawPath.isEmpty() ? "" : decodePath(rawPath);
        if (!RemotePaths.sendable(path)) {
            throw new UsageException("the path in the URL contains a line break or NUL");
        }
        return new FtpUrl(mode, host, port, user, password, path);
    }

    private static String decode(String s) throws UsageException {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad percent-encoding in \"" + s + "\"");
        }
    }

    /**
     * The path with its percent-escapes as bytes, read as a server's names are ({@link NameCodec}): a byte that
     * is not UTF-8 ({@code caf%E9.txt}) reaches the same byte on the server, so a file an old upload named in
     * ISO-8859-1 can be named in a script. A {@code +} stays a plus.
     */
    private static String decodePath(String s) throws UsageException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new UsageException("bad percent-encoding in \"" + s + "\"");
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        byte[] b = bytes.toByteArray();
        return NameCodec.UTF_8.decode(b, 0, b.length);
    }

    /** The URL for messages, without the password. */
    public String display() {
        String scheme = switch (mode) {
            case EXPLICIT -> "ftpes";
            case IMPLICIT -> "ftps";
            case PLAIN -> "ftp";
        };
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + user.map(u -> u + "@").orElse("") + h + ":" + port + (path.startsWith("/") ? "" : "/") + path;
    }

    /** The same server with another path. */
    public FtpUrl withPath(String newPath) {
        return new FtpUrl(mode, host, port, user, password, newPath);
    }
}
