package dev.ferry.engine.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file names and reply text into bytes on the wire and back, in the encoding the server uses for names.
 * UTF-8 (the default, and what RFC 2640 servers use) is read strictly, and a line that is not valid UTF-8 is
 * read as ISO-8859-1 instead, so that it shows without replacement characters; any other encoding (an old
 * server's windows-1252, Shift_JIS…) is used both ways as given. A name read that way does not go back into
 * a command as the same bytes (it is encoded as UTF-8): such a server needs its encoding set for the site.
 */
public record NameCodec(Charset charset) {
    public static final NameCodec UTF_8 = new NameCodec(StandardCharsets.UTF_8);

    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    public byte[] encode(String text) {
        return text.getBytes(charset);
    }

    public String decode(byte[] bytes, int offset, int length) {
        if (!isUtf8()) {
            return new String(bytes, offset, length, charset);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
