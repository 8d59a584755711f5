package dev.ferry.transfer;

/** What to do when the target of a transfer already exists. */
public enum FileExistsPolicy {
    /** Ask the user (through {@link UserPrompt}). */
    ASK,
    /** Replace it. */
    OVERWRITE,
    /** Continue it from its size when it is shorter (a partial earlier transfer); skip it when complete. */
    RESUME,
    /** Leave it and mark the item done. */
    SKIP,
    /** Replace it when the source is newer. */
    OVERWRITE_IF_NEWER,
    /** Replace it when the sizes differ. */
    OVERWRITE_IF_SIZE_DIFFERS,
    /** Keep both: write to "name (1).ext". */
    RENAME
}
