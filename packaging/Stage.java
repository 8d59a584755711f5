import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Lays out jpackage's input folder for `mvn -Pinstaller package`, on every OS (no shell needed):
 * {@code Stage <target> <os>} empties {@code target/jpackage-input} and {@code target/installer}, then copies
 * in ferry.jar with lib/ beside it (the jar's Class-Path names lib/*.jar, as in target/), the license texts,
 * and packaging/OS/ferry.classlist and ferry.sh where there are (the Linux package's class list and start
 * script).
 * <p>On Linux the native crypto provider's library leaves its jar for {@code native/} beside ferry.jar: the
 * provider otherwise writes its 9.6 MB library to {@code /tmp} at every start to load it from there, which
 * costs time on every command and fails where {@code /tmp} is mounted {@code noexec} (and without the
 * native provider a transfer takes several times as long). runtime.sh points the launcher at it.
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
                Path to = input.resolve("lib").resolve(jar.getFileName());
                if (os.equals("linux") && jar.getFileName().toString().startsWith("AmazonCorrettoCryptoProvider-")) {
                    splitNativeLibrary(jar, to, input.resolve("native"));
                } else {
                    copy(jar, to);
                }
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

    /** Copies {@code jar} to {@code to} without its native libraries (*.so), which go to {@code nativeDir}. */
    private static void splitNativeLibrary(Path jar, Path to, Path nativeDir) throws IOException {
        Files.createDirectories(nativeDir);
        int libraries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith(".so")) {
                    Path library = nativeDir.resolve(name.substring(name.lastIndexOf('/') + 1));
                    try (OutputStream lib = Files.newOutputStream(library)) {
                        in.transferTo(lib);
                    }
                    libraries++;
                } else {
                    ZipEntry copy = new ZipEntry(name);
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        if (libraries == 0) {
            throw new IOException(jar + " holds no native library: the crypto provider's layout changed");
        }
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
