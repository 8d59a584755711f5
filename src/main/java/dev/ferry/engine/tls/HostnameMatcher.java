package dev.ferry.engine.tls;


import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks whether a server certificate was issued for a host name or address, following RFC 6125
 * and RFC 2818.
 *
 * <ul>
 *   <li>A DNS host name is matched against the certificate's {@code dNSName} subject alternative
 *       names. Only when the certificate has no {@code dNSName} at all is the most specific
 *       common name (CN) of the subject used instead.</li>
 *   <li>A wildcard is honoured only as the whole left-most label ({@code *.example.org}), covers
 *       exactly one label, and never covers a top-level domain alone ({@code *.com} matches
 *       nothing). Partial wildcards such as {@code f*.example.org} match nothing.</li>
 *   <li>An IP literal (IPv4, or IPv6 with or without brackets) is matched only against
 *       {@code iPAddress} subject alternative names, comparing the addresses rather than their
 *       spelling. Wildcards never match an IP address; the common name does only when the
 *       certificate has no DNS or IP alternative names at all and the common name is that
 *       very address (common in old self-made certificates).</li>
 *   <li>Comparison ignores case and a trailing dot; internationalised names are compared in
 *       their ASCII (punycode) form.</li>
 * </ul>
 *
 * <p>This class never resolves names through DNS.
 */
public final class HostnameMatcher {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    /**
     * Whether {@code cert} was issued for {@code host}.
     *
     * @param cert the server's own certificate (the leaf)
     * @param host the host name or IP literal that was connected to, as the user gave it
     * @return true when one of the certificate's names covers the host
     */
    public static boolean matches(X509Certificate cert, String host) {
        Optional<String> normalised = normaliseHost(host);
        if (normalised.isEmpty()) {
            return false;
        }
        String h = normalised.get();
        Optional<byte[]> ip = parseIp(h);
        Names names = Names.of(cert);
        if (ip.isPresent()) {
            if (names.ips.stream().anyMatch(a -> Arrays.equals(a, ip.get()))) {
                return true;
            }
            // an old self-made certificate with the address only in its common name
            return names.hasNoAlternativeNames() && names.commonName
                    .flatMap(cn -> parseIp(cn.trim().toLowerCase(Locale.ROOT)))
                    .filter(a -> Arrays.equals(a, ip.get()))
                    .isPresent();
        }
        Optional<String> asciiHost = toAscii(h);
        if (asciiHost.isEmpty()) {
            return false;
        }
        for (String pattern : names.dnsPatterns()) {
            if (matchesDns(pattern, asciiHost.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names the certificate is valid for, as people read them: its DNS names and IP
     * addresses from the subject alternative names, or its common name when it has no DNS names.
     * IPv6 addresses are written in their short form (RFC 5952).
     */
    public static List<String> names(X509Certificate cert) {
        Names names = Names.of(cert);
        Set<String> out = new LinkedHashSet<>(names.dnsPatterns());
        for (byte[] ip : names.ips) {
            out.add(formatAddress(ip));
        }
        return List.copyOf(out);
    }

    /**
     * Writes a 4- or 16-byte IP address as people read it: dotted IPv4, or IPv6 in its short
     * form (RFC 5952: lower case, no leading zeros, the longest run of zero groups as {@code ::}).
     */
    public static String formatAddress(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        if (address.length != 16) {
            return "(invalid address)";
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        // the longest run of two or more zero groups becomes "::" (the first such run on a tie)
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static boolean matchesDns(String pattern, String host) {
        if (pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        if (!pattern.contains("*")) {
            return pattern.equals(host);
        }
        if (!pattern.startsWith("*.")) {
            return false; // partial or non-left-most wildcards are refused
        }
        String suffix = pattern.substring(1); // ".example.org"
        if (suffix.contains("*")) {
            return false;
        }
        // the wildcard must sit above at least two labels: "*.com" covers nothing
        if (suffix.substring(1).indexOf('.') < 0) {
            return false;
        }
        if (!host.endsWith(suffix)) {
            return false;
        }
        String firstLabel = host.substring(0, host.length() - suffix.length());
        return !firstLabel.isEmpty() && firstLabel.indexOf('.') < 0;
    }

    private static Optional<String> normaliseHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int zone = h.indexOf('%');
        if (zone >= 0 && h.indexOf(':') >= 0) {
            h = h.substring(0, zone);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.isEmpty() ? Optional.empty() : Optional.of(h);
    }

    private static Optional<String> normalisePattern(String name) {
        String n = name.trim();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        n = n.toLowerCase(Locale.ROOT);
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    private static Optional<String> toAscii(String name) {
        try {
            return Optional.of(IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final java.util.regex.Pattern IPV6_CHARS = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+");

    /** The address bytes of an IP literal (never a DNS lookup), or empty for a host name. */
    static Optional<byte[]> parseIp(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                out[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(out);
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            try {
                // with a colon, InetAddress parses an IPv6 literal or refuses it, without any lookup
                byte[] raw = InetAddress.getByName("[" + text + "]").getAddress();
                return Optional.of(raw);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The parsed subject alternative names (or common name) of one certificate. */
    private record Names(List<String> dns, List<byte[]> ips, Optional<String> commonName, boolean sanUnreadable) {
        static Names of(X509Certificate cert) {
            List<String> dns = new ArrayList<>();
            List<byte[]> ips = new ArrayList<>();
            boolean unreadable = false;
            Collection<List<?>> sans;
            try {
                sans = cert.getSubjectAlternativeNames();
            } catch (CertificateParsingException e) {
                sans = null;
                unreadable = true;
            }
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() < 2 || !(san.get(0) instanceof Integer type) || !(san.get(1) instanceof String value)) {
                        continue;
                    }
                    if (type == SAN_DNS) {
                        normalisePattern(value).ifPresent(dns::add);
                    } else if (type == SAN_IP) {
                        parseIp(value.toLowerCase(Locale.ROOT)).ifPresent(ips::add);
                    }
                }
            }
            // The common name counts only without dNSName entries; parsing it loads Bouncy Castle, so not otherwise.
            Optional<String> cn = dns.isEmpty() && !unreadable
                    ? DistinguishedNames.commonName(cert.getSubjectX500Principal()) : Optional.empty();
            return new Names(dns, ips, cn, unreadable);
        }

        boolean hasNoAlternativeNames() {
            return dns.isEmpty() && ips.isEmpty() && !sanUnreadable;
        }

        /** The DNS names to match: the dNSName entries, or the common name when there are none. */
        List<String> dnsPatterns() {
            if (!dns.isEmpty() || sanUnreadable) {
                return dns;
            }
            return commonName.flatMap(HostnameMatcher::normalisePattern).map(List::of).orElse(List.of());
        }
    }
}
