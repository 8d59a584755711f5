package dev.ferry.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 conversions of secrets between {@code char[]} and {@code byte[]}, wiping every buffer in between. */
final class SecretBytes {
    private SecretBytes() {
    }

    /** The UTF-8 bytes of {@code chars}; the caller wipes them. */
    static byte[] utf8(char[] chars) {
        ByteBuffer buffer;
        try {
            buffer = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 cannot encode this text", e);
        }
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        wipe(buffer.array());
        return bytes;
    }

    /** The characters of UTF-8 {@code bytes}; the caller wipes both. */
    static char[] chars(byte[] bytes) throws CharacterCodingException {
        CharBuffer buffer = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        char[] chars = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), '\0');
        return chars;
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
