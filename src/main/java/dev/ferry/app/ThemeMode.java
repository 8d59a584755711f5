package dev.ferry.app;

/** The colour theme the user chose: follow the operating system, or always light, or always dark. */
public enum ThemeMode {
    SYSTEM,
    LIGHT,
    DARK
}
