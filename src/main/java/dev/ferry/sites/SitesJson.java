package dev.ferry.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;

/**
 * The JSON form of a {@link SiteTree} in {@code sites.json}:
 * <pre>{@code
 * {"version": 1,
 *  "folders": ["Clients", "Clients/Acme", "Empty"],
 *  "sites": [{"id": "…uuid…", "name": "Acme", "folder": "Clients/Acme", "mode": "EXPLICIT", "host": "ftp.acme.example",
 *             "port": 21, "portTyped": false, "user": "alice", "passwordMode": "STORED", "clientCertificate": null,
 *             "clientKey": null, "dataMode": "PASSIVE", "tlsMinimum": "TLS_1_2", "remoteFolder": "/pub",
 *             "localFolder": "", "parallel": 2, "encoding": "UTF-8", "comment": ""}]}
 * }</pre>
 * No secret is ever part of it. A missing field takes its default; a site whose field has the wrong type or an
 * unknown value is left out and reported, the others are read.
 */
final class SitesJson {
    static final int VERSION = 1;

    /** What reading found: the tree, and why some entries were left out. */
    record Read(SiteTree tree, List<String> leftOut) {
    }

    private SitesJson() {
    }

    static ObjectNode write(SiteTree tree) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ArrayNode folders = root.putArray("folders");
        tree.folders().forEach(folders::add);
        ArrayNode sites = root.putArray("sites");
        for (Site s : tree.sites()) {
            ObjectNode n = sites.addObject();
            n.put("id", s.id());
            n.put("name", s.name());
            n.put("folder", s.folder());
            n.put("mode", s.mode().name());
            n.put("host", s.host());
            n.put("port", s.port());
            n.put("portTyped", s.portTyped());
            n.put("user", s.user());
            n.put("passwordMode", s.passwordMode().name());
            n.put("clientCertificate", s.clientCertificate().orElse(null));
            n.put("clientKey", s.clientKey().orElse(null));
            n.put("dataMode", s.dataMode().name());
            n.put("tlsMinimum", s.tlsMinimum().name());
            n.put("remoteFolder", s.remoteFolder());
            n.put("localFolder", s.localFolder());
            n.put("parallel", s.parallel());
            n.put("encoding", s.encoding());
            n.put("comment", s.comment());
        }
        return root;
    }

    /** Reads the tree from a root already known to be an object with a version. */
    static Read read(JsonNode root) throws UnreadableEntryException {
        List<String> leftOut = new ArrayList<>();
        JsonNode folderArray = root.path("folders");
        List<String> folders = new ArrayList<>();
        if (!folderArray.isMissingNode() && !folderArray.isArray()) {
            throw new UnreadableEntryException("\"folders\" is not a list");
        }
        for (JsonNode f : folderArray) {
            if (!f.isTextual()) {
                leftOut.add("a folder entry is not text: " + abbreviate(f.toString()));
                continue;
            }
            try {
                folders.add(FolderPaths.normalize(f.textValue()));
            } catch (SiteTreeException e) {
                leftOut.add("folder " + abbreviate(f.textValue()) + ": " + e.getMessage());
            }
        }
        JsonNode siteArray = root.path("sites");
        if (!siteArray.isMissingNode() && !siteArray.isArray()) {
            throw new UnreadableEntryException("\"sites\" is not a list");
        }
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode n : siteArray) {
            index++;
            try {
                Site site = site(n);
                if (!ids.add(site.id())) {
                    throw new UnreadableEntryException("the id " + site.id() + " is used twice");
                }
                sites.add(site);
            } catch (UnreadableEntryException e) {
                String name = n.path("name").isTextual() ? "\"" + abbreviate(n.path("name").textValue()) + "\"" : "#" + index;
                leftOut.add("site " + name + ": " + e.getMessage());
            }
        }
        try {
            return new Read(SiteTree.of(sites, folders), leftOut);
        } catch (SiteTreeException e) {
            throw new UnreadableEntryException(e.getMessage());
        }
    }

    private static Site site(JsonNode n) throws UnreadableEntryException {
        if (!n.isObject()) {
            throw new UnreadableEntryException("not an object");
        }
        FtpsMode mode = enumValue(n, "mode", FtpsMode.class, null);
        String folder;
        try {
            folder = FolderPaths.normalize(text(n, "folder", ""));
        } catch (SiteTreeException e) {
            throw new UnreadableEntryException(e.getMessage());
        }
        String id = required(n, "id");
        Site.Builder b = Site.builder(id)
                .name(required(n, "name"))
                .folder(folder)
                .mode(mode)
                .host(required(n, "host"))
                .user(text(n, "user", ""))
                .passwordMode(enumValue(n, "passwordMode", PasswordMode.class, PasswordMode.ASK))
                .clientCertificate(optionalText(n, "clientCertificate"))
                .clientKey(optionalText(n, "clientKey"))
                .dataMode(enumValue(n, "dataMode", DataConnectionMode.class, DataConnectionMode.PASSIVE))
                .tlsMinimum(enumValue(n, "tlsMinimum", TlsVersion.class, TlsVersion.TLS_1_2))
                .remoteFolder(text(n, "remoteFolder", ""))
                .localFolder(text(n, "localFolder", ""))
                .parallel(integer(n, "parallel", 2))
                .encoding(text(n, "encoding", "UTF-8"))
                .comment(text(n, "comment", ""));
        int port = integer(n, "port", mode.defaultPort());
        if (bool(n, "portTyped") && port >= 1 && port <= 65535) {
            b.port(port);
        }
        return b.build();
    }

    private static String required(JsonNode n, String field) throws UnreadableEntryException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new UnreadableEntryException("no \"" + field + "\"");
        }
        return v.textValue();
    }

    private static String text(JsonNode n, String field, String fallback) throws UnreadableEntryException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new UnreadableEntryException("\"" + field + "\" is not text");
        }
        return v.textValue();
    }

    private static Optional<String> optionalText(JsonNode n, String field) throws UnreadableEntryException {
        String value = text(n, field, null);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static int integer(JsonNode n, String field, int fallback) throws UnreadableEntryException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new UnreadableEntryException("\"" + field + "\" is not a whole number");
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode n, String field) throws UnreadableEntryException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new UnreadableEntryException("\"" + field + "\" is not true or false");
        }
        return v.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode n, String field, Class<E> type, E fallback)
            throws UnreadableEntryException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new UnreadableEntryException("no \"" + field + "\"");
            }
            return fallback;
        }
        if (v.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v.textValue())) {
                    return e;
                }
            }
        }
        throw new UnreadableEntryException("unknown " + field + " " + abbreviate(v.toString()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** One entry, or the whole of the file's structure, cannot be read. */
    static final class UnreadableEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableEntryException(String message) {
            super(message);
        }
    }
}
