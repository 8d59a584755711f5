package dev.ferry.sites.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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

class FileZillaImporterTest {
    private static ImportPreview preview;

    @BeforeAll
    static void readSample() throws Exception {
        try (InputStream in = FileZillaImporterTest.class.getResourceAsStream("/importers/filezilla-sitemanager.xml")) {
            preview = FileZillaImporter.read(in);
        }
    }

    static ImportItem item(ImportPreview preview, String name) {
        return preview.items().stream().filter(i -> i.site().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + name + " in " + preview.items()));
    }

    private static ImportPreview parse(String xml) throws ImportException {
        return FileZillaImporter.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void offersTheFtpSitesInFileOrderAndNamesTheSource() {
        assertEquals("FileZilla", preview.source());
        assertEquals(List.of("Top explicit", "Acme implicit", "Maybe TLS", "Old plain / server 日本", "Asks",
                "minimal.example", "Legacy name"), preview.items().stream().map(i -> i.site().name()).toList());
    }

    @Test
    void readsEveryFieldOfAnExplicitSite() {
        ImportItem top = item(preview, "Top explicit");
        Site s = top.site();
        assertEquals(FtpsMode.EXPLICIT, s.mode());
        assertEquals("ftp.top.example", s.host());
        assertEquals(21, s.port());
        assertFalse(s.portTyped(), "21 is Explicit's own port");
        assertEquals("alice", s.user());
        assertEquals(PasswordMode.STORED, s.passwordMode());
        assertEquals(Optional.of("pässwörd 1"), top.password());
        assertEquals(DataConnectionMode.PASSIVE, s.dataMode());
        assertEquals("UTF-8", s.encoding());
        assertEquals("C:\\Users\\alice\\Sites", s.localFolder());
        assertEquals("/home/files", s.remoteFolder());
        assertEquals("First line\nsecond line", s.comment());
        assertEquals("", s.folder());
        assertEquals(List.of(), top.notes());
    }

    @Test
    void keepsTheFolderStructureWithNestedAndOddFolderNames() {
        assertEquals("Clients", item(preview, "Acme implicit").site().folder());
        assertEquals("Clients/Ünïcode \u2215 Sub", item(preview, "Maybe TLS").site().folder());
    }

    @Test
    void mapsImplicitFtpsWithActiveModeACustomEncodingAndConnections() {
        Site s = item(preview, "Acme implicit").site();
        assertEquals(FtpsMode.IMPLICIT, s.mode());
        assertEquals(990, s.port());
        assertEquals(DataConnectionMode.ACTIVE, s.dataMode());
        assertEquals("ISO-8859-15", s.encoding());
        assertEquals(4, s.parallel());
        assertEquals("/with spaces/dir", s.remoteFolder());
    }

    @Test
    void aPasswordUnderFileZillasMasterPasswordIsNotImportedAndTheNoteSaysSo() {
        ImportItem acme = item(preview, "Acme implicit");
        assertEquals(Optional.empty(), acme.password());
        assertEquals(PasswordMode.ASK, acme.site().passwordMode());
        assertTrue(acme.notes().get(0).contains("protected by FileZilla's master password"), acme.notes().toString());
    }

    @Test
    void ftpWithTlsIfAvailableBecomesExplicitFtpsWithANote() {
        ImportItem maybe = item(preview, "Maybe TLS");
        assertEquals(FtpsMode.EXPLICIT, maybe.site().mode());
        assertEquals(2121, maybe.site().port());
        assertTrue(maybe.site().portTyped());
        assertEquals(Optional.of("plainpw"), maybe.password(), "old versions store the password in clear");
        assertTrue(maybe.notes().get(0).startsWith("FileZilla used TLS here only if the server offered it"));
        assertTrue(maybe.notes().get(1).contains("60 minutes"));
    }

    @Test
    void plainFtpIsMarkedInsecureAndAnonymousNeedsNoPassword() {
        ImportItem plain = item(preview, "Old plain / server 日本");
        assertEquals(FtpsMode.PLAIN, plain.site().mode());
        assertEquals(21, plain.site().port());
        assertEquals(PasswordMode.ANONYMOUS, plain.site().passwordMode());
        assertEquals("anonymous", plain.site().user());
        assertTrue(plain.notes().get(0).startsWith("Plain FTP: the password and the files travel unencrypted."));
    }

    @Test
    void askForPasswordStaysAsk() {
        ImportItem asks = item(preview, "Asks");
        assertEquals(PasswordMode.ASK, asks.site().passwordMode());
        assertEquals(Optional.empty(), asks.password());
    }

    @Test
    void missingFieldsTakeDefaults() {
        ImportItem minimal = item(preview, "minimal.example");
        Site s = minimal.site();
        assertEquals(FtpsMode.EXPLICIT, s.mode(), "no Protocol is FileZilla's FTP, TLS if available");
        assertEquals(21, s.port());
        assertEquals(PasswordMode.ANONYMOUS, s.passwordMode(), "no user and no logon type is anonymous");
        assertEquals(2, s.parallel());
        assertEquals("", s.remoteFolder());
    }

    @Test
    void aServerNamedByItsTextWithABadPortAndRemoteFolderGetsNotes() {
        ImportItem legacy = item(preview, "Legacy name");
        assertEquals(21, legacy.site().port());
        assertEquals("", legacy.site().remoteFolder());
        assertEquals(List.of("The port \"not a port\" is not a port number; 21 is used.",
                "The remote folder could not be read; the server's first folder is opened."), legacy.notes());
    }

    @Test
    void sftpCloudAndHostlessEntriesAreSkippedWithTheReason() {
        assertEquals(List.of(
                new SkippedEntry("Clients/Ünïcode \u2215 Sub/Acme SFTP", "SFTP: Ferry connects over FTP and FTPS only."),
                new SkippedEntry("Bucket", "Amazon S3: Ferry connects over FTP and FTPS only."),
                new SkippedEntry("No host", "It has no host name.")), preview.skipped());
    }

    @Test
    void refusesAFileWithADtdSoAnExternalEntityIsNeverRead() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/importers/filezilla-xxe.xml")) {
            ImportException e = assertThrows(ImportException.class, () -> FileZillaImporter.read(in));
            assertEquals("This is not a FileZilla site manager file: it declares a document type (DTD), which"
                    + " FileZilla never writes and Ferry refuses for safety.", e.getMessage());
        }
    }

    @Test
    void refusesXmlWithAnotherRoot() {
        ImportException e = assertThrows(ImportException.class, () -> parse("<?xml version=\"1.0\"?>\n<settings/>"));
        assertEquals("This is not a FileZilla site manager file: it starts with <settings> instead of <FileZilla3>"
                + " (line 2).", e.getMessage());
    }

    @Test
    void refusesFileZillasSettingsFile() {
        ImportException e = assertThrows(ImportException.class,
                () -> parse("<FileZilla3><Settings><Setting name=\"x\">1</Setting></Settings></FileZilla3>"));
        assertTrue(e.getMessage().startsWith("This is not a FileZilla site manager file: it has no <Servers> list."));
    }

    @Test
    void refusesTextThatIsNotXmlWithTheLine() {
        ImportException e = assertThrows(ImportException.class, () -> parse("[Sessions\\Acme]\nHostName=x\n"));
        assertEquals("This is not a FileZilla site manager file: it is not well-formed XML (line 1).", e.getMessage());
    }

    @Test
    void refusesATruncatedFileWithTheLine() {
        ImportException e = assertThrows(ImportException.class,
                () -> parse("<FileZilla3>\n<Servers>\n<Server><Host>a</Host>\n<Name>cut"));
        assertTrue(e.getMessage().startsWith("This is not a FileZilla site manager file: it is not well-formed XML"
                + " (line 4"), e.getMessage());
    }

    @Test
    void anEmptyFolderAndEmptyServersListGiveNothing() throws Exception {
        ImportPreview empty = parse("<FileZilla3><Servers><Folder>Empty</Folder></Servers></FileZilla3>");
        assertEquals(List.of(), empty.items());
        assertEquals(List.of(), empty.skipped());
    }

    @Test
    void controlCharactersAreDroppedFromNames() throws Exception {
        ImportPreview odd = parse("<FileZilla3><Servers><Folder>A&#x9;B<Server><Host>h</Host><Protocol>4"
                + "</Protocol><Name>x&#xA;y</Name></Server></Folder></Servers></FileZilla3>");
        assertEquals("xy", odd.items().get(0).site().name());
        assertEquals("AB", odd.items().get(0).site().folder());
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sitemanager.xml");
        Files.writeString(file, "<FileZilla3><Servers><Server><Host>h.example</Host><Protocol>3</Protocol>"
                + "<Name>Disk</Name></Server></Servers></FileZilla3>");
        assertEquals("Disk", FileZillaImporter.read(file).items().get(0).site().name());
        ImportException missing = assertThrows(ImportException.class,
                () -> FileZillaImporter.read(dir.resolve("nope.xml")));
        assertTrue(missing.getMessage().startsWith("nope.xml could not be read"), missing.getMessage());
    }

    @Test
    void theItemsTextNeverShowsThePassword() {
        assertFalse(item(preview, "Top explicit").toString().contains("pässwörd"));
    }
}
