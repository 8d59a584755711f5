package dev.ferry.engine.control;

import dev.ferry.engine.FtpProtocolException;
import dev.ferry.engine.FtpReply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyReaderTest {
    private static ReplyReader reader(String text) {
        return new ReplyReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), line -> {
        });
    }

    @Test
    void readsASingleLineReply() throws IOException {
        FtpReply reply = reader("220 Welcome\r\n").read();
        assertEquals(220, reply.code());
        assertEquals("Welcome", reply.message());
    }

    @Test
    void readsAMultiLineReplyUntilTheClosingLine() throws IOException {
        FtpReply reply = reader("211-Features:\r\n MLST size*;\r\n211-not the end\r\n UTF8\r\n211 End\r\n").read();
        assertEquals(211, reply.code());
        assertEquals(5, reply.lines().size());
    }

    @Test
    void readsConsecutiveRepliesSeparately() throws IOException {
        ReplyReader r = reader("150 Opening\r\n226 Done\r\n");
        assertEquals(150, r.read().code());
        assertEquals(226, r.read().code());
    }

    @Test
    void acceptsBareLineFeeds() throws IOException {
        assertEquals(230, reader("230 Logged in\n").read().code());
    }

    @Test
    void acceptsACodeWithoutText() throws IOException {
        assertEquals(200, reader("200\r\n").read().code());
    }

    @Test
    void keepsTheBytesOfALineThatIsNotUtf8AndShowsThemAsLatin1() throws IOException {
        byte[] bytes = {'2', '5', '7', ' ', '"', '/', (byte) 0xE9, '"', '\r', '\n'};
        FtpReply reply = new ReplyReader(new ByteArrayInputStream(bytes), l -> {
        }).read();
        assertEquals("\"/é\"", NameCodec.readable(reply.message()));
        assertArrayEquals(new byte[] {'/', (byte) 0xE9}, NameCodec.UTF_8.encode(reply.message().substring(1, 3)));
    }

    @Test
    void refusesALineThatIsNotAReply() {
        FtpProtocolException e = assertThrows(FtpProtocolException.class, () -> reader("HTTP/1.1 400 Bad\r\n").read());
        assertTrue(e.getMessage().contains("not an FTP reply"));
    }

    @Test
    void refusesAnEndlessLine() {
        String huge = "220 " + "x".repeat(ReplyReader.MAX_LINE + 10) + "\r\n";
        assertThrows(FtpProtocolException.class, () -> reader(huge).read());
    }

    @Test
    void reportsAClosedConnectionMidReply() {
        assertThrows(EOFException.class, () -> reader("220-Welcome\r\n220-still").read());
    }

    @Test
    void passesEveryLineToTheLog() throws IOException {
        List<String> seen = new ArrayList<>();
        new ReplyReader(new ByteArrayInputStream("230-a\r\n230 b\r\n".getBytes(StandardCharsets.UTF_8)), seen::add).read();
        assertEquals(List.of("230-a", "230 b"), seen);
    }

    @Test
    void masksThePasswordOfPass() {
        assertEquals("PASS ****", ControlChannel.mask("PASS hunter2"));
        assertEquals("pass ****".toUpperCase(), ControlChannel.mask("pass hunter2").toUpperCase());
        assertEquals("USER bob", ControlChannel.mask("USER bob"));
    }
}
