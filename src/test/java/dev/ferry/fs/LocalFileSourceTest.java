package dev.ferry.fs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local disk through {@link LocalFileSource}, on real temporary folders. */
class LocalFileSourceTest {
    private final LocalFileSource source = new LocalFileSource();

    @TempDir
    Path dir;

    private Map<String, FileEntry> listByName(Path folder) throws FileSourceException {
        return source.list(folder.toString()).stream().collect(Collectors.toMap(FileEntry::name, Function.identity()));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void listsFilesAndFoldersWithTheirKindsAndSizes() throws IOException {
        Files.write(dir.resolve("a.txt"), random(1234));
        Files.createDirectory(dir.resolve("sub"));

        Map<String, FileEntry> entries = listByName(dir);

        assertEquals(2, entries.size());
        FileEntry file = entries.get("a.txt");
        assertEquals(FileKind.FILE, file.kind());
        assertEquals(1234, file.size());
        assertEquals(dir.resolve("a.txt").toString(), file.path());
        assertEquals(Files.getLastModifiedTime(dir.resolve("a.txt")).toMillis(), file.modified());
        FileEntry folder = entries.get("sub");
        assertEquals(FileKind.FOLDER, folder.kind());
        assertEquals(-1, folder.size());
    }

    @Test
    void marksDotFilesHidden() throws IOException {
        Files.createFile(dir.resolve(".profile"));
        Files.createFile(dir.resolve("visible"));

        Map<String, FileEntry> entries = listByName(dir);

        assertTrue(entries.get(".profile").hidden());
        assertFalse(entries.get("visible").hidden());
    }

    @Test
    void showsPosixPermissionsAndOwnerWithGroup() throws IOException {
        Path file = Files.createFile(dir.resolve("script.sh"));
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

        FileEntry entry = listByName(dir).get("script.sh");

        assertEquals("rwxr-x---", entry.permissions());
        String owner = Files.getOwner(file).getName();
        assertTrue(entry.owner().startsWith(owner + ":"), entry.owner());
    }

    @Test
    void showsSpecialModeBitsAsLsDoes() {
        assertEquals("rwsr-sr-t", UnixModes.format(07755));
        assertEquals("rwSr-Sr-T", UnixModes.format(07644));
        assertEquals("rw-r--r--", UnixModes.format(0100644));
    }

    @Test
    void seesALinkToAFolderAsAFolder() throws IOException {
        Path target = Files.createDirectory(dir.resolve("target"));
        Files.createSymbolicLink(dir.resolve("link"), target);

        assertEquals(FileKind.FOLDER, listByName(dir).get("link").kind());
    }

    @Test
    void seesABrokenLinkAsALink() throws IOException {
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));

        assertEquals(FileKind.LINK, listByName(dir).get("dangling").kind());
    }

    @Test
    void listsOneHundredThousandEntries() throws IOException {
        Path big = Files.createDirectory(dir.resolve("big"));
        for (int i = 0; i < 100_000; i++) {
            Files.createFile(big.resolve("file-" + i));
        }

        long start = System.nanoTime();
        List<FileEntry> entries = source.list(big.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("Listing 100,000 local entries took " + millis + " ms");
        assertEquals(100_000, entries.size());
    }

    @Test
    void tellsWhyAFolderCannotBeOpened() throws IOException {
        Assumptions.assumeFalse(isRoot(), "root may open any folder");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            FileSourceException e = assertThrows(FileSourceException.class, () -> source.list(locked.toString()));
            assertEquals("Cannot open " + locked + ": permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void explainsPermissionDeniedInWords() {
        FileSourceException e = LocalErrors.failed("open", "/root/x", new AccessDeniedException("/root/x"));

        assertEquals("Cannot open /root/x: permission denied", e.getMessage());
    }

    @Test
    void explainsAFullDiskInWords() {
        FileSourceException e = LocalErrors.failed("write", "/x",
                new FileSystemException("/x", null, "No space left on device"));

        assertEquals("Not enough space on the disk to write /x", e.getMessage());
    }

    @Test
    void reportsAMissingFolderInWords() {
        Path missing = dir.resolve("missing");

        FileSourceException e = assertThrows(FileSourceException.class, () -> source.list(missing.toString()));

        assertEquals("Cannot open " + missing + ": it does not exist", e.getMessage());
    }

    @Test
    void statsAFile() throws IOException {
        Files.write(dir.resolve("f"), random(7));

        FileEntry entry = source.stat(dir.resolve("f").toString()).orElseThrow();

        assertEquals("f", entry.name());
        assertEquals(7, entry.size());
    }

    @Test
    void statsNothingWhereNothingIs() throws FileSourceException {
        assertTrue(source.stat(dir.resolve("nothing").toString()).isEmpty());
    }

    @Test
    void createsAFolder() throws IOException {
        source.mkdir(dir.resolve("new").toString());

        assertTrue(Files.isDirectory(dir.resolve("new")));
    }

    @Test
    void refusesToCreateAFolderThatExists() throws IOException {
        Path existing = Files.createDirectory(dir.resolve("there"));

        FileSourceException e = assertThrows(FileSourceException.class, () -> source.mkdir(existing.toString()));

        assertEquals("Cannot create folder " + existing + ": it already exists", e.getMessage());
    }

    @Test
    void renamesAFile() throws IOException {
        Files.write(dir.resolve("old"), random(10));

        source.rename(dir.resolve("old").toString(), dir.resolve("new").toString());

        assertFalse(Files.exists(dir.resolve("old")));
        assertArrayEquals(random(10), Files.readAllBytes(dir.resolve("new")));
    }

    @Test
    void neverReplacesAnExistingFileOnRename() throws IOException {
        Path from = Files.write(dir.resolve("from"), random(10));
        Path to = Files.write(dir.resolve("to"), random(20));

        FileSourceException e = assertThrows(FileSourceException.class,
                () -> source.rename(from.toString(), to.toString()));

        assertEquals("Cannot rename " + from + " to " + to + ": " + to + " already exists", e.getMessage());
        assertArrayEquals(random(20), Files.readAllBytes(to));
        assertArrayEquals(random(10), Files.readAllBytes(from));
    }

    @Test
    void deletesAFolderWithEverythingInIt() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.write(tree.resolve("deep.txt"), random(5));
        Files.write(dir.resolve("tree/top.txt"), random(5));
        FileEntry entry = source.stat(dir.resolve("tree").toString()).orElseThrow();
        List<String> heard = new ArrayList<>();

        source.delete(entry, heard::add, () -> false);

        assertFalse(Files.exists(dir.resolve("tree")));
        assertEquals(5, heard.size());
        assertEquals(dir.resolve("tree").toString(), heard.get(heard.size() - 1));
    }

    @Test
    void stopsDeletingWhenCancelled() throws IOException {
        Path tree = Files.createDirectory(dir.resolve("tree"));
        for (int i = 0; i < 20; i++) {
            Files.createFile(tree.resolve("f" + i));
        }
        FileEntry entry = source.stat(tree.toString()).orElseThrow();
        List<String> heard = new ArrayList<>();

        source.delete(entry, heard::add, () -> heard.size() >= 5);

        assertEquals(5, heard.size());
        try (Stream<Path> left = Files.list(tree)) {
            assertEquals(15, left.count());
        }
    }

    @Test
    void deletingALinkToAFolderLeavesTheFolderAlone() throws IOException {
        Path target = Files.createDirectory(dir.resolve("target"));
        Files.write(target.resolve("keep.txt"), random(3));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        FileEntry entry = source.stat(link.toString()).orElseThrow();

        source.delete(entry, p -> { }, () -> false);

        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(target.resolve("keep.txt")));
    }

    @Test
    void deletingAFolderDoesNotFollowALinkInsideIt() throws IOException {
        Path target = Files.createDirectory(dir.resolve("target"));
        Files.write(target.resolve("keep.txt"), random(3));
        Path tree = Files.createDirectory(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link"), target);

        source.delete(source.stat(tree.toString()).orElseThrow(), p -> { }, () -> false);

        assertFalse(Files.exists(tree));
        assertTrue(Files.exists(target.resolve("keep.txt")));
    }

    @Test
    void writesAndReadsBackByteExact() throws IOException {
        byte[] content = random(300_000);
        String path = dir.resolve("data.bin").toString();

        assertEquals(content.length, source.write(path, new ByteArrayInputStream(content)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(content.length, source.read(path, out));

        assertArrayEquals(content, out.toByteArray());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWas() throws IOException {
        Path file = Files.write(dir.resolve("precious"), random(100));
        InputStream breaksHalfway = new InputStream() {
            private int given;

            @Override
            public int read() throws IOException {
                if (given++ > 50_000) {
                    throw new IOException("the connection broke");
                }
                return 'x';
            }
        };

        FileSourceException e = assertThrows(FileSourceException.class,
                () -> source.write(file.toString(), breaksHalfway));

        assertTrue(e.getMessage().startsWith("Cannot write " + file + ": "), e.getMessage());
        assertArrayEquals(random(100), Files.readAllBytes(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "a\\b", "nul\0byte", "C:", "c:evil", ""})
    void refusesNameThatLeavesTheFolder(String name) {
        FileSourceException e = assertThrows(FileSourceException.class, () -> source.child(dir.toString(), name));

        assertTrue(e.getMessage().contains("\"" + FileNames.printable(name) + "\""), e.getMessage());
    }

    @Test
    void joinsAnOrdinaryNameToItsFolder() throws FileSourceException {
        assertEquals(dir.resolve("report 2024.pdf").toString(), source.child(dir.toString(), "report 2024.pdf"));
    }

    @Test
    void findsNoParentAboveARoot() {
        String root = source.roots().get(0);

        assertTrue(source.parent(root).isEmpty());
        assertEquals(dir.getParent().toString(), source.parent(dir.toString()).orElseThrow());
    }

    @Test
    void expandsTheTildeToHome() {
        String home = System.getProperty("user.home");

        assertEquals(home, source.normalize("/tmp", "~"));
        assertEquals(Path.of(home, "docs").toString(), source.normalize("/tmp", "~/docs"));
    }

    @Test
    void resolvesATypedPathAgainstTheCurrentFolder() {
        String current = dir.toString();

        assertEquals(dir.resolve("sub").toString(), source.normalize(current, "sub"));
        assertEquals(dir.getParent().toString(), source.normalize(current, ".."));
        assertEquals(dir.resolve("b").toString(), source.normalize(current, "a/../b//"));
        assertEquals(current, source.normalize(current, "  "));
    }

    @Test
    void offersTheRootsAndFreeSpace() {
        assertFalse(source.roots().isEmpty());
        assertTrue(source.freeSpace(dir.toString()).orElseThrow() > 0);
    }

    @Test
    void deletesASingleFile() throws IOException {
        Path file = Files.write(dir.resolve("one"), random(1));
        List<String> heard = new ArrayList<>();

        source.delete(source.stat(file.toString()).orElseThrow(), heard::add, () -> false);

        assertEquals(List.of(file.toString()), heard);
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.walk(dir)) {
            assertEquals(List.of(dir), left.sorted(Comparator.naturalOrder()).toList());
        }
    }
}
