package dev.ferry.transfer;

/** What to do when the target of a transfer already exists. */
public enum FileExistsPolicy {
    /** Ask the user (through {@link UserPrompt}). */
    ASK,
    /** Replace it. */
    OVERWRITE,
    /**
     * Continue it from its size when it is shorter (a partial earlier transfer); skip it when complete. A
     * target older than its source (changed after the target was written) is replaced whole instead, so
     * that two versions are never joined and a changed file of the same size is not taken as complete.
     */
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
