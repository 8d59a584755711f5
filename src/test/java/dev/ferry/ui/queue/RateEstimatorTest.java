package dev.ferry.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateEstimatorTest {
    private static final long MS = 1_000_000;

    @Test
    void knowsNoRateBeforeTheSecondReading() {
        RateEstimator rate = new RateEstimator();
        assertEquals(-1, rate.update(5_000, 0));
    }

    @Test
    void aSteadyCounterGivesItsRate() {
        RateEstimator rate = new RateEstimator();
        rate.update(0, 0);
        for (int i = 1; i <= 50; i++) {
            rate.update(i * 100_000L, i * 100 * MS);
        }
        assertEquals(1_000_000, rate.rate(), 1);
    }

    @Test
    void aBurstMovesTheRateOnlyPartWay() {
        RateEstimator rate = new RateEstimator();
        rate.update(0, 0);
        rate.update(100_000, 100 * MS);
        double burst = rate.update(1_100_000, 200 * MS);
        assertTrue(burst > 1_000_000 && burst < 2_000_000, "rate " + burst);
    }

    @Test
    void aCounterThatGoesBackStartsANewMeasurementInsteadOfANegativeRate() {
        RateEstimator rate = new RateEstimator();
        rate.update(0, 0);
        rate.update(500_000, 500 * MS);
        double after = rate.update(0, 600 * MS);
        assertEquals(1_000_000, after, 1);
        assertTrue(rate.update(100_000, 700 * MS) > 0);
    }

    @Test
    void resetForgetsTheRate() {
        RateEstimator rate = new RateEstimator();
        rate.update(0, 0);
        rate.update(500_000, 500 * MS);
        rate.reset();
        assertEquals(-1, rate.update(900_000, 600 * MS));
    }
}
