package dev.ferry.sites.importers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * WinSCP's stored session password without a master password: not encryption, a documented obfuscation. Each
 * byte is written as two hex digits of {@code ~b ^ 0xA3}; the bytes are a flag (0xFF), a version (0 or 2; 1 means
 * "encrypted with the master password"), the length, a count of random bytes to skip, the random bytes, then the
 * user name and host name followed by the password (UTF-8), then random padding. Very old files have no flag:
 * the first byte is the length and no key prefix is used.
 *
 * <p>Security warning: anyone with WinSCP.ini can do the same; this is why WinSCP has a master password. The
 * decoded password must go straight into Ferry's vault.
 */
final class WinScpPassword {
    private static final int MAGIC = 0xA3;
    private static final int FLAG = 0xFF;
    private static final int INTERNAL = 0x00;
    private static final int EXTERNAL = 0x01;
    private static final int INTERNAL2 = 0x02;

    /** What decoding gave. */
    sealed interface Result permits Decoded, MasterPassword, Unreadable {
    }

    /** The password. */
    record Decoded(String password) implements Result {
        @Override
        public String toString() {
            return "Decoded[****]";
        }
    }

    /** Encrypted with WinSCP's master password, which Ferry does not have. */
    record MasterPassword() implements Result {
    }

    /** Not in the expected form, or not for this user and host. */
    record Unreadable() implements Result {
    }

    private final String hex;
    private int at;

    private WinScpPassword(String hex) {
        this.hex = hex;
    }

    /**
     * Decodes {@code stored}, the {@code Password} value of a session whose user is {@code user} at {@code host}.
     * WinSCP uses the user name followed by the host name as the key; the reverse order is tried as well.
     */
    static Result decode(String stored, String user, String host) {
        Result r = new WinScpPassword(stored.strip()).decode(user + host);
        return r instanceof Unreadable ? new WinScpPassword(stored.strip()).decode(host + user) : r;
    }

    private Result decode(String key) {
        try {
            int flag = next();
            int length;
            if (flag == FLAG) {
                int version = next();
                if (version == EXTERNAL) {
                    return new MasterPassword();
                }
                if (version == INTERNAL) {
                    length = next();
                } else if (version == INTERNAL2) {
                    length = (next() << 8) + next();
                } else {
                    return new Unreadable();
                }
            } else {
                length = flag;
            }
            int shift = next();
            for (int i = 0; i < shift; i++) {
                next();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
            for (int i = 0; i < length; i++) {
                bytes.write(next());
            }
            byte[] plain = bytes.toByteArray();
            byte[] prefix = flag == FLAG ? key.getBytes(StandardCharsets.UTF_8) : new byte[0];
            try {
                if (plain.length < prefix.length || !Arrays.equals(plain, 0, prefix.length, prefix, 0, prefix.length)) {
                    return new Unreadable();
                }
                return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(plain, prefix.length, plain.length - prefix.length)).toString());
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return new Unreadable();
        }
    }

    private int next() {
        if (at + 2 > hex.length()) {
            throw new IllegalArgumentException("too short");
        }
        int value = (digit(hex.charAt(at)) << 4) + digit(hex.charAt(at + 1));
        at += 2;
        return ~(value ^ MAGIC) & 0xFF;
    }

    private static int digit(char c) {
        int d = "0123456789ABCDEF".indexOf(Character.toUpperCase(c));
        if (d < 0) {
            throw new IllegalArgumentException("not hex");
        }
        return d;
    }

    static Optional<String> password(Result result) {
        return result instanceof Decoded d ? Optional.of(d.password()) : Optional.empty();
    }
}
