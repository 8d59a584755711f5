package dev.ferry.sites;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The site manager's content: saved sites and the folders they sit in, folders possibly empty. A value: every
 * change returns a new tree and leaves this one as it was, so a tree can be handed to a background thread to
 * be saved while the UI goes on, and "has anything changed?" is {@code equals}.
 *
 * <p>Folders are "/"-separated paths (see {@link FolderPaths}); the top level, "", always exists. A site's
 * {@link Site#folder()} names its folder. Within one folder, site names are unique (ignoring case), and so are
 * folder names; a site and a folder may share a name.
 *
 * <p>Refused changes throw {@link SiteTreeException} with a sentence to show.
 */
public final class SiteTree {
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
    private static final Comparator<Site> SITE_ORDER = Comparator.comparing(Site::name, BY_NAME).thenComparing(Site::id);
    private static final SiteTree EMPTY = new SiteTree(new LinkedHashMap<>(), new TreeSet<>());

    private final Map<String, Site> sites;
    private final SortedSet<String> folders;

    /** One entry of a folder's listing: a folder or a site. */
    public sealed interface Child permits FolderChild, SiteChild {
        /** What the site manager shows. */
        String name();
    }

    /** A folder inside the listed folder. */
    public record FolderChild(String path, String name) implements Child {
    }

    /** A site inside the listed folder. */
    public record SiteChild(Site site) implements Child {
        @Override
        public String name() {
            return site.name();
        }
    }

    /** How much a folder holds, at any depth: what to say before deleting it. */
    public record Contents(int sites, int folders) {
        /** Whether it holds nothing. */
        public boolean isEmpty() {
            return sites == 0 && folders == 0;
        }

        static String count(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    private SiteTree(Map<String, Site> sites, SortedSet<String> folders) {
        this.sites = Collections.unmodifiableMap(sites);
        this.folders = Collections.unmodifiableSortedSet(folders);
    }

    /** No sites, no folders. */
    public static SiteTree empty() {
        return EMPTY;
    }

    /**
     * A tree of these sites and folders, as read from a file: folder paths are normalised and every folder
     * a site or folder lies in is created. Names are not checked for uniqueness (a file may hold two sites of
     * one name; the tree keeps both).
     *
     * @throws SiteTreeException when two sites share an id, or a folder name is not acceptable
     */
    public static SiteTree of(Collection<Site> sites, Collection<String> folders) throws SiteTreeException {
        Map<String, Site> byId = new LinkedHashMap<>();
        SortedSet<String> allFolders = new TreeSet<>();
        for (String folder : folders) {
            addWithAncestors(allFolders, FolderPaths.normalize(folder));
        }
        for (Site site : sites) {
            String folder = FolderPaths.normalize(site.folder());
            if (byId.putIfAbsent(site.id(), site.withFolder(folder)) != null) {
                throw new SiteTreeException("Two sites have the same id " + site.id() + ".");
            }
            addWithAncestors(allFolders, folder);
        }
        return new SiteTree(byId, allFolders);
    }

    // ---- Reading ------------------------------------------------------------------------------------------

    /** All sites, in the order they were added. */
    public List<Site> sites() {
        return List.copyOf(sites.values());
    }

    /** All folder paths but the top level, sorted. */
    public List<String> folders() {
        return List.copyOf(folders);
    }

    /** The site with this id. */
    public Optional<Site> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    /** Whether this folder exists; the top level ("") always does. */
    public boolean hasFolder(String path) {
        return path.isEmpty() || folders.contains(path);
    }

    /**
     * What {@code folder} holds directly, in the order the site manager shows it: folders first, then sites,
     * each by name (ignoring case), so the order is the same every time.
     */
    public List<Child> children(String folder) {
        List<Child> result = new ArrayList<>();
        folders.stream().filter(f -> FolderPaths.parent(f).equals(folder))
                .sorted(Comparator.comparing(FolderPaths::name, BY_NAME))
                .forEach(f -> result.add(new FolderChild(f, FolderPaths.name(f))));
        sites.values().stream().filter(s -> s.folder().equals(folder)).sorted(SITE_ORDER)
                .forEach(s -> result.add(new SiteChild(s)));
        return result;
    }

    /** Every site in {@code folder} or any folder inside it, sorted by folder, then name. */
    public List<Site> sitesWithin(String folder) {
        return sites.values().stream().filter(s -> FolderPaths.isWithin(s.folder(), folder))
                .sorted(Comparator.comparing(Site::folder, BY_NAME).thenComparing(SITE_ORDER)).toList();
    }

    /** How many sites and folders {@code folder} holds, at any depth. */
    public Contents contents(String folder) {
        int sub = (int) folders.stream().filter(f -> !f.equals(folder) && FolderPaths.isWithin(f, folder)).count();
        return new Contents(sitesWithin(folder).size(), sub);
    }

    /**
     * The sites whose name, host or user contains {@code text}, ignoring case, sorted by folder, then name.
     * Blank text finds every site.
     */
    public List<Site> search(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return sitesWithin(FolderPaths.ROOT).stream()
                .filter(s -> needle.isEmpty() || contains(s.name(), needle) || contains(s.host(), needle)
                        || contains(s.user(), needle))
                .toList();
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * {@code wanted}, or "wanted (2)", "wanted (3)" and so on: the first that no site in {@code folder} has yet
     * (ignoring case). For imports, where a clash should not stop anything.
     */
    public String uniqueSiteName(String folder, String wanted) {
        String spelled = spelledAsExisting(folder);
        String name = wanted.strip();
        for (int n = 2; siteNameTaken(spelled, name, null); n++) {
            name = wanted.strip() + " (" + n + ")";
        }
        return name;
    }

    /** How many sites there are. */
    public int size() {
        return sites.size();
    }

    // ---- Sites --------------------------------------------------------------------------------------------

    /**
     * Adds a site. Its folder is created if it does not exist yet.
     *
     * @throws SiteTreeException when the id is taken, the name is blank or already used in that folder
     */
    public SiteTree add(Site site) throws SiteTreeException {
        if (sites.containsKey(site.id())) {
            throw new SiteTreeException("A site with the id " + site.id() + " already exists.");
        }
        return put(site);
    }

    /**
     * Replaces the site of the same id with {@code site} (edited in the site dialog). A changed folder moves
     * it there, creating the folder if needed.
     *
     * @throws SiteTreeException when there is no such site, or the new name is blank or taken in its folder
     */
    public SiteTree update(Site site) throws SiteTreeException {
        existing(site.id());
        return put(site);
    }

    /**
     * Renames a site.
     *
     * @throws SiteTreeException when there is no such site, or the name is blank or taken in its folder
     */
    public SiteTree renameSite(String id, String newName) throws SiteTreeException {
        return put(existing(id).withName(newName));
    }

    /**
     * A copy of a site, ready to {@link #add}: a new id, the same folder and settings, and the name
     * "name (copy)" (or "name (copy 2)" and so on when that is taken). Secrets are not part of a site;
     * see {@link SiteSecrets#copy}.
     *
     * <pre>{@code Site copy = tree.copyOf(id); tree = tree.add(copy); // then select copy.id() }</pre>
     *
     * @throws SiteTreeException when there is no such site
     */
    public Site copyOf(String id) throws SiteTreeException {
        Site original = existing(id);
        String base = original.name() + " (copy";
        String name = base + ")";
        for (int n = 2; siteNameTaken(original.folder(), name, null); n++) {
            name = base + " " + n + ")";
        }
        return original.toBuilder().id(Site.newId()).name(name).build();
    }

    /**
     * Removes a site. Its secrets stay in the vault until {@link SiteSecrets#forget} is called.
     *
     * @throws SiteTreeException when there is no such site
     */
    public SiteTree removeSite(String id) throws SiteTreeException {
        existing(id);
        Map<String, Site> newSites = new LinkedHashMap<>(sites);
        newSites.remove(id);
        return new SiteTree(newSites, new TreeSet<>(folders));
    }

    /**
     * Moves a site into another existing folder (a drag in the site manager).
     *
     * @throws SiteTreeException when the site or folder does not exist, or the folder holds a site of that name
     */
    public SiteTree moveSite(String id, String toFolder) throws SiteTreeException {
        Site site = existing(id);
        String target = existingFolder(toFolder);
        if (site.folder().equals(target)) {
            return this;
        }
        return put(site.withFolder(target));
    }

    // ---- Folders ------------------------------------------------------------------------------------------

    /**
     * Creates a folder (and the folders above it, if missing).
     *
     * @throws SiteTreeException when the folder exists already or a name is not acceptable
     */
    public SiteTree addFolder(String path) throws SiteTreeException {
        String folder = spelledAsExisting(FolderPaths.normalize(path));
        if (folder.isEmpty()) {
            throw new SiteTreeException("A folder needs a name.");
        }
        String parent = FolderPaths.parent(folder);
        if (hasFolder(parent) && folderNameTaken(parent, FolderPaths.name(folder), null)) {
            throw new SiteTreeException("A folder named \"" + FolderPaths.name(folder) + "\" already exists in "
                    + FolderPaths.describe(parent) + ".");
        }
        SortedSet<String> newFolders = new TreeSet<>(folders);
        addWithAncestors(newFolders, folder);
        return new SiteTree(new LinkedHashMap<>(sites), newFolders);
    }

    /**
     * Renames a folder; the folders and sites inside it follow.
     *
     * @throws SiteTreeException when the folder does not exist, or the name is not acceptable or taken
     */
    public SiteTree renameFolder(String path, String newName) throws SiteTreeException {
        String folder = existingNonRootFolder(path);
        String name = FolderPaths.checkName(newName, "folder");
        String parent = FolderPaths.parent(folder);
        if (folderNameTaken(parent, name, folder)) {
            throw new SiteTreeException("A folder named \"" + name + "\" already exists in "
                    + FolderPaths.describe(parent) + ".");
        }
        return relocate(folder, FolderPaths.child(parent, name));
    }

    /**
     * Moves a folder, with everything in it, into another existing folder ("" for the top level).
     *
     * @throws SiteTreeException when either folder does not exist, the target is the folder itself or lies
     *                           inside it, or the target already holds a folder of that name
     */
    public SiteTree moveFolder(String path, String toParent) throws SiteTreeException {
        String folder = existingNonRootFolder(path);
        String target = existingFolder(toParent);
        if (FolderPaths.isWithin(target, folder)) {
            throw new SiteTreeException("The folder \"" + folder + "\" cannot be moved into itself or into a folder"
                    + " inside it.");
        }
        if (FolderPaths.parent(folder).equals(target)) {
            return this;
        }
        String name = FolderPaths.name(folder);
        if (folderNameTaken(target, name, null)) {
            throw new SiteTreeException("A folder named \"" + name + "\" already exists in "
                    + FolderPaths.describe(target) + ".");
        }
        return relocate(folder, FolderPaths.child(target, name));
    }

    /**
     * Deletes a folder. A folder that holds sites or folders is deleted, with all of them, only when
     * {@code includingContents} is true: ask the user first (see {@link #contents}). The secrets of the sites
     * deleted stay in the vault until {@link SiteSecrets#forget} is called for each of {@link #sitesWithin}.
     *
     * @throws FolderNotEmptyException when it holds something and {@code includingContents} is false
     * @throws SiteTreeException       when the folder does not exist or is the top level
     */
    public SiteTree removeFolder(String path, boolean includingContents) throws SiteTreeException {
        String folder = existingNonRootFolder(path);
        Contents contents = contents(folder);
        if (!contents.isEmpty() && !includingContents) {
            throw new FolderNotEmptyException(folder, contents.sites(), contents.folders());
        }
        Map<String, Site> newSites = new LinkedHashMap<>(sites);
        newSites.values().removeIf(s -> FolderPaths.isWithin(s.folder(), folder));
        SortedSet<String> newFolders = new TreeSet<>(folders);
        newFolders.removeIf(f -> FolderPaths.isWithin(f, folder));
        return new SiteTree(newSites, newFolders);
    }

    // ---- Internals ----------------------------------------------------------------------------------------

    private SiteTree put(Site site) throws SiteTreeException {
        String folder = spelledAsExisting(FolderPaths.normalize(site.folder()));
        String name = FolderPaths.checkName(site.name(), "site");
        if (site.host().isBlank()) {
            throw new SiteTreeException("The site \"" + name + "\" needs a host.");
        }
        if (siteNameTaken(folder, name, site.id())) {
            throw new SiteTreeException("A site named \"" + name + "\" already exists in "
                    + FolderPaths.describe(folder) + ".");
        }
        Site placed = site.toBuilder().folder(folder).name(name).build();
        Map<String, Site> newSites = new LinkedHashMap<>(sites);
        newSites.put(site.id(), placed);
        SortedSet<String> newFolders = new TreeSet<>(folders);
        addWithAncestors(newFolders, folder);
        return new SiteTree(newSites, newFolders);
    }

    private SiteTree relocate(String from, String to) {
        SortedSet<String> newFolders = new TreeSet<>();
        for (String f : folders) {
            newFolders.add(FolderPaths.isWithin(f, from) ? FolderPaths.rebase(f, from, to) : f);
        }
        Map<String, Site> newSites = new LinkedHashMap<>();
        for (Site s : sites.values()) {
            newSites.put(s.id(), FolderPaths.isWithin(s.folder(), from)
                    ? s.withFolder(FolderPaths.rebase(s.folder(), from, to)) : s);
        }
        addWithAncestors(newFolders, to);
        return new SiteTree(newSites, newFolders);
    }

    boolean siteNameTaken(String folder, String name, String exceptId) {
        return sites.values().stream().anyMatch(s -> s.folder().equals(folder) && s.name().equalsIgnoreCase(name)
                && !s.id().equals(exceptId));
    }

    private boolean folderNameTaken(String parent, String name, String exceptPath) {
        String candidate = FolderPaths.child(parent, name);
        return folders.stream().anyMatch(f -> f.equalsIgnoreCase(candidate) && !f.equals(exceptPath));
    }

    private Site existing(String id) throws SiteTreeException {
        Site site = sites.get(id);
        if (site == null) {
            throw new SiteTreeException("There is no site with the id " + id + " (it may have been deleted).");
        }
        return site;
    }

    private String existingFolder(String path) throws SiteTreeException {
        String folder = spelledAsExisting(FolderPaths.normalize(path));
        if (!hasFolder(folder)) {
            throw new SiteTreeException("There is no folder " + FolderPaths.describe(folder) + ".");
        }
        return folder;
    }

    private String existingNonRootFolder(String path) throws SiteTreeException {
        String folder = existingFolder(path);
        if (folder.isEmpty()) {
            throw new SiteTreeException("The top level is not a folder that can be renamed, moved or deleted.");
        }
        return folder;
    }

    /**
     * {@code folder} with each name spelled as the existing folder that matches it ignoring case, so "clients/new"
     * lands in "Clients" instead of creating a second "clients" beside it.
     */
    private String spelledAsExisting(String folder) {
        String spelled = FolderPaths.ROOT;
        for (String name : folder.isEmpty() ? new String[0] : folder.split("/")) {
            String candidate = FolderPaths.child(spelled, name);
            spelled = folders.contains(candidate) ? candidate : folders.stream()
                    .filter(f -> f.equalsIgnoreCase(candidate)).findFirst().orElse(candidate);
        }
        return spelled;
    }

    private static void addWithAncestors(SortedSet<String> folders, String folder) {
        for (String f = folder; !f.isEmpty(); f = FolderPaths.parent(f)) {
            folders.add(f);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteTree t && sites.equals(t.sites) && folders.equals(t.folders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sites, folders);
    }

    @Override
    public String toString() {
        return "SiteTree[" + Contents.count(sites.size(), "site") + ", " + Contents.count(folders.size(), "folder") + "]";
    }
}
