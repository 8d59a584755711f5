import dev.ferry.app.DemoServer;

/**
 * For make-classlist.sh: runs Ferry's demo server until standard input closes, and prints what a client
 * needs (port, user, password, SHA-256 fingerprint, folder) on one line. Started with `java File.java`.
 */
public class TrainingServer {
    public static void main(String[] args) throws Exception {
        try (DemoServer server = DemoServer.start()) {
            System.out.println(server.port() + " " + server.user() + " " + server.password() + " "
                    + server.fingerprint() + " " + server.files());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the script closes our input
            }
        }
    }
}
