import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Lays out jpackage's input folder for `mvn -Pinstaller package`, on every OS (no shell needed):
 * {@code Stage <target> <os>} empties {@code target/jpackage-input} and {@code target/installer}, then copies
 * in ferry.jar with lib/ beside it (the jar's Class-Path names lib/*.jar, as in target/), the license texts,
 * and packaging/OS/ferry.classlist and ferry.sh where there are (the Linux package's class list and start
 * script).
 */
public class Stage {
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        String os = args[1];
        Path input = target.resolve("jpackage-input");
        delete(input);
        delete(target.resolve("installer"));
        Files.createDirectories(input.resolve("lib"));
        Files.createDirectories(target.resolve("installer"));
        copy(target.resolve("ferry.jar"), input.resolve("ferry.jar"));
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                copy(jar, input.resolve("lib").resolve(jar.getFileName()));
            }
        }
        copy(Path.of("packaging/LICENSE"), input.resolve("LICENSE"));
        copy(Path.of("packaging/THIRD-PARTY-NOTICES.txt"), input.resolve("THIRD-PARTY-NOTICES.txt"));
        for (String extra : new String[] {"ferry.classlist", "ferry.sh"}) {
            Path file = Path.of("packaging", os, extra);
            if (Files.exists(file)) {
                copy(file, input.resolve(extra));
            }
        }
        System.out.println("jpackage input: " + input);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
