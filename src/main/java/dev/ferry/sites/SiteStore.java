package dev.ferry.sites;

import dev.ferry.security.AtomicFiles;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Keeps the {@link SiteTree} in {@code sites.json} (DESIGN §5): a {@code "version"} field, written to a
 * temporary file and renamed, the previous file kept as {@code sites.json.bak}. It holds no secrets: passwords
 * live in the {@link dev.ferry.security.SecretVault}.
 *
 * <p>A file that cannot be read is never overwritten:
 * <ul>
 * <li>When the file as a whole cannot be read (not JSON, no version), it is renamed to
 *     {@code sites.json.broken-<time>} and reported; the tree starts empty.</li>
 * <li>When only some sites in it cannot be read, the others are loaded, the file is copied to
 *     {@code sites.json.broken-<time>}, and the sites left out are reported.</li>
 * <li>When it was written by a newer Ferry, what is understood is loaded and the file is copied to
 *     {@code sites.json.newer-<time>}, since the next save would drop what this version does not know.</li>
 * <li>When the file can be neither read nor moved aside, it is left in place and {@link #save} refuses to
 *     write over it until Ferry restarts.</li>
 * </ul>
 * {@link #save} writes only a tree that differs from the one last loaded or saved, so after a problem nothing
 * is written until the user changes something, and the kept file stays beside the new one.
 *
 * <p>Thread-safe: the UI loads and saves on its background executor.
 */
public final class SiteStore {
    private static final Logger LOG = LoggerFactory.getLogger(SiteStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private SiteTree lastKnown = SiteTree.empty();
    private Optional<String> refusal = Optional.empty();

    /** What {@link #load()} found: the tree to show, and a problem to tell the user, if any. */
    public record Loaded(SiteTree tree, Optional<String> problem) {
    }

    /** @param file usually {@code AppPaths.sitesFile()} */
    public SiteStore(Path file) {
        this.file = file;
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    /** Reads the sites. A missing file is an empty tree and no problem. Never throws. */
    public synchronized Loaded load() {
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return unreadable("the file is empty");
            }
            root = json.readTree(bytes);
        } catch (NoSuchFileException e) {
            return known(new Loaded(SiteTree.empty(), Optional.empty()));
        } catch (IOException e) {
            return unreadable(reason(e));
        }
        if (root == null || !root.isObject()) {
            return unreadable("it is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            return unreadable("it has no valid \"version\" field");
        }
        SitesJson.Read read;
        try {
            read = SitesJson.read(root);
        } catch (SitesJson.UnreadableEntryException e) {
            return unreadable(e.getMessage());
        }
        if (version.intValue() > SitesJson.VERSION) {
            return newer(read, version.intValue());
        }
        if (read.leftOut().isEmpty()) {
            return known(new Loaded(read.tree(), Optional.empty()));
        }
        return partlyReadable(read);
    }

    /** A newer Ferry's file: its settings this one does not know would be lost by the next save, so keep a copy. */
    private Loaded newer(SitesJson.Read read, int version) {
        String name = file.getFileName().toString();
        Optional<Path> copy = AtomicFiles.copyAside(file, "newer", LocalDateTime.now());
        String problem = name + " was written by a newer Ferry (file version " + version + "). The sites this Ferry"
                + " understands were read" + (read.leftOut().isEmpty() ? "" : ", " + read.leftOut().size()
                + " could not be (" + String.join("; ", read.leftOut()) + ")") + ". "
                + copy.map(p -> "The original file was kept as " + p.getFileName() + ".")
                        .orElse("The original file could not be copied aside, so it will not be overwritten"
                                + " until Ferry restarts.");
        if (copy.isEmpty()) {
            refusal = Optional.of(name + " was written by a newer Ferry and could not be copied aside, so Ferry does"
                    + " not write over it.");
        }
        LOG.warn("{}: {}", file, problem);
        return known(new Loaded(read.tree(), Optional.of(problem)));
    }

    private Loaded partlyReadable(SitesJson.Read read) {
        String name = file.getFileName().toString();
        int n = read.leftOut().size();
        String what = n == 1 ? "1 entry" : n + " entries";
        Optional<Path> copy = AtomicFiles.copyAside(file, "broken", LocalDateTime.now());
        String problem = what + " in " + name + " could not be read and " + (n == 1 ? "was" : "were") + " left out ("
                + String.join("; ", read.leftOut()) + "). "
                + copy.map(p -> "The original file was kept as " + p.getFileName() + ".")
                        .orElse("The original file could not be copied aside, so it will not be overwritten"
                                + " until Ferry restarts.");
        if (copy.isEmpty()) {
            refusal = Optional.of(name + " could not be fully read or copied aside, so Ferry does not write over it."
                    + " Move or fix it, then restart Ferry.");
        }
        LOG.warn("{}: {}", file, problem);
        return known(new Loaded(read.tree(), Optional.of(problem)));
    }

    private Loaded unreadable(String reason) {
        String name = file.getFileName().toString();
        Optional<Path> aside = AtomicFiles.moveAside(file, "broken", LocalDateTime.now());
        String problem;
        if (aside.isPresent()) {
            problem = name + " could not be read (" + reason + "). It was kept as " + aside.get().getFileName()
                    + ", and the site list starts empty.";
        } else {
            problem = name + " could not be read (" + reason + "), and could not be moved aside. It was left as it"
                    + " is, and sites will not be saved until it is moved or fixed and Ferry restarts.";
            refusal = Optional.of(name + " could not be read and is left untouched, so Ferry does not write over"
                    + " it. Move or fix it, then restart Ferry.");
        }
        LOG.warn("{}: {}", file, problem);
        return known(new Loaded(SiteTree.empty(), Optional.of(problem)));
    }

    private Loaded known(Loaded loaded) {
        lastKnown = loaded.tree();
        return loaded;
    }

    private static String reason(IOException e) {
        if (e instanceof JacksonException j) {
            String what = j.getOriginalMessage() != null && j.getOriginalMessage().contains("end-of-input")
                    ? "it ends too early, as if cut off" : "it is not valid JSON";
            return j.getLocation() == null ? what
                    : what + ", at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Writes {@code tree} now, on the calling thread, when it differs from what was last loaded or saved:
     * temporary file, then rename; the previous file becomes {@code sites.json.bak}.
     *
     * @return whether the file was written
     * @throws IOException when the disk refuses, or when the file could not be read at load and must not be
     *                     overwritten (the message says so in words)
     */
    public synchronized boolean save(SiteTree tree) throws IOException {
        if (refusal.isPresent()) {
            throw new IOException(refusal.get());
        }
        if (tree.equals(lastKnown)) {
            return false;
        }
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(SitesJson.write(tree)));
        lastKnown = tree;
        return true;
    }
}
