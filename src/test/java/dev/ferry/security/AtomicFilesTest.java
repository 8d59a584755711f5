package dev.ferry.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndKeepsTheOldOneAsBackup() throws IOException {
        Path file = dir.resolve("sub").resolve("queue.json");
        AtomicFiles.write(file, "first".getBytes());
        AtomicFiles.write(file, "second".getBytes());
        assertEquals("second", Files.readString(file));
        assertEquals("first", Files.readString(dir.resolve("sub").resolve("queue.json.bak")));
        assertFalse(Files.exists(AtomicFiles.temporary(file)));
    }

    @Test
    void aPrivateFileIsTheUsersAloneAndLeavesNoBackup() throws IOException {
        Path file = dir.resolve("secrets.json");
        AtomicFiles.writePrivate(file, "one".getBytes());
        AtomicFiles.writePrivate(file, "two".getBytes());
        assertEquals("two", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(dir.resolve("secrets.json.bak")));
    }

    @Test
    void aWriteThatCannotFinishLeavesTheOldFileAsItWas() throws IOException {
        Path file = dir.resolve("settings.json");
        AtomicFiles.write(file, "kept".getBytes());
        // A folder where the temporary file must go: the write fails before anything is renamed.
        Files.createDirectories(AtomicFiles.temporary(file).resolve("in-the-way"));
        assertThrows(IOException.class, () -> AtomicFiles.write(file, "lost".getBytes()));
        assertEquals("kept", Files.readString(file));
    }
}
