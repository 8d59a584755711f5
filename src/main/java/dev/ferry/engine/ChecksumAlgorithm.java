package dev.ferry.engine;

import java.util.Locale;
import java.util.Optional;

/** Checksums a server may compute for a file, best first. */
public enum ChecksumAlgorithm {
    SHA_256("SHA-256", "XSHA256", 64),
    SHA_1("SHA-1", "XSHA1", 40),
    MD5("MD5", "XMD5", 32),
    CRC32("CRC32", "XCRC", 8);

    private final String hashName;
    private final String command;
    private final int hexLength;

    ChecksumAlgorithm(String hashName, String command, int hexLength) {
        this.hashName = hashName;
        this.command = command;
        this.hexLength = hexLength;
    }

    /** The name in the {@code HASH} extension and in {@link java.security.MessageDigest} (CRC32 aside). */
    public String hashName() {
        return hashName;
    }

    /** The older single-purpose command, such as {@code XSHA256}. */
    public String command() {
        return command;
    }

    public int hexLength() {
        return hexLength;
    }

    static Optional<ChecksumAlgorithm> byHashName(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("*", "").strip();
        for (ChecksumAlgorithm a : values()) {
            if (a.hashName.equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
