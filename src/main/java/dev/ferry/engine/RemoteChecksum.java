package dev.ferry.engine;

import java.util.Locale;

/**
 * A checksum the server computed for a file.
 *
 * @param algorithm how it was computed
 * @param hex       lower-case hex digits
 */
public record RemoteChecksum(ChecksumAlgorithm algorithm, String hex) {
    public RemoteChecksum {
        hex = hex.toLowerCase(Locale.ROOT);
    }
}
