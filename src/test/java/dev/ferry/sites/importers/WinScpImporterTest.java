package dev.ferry.sites.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;

class WinScpImporterTest {
    private static ImportPreview preview;

    @BeforeAll
    static void readSample() throws Exception {
        try (InputStream in = WinScpImporterTest.class.getResourceAsStream("/importers/WinSCP.ini")) {
            preview = WinScpImporter.read(in.readAllBytes());
        }
    }

    private static ImportItem item(String name) {
        return FileZillaImporterTest.item(preview, name);
    }

    private static ImportPreview parse(String ini) throws ImportException {
        return WinScpImporter.read(ini.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void offersOnlyFtpSessionsInFileOrderAndIgnoresTheDefaults() {
        assertEquals("WinSCP", preview.source());
        assertEquals(List.of("Acme FTPES", "Implicit one", "Café 日本", "Plain anonymous", "Master protected",
                "Old format", "Broken password"), preview.items().stream().map(i -> i.site().name()).toList());
    }

    @Test
    void readsAnExplicitSessionWithItsDecodedPassword() {
        ImportItem acme = item("Acme FTPES");
        Site s = acme.site();
        assertEquals("Clients", s.folder());
        assertEquals(FtpsMode.EXPLICIT, s.mode());
        assertEquals("ftp.acme.example", s.host());
        assertEquals(21, s.port());
        assertFalse(s.portTyped());
        assertEquals("alice", s.user());
        assertEquals(Optional.of("Tr0ub4dor&3"), acme.password());
        assertEquals(PasswordMode.STORED, s.passwordMode());
        assertEquals(DataConnectionMode.PASSIVE, s.dataMode());
        assertEquals("C:\\Users\\alice\\Acme", s.localFolder());
        assertEquals("/var/www/html", s.remoteFolder());
        assertEquals("UTF-8", s.encoding());
        assertEquals(List.of(), acme.notes());
    }

    @Test
    void readsAnImplicitSessionWithItsPortActiveModeAndCodePage() {
        ImportItem implicit = item("Implicit one");
        assertEquals(FtpsMode.IMPLICIT, implicit.site().mode());
        assertEquals(2990, implicit.site().port());
        assertTrue(implicit.site().portTyped());
        assertEquals(DataConnectionMode.ACTIVE, implicit.site().dataMode());
        assertEquals("windows-1252", implicit.site().encoding());
        assertEquals(Optional.of("pässwörd"), implicit.password());
    }

    @Test
    void decodesUnicodeNamesAndKeepsAnEscapedSlashInsideItsFolder() {
        ImportItem unicode = item("Café 日本");
        assertEquals("Unicöde/Sub\u2215Folder", unicode.site().folder());
        assertEquals(FtpsMode.EXPLICIT, unicode.site().mode(), "Ftps=2 is explicit SSL");
    }

    @Test
    void plainFtpIsMarkedInsecureAndWithoutUserIsAnonymous() {
        ImportItem plain = item("Plain anonymous");
        assertEquals(FtpsMode.PLAIN, plain.site().mode());
        assertEquals(21, plain.site().port());
        assertEquals(PasswordMode.ANONYMOUS, plain.site().passwordMode());
        assertTrue(plain.notes().get(0).startsWith("Plain FTP: the password and the files travel unencrypted."));
    }

    @Test
    void aPasswordUnderWinScpsMasterPasswordIsNotImportedAndTheNoteSaysSo() {
        ImportItem master = item("Master protected");
        assertEquals(Optional.empty(), master.password());
        assertEquals(PasswordMode.ASK, master.site().passwordMode());
        assertEquals(List.of("The password is protected by WinSCP's master password, which Ferry cannot read: Ferry"
                + " asks for it when connecting."), master.notes());
    }

    @Test
    void readsThePasswordFormOfOldVersionsAndTheDefaultImplicitPort() {
        ImportItem old = item("Old format");
        assertEquals(Optional.of("old"), old.password());
        assertEquals(990, old.site().port());
        assertFalse(old.site().portTyped());
    }

    @Test
    void aPasswordThatCannotBeDecodedIsLeftOutWithANote() {
        ImportItem broken = item("Broken password");
        assertEquals(Optional.empty(), broken.password());
        assertEquals(PasswordMode.ASK, broken.site().passwordMode());
        assertEquals(List.of("The saved password could not be decoded; Ferry asks for it when connecting."),
                broken.notes());
    }

    @Test
    void otherProtocolsAndHostlessSessionsAreSkippedWithTheReason() {
        assertEquals(List.of(
                new SkippedEntry("Servers/My SFTP", "SFTP: Ferry connects over FTP and FTPS only."),
                new SkippedEntry("Default protocol", "SFTP: Ferry connects over FTP and FTPS only."),
                new SkippedEntry("Cloud/Bucket", "Amazon S3: Ferry connects over FTP and FTPS only."),
                new SkippedEntry("No host", "It has no host name.")), preview.skipped());
    }

    @Test
    void theImplicitPortIsTheDefaultWhenNoneIsGiven() throws Exception {
        ImportPreview p = parse("[Sessions\\I]\nHostName=h\nFSProtocol=5\nFtps=1\n");
        assertEquals(990, p.items().get(0).site().port());
    }

    @Test
    void refusesAFileZillaFile() {
        ImportException e = assertThrows(ImportException.class, () -> parse("<?xml version=\"1.0\"?><FileZilla3/>"));
        assertTrue(e.getMessage().startsWith("This is not a WinSCP configuration file (WinSCP.ini): it is XML."));
    }

    @Test
    void refusesALineThatIsNotIniWithItsNumber() {
        ImportException e = assertThrows(ImportException.class,
                () -> parse("[Sessions\\A]\nHostName=h\nthis is prose\n"));
        assertEquals("This is not a WinSCP configuration file (WinSCP.ini): line 3 is neither a [section] nor a"
                + " name=value setting.", e.getMessage());
    }

    @Test
    void refusesAnIniFileOfAnotherProgram() {
        ImportException e = assertThrows(ImportException.class, () -> parse("[core]\nbare = false\n"));
        assertTrue(e.getMessage().endsWith("it has no [Sessions\\...] or [Configuration\\...] sections."));
    }

    @Test
    void refusesBinaryContent() {
        assertThrows(ImportException.class, () -> WinScpImporter.read(new byte[] {'[', 'a', ']', 0, 1, 2}));
    }

    @Test
    void aConfigurationWithoutSessionsGivesNothing() throws Exception {
        ImportPreview p = parse("\uFEFF[Configuration\\Interface]\r\nTheme=Dark\r\n");
        assertEquals(List.of(), p.items());
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("WinSCP.ini");
        Files.writeString(file, "[Sessions\\Disk]\nHostName=h\nFSProtocol=5\nFtps=3\n");
        assertEquals("Disk", WinScpImporter.read(file).items().get(0).site().name());
    }
}
