package dev.ferry.sites.importers;

import static dev.ferry.sites.importers.ImportedNumbers.number;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;

/**
 * Reads FileZilla's site manager, {@code sitemanager.xml}: {@code <FileZilla3><Servers>} holding {@code <Folder>}s
 * (nested; the name is the text before the first child) and {@code <Server>}s. FTP, Explicit and Implicit FTPS
 * sites are offered, with their folders; SFTP and the cloud protocols are listed as skipped.
 *
 * <p>Passwords stored with {@code encoding="base64"} (or in clear by old versions) are read; those protected by
 * FileZilla's master password ({@code encoding="crypt"}) cannot be, and the item says so.
 *
 * <p>Security: the file is untrusted input. DTDs are refused (so no XXE or entity expansion), the file size is
 * capped, and names are cleaned of control characters.
 */
public final class FileZillaImporter {
    /** The program's name, for {@link ImportPreview#source()}. */
    public static final String SOURCE = "FileZilla";
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final String NOT_SITE_MANAGER = "This is not a FileZilla site manager file";

    private final List<ImportItem> items = new ArrayList<>();
    private final List<SkippedEntry> skipped = new ArrayList<>();

    private FileZillaImporter() {
    }

    /** Reads {@code file}. */
    public static ImportPreview read(Path file) throws ImportException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportException(NOT_SITE_MANAGER + ": it is larger than 32 MB.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads a site manager file from {@code in}; the caller closes it. */
    public static ImportPreview read(InputStream in) throws ImportException {
        FileZillaImporter importer = new FileZillaImporter();
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.reader(in);
            importer.document(xml);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new ImportException(NOT_SITE_MANAGER + ": it is not well-formed XML" + (line > 0 ? " (line " + line
                    + ")" : "") + ".", e);
        } finally {
            close(xml);
        }
        return new ImportPreview(SOURCE, importer.items, importer.skipped);
    }

    private void document(XMLStreamReader xml) throws XMLStreamException, ImportException {
        int event = xml.next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw new ImportException(NOT_SITE_MANAGER + ": it declares a document type (DTD), which"
                        + " FileZilla never writes and Ferry refuses for safety.");
            }
            event = xml.next();
        }
        if (!xml.getLocalName().equals("FileZilla3")) {
            throw new ImportException(NOT_SITE_MANAGER + ": it starts with <" + xml.getLocalName()
                    + "> instead of <FileZilla3> (line " + xml.getLocation().getLineNumber() + ").");
        }
        boolean servers = false;
        while (xml.hasNext()) {
            event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ImportException(NOT_SITE_MANAGER + ": it declares a document type (DTD), which Ferry"
                        + " refuses for safety.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Servers")) {
                    servers = true;
                    container(xml, List.of());
                } else {
                    skipElement(xml);
                }
            }
        }
        if (!servers) {
            throw new ImportException(NOT_SITE_MANAGER + ": it has no <Servers> list. (FileZilla keeps its sites in"
                    + " sitemanager.xml; filezilla.xml holds its settings.)");
        }
    }

    /** Reads the Folders and Servers in the element just started, up to its end. */
    private void container(XMLStreamReader xml, List<String> folders) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "Folder" -> folder(xml, folders);
                    case "Server" -> server(xml, folders);
                    default -> skipElement(xml);
                }
            }
        }
    }

    private void folder(XMLStreamReader xml, List<String> parents) throws XMLStreamException {
        StringBuilder name = new StringBuilder();
        int event = xml.next();
        while (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.COMMENT) {
            if (event != XMLStreamConstants.COMMENT) {
                name.append(xml.getText());
            }
            event = xml.next();
        }
        List<String> folders = new ArrayList<>(parents);
        folders.add(ImportedNames.folder(name.toString()));
        if (event == XMLStreamConstants.END_ELEMENT) {
            return;
        }
        dispatch(xml, folders);
        container(xml, folders);
    }

    /** Handles the child element {@code xml} stands on, inside {@code folders}. */
    private void dispatch(XMLStreamReader xml, List<String> folders) throws XMLStreamException {
        switch (xml.getLocalName()) {
            case "Folder" -> folder(xml, folders);
            case "Server" -> server(xml, folders);
            default -> skipElement(xml);
        }
    }

    private void server(XMLStreamReader xml, List<String> folders) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        String passEncoding = "";
        StringBuilder ownText = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                ownText.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String field = xml.getLocalName();
                if (field.equals("Pass")) {
                    String encoding = xml.getAttributeValue(null, "encoding");
                    passEncoding = encoding == null ? "" : encoding;
                }
                fields.putIfAbsent(field, text(xml));
            }
        }
        FileZillaSite.map(fields, passEncoding, ownText.toString().strip(), folders, items, skipped);
    }

    /** The text inside the element just started, nested elements skipped; leaves the reader on its end. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skipElement(xml);
            }
        }
    }

    private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing left to read
            }
        }
    }

    /** One {@code <Server>}'s fields turned into an item or a skipped entry. */
    static final class FileZillaSite {
        private FileZillaSite() {
        }

        static void map(Map<String, String> f, String passEncoding, String ownText, List<String> folders,
                        List<ImportItem> items, List<SkippedEntry> skipped) {
            String host = f.getOrDefault("Host", "").strip();
            String name = ImportedNames.site(f.containsKey("Name") ? f.get("Name") : ownText, host);
            String shown = folders.isEmpty() ? name : ImportedNames.path(folders) + "/" + name;
            int protocol = number(f.get("Protocol"), 0);
            List<String> notes = new ArrayList<>();
            FtpsMode mode;
            switch (protocol) {
                case 0 -> {
                    mode = FtpsMode.EXPLICIT;
                    notes.add("FileZilla used TLS here only if the server offered it; Ferry always requires it"
                            + " (Explicit FTPS). If this server has no TLS, switch the site to plain FTP.");
                }
                case 3 -> mode = FtpsMode.IMPLICIT;
                case 4 -> mode = FtpsMode.EXPLICIT;
                case 6 -> {
                    mode = FtpsMode.PLAIN;
                    notes.add("Plain FTP: the password and the files travel unencrypted. Switch to Explicit FTPS"
                            + " if the server supports it.");
                }
                default -> {
                    skipped.add(new SkippedEntry(shown, protocolName(protocol)
                            + ": Ferry connects over FTP and FTPS only."));
                    return;
                }
            }
            if (host.isEmpty()) {
                skipped.add(new SkippedEntry(shown, "It has no host name."));
                return;
            }
            Site.Builder site = Site.builder(Site.newId()).name(name).folder(ImportedNames.path(folders)).mode(mode)
                    .host(host).user(f.getOrDefault("User", "").strip());
            port(f.get("Port"), mode, site, notes);
            Optional<String> password = login(f, passEncoding, site, notes);
            site.dataMode("MODE_ACTIVE".equals(f.getOrDefault("PasvMode", "").strip())
                    ? DataConnectionMode.ACTIVE : DataConnectionMode.PASSIVE);
            site.encoding(encoding(f, notes));
            site.localFolder(f.getOrDefault("LocalDir", "").strip());
            site.remoteFolder(remoteFolder(f.getOrDefault("RemoteDir", ""), notes));
            int connections = number(f.get("MaximumMultipleConnections"), 0);
            site.parallel(connections > 0 ? connections : 2);
            site.comment(f.getOrDefault("Comments", ""));
            int offset = number(f.get("TimezoneOffset"), 0);
            if (offset != 0) {
                notes.add("FileZilla shifted this server's file times by " + offset + " minutes; Ferry shows them"
                        + " as the server sends them.");
            }
            items.add(new ImportItem(site.build(), password, notes));
        }

        private static void port(String text, FtpsMode mode, Site.Builder site, List<String> notes) {
            if (text == null || text.isBlank()) {
                return;
            }
            int port = number(text, -1);
            if (port < 1 || port > 65535) {
                notes.add("The port \"" + text.strip() + "\" is not a port number; " + mode.defaultPort()
                        + " is used.");
            } else if (port != mode.defaultPort()) {
                site.port(port);
            }
        }

        private static Optional<String> login(Map<String, String> f, String passEncoding, Site.Builder site,
                                               List<String> notes) {
            String user = f.getOrDefault("User", "").strip();
            int logon = number(f.get("Logontype"), user.isEmpty() ? 0 : 1);
            switch (logon) {
                case 0 -> {
                    site.passwordMode(PasswordMode.ANONYMOUS).user("anonymous");
                    return Optional.empty();
                }
                case 1, 4 -> {
                    if (logon == 4) {
                        notes.add("This site also sends an FTP account (ACCT), which Ferry does not.");
                    }
                    Optional<String> password = password(f.get("Pass"), passEncoding, notes);
                    site.passwordMode(password.isPresent() ? PasswordMode.STORED : PasswordMode.ASK);
                    return password;
                }
                case 3 -> notes.add("FileZilla asked for the login interactively; Ferry asks for the password"
                        + " when connecting.");
                case 5 -> notes.add("FileZilla logged in with a key file, which only SFTP uses; Ferry asks for a"
                        + " password when connecting.");
                default -> {
                    // 2: ask for the password
                }
            }
            site.passwordMode(PasswordMode.ASK);
            return Optional.empty();
        }

        private static Optional<String> password(String stored, String encoding, List<String> notes) {
            if (stored == null || stored.isEmpty()) {
                return Optional.empty();
            }
            switch (encoding) {
                case "base64" -> {
                    try {
                        String decoded = new String(Base64.getMimeDecoder().decode(stored.strip()),
                                StandardCharsets.UTF_8);
                        return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
                    } catch (IllegalArgumentException e) {
                        notes.add("The saved password could not be decoded; Ferry asks for it when connecting.");
                        return Optional.empty();
                    }
                }
                case "crypt" -> {
                    notes.add("The password is protected by FileZilla's master password, which Ferry cannot"
                            + " read: Ferry asks for it when connecting.");
                    return Optional.empty();
                }
                case "" -> {
                    return Optional.of(stored);
                }
                default -> {
                    notes.add("The password is stored in a form Ferry does not know (\"" + encoding
                            + "\"): Ferry asks for it when connecting.");
                    return Optional.empty();
                }
            }
        }

        private static String encoding(Map<String, String> f, List<String> notes) {
            if (!"Custom".equals(f.getOrDefault("EncodingType", "").strip())) {
                return "UTF-8";
            }
            String custom = f.getOrDefault("CustomEncoding", "");
            Optional<String> charset = ImportedEncodings.charset(custom);
            if (charset.isEmpty()) {
                notes.add("The file name encoding \"" + custom.strip() + "\" is not known here; UTF-8 is used.");
            }
            return charset.orElse("UTF-8");
        }

        private static String remoteFolder(String safePath, List<String> notes) {
            if (safePath.isBlank()) {
                return "";
            }
            Optional<String> path = FileZillaPaths.decode(safePath);
            if (path.isEmpty()) {
                notes.add("The remote folder could not be read; the server's first folder is opened.");
            }
            return path.orElse("");
        }

        private static String protocolName(int protocol) {
            return switch (protocol) {
                case 1 -> "SFTP";
                case 2 -> "HTTP";
                case 5 -> "HTTPS";
                case 7 -> "Amazon S3";
                case 8 -> "Storj";
                case 9 -> "WebDAV";
                case 10, 11 -> "Microsoft Azure";
                case 12 -> "OpenStack Swift";
                case 13, 14 -> "Google Cloud or Google Drive";
                case 15 -> "Dropbox";
                case 16 -> "Microsoft OneDrive";
                case 17 -> "Backblaze B2";
                case 18 -> "Box";
                default -> "Protocol number " + protocol;
            };
        }
    }
}
