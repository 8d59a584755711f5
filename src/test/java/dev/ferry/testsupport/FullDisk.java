package dev.ferry.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A full disk without filling one: Linux's {@code /dev/full}, whose every write fails with ENOSPC ("No space
 * left on device"). Link a file to it, or write to it, and the write fails as on a full disk, mid-stream.
 */
public final class FullDisk {
    private FullDisk() {
    }

    /** The device; the calling test is skipped, saying why, where there is none. */
    public static Path device() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full, a device whose every write fails with ENOSPC");
        return full;
    }
}
