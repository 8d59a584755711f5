package dev.ferry.sites;

/**
 * A folder that still holds sites or folders was to be deleted without the caller confirming it. The UI asks
 * the user ("Delete "Clients" and the 3 sites in it?") and calls again with the contents included.
 */
public final class FolderNotEmptyException extends SiteTreeException {
    private static final long serialVersionUID = 1L;

    private final String folder;
    private final int sites;
    private final int folders;

    public FolderNotEmptyException(String folder, int sites, int folders) {
        super("The folder \"" + folder + "\" is not empty: it holds " + SiteTree.Contents.count(sites, "site")
                + " and " + SiteTree.Contents.count(folders, "folder") + ".");
        this.folder = folder;
        this.sites = sites;
        this.folders = folders;
    }

    /** The folder's path. */
    public String folder() {
        return folder;
    }

    /** How many sites it holds, at any depth. */
    public int sites() {
        return sites;
    }

    /** How many folders it holds, at any depth. */
    public int folders() {
        return folders;
    }
}
