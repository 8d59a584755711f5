package dev.ferry.cli;

import dev.ferry.engine.ProtocolLog;
import dev.ferry.testsupport.FtpsServerExtension;
import dev.ferry.testsupport.TestPki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs {@code ferry} in-process against a test server whose certificate {@code root} issued: the command, then
 * {@code --cacert} with the root written into {@code dir} and {@code --password-env}, then the rest of
 * {@code args}. The run must succeed; its protocol goes to {@code log}.
 */
final class TrustedFerryRun {
    private TrustedFerryRun() {
    }

    static void succeeds(FtpsServerExtension server, TestPki.Issued root, Path dir, ProtocolLog log, String... args)
            throws IOException {
        String[] all = new String[args.length + 4];
        all[0] = args[0];
        all[1] = "--cacert";
        all[2] = root.writeCertificatePem(dir.resolve("root.pem")).toString();
        all[3] = "--password-env";
        all[4] = "PW";
        System.arraycopy(args, 1, all, 5, args.length - 1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FerryCli(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of("PW", server.password()), false, log)
                .run(all);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    }
}
