package dev.ferry.transfer;

import dev.ferry.engine.ChecksumAlgorithm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** The checksum of a local file, in the form servers report it (lower-case hex). */
final class LocalChecksums {
    private LocalChecksums() {
    }

    static String of(Path file, ChecksumAlgorithm algorithm) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            if (algorithm == ChecksumAlgorithm.CRC32) {
                CRC32 crc = new CRC32();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    crc.update(buffer, 0, n);
                }
                return String.format("%08x", crc.getValue());
            }
            MessageDigest digest = MessageDigest.getInstance(algorithm.hashName());
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.hashName() + " is missing from this Java runtime", e);
        }
    }
}
