package dev.ferry.ui.connect;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.engine.tls.TrustDecision;
import dev.ferry.ui.FxBridge;

/**
 * The window's {@link ServerTrust}: certificates the JDK's trust anchors accept pass; any other is shown to
 * the user, and one the user trusted is accepted again for the same host and port during this run (the
 * transfer connections open after the browsing one and must not ask again).
 *
 * <p>Security warning: accepting is the user's informed decision; never accept without asking.
 */
public final class SessionTrust implements ServerTrust {
    private final FxBridge bridge;
    private final CertificateQuestion question;
    private final Set<String> trustedThisRun = ConcurrentHashMap.newKeySet();

    public SessionTrust(FxBridge bridge, CertificateQuestion question) {
        this.bridge = bridge;
        this.question = question;
    }

    @Override
    public TrustDecision decide(ServerCertificate certificate) {
        if (certificate.evaluation().trusted()) {
            return TrustDecision.ACCEPT;
        }
        String key = key(certificate);
        if (trustedThisRun.contains(key)) {
            return TrustDecision.ACCEPT;
        }
        synchronized (this) {
            if (trustedThisRun.contains(key)) {
                return TrustDecision.ACCEPT;
            }
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            bridge.fx(() -> question.ask(certificate).whenComplete((yes, error) ->
                    answer.complete(error == null && Boolean.TRUE.equals(yes))));
            try {
                if (answer.get()) {
                    trustedThisRun.add(key);
                    return TrustDecision.ACCEPT;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                return TrustDecision.REFUSE;
            }
            return TrustDecision.REFUSE;
        }
    }

    private static String key(ServerCertificate c) {
        return c.host() + ":" + c.port() + "/" + c.sha256Fingerprint();
    }
}
