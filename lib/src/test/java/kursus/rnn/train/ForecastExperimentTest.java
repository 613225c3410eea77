package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.prep.Forecast;
import org.junit.jupiter.api.Test;

class ForecastExperimentTest {
    /** A price that swings with a 16-day period: "tomorrow = today" always lags, a model can learn the swing. */
    static double[] swinging(int n) {
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            p[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 16.0);
        }
        return p;
    }

    @Test
    void learnsAPredictableSwingBetterThanTomorrowEqualsToday() {
        Forecast f = Forecast.of(swinging(500), 12, 350, 420, Forecast.Target.PRICE, false);
        ForecastExperiment.Result r = ForecastExperiment.of(f).hidden(12).epochs(40).patience(40).learningRate(0.01).run(1);
        Forecast.Scores naive = Forecast.score(f.actual(f.test()), f.naive(f.test()), f.naive(f.test()));
        assertTrue(r.scores().rmse() < 0.5 * naive.rmse(), r.scores() + " vs naive " + naive);
        assertTrue(r.scores().direction() > 0.9, r.scores().toString());
        assertEquals(f.test().size(), r.predicted().length);
    }

    @Test
    void theSameSeedGivesTheSamePredictions() {
        Forecast f = Forecast.of(swinging(200), 8, 120, 160, Forecast.Target.RETURN, false);
        var e = ForecastExperiment.of(f).hidden(4).epochs(2);
        assertArrayEquals(e.run(3).predicted(), e.run(3).predicted(), 0);
    }
}
