package dev.ferry.engine.data;

import dev.ferry.engine.FtpProtocolException;
import dev.ferry.engine.FtpReply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address and port of a passive-mode reply: {@code 227 ... (h1,h2,h3,h4,p1,p2)} or
 * {@code 229 ... (|||port|)}. The host is empty for EPSV, which never names one.
 *
 * @param host the address the server named, or "" for EPSV
 * @param port the data port
 */
public record PassiveAddress(String host, int port) {
    private static final Pattern PASV = Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
    private static final Pattern EPSV = Pattern.compile("\\((.)\\1\\1(\\d{1,5})\\1\\)");

    /** Parses a 227 reply. */
    public static PassiveAddress fromPasv(FtpReply reply) throws FtpProtocolException {
        Matcher m = PASV.matcher(reply.message());
        if (!m.find()) {
            throw new FtpProtocolException("the server's PASV reply names no address", reply);
        }
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
            n[i] = Integer.parseInt(m.group(i + 1));
            if (n[i] > 255) {
                throw new FtpProtocolException("the server's PASV reply names an invalid address", reply);
            }
        }
        int port = n[4] * 256 + n[5];
        if (port == 0) {
            throw new FtpProtocolException("the server's PASV reply names port 0", reply);
        }
        return new PassiveAddress(n[0] + "." + n[1] + "." + n[2] + "." + n[3], port);
    }

    /** Parses a 229 reply. */
    public static PassiveAddress fromEpsv(FtpReply reply) throws FtpProtocolException {
        Matcher m = EPSV.matcher(reply.message());
        if (!m.find()) {
            throw new FtpProtocolException("the server's EPSV reply names no port", reply);
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new FtpProtocolException("the server's EPSV reply names an invalid port", reply);
        }
        return new PassiveAddress("", port);
    }
}
