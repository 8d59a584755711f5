package dev.ferry.security;

import dev.ferry.engine.tls.ServerCertificate;
import dev.ferry.engine.tls.ServerTrust;
import dev.ferry.engine.tls.TrustDecision;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The window's {@link ServerTrust}, with the user's pins in {@link KnownCertificates}:
 * <ul>
 *   <li>a certificate the user pinned for this host and port is accepted;</li>
 *   <li>a certificate trusted by the authorities (valid, right name) is accepted, unless the user pinned a
 *       different one for this server;</li>
 *   <li>anything else is asked about through the {@link TrustQuestion}: a changed certificate of a pinned
 *       server always is, showing the old and new fingerprints, and never silently accepted;</li>
 *   <li>"Trust once" is remembered for this run, so the transfer connections that follow the browsing one to
 *       the same server with the same certificate do not ask again; "Always trust" pins it.</li>
 * </ul>
 * One question at a time: connections that meet an untrusted certificate while a question is open wait for
 * its answer rather than ask again.
 *
 * <p>When {@code known-certs.json} cannot be read, no pin is used (a changed certificate is then asked about
 * like an unknown one) and the problem is told to the problem listener; "Always trust" then trusts for this
 * run only.
 *
 * <p>Security warning: accepting is the user's informed decision; nothing here accepts a certificate with a
 * problem without a pin or an answer.
 */
public final class PinningTrust implements ServerTrust {
    private final KnownCertificates store;
    private final TrustQuestion question;
    private final Clock clock;
    private final Consumer<String> problems;
    private final Set<String> trustedThisRun = ConcurrentHashMap.newKeySet();
    private final Map<String, ServerCertificate> lastSeen = new ConcurrentHashMap<>();

    /**
     * @param problems told, in words, when the known certificates cannot be read or saved
     */
    public PinningTrust(KnownCertificates store, TrustQuestion question, Clock clock, Consumer<String> problems) {
        this.store = Objects.requireNonNull(store, "store");
        this.question = Objects.requireNonNull(question, "question");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** The store of pins this trust reads and writes. */
    public KnownCertificates store() {
        return store;
    }

    @Override
    public TrustDecision decide(ServerCertificate certificate) {
        lastSeen.put(server(certificate.host(), certificate.port()), certificate);
        TrustAssessment assessment = assess(certificate);
        if (acceptedWithoutAsking(assessment)) {
            return TrustDecision.ACCEPT;
        }
        synchronized (this) {
            // another connection may have asked about the same certificate while this one waited
            if (acceptedWithoutAsking(assessment)) {
                return TrustDecision.ACCEPT;
            }
            TrustAnswer answer = ask(assess(certificate));
            switch (answer) {
                case ALWAYS_TRUST -> {
                    trustedThisRun.add(key(certificate));
                    pin(certificate);
                    return TrustDecision.ACCEPT;
                }
                case TRUST_ONCE -> {
                    trustedThisRun.add(key(certificate));
                    return TrustDecision.ACCEPT;
                }
                default -> {
                    return TrustDecision.REFUSE;
                }
            }
        }
    }

    /** What Ferry makes of {@code certificate} now, with the pin for its server (if readable). */
    public TrustAssessment assess(ServerCertificate certificate) {
        return TrustAssessment.of(certificate, pinFor(certificate));
    }

    /**
     * Pins {@code certificate} for its server, as "Always trust" does.
     *
     * @return whether it was saved; when not, the reason went to the problem listener
     */
    public boolean pin(ServerCertificate certificate) {
        try {
            store.pin(KnownCertificate.of(certificate, clock.instant()));
            return true;
        } catch (KnownCertificatesException e) {
            problems.accept(e.getMessage() + " The certificate is trusted for this run only.");
            return false;
        }
    }

    /** The last certificate this server presented during this run, for the "Server certificate" view. */
    public Optional<ServerCertificate> lastSeen(String host, int port) {
        return Optional.ofNullable(lastSeen.get(server(host, port)));
    }

    private boolean acceptedWithoutAsking(TrustAssessment assessment) {
        // "Trust once" covers this exact certificate (by fingerprint) only: any other is asked about again.
        return assessment.verdict().acceptable() || trustedThisRun.contains(key(assessment.certificate()));
    }

    private Optional<KnownCertificate> pinFor(ServerCertificate certificate) {
        try {
            return store.find(certificate.host(), certificate.port());
        } catch (KnownCertificatesException e) {
            problems.accept(e.getMessage());
            return Optional.empty();
        }
    }

    private TrustAnswer ask(TrustAssessment assessment) {
        try {
            TrustAnswer answer = question.ask(assessment).get();
            return answer == null ? TrustAnswer.CANCEL : answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrustAnswer.CANCEL;
        } catch (ExecutionException | CancellationException e) {
            return TrustAnswer.CANCEL;
        }
    }

    private static String key(ServerCertificate c) {
        return server(c.host(), c.port()) + "/" + c.sha256Fingerprint();
    }

    private static String server(String host, int port) {
        String h;
        try {
            h = KnownCertificate.normalizeHost(host);
        } catch (IllegalArgumentException e) {
            h = host;
        }
        return h + ":" + port;
    }
}
