package dev.ferry.ui.session;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import dev.ferry.engine.FtpConnectionException;
import dev.ferry.engine.FtpLoginException;
import dev.ferry.engine.FtpReply;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpTimeoutException;
import dev.ferry.engine.FtpTlsException;
import dev.ferry.engine.UntrustedCertificateException;
import dev.ferry.ui.Errors;

/** The words "Test connection" answers with, for success and for each way a connection fails. */
final class TestReport {
    private TestReport() {
    }

    /** "Connected: logged in as ann, server says 'vsFTPd 3.0.3', TLS 1.3". */
    static String connected(String user, Optional<String> greeting, Optional<String> tlsProtocol) {
        StringBuilder s = new StringBuilder("Connected: logged in as ").append(user);
        greeting.ifPresent(g -> s.append(", server says '").append(g).append('\''));
        s.append(", ").append(tlsProtocol.map(TestReport::tls).orElse("not encrypted (plain FTP)"));
        return s.toString();
    }

    /** What went wrong, from the engine's exception: "Login refused: 530 Login incorrect." and so on. */
    static String failed(String host, int port, Throwable error) {
        String where = host + ":" + port;
        if (error instanceof FtpLoginException e) {
            return "Login refused: " + e.reply().map(TestReport::reply).orElse(e.getMessage());
        }
        if (error instanceof UntrustedCertificateException e) {
            return sentence("Certificate not trusted: " + String.join("; ", e.certificate().evaluation().explanations())
                    + " (SHA-256 " + e.certificate().sha256Fingerprint() + "). Nothing secret was sent");
        }
        if (error instanceof FtpTlsException e) {
            return sentence("Secure connection failed: " + e.getMessage());
        }
        if (error instanceof FtpTimeoutException e) {
            return sentence("No answer from " + where + ": " + e.getMessage());
        }
        if (error instanceof FtpConnectionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return "Could not reach " + where + ": " + reason(cause) + ".";
            }
            return sentence("The connection to " + where + " failed: " + e.getMessage());
        }
        if (error instanceof FtpReplyException e) {
            return sentence("The server refused " + e.command() + ": " + e.reply().map(TestReport::reply).orElse(""));
        }
        return Errors.describe("Connecting to " + where, error);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof UnknownHostException) {
            return "no such host";
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer (timed out)";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return "connection refused";
        }
        String lower = m.toLowerCase(Locale.ROOT);
        int paren = lower.indexOf(" (");
        return paren > 0 ? lower.substring(0, paren) : lower;
    }

    private static String reply(FtpReply reply) {
        return sentence(reply.toString());
    }

    private static String tls(String protocol) {
        return protocol.startsWith("TLSv") ? "TLS " + protocol.substring(4) : protocol;
    }

    private static String sentence(String text) {
        String s = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }
}
