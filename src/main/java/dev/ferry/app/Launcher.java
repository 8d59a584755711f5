package dev.ferry.app;

import dev.ferry.cli.FerryCli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The one entry point of {@code ferry.jar}: with arguments it is the command line, with none it opens
 * the window. Not a JavaFX {@code Application}, so that the jar runs from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Must be set before the first TLS class loads: vsftpd's TLS 1.2 tickets would defeat session reuse.
        System.setProperty("jdk.tls.client.enableSessionTicketExtension", "false");
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println("ferry " + version());
            System.exit(0);
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(FerryCliUsage.text());
            System.exit(0);
        }
        if (args.length == 0) {
            // The window installs the native crypto provider once it is on screen (FerryApp).
            javafx.application.Application.launch(FerryApp.class);
            System.exit(0);
        }
        // Before the first connection, so that no handshake runs while the provider list changes and the
        // control connection's is native too: a 1-byte `ferry get` 0.51 s instead of 0.54 s with the provider
        // loaded in the background meanwhile (both compete for 2 cores).
        if (!NativeCrypto.install() && NativeCrypto.required()) {
            System.err.println("ferry: the native crypto provider did not load (-Dferry.crypto=native): "
                    + NativeCrypto.problem().orElse("unknown reason"));
            System.exit(1);
        }
        // The command line trusts what the user pinned in the window ("Always trust").
        FerryCli.main(args, AppPaths.forCurrentUser().knownCertificatesFile());
    }

    /** The version this build was made as. */
    public static String version() {
        try (InputStream in = Launcher.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
