package dev.ferry.ui.connect;

import dev.ferry.engine.FtpsMode;

/**
 * What the user asked to connect to, already checked.
 *
 * @param password as typed; held only in memory, never logged
 */
public record ConnectRequest(String host, int port, FtpsMode mode, String user, String password) {
    /** "ann@example.org" or "example.org:2121": how the window names the connection. */
    public String displayName() {
        String where = port == mode.defaultPort() ? host : host + ":" + port;
        return user.isBlank() || user.equals("anonymous") ? where : user + "@" + where;
    }

    @Override
    public String toString() {
        return "ConnectRequest[" + mode + " " + displayName() + "]";
    }
}
