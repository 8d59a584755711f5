package dev.ferry.ui.session;

import java.time.Clock;
import java.time.LocalDate;

import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.security.CertificateDetails;
import dev.ferry.security.ClientCertificateException;

/** Says in a few words what became of loading a client certificate, for the line under the certificate fields. */
final class CertificateWords {
    private CertificateWords() {
    }

    /** A loaded certificate: usable ("CN=alice, O=Example · expires 2027-03-01 (in 98 days)"), expired or not yet valid. */
    static CertificateStatus of(ClientCredentials credentials, Clock clock) {
        CertificateDetails details = CertificateDetails.of(credentials.certificate());
        if (clock.instant().isAfter(details.notAfter())) {
            return CertificateStatus.failed("Expired on " + date(details.notAfter(), clock) + ": " + details.subject());
        }
        if (clock.instant().isBefore(details.notBefore())) {
            return CertificateStatus.failed("Not valid before " + date(details.notBefore(), clock) + ": "
                    + details.subject());
        }
        return CertificateStatus.loaded(credentials, details.subject() + " · expires " + date(details.notAfter(), clock)
                + " (" + inDays(details.daysLeft(clock)) + ")");
    }

    /** Why a certificate could not be loaded, in the words the dialog shows. */
    static CertificateStatus of(ClientCertificateException e) {
        return CertificateStatus.failed(switch (e.reason()) {
            case WRONG_PASSWORD -> "Wrong password";
            case KEY_DOES_NOT_MATCH -> "Key does not match certificate";
            case NOT_A_CERTIFICATE -> "Not a certificate file";
            case PASSWORD_REQUIRED -> "Password required: the file or its key is protected by one";
            case NO_PRIVATE_KEY -> "No private key: choose the key file that goes with this certificate";
            case UNSUPPORTED_KEY -> "Key not supported: " + e.getMessage();
            case FILE_NOT_READABLE -> e.getMessage();
        });
    }

    private static String date(java.time.Instant instant, Clock clock) {
        return LocalDate.ofInstant(instant, clock.getZone()).toString();
    }

    private static String inDays(long days) {
        if (days <= 0) {
            return "today";
        }
        return days == 1 ? "tomorrow" : "in " + days + " days";
    }
}
