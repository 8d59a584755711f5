package dev.ferry.sites.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WinScpPasswordTest {
    /** WinSCP's encoding, written from its description: the inverse of what Ferry decodes. */
    static String encode(String password, String key, boolean longForm, int shift) {
        byte[] data = (key + password).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(hex(0xFF));
        if (longForm) {
            out.append(hex(0x02)).append(hex(data.length >> 8)).append(hex(data.length & 0xFF));
        } else {
            out.append(hex(0x00)).append(hex(data.length));
        }
        Random random = new Random(42);
        out.append(hex(shift));
        for (int i = 0; i < shift; i++) {
            out.append(hex(random.nextInt(256)));
        }
        for (byte b : data) {
            out.append(hex(b & 0xFF));
        }
        while (out.length() < 100) {
            out.append(hex(random.nextInt(256)));
        }
        return out.toString();
    }

    private static String hex(int b) {
        return String.format("%02X", ~b & 0xFF ^ 0xA3);
    }

    @Test
    void decodesAPasswordEncodedWithUserAndHostAsTheKey() {
        String stored = encode("s3cr3t pässword", "alice" + "ftp.example", false, 7);
        assertEquals(new WinScpPassword.Decoded("s3cr3t pässword"),
                WinScpPassword.decode(stored, "alice", "ftp.example"));
    }

    @Test
    void acceptsTheKeyInTheOtherOrderToo() {
        String stored = encode("pw", "ftp.example" + "alice", false, 0);
        assertEquals(new WinScpPassword.Decoded("pw"), WinScpPassword.decode(stored, "alice", "ftp.example"));
    }

    @Test
    void decodesTheLongFormUsedForLongPasswords() {
        String longPassword = "x".repeat(300);
        String stored = encode(longPassword, "alicehost", true, 2);
        assertEquals(new WinScpPassword.Decoded(longPassword), WinScpPassword.decode(stored, "alice", "host"));
    }

    @Test
    void aPasswordForAnotherUserOrHostIsUnreadable() {
        String stored = encode("pw", "alice" + "ftp.example", false, 3);
        assertInstanceOf(WinScpPassword.Unreadable.class, WinScpPassword.decode(stored, "mallory", "ftp.example"));
    }

    @Test
    void aMasterPasswordProtectedValueIsRecognised() {
        String stored = hex(0xFF) + hex(0x01) + "00112233";
        assertInstanceOf(WinScpPassword.MasterPassword.class, WinScpPassword.decode(stored, "a", "b"));
    }

    @Test
    void garbageTruncatedAndUnknownVersionsAreUnreadable() {
        String good = encode("pw", "ab", false, 5);
        for (String stored : new String[] {"", "ZZZZ", "A3", good.substring(0, 20), hex(0xFF) + hex(0x07) + "AAAA"}) {
            assertInstanceOf(WinScpPassword.Unreadable.class, WinScpPassword.decode(stored, "a", "b"), stored);
        }
    }

    @Test
    void randomInputNeverThrows() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                s.append("0123456789ABCDEFxyz%".charAt(random.nextInt(20)));
            }
            WinScpPassword.decode(s.toString(), "u", "h");
        }
    }

    @Test
    void theResultsTextNeverShowsThePassword() {
        assertEquals("Decoded[****]", new WinScpPassword.Decoded("hunter2").toString());
    }
}
