package dev.ferry.engine.listing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteEntryTest {
    private static RemoteEntry entry(EntryType type, long size) {
        return new RemoteEntry("x", type, size, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "raw");
    }

    @Test
    void anUnparsedEntryIsNamedAfterTheLineWithoutControlCharacters() {
        RemoteEntry e = RemoteEntry.unparsed("odd\u0000 line\u001b[31m\u007f\u0085 end\r");
        assertEquals("odd line[31m end", e.name());
        assertEquals("odd\u0000 line\u001b[31m\u007f\u0085 end\r", e.rawLine());
    }

    @Test
    void anUnparsedEntryWithNothingVisibleLeftIsNamedQuestionMark() {
        assertEquals("?", RemoteEntry.unparsed("\u0001\u0002\r\n").name());
        assertEquals("?", RemoteEntry.unparsed("").name());
    }

    @Test
    void anUnparsedEntryHasUnknownTypeAndKnowsNothingElse() {
        RemoteEntry e = RemoteEntry.unparsed("whatever");
        assertEquals(EntryType.UNKNOWN, e.type());
        assertTrue(e.isUnparsed());
        assertEquals(-1, e.size());
        assertTrue(e.modified().isEmpty());
        assertTrue(e.permissions().isEmpty());
        assertTrue(e.owner().isEmpty());
        assertTrue(e.group().isEmpty());
        assertTrue(e.linkTarget().isEmpty());
    }

    @Test
    void everyFieldIsRequired() {
        Optional<Instant> none = Optional.empty();
        assertThrows(NullPointerException.class, () -> new RemoteEntry(null, EntryType.FILE, 1, none,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
        assertThrows(NullPointerException.class, () -> new RemoteEntry("a", null, 1, none,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
        assertThrows(NullPointerException.class, () -> new RemoteEntry("a", EntryType.FILE, 1, null,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
        assertThrows(NullPointerException.class, () -> new RemoteEntry("a", EntryType.FILE, 1, none,
                Optional.empty(), Optional.empty(), Optional.empty(), null, ""));
        assertThrows(NullPointerException.class, () -> new RemoteEntry("a", EntryType.FILE, 1, none,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), null));
        assertThrows(NullPointerException.class, () -> RemoteEntry.unparsed(null));
    }

    @Test
    void sizeIfKnownIsEmptyOnlyForMinusOne() {
        assertEquals(OptionalLong.empty(), entry(EntryType.FILE, -1).sizeIfKnown());
        assertEquals(OptionalLong.of(0), entry(EntryType.FILE, 0).sizeIfKnown());
        assertEquals(OptionalLong.of(8_589_934_592L), entry(EntryType.FILE, 8_589_934_592L).sizeIfKnown());
    }

    @Test
    void theTypeQuestionsFollowTheType() {
        assertTrue(entry(EntryType.FILE, 1).isFile());
        assertTrue(entry(EntryType.DIRECTORY, 1).isDirectory());
        assertTrue(entry(EntryType.SYMLINK, 1).isSymlink());
        RemoteEntry other = entry(EntryType.OTHER, 1);
        assertFalse(other.isFile() || other.isDirectory() || other.isSymlink() || other.isUnparsed());
    }
}
