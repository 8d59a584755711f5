package dev.ferry.engine.data;

import dev.ferry.engine.FtpProtocolException;
import dev.ferry.engine.FtpReply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PassiveAddressTest {
    @Test
    void readsHostAndPortFromPasv() throws FtpProtocolException {
        PassiveAddress a = PassiveAddress.fromPasv(new FtpReply(227, List.of("227 Entering Passive Mode (10,0,0,5,195,80).")));
        assertEquals("10.0.0.5", a.host());
        assertEquals(195 * 256 + 80, a.port());
    }

    @Test
    void readsPasvWithoutParentheses() throws FtpProtocolException {
        assertEquals(1025, PassiveAddress.fromPasv(new FtpReply(227, List.of("227 =127,0,0,1,4,1"))).port());
    }

    @Test
    void readsThePortFromEpsv() throws FtpProtocolException {
        assertEquals(40044, PassiveAddress.fromEpsv(new FtpReply(229, List.of("229 Entering Extended Passive Mode (|||40044|)"))).port());
    }

    @Test
    void refusesAPasvReplyWithOutOfRangeNumbers() {
        assertThrows(FtpProtocolException.class,
                () -> PassiveAddress.fromPasv(new FtpReply(227, List.of("227 Entering Passive Mode (300,0,0,1,4,1)"))));
    }

    @Test
    void refusesAnEpsvReplyWithoutAPort() {
        assertThrows(FtpProtocolException.class,
                () -> PassiveAddress.fromEpsv(new FtpReply(229, List.of("229 Entering Extended Passive Mode"))));
    }
}
