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
    void aNameThatIsNotUtf8GoesBackIntoACommandAsTheSameBytes() {
        byte[] bytes = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
        String name = NameCodec.UTF_8.decode(bytes, 0, bytes.length);
        assertArrayEquals(bytes, NameCodec.UTF_8.encode(name));
        assertEquals("Grüße", NameCodec.readable(name));
    }

    @Test
    void onlyTheBytesThatAreNotUtf8AreEscapedInAMixedLine() {
        byte[] latin = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = " Grüße 日本 🚢".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[latin.length + utf8.length];
        System.arraycopy(latin, 0, line, 0, latin.length);
        System.arraycopy(utf8, 0, line, latin.length, utf8.length);
        String decoded = NameCodec.UTF_8.decode(line, 0, line.length);
        assertEquals("caf\uDCE9 Grüße 日本 🚢", decoded);
        assertEquals("café Grüße 日本 🚢", NameCodec.readable(decoded));
        assertArrayEquals(line, NameCodec.UTF_8.encode(decoded));
    }

    @Test
    void anEscapeIsItsByteInAnyEncoding() {
        NameCodec cp1252 = new NameCodec(Charset.forName("windows-1252"));
        assertArrayEquals(new byte[] {(byte) 0x80, 'x', (byte) 0xE9}, cp1252.encode("€x\uDCE9"));
    }

    @Test
    void textWithoutEscapesIsEncodedAndShownAsItIs() {
        assertArrayEquals("日本 🚢".getBytes(StandardCharsets.UTF_8), NameCodec.UTF_8.encode("日本 🚢"));
        assertEquals("日本 🚢", NameCodec.readable("日本 🚢"));
    }

    @Test
    void usesAnotherEncodingBothWays() {
        NameCodec cp1252 = new NameCodec(Charset.forName("windows-1252"));
        byte[] wire = cp1252.encode("Rechnung €.pdf");
        assertEquals((byte) 0x80, wire[9], "the euro sign is one byte in windows-1252");
        assertEquals("Rechnung €.pdf", cp1252.decode(wire, 0, wire.length));
    }
}
