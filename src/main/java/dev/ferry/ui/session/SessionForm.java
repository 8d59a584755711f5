package dev.ferry.ui.session;

import java.util.Objects;
import java.util.Optional;

import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;

/**
 * What the session dialog returns: the site (no secrets, ready for {@code sites.json}) and, apart from it, the
 * secrets for the vault and the client certificate the dialog already loaded.
 *
 * <p>Security: the arrays hold secrets in memory; the caller stores them in the vault (or uses them once) and
 * may wipe them afterwards. {@link #toString()} never shows them.
 *
 * @param password            the login password when the site's {@link PasswordMode} is {@code STORED}, else empty
 * @param certificatePassword the password of the client certificate file or key, when one was typed
 * @param clientCredentials   the client certificate with its key, as the dialog loaded and checked it
 */
public record SessionForm(Site site, Optional<char[]> password, Optional<char[]> certificatePassword,
                          Optional<ClientCredentials> clientCredentials) {
    public SessionForm {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(certificatePassword, "certificatePassword");
        Objects.requireNonNull(clientCredentials, "clientCredentials");
    }

    /** The user name sent to the server: {@code anonymous} for anonymous sites. */
    public String loginUser() {
        return site.passwordMode() == PasswordMode.ANONYMOUS ? "anonymous" : site.user();
    }

    /**
     * The password sent to the server, or empty when it must be asked for first ({@link PasswordMode#ASK}).
     * Anonymous logins send {@code anonymous@}, as browsers and FileZilla do.
     */
    public Optional<String> loginPassword() {
        return switch (site.passwordMode()) {
            case ANONYMOUS -> Optional.of("anonymous@");
            case STORED -> Optional.of(password.map(String::new).orElse(""));
            case ASK -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "SessionForm[" + site.mode() + " " + loginUser() + "@" + site.host() + ":" + site.port()
                + (clientCredentials.isPresent() ? ", client certificate" : "") + "]";
    }
}
