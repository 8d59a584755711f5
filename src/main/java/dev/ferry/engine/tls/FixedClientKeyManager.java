package dev.ferry.engine.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Presents the one configured client certificate whenever the server asks for a certificate whose
 * key type it can use, whatever issuers the server lists (as OpenSSL-based clients do; the JDK's
 * own key manager would silently send nothing when the issuer is not in the server's list).
 */
final class FixedClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "ferry-client";
    private final ClientCredentials credentials;

    FixedClientKeyManager(ClientCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    private String choose(String[] keyTypes) {
        if (keyTypes == null) {
            return ALIAS;
        }
        String algorithm = credentials.key().getAlgorithm().toUpperCase(Locale.ROOT);
        for (String type : keyTypes) {
            String t = type.toUpperCase(Locale.ROOT);
            boolean match = switch (algorithm) {
                case "RSA" -> t.equals("RSA") || t.equals("RSASSA-PSS");
                case "EC", "ECDSA" -> t.equals("EC") || t.startsWith("EC_");
                case "ED25519", "ED448", "EDDSA" -> t.equals("EDDSA") || t.equals("ED25519") || t.equals("ED448");
                default -> t.equals(algorithm);
            };
            if (match) {
                return ALIAS;
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[]{ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? credentials.chain().toArray(new X509Certificate[0]) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? credentials.key() : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
