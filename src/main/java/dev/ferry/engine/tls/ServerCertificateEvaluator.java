package dev.ferry.engine.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a server's certificate chain against trust anchors and the host name, and says in
 * plain words what is wrong with it.
 *
 * <p>It never throws for an untrusted chain: every problem found is reported in the
 * {@link Evaluation}, so that a person can be shown all of them at once and decide.
 *
 * <p>Rules:
 * <ul>
 *   <li>The chain is assembled from the server's certificate (the first of the list) upwards by
 *       issuer name and verified signature, until it reaches a trust anchor; certificates the
 *       server sent that are not on that path are ignored (servers often send extra or
 *       superseded cross-signed certificates).</li>
 *   <li>Each certificate on the path is checked against the clock: {@link CertificateProblem#EXPIRED},
 *       {@link CertificateProblem#NOT_YET_VALID}. Trust anchors themselves are not date-checked
 *       (as in PKIX), except the server's own certificate when it is itself an anchor.</li>
 *   <li>Trust is decided by PKIX ({@link CertPathValidator}, revocation checks off) against the
 *       system's trust anchors (the JDK's {@code cacerts}, when enabled) and the extra anchors,
 *       at a date inside the certificates' validity, so that an expired but otherwise trusted
 *       certificate is reported as expired only.</li>
 *   <li>A self-signed server certificate that is not an anchor is
 *       {@link CertificateProblem#SELF_SIGNED}; a chain leading to an authority that is not an
 *       anchor is {@link CertificateProblem#UNKNOWN_ISSUER}; a signature that does not verify,
 *       or a certificate that may not issue others, is {@link CertificateProblem#INVALID_CHAIN}.</li>
 *   <li>The exact server certificate given as an extra anchor is trusted as to its issuer: that
 *       is how a pinned self-signed certificate works. Its dates and names are still checked.</li>
 *   <li>The host is checked with {@link HostnameMatcher}: {@link CertificateProblem#NAME_MISMATCH}.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ServerCertificateEvaluator {
    private static final int MAX_PATH_LENGTH = 16;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Anchors extraAnchors;
    private final boolean useSystemTrustAnchors;
    private Anchors allAnchors;
    private final Clock clock;

    /**
     * @param extraTrustAnchors      certificates to trust in addition to (or instead of) the
     *                               system's: CA certificates, or a server's own certificate to
     *                               pin it. Security: every certificate given here can vouch for
     *                               any server it names (or, as a CA, any server at all).
     * @param useSystemTrustAnchors  whether to trust the JDK's default authorities ({@code cacerts})
     * @param clock                  the clock to check validity dates against
     */
    public ServerCertificateEvaluator(Collection<X509Certificate> extraTrustAnchors, boolean useSystemTrustAnchors, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        for (X509Certificate c : extraTrustAnchors) {
            Objects.requireNonNull(c, "trust anchor");
        }
        this.extraAnchors = new Anchors(extraTrustAnchors);
        this.useSystemTrustAnchors = useSystemTrustAnchors;
    }

    /** Looked up when needed: initialising logging costs start-up time the command line should not pay. */
    private static Logger log() {
        return LoggerFactory.getLogger(ServerCertificateEvaluator.class);
    }

    /** The system's authorities are loaded only when the extra anchors do not vouch for a chain. */
    private synchronized Anchors allAnchors() {
        if (allAnchors == null) {
            Set<X509Certificate> all = new LinkedHashSet<>(SystemAnchors.CERTIFICATES);
            all.addAll(extraAnchors.certificates);
            allAnchors = new Anchors(all);
        }
        return allAnchors;
    }

    /** Trust anchors with an index by subject. */
    private static final class Anchors {
        final Set<X509Certificate> certificates;
        final Map<X500Principal, List<X509Certificate>> bySubject = new HashMap<>();

        Anchors(Collection<X509Certificate> certificates) {
            this.certificates = Collections.unmodifiableSet(new LinkedHashSet<>(certificates));
            for (X509Certificate c : this.certificates) {
                bySubject.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>()).add(c);
            }
        }
    }

    /**
     * Evaluates a chain as a server presented it.
     *
     * @param chain the server's certificate first, then what else the server sent
     * @param host  the host name or IP address that was connected to
     * @return the problems found, with one explanation each; no problems means trusted
     */
    public Evaluation evaluate(List<X509Certificate> chain, String host) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(host, "host");
        Map<CertificateProblem, String> found = new EnumMap<>(CertificateProblem.class);
        if (chain.isEmpty()) {
            found.put(CertificateProblem.INVALID_CHAIN, "The server sent no certificate at all.");
            return Evaluation.of(found);
        }
        Instant now = clock.instant();
        X509Certificate leaf = chain.get(0);

        Path path = buildPath(chain, extraAnchors);
        if (path.end != End.ANCHOR && useSystemTrustAnchors) {
            path = buildPath(chain, allAnchors());
        }
        List<X509Certificate> dated = path.certificates.isEmpty() ? List.of(leaf) : path.certificates;
        checkDates(dated, leaf, now, found);

        switch (path.end) {
            case ANCHOR -> {
                if (!path.certificates.isEmpty()) {
                    validatePkix(path, now, found);
                }
            }
            case SELF_SIGNED -> {
                if (path.certificates.size() == 1) {
                    found.put(CertificateProblem.SELF_SIGNED, "The server's certificate (" + name(leaf)
                            + ") is self-signed: it vouches for itself, and it is not among the trusted certificates.");
                } else {
                    X509Certificate root = path.certificates.get(path.certificates.size() - 1);
                    found.put(CertificateProblem.UNKNOWN_ISSUER, "The certificate was issued by "
                            + name(root) + ", which is not a trusted authority.");
                }
            }
            case MISSING_ISSUER -> {
                X509Certificate last = path.certificates.get(path.certificates.size() - 1);
                found.put(CertificateProblem.UNKNOWN_ISSUER, "The certificate was issued by "
                        + DistinguishedNames.readable(last.getIssuerX500Principal())
                        + ", which is not a trusted authority.");
            }
            case BAD_SIGNATURE, TOO_LONG -> found.put(CertificateProblem.INVALID_CHAIN, path.detail);
        }

        if (!HostnameMatcher.matches(leaf, host)) {
            List<String> names = HostnameMatcher.names(leaf);
            String issuedFor = names.isEmpty() ? "no server name at all" : String.join(", ", names);
            found.put(CertificateProblem.NAME_MISMATCH, "The certificate was issued for " + issuedFor
                    + ", not for " + host.trim() + ".");
        }
        Evaluation result = Evaluation.of(found);
        if (!result.trusted()) {
            log().debug("certificate of {} for {} not trusted: {}", name(leaf), host, result.problems());
        }
        return result;
    }

    private enum End { ANCHOR, SELF_SIGNED, MISSING_ISSUER, BAD_SIGNATURE, TOO_LONG }

    /** The path from the leaf up, excluding the anchor it ends at (if any). */
    private record Path(List<X509Certificate> certificates, End end, Optional<X509Certificate> anchor, String detail) {
    }

    private Path buildPath(List<X509Certificate> chain, Anchors trusted) {
        List<X509Certificate> remaining = new ArrayList<>(new LinkedHashSet<>(chain.subList(1, chain.size())));
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.get(0);
        while (true) {
            if (trusted.certificates.contains(current)) {
                return new Path(List.copyOf(path), End.ANCHOR, Optional.of(current), "");
            }
            path.add(current);
            if (path.size() > MAX_PATH_LENGTH) {
                return new Path(List.copyOf(path), End.TOO_LONG, Optional.empty(),
                        "The certificate chain is longer than " + MAX_PATH_LENGTH + " certificates.");
            }
            X500Principal issuer = current.getIssuerX500Principal();
            List<X509Certificate> anchorCandidates = trusted.bySubject.getOrDefault(issuer, List.of());
            for (X509Certificate anchor : anchorCandidates) {
                if (verifies(current, anchor.getPublicKey())) {
                    return new Path(List.copyOf(path), End.ANCHOR, Optional.of(anchor), "");
                }
            }
            if (issuer.equals(current.getSubjectX500Principal())) {
                if (verifies(current, current.getPublicKey())) {
                    return new Path(List.copyOf(path), End.SELF_SIGNED, Optional.empty(), "");
                }
                return badSignature(path, current, current);
            }
            List<X509Certificate> candidates = remaining.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(issuer))
                    .toList();
            Optional<X509Certificate> next = candidates.stream().filter(c -> verifies(path.get(path.size() - 1), c.getPublicKey())).findFirst();
            if (next.isEmpty()) {
                if (!candidates.isEmpty()) {
                    return badSignature(path, current, candidates.get(0));
                }
                if (!anchorCandidates.isEmpty()) {
                    return badSignature(path, current, anchorCandidates.get(0));
                }
                return new Path(List.copyOf(path), End.MISSING_ISSUER, Optional.empty(), "");
            }
            remaining.remove(next.get());
            current = next.get();
        }
    }

    private static Path badSignature(List<X509Certificate> path, X509Certificate signed, X509Certificate issuer) {
        String who = signed == issuer
                ? "The self-signature of " + name(signed) + " does not verify"
                : "The signature on " + name(signed) + " does not verify with the key of its issuer " + name(issuer);
        return new Path(List.copyOf(path), End.BAD_SIGNATURE, Optional.empty(),
                who + ": the chain has been altered or put together wrongly.");
    }

    private static boolean verifies(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void checkDates(List<X509Certificate> certs, X509Certificate leaf, Instant now, Map<CertificateProblem, String> found) {
        List<String> expired = new ArrayList<>();
        List<String> notYet = new ArrayList<>();
        for (X509Certificate c : certs) {
            Instant from = c.getNotBefore().toInstant();
            Instant until = c.getNotAfter().toInstant();
            String which = c == leaf ? "The server's certificate" : "The authority certificate " + name(c);
            if (now.isAfter(until)) {
                expired.add(which + " expired on " + DAY.format(until) + " (" + ago(until, now) + ")");
            } else if (now.isBefore(from)) {
                notYet.add(which + " is valid only from " + DAY.format(from) + " (" + ahead(from, now) + ")");
            }
        }
        if (!expired.isEmpty()) {
            found.put(CertificateProblem.EXPIRED, sentence(expired));
        }
        if (!notYet.isEmpty()) {
            found.put(CertificateProblem.NOT_YET_VALID, sentence(notYet));
        }
    }

    private void validatePkix(Path path, Instant now, Map<CertificateProblem, String> found) {
        Optional<Instant> date = dateInsideValidity(path.certificates, now);
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path.certificates);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(path.anchor.orElseThrow(), null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(date.orElse(now)));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (CertPathValidatorException e) {
            CertPathValidatorException.Reason reason = e.getReason();
            if (reason == CertPathValidatorException.BasicReason.EXPIRED
                    || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                // the validity periods do not overlap; the dates are reported already
                log().debug("PKIX validation found no common validity date: {}", e.getMessage());
                return;
            }
            if (reason == PKIXReason.NO_TRUST_ANCHOR) {
                found.put(CertificateProblem.UNKNOWN_ISSUER, "The certificate does not lead to a trusted authority.");
                return;
            }
            String at = e.getIndex() >= 0 && e.getIndex() < path.certificates.size()
                    ? " (at " + name(path.certificates.get(e.getIndex())) + ")" : "";
            String why = reason == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED
                    ? "it uses an algorithm or key size that is considered too weak"
                    : reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE
                    ? "a signature does not verify"
                    : reason == PKIXReason.NOT_CA_CERT
                    ? "a certificate that may not issue others was used to issue one"
                    : String.valueOf(e.getMessage());
            found.put(CertificateProblem.INVALID_CHAIN, "The certificate chain is not valid" + at + ": " + why + ".");
        } catch (GeneralSecurityException e) {
            found.put(CertificateProblem.INVALID_CHAIN, "The certificate chain could not be checked: " + e.getMessage() + ".");
        }
    }

    /** A date at which every certificate of the path is valid: now if possible, else the nearest such date. */
    private static Optional<Instant> dateInsideValidity(List<X509Certificate> certs, Instant now) {
        Instant latestStart = Instant.MIN;
        Instant earliestEnd = Instant.MAX;
        for (X509Certificate c : certs) {
            Instant from = c.getNotBefore().toInstant();
            Instant until = c.getNotAfter().toInstant();
            latestStart = from.isAfter(latestStart) ? from : latestStart;
            earliestEnd = until.isBefore(earliestEnd) ? until : earliestEnd;
        }
        if (latestStart.isAfter(earliestEnd)) {
            return Optional.empty();
        }
        if (now.isBefore(latestStart)) {
            return Optional.of(latestStart);
        }
        if (now.isAfter(earliestEnd)) {
            return Optional.of(earliestEnd);
        }
        return Optional.of(now);
    }

    private static String name(X509Certificate c) {
        return DistinguishedNames.readable(c.getSubjectX500Principal());
    }

    private static String sentence(List<String> parts) {
        return String.join("; ", parts) + ".";
    }

    private static String ago(Instant then, Instant now) {
        long days = roundedDays(Duration.between(then, now));
        return days == 0 ? "less than a day ago" : days == 1 ? "1 day ago" : days + " days ago";
    }

    private static String ahead(Instant then, Instant now) {
        long days = roundedDays(Duration.between(now, then));
        return days == 0 ? "in less than a day" : days == 1 ? "in 1 day" : "in " + days + " days";
    }

    /** Whole days, rounded to the nearest; 0 only for less than a day. */
    private static long roundedDays(Duration d) {
        if (d.compareTo(Duration.ofDays(1)) < 0) {
            return 0;
        }
        return d.plusHours(12).toDays();
    }

    /**
     * The outcome of one evaluation.
     *
     * @param problems     what is wrong, in the order of {@link CertificateProblem}; empty when trusted
     * @param explanations one sentence for each problem, in the same order, with the specifics,
     *                     e.g. "The server's certificate expired on 2025-03-01 (265 days ago)."
     */
    public record Evaluation(Set<CertificateProblem> problems, List<String> explanations) {
        /** Copies the problems and explanations; there must be exactly one explanation per problem. */
        public Evaluation {
            problems = Collections.unmodifiableSet(problems.isEmpty()
                    ? EnumSet.noneOf(CertificateProblem.class) : EnumSet.copyOf(problems));
            explanations = List.copyOf(explanations);
            if (problems.size() != explanations.size()) {
                throw new IllegalArgumentException("one explanation per problem is needed: "
                        + problems.size() + " problems, " + explanations.size() + " explanations");
            }
        }

        static Evaluation of(Map<CertificateProblem, String> found) {
            return new Evaluation(found.keySet(), new ArrayList<>(found.values()));
        }

        /** Whether the chain is trusted for the host: no problems at all. */
        public boolean trusted() {
            return problems.isEmpty();
        }

        /** The explanation for one problem, if it was found. */
        public Optional<String> explanation(CertificateProblem problem) {
            int i = 0;
            for (CertificateProblem p : problems) {
                if (p == problem) {
                    return Optional.of(explanations.get(i));
                }
                i++;
            }
            return Optional.empty();
        }
    }

    /** The JDK's default trust anchors, loaded once. */
    private static final class SystemAnchors {
        static final Set<X509Certificate> CERTIFICATES = load();

        private static Set<X509Certificate> load() {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                Set<X509Certificate> out = new HashSet<>();
                for (TrustManager tm : tmf.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x) {
                        out.addAll(List.of(x.getAcceptedIssuers()));
                    }
                }
                log().debug("loaded {} system trust anchors", out.size());
                return Collections.unmodifiableSet(out);
            } catch (GeneralSecurityException e) {
                log().warn("cannot load the system's trust anchors; only explicitly trusted certificates will be accepted", e);
                return Set.of();
            }
        }
    }
}
