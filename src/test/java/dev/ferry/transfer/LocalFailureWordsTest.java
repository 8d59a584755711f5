package dev.ferry.transfer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a queue item says when the local side failed: the file, and why in words. */
class LocalFailureWordsTest {
    @Test
    void aDeniedFileIsNamedWithoutGuessingWhetherItWasReadOrWritten() {
        assertEquals("/data/a.txt: permission denied",
                TransferWorker.describeLocal(new AccessDeniedException("/data/a.txt")));
    }

    @Test
    void aFullDiskIsSaidSoWhereverTheReasonIs() {
        assertEquals("the disk is full: No space left on device",
                TransferWorker.describeLocal(new IOException("No space left on device")));
        assertEquals("the disk is full: No space left on device",
                TransferWorker.describeLocal(new FileSystemException("/data/a.txt", null, "No space left on device")));
    }

    @Test
    void aFileSystemExceptionGetsASentenceNotItsClassName() {
        assertEquals("/data/f: it is not a folder", TransferWorker.describeLocal(new NotDirectoryException("/data/f")));
    }
}
