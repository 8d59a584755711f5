package dev.ferry.testsupport;

import java.nio.file.Files;

/**
 * Apache FtpServer on 127.0.0.1 with a certificate that expired 30 days ago (issued by a test authority no one
 * trusts), for {@code assets/screenshots/take-certificate.sh}. Prints {@code PORT=<explicit port>}, then serves
 * until standard input closes.
 */
public final class ExpiredCertificateServer {
    private ExpiredCertificateServer() {
    }

    public static void main(String[] args) throws Exception {
        TestPki.Issued root = TestPki.selfSigned(TestPki.spec("Example Hosting Root CA").ca());
        TestPki.Issued intermediate = TestPki.issue(root, TestPki.spec("Example Hosting TLS CA").ca());
        FtpsServerExtension server = FtpsServerExtension.builder()
                .certificate(TestPki.issue(intermediate, TestPki.spec("localhost").loopback().expired()))
                .build();
        server.start();
        Files.writeString(server.home().resolve("report-2025.pdf"), "not really a PDF");
        System.out.println("PORT=" + server.explicitPort());
        System.out.println("USER=" + server.user());
        System.out.println("PASSWORD=" + server.password());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // serve until the script closes our input
            }
        } finally {
            server.stop();
        }
    }
}
