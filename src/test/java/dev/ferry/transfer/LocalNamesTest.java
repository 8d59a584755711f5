package dev.ferry.transfer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalNamesTest {
    private static final Path FOLDER = Path.of("/tmp/ferry-target");

    @Test
    void keepsAnOrdinaryName() {
        assertEquals(Optional.of(FOLDER.resolve("report 2024.pdf")), LocalNames.child(FOLDER, "report 2024.pdf"));
    }

    @Test
    void aChangedNameNeverLandsOnAnotherEntrysName() {
        assertEquals(List.of(Optional.of(FOLDER.resolve("x_y (1).txt")), Optional.of(FOLDER.resolve("x_y.txt")),
                        Optional.of(FOLDER.resolve("x_y (2).txt")), Optional.empty(), Optional.of(FOLDER.resolve("plain"))),
                LocalNames.children(FOLDER, List.of("x\\y.txt", "x_y.txt", "x:y.txt", "..", "plain")));
    }

    @Test
    void refusesDotAndDotDot() {
        assertEquals(Optional.empty(), LocalNames.child(FOLDER, ".."));
        assertEquals(Optional.empty(), LocalNames.child(FOLDER, "."));
        assertEquals(Optional.empty(), LocalNames.child(FOLDER, "   "));
    }

    @Test
    void replacesSeparatorsSoTraversalStaysInside() {
        assertEquals(Optional.of(FOLDER.resolve(".._.._etc_passwd")), LocalNames.child(FOLDER, "../../etc/passwd"));
        assertEquals(Optional.of(FOLDER.resolve(".._evil")), LocalNames.child(FOLDER, "..\\evil"));
    }

    @Test
    void replacesDriveLettersNulAndControlCharacters() {
        assertEquals(Optional.of(FOLDER.resolve("C__Windows")), LocalNames.child(FOLDER, "C:\\Windows"));
        assertEquals(Optional.of(FOLDER.resolve("a_b_c")), LocalNames.child(FOLDER, "a\0b\nc"));
    }

    @Test
    void prefixesNamesWindowsReserves() {
        assertEquals(Optional.of("_CON.txt"), LocalNames.sanitize("CON.txt"));
    }

    @Property(tries = 2000)
    void neverLeavesTheFolder(@ForAll String remoteName) {
        LocalNames.child(FOLDER, remoteName).ifPresent(p -> assertTrue(p.getParent().equals(FOLDER),
                () -> "escaped: " + p));
    }
}
