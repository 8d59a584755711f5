package dev.ferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.FtpException;
import dev.ferry.engine.FtpReplyException;
import dev.ferry.engine.FtpSession;
import dev.ferry.engine.RemotePaths;
import dev.ferry.engine.control.NameCodec;
import dev.ferry.engine.listing.EntryType;
import dev.ferry.engine.listing.RemoteEntry;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code ferry ls}: one entry a line (folders end in {@code /}), {@code -l} for details, {@code --json}. */
final class ListCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ListCommand() {
    }

    static int run(CliOptions options, FtpUrl url, SessionFactory sessions, PrintStream out) throws FtpException {
        List<RemoteEntry> entries;
        try (FtpSession session = sessions.open()) {
            entries = new ArrayList<>(listing(session, url.path()).stream().map(ListCommand::readable).toList());
        }
        entries.sort(Comparator.comparing(RemoteEntry::name));
        if (options.json()) {
            out.println(json(entries));
        } else {
            for (RemoteEntry e : entries) {
                out.println(options.longListing() ? longLine(e) : shortLine(e));
            }
        }
        return 0;
    }

    /** The folder's entries; for a file, as {@code ls FILE} does, that file's entry. */
    private static List<RemoteEntry> listing(FtpSession session, String path) throws FtpException {
        try {
            return session.list(path);
        } catch (FtpReplyException refused) {
            Optional<RemoteEntry> entry = path.isEmpty() ? Optional.empty() : session.stat(path);
            if (entry.isEmpty()) {
                throw new FtpException("no such file or folder on the server: " + path, refused);
            }
            if (entry.get().isDirectory()) {
                throw refused;
            }
            RemoteEntry e = entry.get();
            return List.of(new RemoteEntry(RemotePaths.name(e.name()), e.type(), e.size(), e.modified(),
                    e.permissions(), e.owner(), e.group(), e.linkTarget(), e.rawLine()));
        }
    }

    /** The entry as a person reads it: a name that is not UTF-8 in its ISO-8859-1 characters (see NameCodec). */
    private static RemoteEntry readable(RemoteEntry e) {
        return new RemoteEntry(NameCodec.readable(e.name()), e.type(), e.size(), e.modified(), e.permissions(),
                e.owner(), e.group(), e.linkTarget().map(NameCodec::readable), e.rawLine());
    }

    private static String shortLine(RemoteEntry e) {
        return e.name() + (e.type() == EntryType.DIRECTORY ? "/" : "");
    }

    private static String longLine(RemoteEntry e) {
        char type = switch (e.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FILE -> '-';
            case OTHER -> 'o';
            case UNKNOWN -> '?';
        };
        String size = e.size() >= 0 ? Long.toString(e.size()) : "-";
        String time = e.modified().map(TIME::format).orElse("                ");
        String link = e.linkTarget().map(t -> " -> " + t).orElse("");
        return String.format("%c%-10s %14s  %s  %s%s", type, e.permissions().orElse(""), size, time, e.name(), link);
    }

    static String json(List<RemoteEntry> entries) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (RemoteEntry e : entries) {
            ObjectNode o = array.addObject();
            o.put("name", e.name());
            o.put("type", e.type().name().toLowerCase());
            if (e.size() >= 0) {
                o.put("size", e.size());
            }
            e.modified().ifPresent(t -> o.put("modified", t.toString()));
            e.permissions().ifPresent(p -> o.put("permissions", p));
            e.owner().ifPresent(p -> o.put("owner", p));
            e.group().ifPresent(p -> o.put("group", p));
            e.linkTarget().ifPresent(p -> o.put("target", p));
            if (e.type() == EntryType.UNKNOWN) {
                o.put("raw", e.rawLine());
            }
        }
        return array.toPrettyString();
    }
}
