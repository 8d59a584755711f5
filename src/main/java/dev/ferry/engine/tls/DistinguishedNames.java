package dev.ferry.engine.tls;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import javax.security.auth.x500.X500Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Distinguished names (subject, issuer) written for people: most specific part first. */
public final class DistinguishedNames {
    private DistinguishedNames() {
    }

    /**
     * The name as people read it, most specific part first and with short attribute names, for
     * example {@code "CN=ftp.example.org, O=Example Ltd, C=DE"}. Special characters in values are
     * escaped as in RFC 4514.
     */
    public static String readable(X500Principal name) {
        RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs();
        if (rdns.length == 0) {
            return "(no name)";
        }
        List<String> parts = new ArrayList<>(rdns.length);
        for (int i = rdns.length - 1; i >= 0; i--) {
            StringBuilder part = new StringBuilder();
            for (AttributeTypeAndValue tv : rdns[i].getTypesAndValues()) {
                if (part.length() > 0) {
                    part.append('+');
                }
                part.append(attributeName(tv.getType())).append('=').append(IETFUtils.valueToString(tv.getValue()));
            }
            parts.add(part.toString());
        }
        return String.join(", ", parts);
    }

    /** The most specific common name (CN) of the name, if it has one. */
    public static Optional<String> commonName(X500Principal name) {
        RDN[] cns = X500Name.getInstance(name.getEncoded()).getRDNs(BCStyle.CN);
        for (int i = cns.length - 1; i >= 0; i--) {
            AttributeTypeAndValue first = cns[i].getFirst();
            if (first != null && first.getValue() instanceof org.bouncycastle.asn1.ASN1String s) {
                return Optional.of(s.getString());
            }
        }
        return Optional.empty();
    }

    private static String attributeName(ASN1ObjectIdentifier oid) {
        String display = BCStyle.INSTANCE.oidToDisplayName(oid);
        return display != null ? display : oid.getId();
    }
}
