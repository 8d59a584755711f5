package dev.ferry.security;

import dev.ferry.engine.tls.CertificateProblem;
import dev.ferry.engine.tls.ServerCertificate;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Ferry makes of a server's certificate, in words for people: a verdict, a headline, and each problem
 * with a short title and the specifics. Built from the evaluation of the chain for the host (dates, issuer,
 * names, signatures) and the user's pin for that server, if any.
 *
 * @param certificate the chain as the server presented it, with the negotiated TLS parameters
 * @param verdict     the overall outcome
 * @param problems    what is wrong, most serious first (a changed certificate leads); empty when trusted
 * @param pinned      the certificate the user chose to always trust for this server, if any
 */
public record TrustAssessment(ServerCertificate certificate, Verdict verdict, List<Problem> problems,
                              Optional<KnownCertificate> pinned) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The overall outcome. */
    public enum Verdict {
        /** Issued by a trusted authority for this server name, valid now, and not pinned differently. */
        TRUSTED,
        /** The very certificate the user chose to always trust for this server. */
        PINNED,
        /** Not trusted, and the user has not pinned any certificate for this server. */
        NOT_TRUSTED,
        /** The user pinned another certificate for this server: it has changed since they trusted it. */
        CHANGED;

        /** Whether the connection may go on without asking. */
        public boolean acceptable() {
            return this == TRUSTED || this == PINNED;
        }
    }

    /**
     * One thing wrong.
     *
     * @param kind   the evaluator's problem, or empty for a changed certificate
     * @param title  a short sentence, such as "The certificate has expired"
     * @param detail the specifics, such as "The server's certificate expired on 2025-03-01 (265 days ago)."
     */
    public record Problem(Optional<CertificateProblem> kind, String title, String detail) {
    }

    public TrustAssessment {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(verdict, "verdict");
        problems = List.copyOf(problems);
    }

    /** Assesses {@code presented} against the user's pin for its server. */
    public static TrustAssessment of(ServerCertificate presented, Optional<KnownCertificate> pin) {
        List<Problem> problems = new ArrayList<>();
        Optional<KnownCertificate> forServer = pin.filter(k -> k.isFor(presented.host(), presented.port()));
        boolean changed = forServer.isPresent() && !forServer.get().matches(presented);
        if (changed) {
            KnownCertificate old = forServer.get();
            problems.add(new Problem(Optional.empty(), "The certificate has changed since you trusted it",
                    "On " + DAY.format(old.trustedAt()) + " you chose to always trust another certificate for "
                            + old.server() + ". A server gets a new certificate when the old one is renewed or"
                            + " replaced, but an attacker intercepting the connection would also show a different"
                            + " one. Compare the new fingerprint with the one the server's administrator gives you"
                            + " before you trust it."));
        }
        List<String> explanations = presented.evaluation().explanations();
        int i = 0;
        for (CertificateProblem p : presented.evaluation().problems()) {
            problems.add(new Problem(Optional.of(p), capitalized(p.describe()), explanations.get(i++)));
        }
        Verdict verdict = changed ? Verdict.CHANGED
                : forServer.isPresent() ? Verdict.PINNED
                : presented.evaluation().trusted() ? Verdict.TRUSTED
                : Verdict.NOT_TRUSTED;
        return new TrustAssessment(presented, verdict, problems, forServer);
    }

    /** {@code host:port} of the server. */
    public String server() {
        String host = certificate.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + certificate.port();
    }

    /** One sentence: the verdict for this server. */
    public String headline() {
        return switch (verdict) {
            case TRUSTED -> "The certificate of " + server() + " is trusted";
            case PINNED -> "You chose to always trust this certificate for " + server();
            case NOT_TRUSTED -> "The certificate of " + server() + " is not trusted";
            case CHANGED -> "Warning: the certificate of " + server() + " has changed since you trusted it";
        };
    }

    /** The problems' titles in one line, such as "The certificate has expired; the certificate is self-signed…". */
    public String summary() {
        if (problems.isEmpty()) {
            return verdict == Verdict.PINNED ? "It is the certificate you chose to always trust."
                    : "It was issued by a trusted authority for this server name and is valid now.";
        }
        List<String> titles = new ArrayList<>();
        for (Problem p : problems) {
            titles.add(titles.isEmpty() ? p.title() : Character.toLowerCase(p.title().charAt(0)) + p.title().substring(1));
        }
        return String.join("; ", titles) + ".";
    }

    /** Whether any problem is of {@code kind}. */
    public boolean has(CertificateProblem kind) {
        return problems.stream().anyMatch(p -> p.kind().equals(Optional.of(kind)));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
