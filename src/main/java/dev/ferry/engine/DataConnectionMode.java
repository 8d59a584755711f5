package dev.ferry.engine;

/** Who opens data connections. */
public enum DataConnectionMode {
    /** The client connects to the server ({@code EPSV}, falling back to {@code PASV}). Works through NAT. */
    PASSIVE,
    /** The server connects to the client ({@code EPRT}, falling back to {@code PORT}). */
    ACTIVE
}
