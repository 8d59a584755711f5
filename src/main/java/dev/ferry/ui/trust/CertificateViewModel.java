package dev.ferry.ui.trust;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.ferry.security.CertificateDetails;
import dev.ferry.security.TrustAnswer;
import dev.ferry.security.TrustAssessment;

/**
 * What the certificate dialog shows and the answers it can give: the assessment in words, the chain with the
 * fields of the certificate selected in it, the TLS parameters, and, for a changed certificate, the old and new
 * fingerprints side by side.
 */
public final class CertificateViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Why the dialog is open. */
    public enum Purpose {
        /** A connection waits: Trust once, Always trust, Cancel. */
        ASK,
        /** The user looks at a connected session's certificate: Close (and Always trust when it is not trusted). */
        VIEW
    }

    private final TrustAssessment assessment;
    private final Purpose purpose;
    private final Clock clock;
    private final List<CertificateDetails> chain;
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<CertificateDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrustAnswer> answer = new ReadOnlyObjectWrapper<>();

    public CertificateViewModel(TrustAssessment assessment, Purpose purpose, Clock clock) {
        this.assessment = Objects.requireNonNull(assessment, "assessment");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chain = assessment.certificate().chain().stream().map(CertificateViewModel::details).toList();
        details.set(chain.get(0));
        selected.addListener((o, was, now) -> details.set(chain.get(now.intValue())));
    }

    private static CertificateDetails details(X509Certificate c) {
        return CertificateDetails.of(c);
    }

    public TrustAssessment assessment() {
        return assessment;
    }

    public Purpose purpose() {
        return purpose;
    }

    /** Whether the assessment is bad news (a warning look, trust buttons). */
    public boolean untrusted() {
        return !assessment.verdict().acceptable();
    }

    /** Whether the certificate changed since the user pinned another: the loudest warning. */
    public boolean changed() {
        return assessment.verdict() == TrustAssessment.Verdict.CHANGED;
    }

    public String headline() {
        return assessment.headline();
    }

    public List<TrustAssessment.Problem> problems() {
        return assessment.problems();
    }

    /** The chain as the server sent it, its own certificate first. */
    public List<CertificateDetails> chain() {
        return chain;
    }

    /** A short name for a certificate in the chain tree: its common name, else its whole subject. */
    public String shortName(int index) {
        String subject = chain.get(index).subject();
        for (String part : subject.split(",\\s*")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return subject;
    }

    /** Which certificate of {@link #chain()} the fields show. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The fields of the selected certificate. */
    public ReadOnlyObjectProperty<CertificateDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Shows the fields of the certificate at {@code index} of {@link #chain()}. */
    public void select(int index) {
        if (index >= 0 && index < chain.size()) {
            selected.set(index);
        }
    }

    /** "From … until …" with the days left or past, in words. */
    public String validity(CertificateDetails d) {
        long days = d.daysLeft(clock);
        Instant now = clock.instant();
        long ago = java.time.Duration.between(d.notAfter(), now).toDays();
        String state = now.isBefore(d.notBefore()) ? "not valid yet"
                : now.isAfter(d.notAfter()) ? (ago == 0 ? "expired today" : "expired " + plural(ago, "day") + " ago")
                : days == 0 ? "expires today"
                : plural(days, "day") + " left";
        return WHEN.format(d.notBefore()) + " to " + WHEN.format(d.notAfter()) + " (" + state + ")";
    }

    /** Whether {@code d} is outside its validity now (for a warning colour). */
    public boolean outOfDate(CertificateDetails d) {
        return !d.validAt(clock);
    }

    public String names(CertificateDetails d) {
        return d.alternativeNames().isEmpty() ? "(none)" : String.join(", ", d.alternativeNames());
    }

    /** The negotiated protocol and cipher suite. */
    public String connection() {
        return assessment.certificate().tlsProtocol() + ", " + assessment.certificate().cipherSuite();
    }

    /** The fingerprint the user trusted before, for a changed certificate. */
    public Optional<String> trustedFingerprint() {
        return changed() ? assessment.pinned().map(k -> k.sha256()) : Optional.empty();
    }

    /** The fingerprint the server presents now. */
    public String presentedFingerprint() {
        return chain.get(0).sha256Fingerprint();
    }

    /** The answer given, once the dialog is closed; empty (null) while open. */
    public ReadOnlyObjectProperty<TrustAnswer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public void trustOnce() {
        answer.set(TrustAnswer.TRUST_ONCE);
    }

    public void alwaysTrust() {
        answer.set(TrustAnswer.ALWAYS_TRUST);
    }

    public void cancel() {
        answer.set(TrustAnswer.CANCEL);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
