package dev.ferry.ui.sites;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.stage.Window;

import dev.ferry.engine.tls.ClientCredentials;
import dev.ferry.security.ClientCertificateException;
import dev.ferry.security.ClientCertificateLoader;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;
import dev.ferry.ui.Errors;
import dev.ferry.ui.FxBridge;
import dev.ferry.ui.session.PasswordPrompt;
import dev.ferry.ui.session.SessionConnection;
import dev.ferry.ui.session.SessionForm;
import dev.ferry.ui.session.SessionLauncher;

/**
 * Turns a saved site into what the commander connects with: its stored password (unlocking the vault the first
 * time in a run) or one asked for now, and its client certificate read with its stored password, all off the FX
 * thread. Cancelling the master password falls back to asking for the site's password.
 */
public final class SavedSiteConnection {
    private final FxBridge bridge;
    private final SiteManagerModel sites;
    private final VaultGate gate;
    private final ClientCertificateLoader loader = new ClientCertificateLoader();

    public SavedSiteConnection(FxBridge bridge, SiteManagerModel sites, VaultGate gate) {
        this.bridge = bridge;
        this.sites = sites;
        this.gate = gate;
    }

    /**
     * Prepares the connection; on the FX thread. {@code start} hears the request (and the site's parallel
     * transfers); {@code failed} why it cannot be made, in words. Nothing is heard when the user cancels.
     */
    public void prepare(Window owner, Site site, Consumer<SessionLauncher.Start> start, Consumer<String> failed) {
        sites.secretsHeld(site, held -> {
            boolean wanted = site.passwordMode() == PasswordMode.STORED && held.password()
                    || site.clientCertificate().isPresent() && held.certificatePassword();
            if (!wanted) {
                withSecrets(owner, site, SiteManagerModel.StoredSecrets.NONE, start, failed);
                return;
            }
            gate.toRead(owner, "to connect to \"" + site.name() + "\"", open -> {
                if (!open) {
                    withSecrets(owner, site, SiteManagerModel.StoredSecrets.NONE, start, failed);
                    return;
                }
                sites.readSecrets(site, secrets -> withSecrets(owner, site, secrets, start, failed), failed);
            });
        }, failed);
    }

    private void withSecrets(Window owner, Site site, SiteManagerModel.StoredSecrets secrets,
                             Consumer<SessionLauncher.Start> start, Consumer<String> failed) {
        if (site.clientCertificate().isEmpty()) {
            connect(owner, site, secrets, Optional.empty(), start);
            return;
        }
        Path certificate = Path.of(site.clientCertificate().get());
        Optional<Path> key = site.clientKey().map(Path::of);
        bridge.run(() -> loader.load(certificate, key, secrets.certificatePassword()),
                credentials -> connect(owner, site, secrets, Optional.of(credentials), start),
                error -> {
                    secrets.wipe();
                    failed.accept(error instanceof ClientCertificateException c
                            ? "The client certificate of \"" + site.name() + "\" cannot be used: " + c.getMessage()
                            : Errors.describe("Reading the client certificate of \"" + site.name() + "\"", error));
                });
    }

    private static void connect(Window owner, Site site, SiteManagerModel.StoredSecrets secrets,
                                Optional<ClientCredentials> credentials, Consumer<SessionLauncher.Start> start) {
        try {
            SessionForm form = new SessionForm(site, secrets.password(), Optional.empty(), credentials);
            Optional<String> password = switch (site.passwordMode()) {
                case ANONYMOUS -> form.loginPassword();
                case STORED -> secrets.password().map(String::new);
                case ASK -> Optional.empty();
            };
            password.or(() -> PasswordPrompt.ask(owner, form.loginUser() + "@" + site.host()).map(String::new))
                    .ifPresent(p -> start.accept(new SessionLauncher.Start(SessionConnection.request(form, p),
                            site.parallel())));
        } finally {
            secrets.wipe();
        }
    }
}
