package dev.ferry.engine.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NameCodecTest {
    @Test
    void readsUtf8Names() {
        byte[] bytes = "Grüße/日本.txt".getBytes(StandardCharsets.UTF_8);
        assertEquals("Grüße/日本.txt", NameCodec.UTF_8.decode(bytes, 0, bytes.length));
    }

    @Test
    void readsALineThatIsNotUtf8AsLatin1WithoutLosingAByte() {
        byte[] bytes = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
        String name = NameCodec.UTF_8.decode(bytes, 0, bytes.length);
        assertEquals("Grüße", name);
        assertArrayEquals(bytes, name.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void usesAnotherEncodingBothWays() {
        NameCodec cp1252 = new NameCodec(Charset.forName("windows-1252"));
        byte[] wire = cp1252.encode("Rechnung €.pdf");
        assertEquals((byte) 0x80, wire[9], "the euro sign is one byte in windows-1252");
        assertEquals("Rechnung €.pdf", cp1252.decode(wire, 0, wire.length));
    }
}
