package dev.ferry.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** TLS protocol versions Ferry speaks; older ones are never offered. */
public enum TlsVersion {
    TLS_1_2("TLSv1.2", "1.2"),
    TLS_1_3("TLSv1.3", "1.3");

    private final String protocolName;
    private final String shortName;

    TlsVersion(String protocolName, String shortName) {
        this.protocolName = protocolName;
        this.shortName = shortName;
    }

    /** The JSSE protocol name, such as {@code TLSv1.3}. */
    public String protocolName() {
        return protocolName;
    }

    /** The short name users type, such as {@code 1.3}. */
    public String shortName() {
        return shortName;
    }

    /** Parses {@code 1.2}, {@code 1.3}, {@code TLSv1.3} or {@code tls1.3}. */
    public static Optional<TlsVersion> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("tlsv", "").replace("tls", "");
        return Arrays.stream(values()).filter(v -> v.shortName.equals(t)).findFirst();
    }
}
