package dev.ferry.engine.tls;

import dev.ferry.testsupport.TestPki;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostnameMatcherTest {

    private static X509Certificate withDns(String... names) {
        return TestPki.selfSigned(TestPki.spec("subject.invalid").dns(names)).certificate();
    }

    private static X509Certificate withIp(String... addresses) {
        return TestPki.selfSigned(TestPki.spec("subject.invalid").ip(addresses)).certificate();
    }

    @Test
    void anExactDnsNameMatches() {
        assertTrue(HostnameMatcher.matches(withDns("ftp.example.org"), "ftp.example.org"));
    }

    @Test
    void aDifferentDnsNameDoesNotMatch() {
        assertFalse(HostnameMatcher.matches(withDns("ftp.example.org"), "www.example.org"));
    }

    @Test
    void namesAreComparedWithoutRegardToCase() {
        X509Certificate cert = withDns("FTP.Example.ORG");
        assertTrue(HostnameMatcher.matches(cert, "ftp.EXAMPLE.org"));
    }

    @Test
    void aTrailingDotOnTheHostOrTheNameIsTolerated() {
        assertTrue(HostnameMatcher.matches(withDns("ftp.example.org"), "ftp.example.org."));
        assertTrue(HostnameMatcher.matches(withDns("ftp.example.org."), "ftp.example.org"));
    }

    @Test
    void aWildcardCoversExactlyOneLeftMostLabel() {
        assertTrue(HostnameMatcher.matches(withDns("*.example.com"), "ftp.example.com"));
    }

    @Test
    void aWildcardDoesNotCoverTheBareDomain() {
        assertFalse(HostnameMatcher.matches(withDns("*.example.com"), "example.com"));
    }

    @Test
    void aWildcardDoesNotCoverTwoLabels() {
        assertFalse(HostnameMatcher.matches(withDns("*.example.com"), "a.b.example.com"));
    }

    @Test
    void aWildcardOverATopLevelDomainAloneIsRefused() {
        assertFalse(HostnameMatcher.matches(withDns("*.com"), "example.com"));
    }

    @Test
    void aPartialWildcardIsRefused() {
        assertFalse(HostnameMatcher.matches(withDns("f*.example.com"), "ftp.example.com"));
    }

    @Test
    void aWildcardNotInTheLeftMostLabelIsRefused() {
        assertFalse(HostnameMatcher.matches(withDns("ftp.*.com"), "ftp.example.com"));
    }

    @Test
    void anIpv4AddressMatchesAnIpAlternativeName() {
        assertTrue(HostnameMatcher.matches(withIp("192.0.2.10"), "192.0.2.10"));
        assertFalse(HostnameMatcher.matches(withIp("192.0.2.10"), "192.0.2.11"));
    }

    @Test
    void anIpAddressIsNotMatchedByADnsNameSpellingIt() {
        assertFalse(HostnameMatcher.matches(withDns("192.0.2.10"), "192.0.2.10"));
    }

    @Test
    void aWildcardNeverMatchesAnIpAddress() {
        assertFalse(HostnameMatcher.matches(withDns("*.0.2.10"), "192.0.2.10"));
    }

    @Test
    void anIpv6AddressMatchesWhateverItsSpelling() {
        X509Certificate cert = withIp("2001:db8::1");
        assertTrue(HostnameMatcher.matches(cert, "2001:db8::1"));
        assertTrue(HostnameMatcher.matches(cert, "2001:DB8:0:0:0:0:0:1"));
        assertTrue(HostnameMatcher.matches(cert, "[2001:0db8::0001]"));
        assertFalse(HostnameMatcher.matches(cert, "2001:db8::2"));
    }

    @Test
    void theIpv6LoopbackMatches() {
        assertTrue(HostnameMatcher.matches(withIp("::1"), "[::1]"));
    }

    @Test
    void theCommonNameIsUsedWhenThereAreNoDnsNames() {
        X509Certificate cert = TestPki.selfSigned(TestPki.spec("ftp.example.org")).certificate();
        assertTrue(HostnameMatcher.matches(cert, "ftp.example.org"));
    }

    @Test
    void theCommonNameIsIgnoredWhenThereAreDnsNames() {
        X509Certificate cert = TestPki.selfSigned(TestPki.spec("old.example.org").dns("new.example.org")).certificate();
        assertFalse(HostnameMatcher.matches(cert, "old.example.org"));
        assertTrue(HostnameMatcher.matches(cert, "new.example.org"));
    }

    @Test
    void aWildcardCommonNameFollowsTheSameRules() {
        X509Certificate cert = TestPki.selfSigned(TestPki.spec("*.example.net")).certificate();
        assertTrue(HostnameMatcher.matches(cert, "ftp.example.net"));
        assertFalse(HostnameMatcher.matches(cert, "a.b.example.net"));
    }

    @Test
    void anAddressInTheCommonNameCountsOnlyWithoutAnyAlternativeNames() {
        X509Certificate bare = TestPki.selfSigned(TestPki.spec("192.0.2.7")).certificate();
        X509Certificate withSan = TestPki.selfSigned(TestPki.spec("192.0.2.7").dns("nas.example.org")).certificate();
        assertTrue(HostnameMatcher.matches(bare, "192.0.2.7"));
        assertFalse(HostnameMatcher.matches(withSan, "192.0.2.7"));
    }

    @Test
    void anInternationalisedHostMatchesItsPunycodeName() {
        assertTrue(HostnameMatcher.matches(withDns("xn--bcher-kva.example"), "bücher.example"));
    }

    @Test
    void anEmptyHostMatchesNothing() {
        assertFalse(HostnameMatcher.matches(withDns("ftp.example.org"), " "));
    }

    @Test
    void namesListsDnsNamesThenAddressesInShortForm() {
        X509Certificate cert = TestPki.selfSigned(TestPki.spec("x").dns("localhost").ip("127.0.0.1", "2001:db8:0:0:1:0:0:1")).certificate();
        assertEquals(List.of("localhost", "127.0.0.1", "2001:db8::1:0:0:1"), HostnameMatcher.names(cert));
    }

    @Test
    void namesFallsBackToTheCommonName() {
        X509Certificate cert = TestPki.selfSigned(TestPki.spec("ftp.example.org")).certificate();
        assertEquals(List.of("ftp.example.org"), HostnameMatcher.names(cert));
    }

    @Test
    void ipv6AddressesAreWrittenInTheirRfc5952Form() {
        assertEquals("::1", HostnameMatcher.formatAddress(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        assertEquals("2001:db8::", HostnameMatcher.formatAddress(new byte[]{0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals("1:0:2::3", HostnameMatcher.formatAddress(new byte[]{0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}));
    }

    @Test
    void readsIpLiteralsAndNothingElseWithoutALookup() {
        assertEquals(4, HostnameMatcher.parseIp("192.168.0.255").orElseThrow().length);
        assertEquals(16, HostnameMatcher.parseIp("2001:db8::1").orElseThrow().length);
        assertEquals(16, HostnameMatcher.parseIp("::1").orElseThrow().length);
        for (String notAnAddress : List.of("256.1.1.1", "1.2.3", "01.2.3.4x", "example.com", "1:2:3:4:5:6:7:8:9",
                "fe80::1%eth0", "::g", "")) {
            assertTrue(HostnameMatcher.parseIp(notAnAddress).isEmpty(), notAnAddress);
        }
    }
}
