package dev.ferry.cli;

import dev.ferry.engine.FtpsMode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FtpUrlTest {
    @Test
    void ftpesIsExplicitOnPort21() throws UsageException {
        FtpUrl u = FtpUrl.parse("ftpes://bob@example.org/pub/file.txt");
        assertEquals(FtpsMode.EXPLICIT, u.mode());
        assertEquals(21, u.port());
        assertEquals(Optional.of("bob"), u.user());
        assertEquals("/pub/file.txt", u.path());
    }

    @Test
    void ftpsIsImplicitOnPort990() throws UsageException {
        FtpUrl u = FtpUrl.parse("ftps://bob@example.org");
        assertEquals(FtpsMode.IMPLICIT, u.mode());
        assertEquals(990, u.port());
        assertEquals("", u.path());
    }

    @Test
    void readsPortPasswordAndPercentEncoding() throws UsageException {
        FtpUrl u = FtpUrl.parse("ftpes://bob%40corp:p%3Ass+1@127.0.0.1:2121/a%20b/c+d");
        assertEquals(Optional.of("bob@corp"), u.user());
        assertEquals(Optional.of("p:ss+1"), u.password());
        assertEquals(2121, u.port());
        assertEquals("/a b/c+d", u.path());
    }

    @Test
    void aPercentByteThatIsNotUtf8ReachesTheSameByteOnTheServer() throws UsageException {
        String path = FtpUrl.parse("ftpes://h/old/caf%E9.txt").path();
        assertArrayEquals("/old/caf\u00e9.txt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                dev.ferry.engine.control.NameCodec.UTF_8.encode(path));
        assertEquals("/old/café.txt", FtpUrl.parse("ftpes://h/old/caf%C3%A9.txt").path());
        assertEquals("/old/café.txt", FtpUrl.parse("ftpes://h/old/café.txt").path());
    }

    @Test
    void readsAnIpv6Host() throws UsageException {
        FtpUrl u = FtpUrl.parse("ftpes://[::1]:2121/x");
        assertEquals("::1", u.host());
        assertEquals(2121, u.port());
    }

    @Test
    void neverShowsThePassword() throws UsageException {
        assertEquals("ftpes://bob@h:21/x", FtpUrl.parse("ftpes://bob:secret@h/x").display());
    }

    @Test
    void refusesAnUnknownScheme() {
        assertThrows(UsageException.class, () -> FtpUrl.parse("sftp://h/x"));
    }

    @Test
    void refusesSomethingThatIsNotAUrl() {
        assertThrows(UsageException.class, () -> FtpUrl.parse("example.org/file"));
    }

    @Test
    void refusesALineBreakInThePath() {
        assertThrows(UsageException.class, () -> FtpUrl.parse("ftpes://h/a%0D%0ADELE%20x"));
    }

    @Test
    void refusesABadPort() {
        assertThrows(UsageException.class, () -> FtpUrl.parse("ftpes://h:99999/x"));
        assertThrows(UsageException.class, () -> FtpUrl.parse("ftpes://h:abc/x"));
    }
}
