package dev.ferry.engine;

import dev.ferry.engine.control.ControlChannel;
import dev.ferry.engine.data.DataChannels;
import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.TlsLayer;
import dev.ferry.engine.tls.TrustDecision;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * The steps of {@link FtpSession#open}: connect, secure (Implicit: at once; Explicit: after
 * {@code AUTH TLS}), judge the certificate before anything secret is sent, log in, then
 * {@code PBSZ 0}, {@code PROT P}, {@code FEAT}, {@code OPTS UTF8 ON}, {@code TYPE I}.
 */
final class SessionOpener {
    private final ConnectionSettings s;
    private ControlChannel control;
    private TlsLayer tls;
    private ServerCertificate certificate;

    SessionOpener(ConnectionSettings settings) {
        this.s = settings;
    }

    FtpSession open() throws FtpException {
        control = ControlChannel.connect(s.host(), s.port(), s.connectTimeout(), s.readTimeout(), s.log(), s.names());
        try {
            if (s.mode() == FtpsMode.IMPLICIT) {
                secure();
            }
            FtpReply greeting = control.read("the server's greeting");
            if (greeting.code() != 220) {
                throw new FtpReplyException("connect", greeting);
            }
            if (s.mode() == FtpsMode.EXPLICIT) {
                authTls();
                secure();
            }
            login();
            // Sent together, read in order: one round trip instead of four.
            List<ControlChannel.Ahead> protection = s.mode().secure()
                    ? List.of(control.sendAhead("PBSZ 0"), control.sendAhead("PROT P")) : List.of();
            ControlChannel.Ahead feat = control.sendAhead("FEAT");
            ControlChannel.Ahead binary = control.sendAhead("TYPE I");
            for (ControlChannel.Ahead sent : protection) {
                sent.positiveReply();
            }
            ServerFeatures features = ServerFeatures.parse(feat.reply());
            binary.positiveReply();
            Optional<ControlChannel.Ahead> utf8 = features.supports("UTF8") && s.names().isUtf8()
                    ? Optional.of(control.sendAhead("OPTS UTF8 ON")) : Optional.empty();
            // After OPTS UTF8 (names in the reply), and read only when the session first needs it.
            ControlChannel.Ahead folder = control.sendAhead("PWD");
            if (utf8.isPresent()) {
                utf8.get().reply();
            }
            DataChannels data = new DataChannels(control, Optional.ofNullable(tls),
                    certificate == null ? null : certificate.leaf(), s.dataMode(),
                    s.log(), s.connectTimeout(), s.readTimeout());
            return new FtpSession(s, control, data, features, certificate, Optional.of(folder));
        } catch (FtpException | RuntimeException e) {
            control.close();
            throw e;
        }
    }

    ServerCertificate probe() throws FtpException {
        control = ControlChannel.connect(s.host(), s.port(), s.connectTimeout(), s.readTimeout(), s.log(), s.names());
        try {
            if (s.mode() == FtpsMode.IMPLICIT) {
                secure();
                control.read("the server's greeting");
            } else {
                FtpReply greeting = control.read("the server's greeting");
                if (greeting.code() != 220) {
                    throw new FtpReplyException("connect", greeting);
                }
                authTls();
                secure();
            }
            try {
                control.socket().setSoTimeout(2000);
                control.execute("QUIT");
            } catch (IOException ignored) {
                // the certificate is what was wanted
            }
            return certificate;
        } finally {
            control.close();
        }
    }

    private void authTls() throws FtpException {
        FtpReply reply = control.execute("AUTH TLS");
        if (reply.code() == 234) {
            return;
        }
        FtpReply ssl = control.execute("AUTH SSL");
        if (ssl.code() == 234 || ssl.code() == 334) {
            return;
        }
        throw new FtpTlsException("the server does not offer FTPS: it answered \"" + reply + "\" to AUTH TLS. "
                + "Ferry does not fall back to unencrypted FTP", reply, null);
    }

    private void secure() throws FtpException {
        SSLSocket ssl;
        try {
            tls = TlsLayer.create(s.host(), s.port(), s.clientCredentials(), s.tlsMinimum(), s.tlsMaximum());
            ssl = tls.secureControl(control.plainSocket());
        } catch (GeneralSecurityException e) {
            throw new FtpTlsException("TLS is not available in this Java runtime: " + e.getMessage(), null, e);
        } catch (SocketTimeoutException e) {
            throw new FtpTimeoutException("the TLS handshake", s.readTimeout(), e);
        } catch (IOException e) {
            throw new FtpTlsException(handshakeFailure(e), null, e);
        }
        try {
            certificate = new ServerCertificate(s.host(), s.port(), TlsLayer.peerChain(ssl),
                    ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite(),
                    s.evaluator().evaluate(TlsLayer.peerChain(ssl), s.host()));
            control.upgrade(ssl);
        } catch (IOException e) {
            throw new FtpTlsException("the TLS connection failed: " + e.getMessage(), null, e);
        }
        if (s.trust().decide(certificate) != TrustDecision.ACCEPT) {
            throw new UntrustedCertificateException(certificate);
        }
        if (!certificate.evaluation().trusted()) {
            s.log().note("continuing with a certificate that has problems, as the user decided: "
                    + String.join("; ", certificate.evaluation().explanations()));
        }
    }

    private String handshakeFailure(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("certificate_required") || m.contains("bad_certificate")) {
            return "the TLS handshake failed: the server requires a client certificate"
                    + (s.clientCredentials().isPresent() ? " and did not accept the one given" : "") + " (" + m + ")";
        }
        if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
            return "the TLS handshake failed: the server and Ferry share no TLS version (Ferry speaks TLS "
                    + s.tlsMinimum().shortName() + " to " + s.tlsMaximum().shortName() + "): " + m;
        }
        if (m.contains("handshake_failure")) {
            return "the TLS handshake failed: the server and Ferry agree on no cipher or key exchange"
                    + (s.clientCredentials().isEmpty() ? ", or the server requires a client certificate" : "")
                    + " (" + m + ")";
        }
        return "the TLS handshake failed: " + m;
    }

    private void login() throws FtpException {
        FtpReply reply = control.execute("USER " + s.user());
        if (reply.code() == 331 || reply.code() == 332) {
            reply = control.execute("PASS " + s.password());
        }
        if (reply.code() == 332) {
            throw new FtpLoginException(s.user(), "PASS", reply);
        }
        if (!reply.isPositive()) {
            if (reply.code() == 421 || reply.isTransientFailure()) {
                throw new FtpReplyException("login", reply);
            }
            throw new FtpLoginException(s.user(), "USER/PASS", reply);
        }
    }

    private FtpReply expectPositive(String command) throws FtpException {
        FtpReply reply = control.execute(command);
        if (!reply.isPositive()) {
            throw new FtpReplyException(command, reply);
        }
        return reply;
    }
}
