package kursus.rnn.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForecastTest {
    // day:                 0    1    2    3    4    5    6    7    8    9
    static final double[] P = {10, 11, 12, 14, 13, 15, 20, 18, 22, 25};

    @Test
    void splitsByTargetDayAndNeverPutsTheTargetInItsWindow() {
        Forecast f = Forecast.of(P, 3, 6, 8, Forecast.Target.PRICE, false);
        assertArrayEquals(new int[] {3, 4, 5}, f.days(f.train()));
        assertArrayEquals(new int[] {6, 7}, f.days(f.val()));
        assertArrayEquals(new int[] {8, 9}, f.days(f.test()));
        // window of target day 8 = days 5, 6, 7 (scaled); back to prices it must be 15, 20, 18
        double[][] w = f.test().window(0);
        double lo = 10, hi = 15; // min and max of the training days 0..5
        assertEquals((15 - lo) / (hi - lo), w[0][0], 1e-12);
        assertEquals((20 - lo) / (hi - lo), w[1][0], 1e-12);
        assertEquals((18 - lo) / (hi - lo), w[2][0], 1e-12);
    }

    @Test
    void scalerUsesTrainingDaysOnlyUnlessAskedToLeak() {
        Forecast right = Forecast.of(P, 3, 6, 8, Forecast.Target.PRICE, false);
        Forecast leak = Forecast.of(P, 3, 6, 8, Forecast.Target.PRICE, true);
        // the last test target (25) is above the training max (15): scaled > 1 without leak, exactly 1 with it
        assertEquals((25 - 10) / 5.0, right.test().target(1)[0], 1e-12);
        assertEquals(1.0, leak.test().target(1)[0], 1e-12);
    }

    @Test
    void modelOutputsGoBackToPrices() {
        Forecast f = Forecast.of(P, 3, 6, 8, Forecast.Target.PRICE, false);
        assertArrayEquals(new double[] {22, 25}, f.toPrices(f.test(), f.test().targets()), 1e-9);
        Forecast r = Forecast.of(P, 3, 6, 8, Forecast.Target.RETURN, false);
        assertArrayEquals(new int[] {8, 9}, r.days(r.test()));
        assertArrayEquals(new double[] {22, 25}, r.toPrices(r.test(), r.test().targets()), 1e-9);
        // a predicted return of "average" is the previous price times exp(mean return)
        assertTrue(r.toPrices(r.test(), new double[] {0, 0})[0] > 0);
    }

    @Test
    void returnWindowsHoldTheReturnsBeforeTheTarget() {
        Forecast r = Forecast.of(P, 2, 6, 8, Forecast.Target.RETURN, false);
        assertArrayEquals(new int[] {3, 4, 5}, r.days(r.train()));
        // target day 8: inputs are the returns of days 6 and 7 (standardised): their order must be kept
        double[][] w = r.test().window(0);
        double r6 = Math.log(20.0 / 15), r7 = Math.log(18.0 / 20);
        assertTrue(w[0][0] > 0 && w[1][0] < 0, "r6 > 0 > r7");
        assertEquals(Math.signum(r6), Math.signum(w[0][0]));
        assertEquals(Math.signum(r7), Math.signum(w[1][0]));
    }

    @Test
    void baselinesAndScores() {
        Forecast f = Forecast.of(P, 3, 6, 8, Forecast.Target.PRICE, false);
        assertArrayEquals(new double[] {18, 22}, f.naive(f.test()), 0);
        assertArrayEquals(new double[] {(20 + 18) / 2.0, (18 + 22) / 2.0}, f.movingAverage(f.test(), 2), 1e-12);
        Forecast.Scores s = Forecast.score(new double[] {22, 25}, new double[] {18, 22}, new double[] {21, 20});
        assertEquals(Math.sqrt((1 + 25) / 2.0), s.rmse(), 1e-12);
        assertEquals(3, s.mae(), 1e-12);
        assertEquals(100 * (1 / 22.0 + 5 / 25.0) / 2, s.mape(), 1e-12);
        assertEquals(0.5, s.direction(), 1e-12); // up right, down wrong
        assertTrue(Double.isNaN(Forecast.score(new double[] {22}, new double[] {18}, new double[] {18}).direction()));
        assertEquals(1.0, Forecast.upShare(new double[] {22, 25}, new double[] {18, 22}), 0);
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Forecast.of(P, 3, 3, 8, Forecast.Target.PRICE, false));
        assertTrue(e.getMessage().contains("valStart"), e.getMessage());
        var neg = assertThrows(IllegalArgumentException.class,
                () -> Forecast.of(new double[] {1, -2, 3, 4, 5, 6}, 1, 3, 4, Forecast.Target.PRICE, false));
        assertTrue(neg.getMessage().contains("day 1"), neg.getMessage());
    }
}
