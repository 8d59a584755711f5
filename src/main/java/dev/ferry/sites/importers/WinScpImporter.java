package dev.ferry.sites.importers;

import static dev.ferry.sites.importers.ImportedNumbers.number;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.sites.PasswordMode;
import dev.ferry.sites.Site;

/**
 * Reads WinSCP's configuration file, {@code WinSCP.ini} (what "Export configuration" writes, or the file of a
 * portable WinSCP). Each saved site is a section {@code [Sessions\Folder/Sub/Name]}: "/" separates folders and
 * names are escaped with {@code %XX}. Only FTP sessions ({@code FSProtocol=5}) are offered, plain, Implicit or
 * Explicit as {@code Ftps} says; SCP, SFTP, WebDAV and S3 sessions are listed as skipped. Other sections are
 * ignored.
 *
 * <p>Passwords saved without a WinSCP master password are decoded (see {@link WinScpPassword}); those under a
 * master password are not, and the item says so.
 */
public final class WinScpImporter {
    /** The program's name, for {@link ImportPreview#source()}. */
    public static final String SOURCE = "WinSCP";
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final String NOT_WINSCP = "This is not a WinSCP configuration file (WinSCP.ini)";
    private static final String SESSIONS = "Sessions\\";

    private WinScpImporter() {
    }

    /** Reads {@code file}. */
    public static ImportPreview read(Path file) throws ImportException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportException(NOT_WINSCP + ": it is larger than 32 MB.");
            }
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads the content of a WinSCP.ini file. */
    public static ImportPreview read(byte[] content) throws ImportException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (IOException e) {
            // Settings are escaped to ASCII; a file that is not UTF-8 is ANSI text from an older WinSCP.
            text = new String(content, java.nio.charset.Charset.forName("windows-1252"));
        }
        if (text.indexOf('\0') >= 0) {
            throw new ImportException(NOT_WINSCP + ": it is not a text file.");
        }
        if (text.stripLeading().startsWith("<")) {
            throw new ImportException(NOT_WINSCP + ": it is XML. (A FileZilla sitemanager.xml is imported with"
                    + " \"Import from FileZilla\".)");
        }
        List<IniText.Section> sections = IniText.parse(text, NOT_WINSCP);
        if (sections.stream().noneMatch(s -> s.name().startsWith(SESSIONS) || s.name().startsWith("Configuration\\")
                || s.name().equals("Configuration"))) {
            throw new ImportException(NOT_WINSCP + ": it has no [Sessions\\...] or [Configuration\\...] sections.");
        }
        List<ImportItem> items = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        for (IniText.Section section : sections) {
            if (section.name().startsWith(SESSIONS)) {
                session(section, items, skipped);
            }
        }
        return new ImportPreview(SOURCE, items, skipped);
    }

    private static void session(IniText.Section section, List<ImportItem> items, List<SkippedEntry> skipped) {
        List<String> path = sessionPath(section.name().substring(SESSIONS.length()));
        if (path.size() == 1 && path.get(0).equals("Default Settings")) {
            return;
        }
        Map<String, String> v = section.values();
        List<String> folders = path.subList(0, path.size() - 1).stream().map(ImportedNames::folder).toList();
        String host = IniText.unescape(v.getOrDefault("HostName", "")).strip();
        String name = ImportedNames.site(path.get(path.size() - 1), host);
        String shown = folders.isEmpty() ? name : ImportedNames.path(folders) + "/" + name;
        if ("1".equals(v.get("IsWorkspace"))) {
            skipped.add(new SkippedEntry(shown, "A tab of a WinSCP workspace, not a saved site."));
            return;
        }
        int protocol = number(v.get("FSProtocol"), 1);
        if (protocol != 5) {
            skipped.add(new SkippedEntry(shown, protocolName(protocol) + ": Ferry connects over FTP and FTPS only."));
            return;
        }
        if (host.isEmpty()) {
            skipped.add(new SkippedEntry(shown, "It has no host name."));
            return;
        }
        List<String> notes = new ArrayList<>();
        int ftps = number(v.get("Ftps"), 0);
        FtpsMode mode = switch (ftps) {
            case 0 -> FtpsMode.PLAIN;
            case 1 -> FtpsMode.IMPLICIT;
            case 2, 3 -> FtpsMode.EXPLICIT;
            default -> {
                notes.add("WinSCP's encryption setting " + ftps + " is not known here; Explicit FTPS is used.");
                yield FtpsMode.EXPLICIT;
            }
        };
        if (mode == FtpsMode.PLAIN) {
            notes.add("Plain FTP: the password and the files travel unencrypted. Switch to Explicit FTPS if the"
                    + " server supports it.");
        }
        String user = IniText.unescape(v.getOrDefault("UserName", "")).strip();
        Site.Builder site = Site.builder(Site.newId()).name(name).folder(ImportedNames.path(folders)).mode(mode)
                .host(host).user(user);
        port(v.get("PortNumber"), mode, site, notes);
        Optional<String> password = Optional.empty();
        String stored = v.getOrDefault("Password", "");
        if (!stored.isBlank()) {
            WinScpPassword.Result result = WinScpPassword.decode(stored, user, host);
            password = WinScpPassword.password(result);
            if (result instanceof WinScpPassword.MasterPassword) {
                notes.add("The password is protected by WinSCP's master password, which Ferry cannot read: Ferry"
                        + " asks for it when connecting.");
            } else if (result instanceof WinScpPassword.Unreadable) {
                notes.add("The saved password could not be decoded; Ferry asks for it when connecting.");
            }
        }
        if (password.isPresent()) {
            site.passwordMode(PasswordMode.STORED);
        } else if (user.isEmpty() || user.equalsIgnoreCase("anonymous")) {
            site.passwordMode(PasswordMode.ANONYMOUS).user("anonymous");
        } else {
            site.passwordMode(PasswordMode.ASK);
        }
        site.dataMode("0".equals(v.getOrDefault("FtpPasvMode", "1").strip())
                ? DataConnectionMode.ACTIVE : DataConnectionMode.PASSIVE);
        site.localFolder(IniText.unescape(v.getOrDefault("LocalDirectory", "")).strip());
        site.remoteFolder(IniText.unescape(v.getOrDefault("RemoteDirectory", "")).strip());
        String codePage = IniText.unescape(v.getOrDefault("CodePage", "")).strip();
        Optional<String> charset = ImportedEncodings.charset(codePage);
        if (!codePage.isEmpty() && charset.isEmpty()) {
            notes.add("The file name encoding \"" + codePage + "\" is not known here; UTF-8 is used.");
        }
        site.encoding(charset.orElse("UTF-8"));
        items.add(new ImportItem(site.build(), password, notes));
    }

    /**
     * The folders and name of a session. The name as a whole carries the UTF-8 mark, so the parts are decoded
     * together; a "/" escaped as %2F stays inside its part.
     */
    static List<String> sessionPath(String escaped) {
        String[] parts = escaped.split("/", -1);
        List<byte[]> bytes = new ArrayList<>();
        for (String part : parts) {
            bytes.add(IniText.bytes(part));
        }
        boolean utf8 = IniText.hasBom(bytes.get(0)) || escaped.indexOf('%') < 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i].indexOf('%') < 0 ? parts[i] : IniText.decode(bytes.get(i), utf8);
            if (!name.isBlank() || i == parts.length - 1) {
                names.add(name);
            }
        }
        return names;
    }

    private static void port(String text, FtpsMode mode, Site.Builder site, List<String> notes) {
        if (text == null || text.isBlank()) {
            return;
        }
        int port = number(text, -1);
        if (port < 1 || port > 65535) {
            notes.add("The port \"" + text.strip() + "\" is not a port number; " + mode.defaultPort() + " is used.");
        } else if (port != mode.defaultPort()) {
            site.port(port);
        }
    }

    private static String protocolName(int protocol) {
        return switch (protocol) {
            case 0 -> "SCP";
            case 1, 2 -> "SFTP";
            case 6 -> "WebDAV";
            case 7 -> "Amazon S3";
            default -> "Protocol number " + protocol;
        };
    }
}
