package dev.ferry.engine.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file names and reply text into bytes on the wire and back, in the encoding the server uses for names.
 * UTF-8 (the default, and what RFC 2640 servers use) is read strictly; any other encoding (an old server's
 * windows-1252, Shift_JIS…) is used both ways as given.
 *
 * <p>A server that mixes encodings sends names that are not valid UTF-8 (an old upload's ISO-8859-1
 * {@code caf\xe9.txt}). Each byte that is not part of valid UTF-8 is read as an escape, the lone surrogate
 * {@code U+DC80..U+DCFF} (as Python's "surrogateescape"), and {@link #encode} turns the escape back into the
 * same byte: such a name goes back into a command as the server wrote it, so the file can be opened.
 * {@link #readable} shows the escapes as the ISO-8859-1 characters they most likely are ({@code café.txt}):
 * for display, messages and local file names, never for commands.
 */
public record NameCodec(Charset charset) {
    public static final NameCodec UTF_8 = new NameCodec(StandardCharsets.UTF_8);
    private static final char FIRST_ESCAPE = '\uDC80';
    private static final char LAST_ESCAPE = '\uDCFF';

    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    public byte[] encode(String text) {
        if (!hasEscapes(text)) {
            return text.getBytes(charset);
        }
        // Escapes come from names that were not valid UTF-8, or from a URL's %E9: each is its byte, in any encoding.
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isEscapeAt(text, i)) {
                out.writeBytes(text.substring(runStart, i).getBytes(charset));
                out.write(text.charAt(i) & 0xFF);
                runStart = i + 1;
            }
        }
        out.writeBytes(text.substring(runStart).getBytes(charset));
        return out.toByteArray();
    }

    public String decode(byte[] bytes, int offset, int length) {
        if (!isUtf8()) {
            return new String(bytes, offset, length, charset);
        }
        try {
            return strictUtf8().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return decodeEscaping(ByteBuffer.wrap(bytes, offset, length));
        }
    }

    /**
     * {@code text} for a person: each escape of a byte that was not valid UTF-8 as the ISO-8859-1
     * character of that byte. Text without escapes is returned as it is.
     */
    public static String readable(String text) {
        if (!hasEscapes(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            sb.append(isEscapeAt(text, i) ? (char) (text.charAt(i) & 0xFF) : text.charAt(i));
        }
        return sb.toString();
    }

    private static String decodeEscaping(ByteBuffer in) {
        CharsetDecoder decoder = strictUtf8();
        CharBuffer out = CharBuffer.allocate(in.remaining() * 2 + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isOverflow()) {
                throw new IllegalStateException("a byte decodes to at most one character"); // cannot happen
            }
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (0xDC00 | (in.get() & 0xFF)));
            }
        }
        return out.flip().toString();
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean hasEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isEscapeAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** A low surrogate of the escape range that does not end a surrogate pair (which would be a real character). */
    private static boolean isEscapeAt(String text, int i) {
        char c = text.charAt(i);
        return c >= FIRST_ESCAPE && c <= LAST_ESCAPE && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
