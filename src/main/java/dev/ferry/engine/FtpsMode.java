package dev.ferry.engine;

/** How the control connection is secured. */
public enum FtpsMode {
    /** Explicit FTPS: a plain connection upgraded with {@code AUTH TLS}, usually on port 21. */
    EXPLICIT(21),
    /** Implicit FTPS: TLS from the first byte, usually on port 990. */
    IMPLICIT(990),
    /**
     * Plain FTP. Security warning: the password and every file travel unencrypted and unauthenticated;
     * only used when the user explicitly allows it.
     */
    PLAIN(21);

    private final int defaultPort;

    FtpsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port a server in this mode usually listens on. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether the control and data connections are encrypted. */
    public boolean secure() {
        return this != PLAIN;
    }
}
