package kursus.rnn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;

/** The exp-based scalar tanh agrees with {@link Math#tanh} to a few ulp, also near 0 and at the extremes. */
class TanhTest {
    @Test
    void agreesWithMathTanhToAFewUlp() {
        NumpyRandom rng = new NumpyRandom(3);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            // magnitudes from 1e-12 to 30, both signs, and values around the series/exp switch at 0.1
            double a = i % 4 == 0 ? rng.uniform(-0.2, 0.2) : Math.signum(rng.rand() - 0.5) * Math.pow(10, rng.uniform(-12, 1.5));
            double want = Math.tanh(a), got = Nonlinear.tanh(a);
            double ulps = Math.abs(got - want) / Math.ulp(want);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 8, "worst error " + worst + " ulp");
    }

    @Test
    void specialValues() {
        assertEquals(0.0, Nonlinear.tanh(0.0), 0.0);
        assertEquals(1.0, Nonlinear.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, Nonlinear.tanh(-1000), 0.0);
        assertTrue(Double.isNaN(Nonlinear.tanh(Double.NaN)));
        assertEquals(Math.tanh(0.1), Nonlinear.tanh(0.1), 8 * Math.ulp(0.1));
        assertEquals(Math.tanh(-0.0999999), Nonlinear.tanh(-0.0999999), 8 * Math.ulp(0.1));
    }
}
