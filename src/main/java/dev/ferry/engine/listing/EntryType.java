package dev.ferry.engine.listing;

/** Placeholder until the listing branch lands. */
public enum EntryType { FILE, DIRECTORY, SYMLINK, OTHER, UNKNOWN }
