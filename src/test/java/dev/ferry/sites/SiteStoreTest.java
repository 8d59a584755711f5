package dev.ferry.sites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.engine.DataConnectionMode;
import dev.ferry.engine.FtpsMode;
import dev.ferry.engine.TlsVersion;

class SiteStoreTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sites.json");
    }

    private List<Path> kept(String tag) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("sites.json." + tag + "-")).toList();
        }
    }

    /** A site with no field left at its default. */
    static Site everyFieldSet() {
        return Site.builder("6f1c2a34-0000-4000-8000-000000000001")
                .name("Ünïcode / site").folder("Clients/Acme").mode(FtpsMode.IMPLICIT).host("ftp.acme.example")
                .port(2990).user("alice").passwordMode(PasswordMode.ASK)
                .clientCertificate(Optional.of("/home/alice/cert.pem")).clientKey(Optional.of("/home/alice/key.pem"))
                .dataMode(DataConnectionMode.ACTIVE).tlsMinimum(TlsVersion.TLS_1_3).remoteFolder("/pub/in")
                .localFolder("/home/alice/out").parallel(7).encoding("windows-1252").comment("line one\nline two")
                .build();
    }

    private void write(String content) throws IOException {
        Files.writeString(file(), content, StandardCharsets.UTF_8);
    }

    @Test
    void aMissingFileIsAnEmptyListAndNoProblem() {
        SiteStore.Loaded loaded = new SiteStore(file()).load();
        assertEquals(SiteTree.empty(), loaded.tree());
        assertEquals(Optional.empty(), loaded.problem());
    }

    @Test
    void everyFieldSurvivesASaveAndALoad() throws Exception {
        SiteTree tree = SiteTree.empty().add(everyFieldSet())
                .add(Site.newSite("plain", "Plain", "plain.example").toBuilder().mode(FtpsMode.PLAIN)
                        .passwordMode(PasswordMode.ANONYMOUS).build())
                .addFolder("Empty/Still here");
        assertTrue(new SiteStore(file()).save(tree));

        SiteStore.Loaded loaded = new SiteStore(file()).load();
        assertEquals(Optional.empty(), loaded.problem());
        assertEquals(tree, loaded.tree());
        assertEquals(everyFieldSet(), loaded.tree().site(everyFieldSet().id()).orElseThrow());
    }

    @Test
    void theFileHasAVersionAndNoPassword() throws Exception {
        new SiteStore(file()).save(SiteTree.empty().add(everyFieldSet()));
        String json = Files.readString(file());
        assertTrue(json.contains("\"version\" : 1"), json);
        assertFalse(json.toLowerCase().replace("passwordmode", "").contains("password"),
                "no password field in " + json);
    }

    @Test
    void savingAgainKeepsThePreviousFileAsABackup() throws Exception {
        SiteStore store = new SiteStore(file());
        store.save(SiteTree.empty().add(Site.newSite("1", "First", "one.example")));
        byte[] first = Files.readAllBytes(file());
        store.save(SiteTree.empty().add(Site.newSite("2", "Second", "two.example")));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("sites.json.bak")));
        assertTrue(Files.readString(file()).contains("Second"));
        assertFalse(Files.exists(dir.resolve("sites.json.tmp")));
    }

    @Test
    void anUnchangedTreeIsNotWrittenAgain() throws Exception {
        SiteStore store = new SiteStore(file());
        SiteTree tree = SiteTree.empty().add(Site.newSite("1", "First", "one.example"));
        assertTrue(store.save(tree));
        assertFalse(store.save(tree));
        assertFalse(Files.exists(dir.resolve("sites.json.bak")));
    }

    @Test
    void garbageIsReportedAndKeptByteForByte() throws Exception {
        byte[] garbage = {(byte) 0xff, 0x00, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n', (byte) 0xfe};
        Files.write(file(), garbage);
        SiteStore store = new SiteStore(file());

        SiteStore.Loaded loaded = store.load();

        assertEquals(SiteTree.empty(), loaded.tree());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.startsWith("sites.json could not be read (it is not valid JSON, at line 1, column 1)"),
                problem);
        assertEquals(1, kept("broken").size());
        assertTrue(problem.contains("It was kept as " + kept("broken").get(0).getFileName()), problem);
        assertArrayEquals(garbage, Files.readAllBytes(kept("broken").get(0)));
    }

    @Test
    void theNextSaveLeavesTheKeptFileAlone() throws Exception {
        write("{\"version\": 1, \"sites\": [");
        SiteStore store = new SiteStore(file());
        store.load();
        byte[] broken = Files.readAllBytes(kept("broken").get(0));

        assertFalse(store.save(SiteTree.empty()), "nothing to save before the user changes something");
        assertFalse(Files.exists(file()));
        assertTrue(store.save(SiteTree.empty().add(Site.newSite("1", "New", "new.example"))));

        assertArrayEquals(broken, Files.readAllBytes(kept("broken").get(0)));
        assertEquals(1, new SiteStore(file()).load().tree().size());
    }

    @Test
    void aTruncatedFileIsReportedWithItsLine() throws Exception {
        write("{\n  \"version\": 1,\n  \"sites\": [ {\"id\": \"a\", \"name\": \"Acm");
        String problem = new SiteStore(file()).load().problem().orElseThrow();
        assertEquals("sites.json could not be read (it ends too early, as if cut off, at line 3, column 38). It was kept"
                + " as " + kept("broken").get(0).getFileName() + ", and the site list starts empty.", problem);
    }

    @Test
    void anEmptyFileIsReported() throws Exception {
        write("");
        String problem = new SiteStore(file()).load().problem().orElseThrow();
        assertTrue(problem.contains("the file is empty"), problem);
        assertEquals(1, kept("broken").size());
    }

    @Test
    void aFileWithoutAValidVersionIsReported() throws Exception {
        for (String version : List.of("", "\"version\": \"one\",", "\"version\": 0,", "\"version\": 1.5,")) {
            write("{" + version + " \"sites\": []}");
            String problem = new SiteStore(file()).load().problem().orElseThrow();
            assertTrue(problem.contains("no valid \"version\" field"), version + ": " + problem);
        }
        assertEquals(4, kept("broken").size());
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsReported() throws Exception {
        write("[1, 2, 3]");
        String problem = new SiteStore(file()).load().problem().orElseThrow();
        assertTrue(problem.contains("it is not a JSON object"), problem);
    }

    @Test
    void aListOfTheWrongTypeIsReported() throws Exception {
        write("{\"version\": 1, \"sites\": \"Acme\"}");
        String problem = new SiteStore(file()).load().problem().orElseThrow();
        assertTrue(problem.contains("\"sites\" is not a list"), problem);
    }

    @Test
    void aSiteWithAWrongTypeIsLeftOutAndTheOthersAreRead() throws Exception {
        String text = "{\"version\": 1, \"sites\": ["
                + "{\"id\": \"1\", \"name\": \"Good\", \"mode\": \"EXPLICIT\", \"host\": \"good.example\"},"
                + "{\"id\": \"2\", \"name\": \"Bad port\", \"mode\": \"EXPLICIT\", \"host\": \"b.example\", \"port\": \"21\"},"
                + "{\"id\": \"3\", \"name\": \"Bad mode\", \"mode\": \"SFTP\", \"host\": \"c.example\"},"
                + "42]}";
        write(text);
        SiteStore store = new SiteStore(file());

        SiteStore.Loaded loaded = store.load();

        assertEquals(List.of("Good"), loaded.tree().sites().stream().map(Site::name).toList());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.startsWith("3 entries in sites.json could not be read and were left out"), problem);
        assertTrue(problem.contains("site \"Bad port\": \"port\" is not a whole number"), problem);
        assertTrue(problem.contains("site \"Bad mode\": unknown mode \"SFTP\""), problem);
        assertTrue(problem.contains("site #4: not an object"), problem);
        assertEquals(text, Files.readString(file()), "the original stays until the user saves");
        assertEquals(text, Files.readString(kept("broken").get(0)));
    }

    @Test
    void aFileFromANewerFerryIsReadAndKeptBeforeItIsWrittenOver() throws Exception {
        String text = "{\"version\": 2, \"futureField\": true, \"sites\": ["
                + "{\"id\": \"1\", \"name\": \"Acme\", \"mode\": \"EXPLICIT\", \"host\": \"acme.example\","
                + " \"futureSetting\": 5}]}";
        write(text);
        SiteStore store = new SiteStore(file());

        SiteStore.Loaded loaded = store.load();

        assertEquals(1, loaded.tree().size());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.contains("newer"), problem);
        assertEquals(text, Files.readString(kept("newer").get(0)));
        store.save(loaded.tree().renameSite("1", "Acme 2"));
        assertEquals(text, Files.readString(kept("newer").get(0)));
    }
}
