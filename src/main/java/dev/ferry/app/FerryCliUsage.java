package dev.ferry.app;

import dev.ferry.cli.FerryCli;

/** The command line's usage text, for {@code --help}. */
final class FerryCliUsage {
    private FerryCliUsage() {
    }

    static String text() {
        return FerryCli.usage();
    }
}
