package dev.ferry.cli;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.TlsVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentParserTest {
    @Test
    void readsEveryOptionOfTheContract() throws UsageException {
        CliOptions o = ArgumentParser.parse(new String[]{"get", "--cacert", "ca.pem", "--fingerprint", "AB",
                "--cert", "c.p12", "--key", "k.pem", "--cert-password-env", "CP", "--password-env", "PW",
                "-P", "4", "--tls-max", "1.2", "--active", "-q", "-v", "-r", "ftpes://h/x", "local"});
        assertEquals("get", o.command());
        assertEquals(List.of("ftpes://h/x", "local"), o.arguments());
        assertEquals(4, o.parallel());
        assertEquals(Optional.of(TlsVersion.TLS_1_2), o.tlsMaximum());
        assertEquals(DataConnectionMode.ACTIVE, o.dataMode());
        assertEquals(Optional.of("PW"), o.passwordEnv());
        assertEquals(Optional.of("CP"), o.clientCertificatePasswordEnv());
        assertTrue(o.quiet() && o.verbose() && o.recursive());
    }

    @Test
    void defaultsToTwoParallelPassiveTransfers() throws UsageException {
        CliOptions o = ArgumentParser.parse(new String[]{"ls", "ftpes://h/"});
        assertEquals(2, o.parallel());
        assertEquals(DataConnectionMode.PASSIVE, o.dataMode());
    }

    @Test
    void refusesAnUnknownOption() {
        assertThrows(UsageException.class, () -> ArgumentParser.parse(new String[]{"ls", "--frobnicate", "ftpes://h/"}));
    }

    @Test
    void refusesTheWrongNumberOfArguments() {
        assertThrows(UsageException.class, () -> ArgumentParser.parse(new String[]{"get", "ftpes://h/x"}));
    }

    @Test
    void refusesParallelOutsideOneToTen() {
        assertThrows(UsageException.class, () -> ArgumentParser.parse(new String[]{"get", "-P", "11", "u", "l"}));
        assertThrows(UsageException.class, () -> ArgumentParser.parse(new String[]{"get", "-P", "x", "u", "l"}));
    }

    @Test
    void refusesAnUnknownTlsVersion() {
        assertThrows(UsageException.class, () -> ArgumentParser.parse(new String[]{"ls", "--tls-max", "1.1", "u"}));
    }

    @Test
    void exitsWithTwoOnAUsageError() {
        var err = new java.io.ByteArrayOutputStream();
        int status = new FerryCli(System.out, new java.io.PrintStream(err), System.in, java.util.Map.of(), false)
                .run(new String[]{"frob"});
        assertEquals(FerryCli.EXIT_USAGE, status);
        assertTrue(err.toString().contains("unknown command"));
    }

    @Test
    void refusesPlainFtpUnlessAllowed() {
        var err = new java.io.ByteArrayOutputStream();
        int status = new FerryCli(System.out, new java.io.PrintStream(err), System.in, java.util.Map.of(), false)
                .run(new String[]{"ls", "ftp://127.0.0.1:1/"});
        assertEquals(FerryCli.EXIT_USAGE, status);
        assertTrue(err.toString().contains("--allow-plain"));
    }

    @Test
    void readsTheServersEncodingAndRefusesOneJavaDoesNotKnow() throws UsageException {
        CliOptions o = ArgumentParser.parse(new String[]{"ls", "--encoding", "windows-1252", "ftpes://h/"});
        assertEquals(java.nio.charset.Charset.forName("windows-1252"), o.encoding().orElseThrow());
        assertTrue(ArgumentParser.parse(new String[]{"ls", "ftpes://h/"}).encoding().isEmpty());
        UsageException e = assertThrows(UsageException.class,
                () -> ArgumentParser.parse(new String[]{"ls", "--encoding", "klingon!", "ftpes://h/"}));
        assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
    }
}
