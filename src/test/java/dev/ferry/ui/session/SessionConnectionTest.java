package dev.ferry.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.ferry.sites.Site;

class SessionConnectionTest {
    private static SessionForm form(String encoding) {
        Site site = Site.newSite("Old server", "ftp.example.org").toBuilder().user("ann").encoding(encoding).build();
        return new SessionForm(site, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theSitesEncodingReachesTheEngine() {
        var settings = SessionConnection.settings(form("windows-1252"), "secret").build();
        assertEquals(Charset.forName("windows-1252"), settings.names().charset());
    }

    @Test
    void anEncodingJavaDoesNotKnowFallsBackToUtf8() {
        var settings = SessionConnection.settings(form("no-such-charset"), "secret").build();
        assertEquals(StandardCharsets.UTF_8, settings.names().charset());
    }
}
