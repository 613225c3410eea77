package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SamplingTest {
    private static final double[] Z = {1.0, 2.0, 0.5, 2.0};

    @Test
    void greedyPicksTheFirstLargestLogit() {
        assertEquals(1, Sampling.greedy(Nd4j.create(Z)));
        assertEquals(1, Sampling.greedy(Nd4j.create(new double[][] {Z})));
    }

    @Test
    void temperatureDividesTheLogitsBeforeTheSoftmax() {
        double t = 0.5;
        double[] e = new double[Z.length];
        double s = 0;
        for (int i = 0; i < Z.length; i++) {
            e[i] = Math.exp(Z[i] / t);
            s += e[i];
        }
        for (int i = 0; i < Z.length; i++) {
            e[i] /= s;
        }
        assertArrayEquals(e, Sampling.probabilities(Nd4j.create(Z), t, 0), 1e-12);
    }

    @Test
    void topKKeepsOnlyTheKLargest() {
        double[] p = Sampling.probabilities(Nd4j.create(new double[] {1, 3, 2, 0}), 1.0, 2);
        assertEquals(0.0, p[0]);
        assertEquals(0.0, p[3]);
        assertEquals(Math.exp(3) / (Math.exp(3) + Math.exp(2)), p[1], 1e-12);
    }

    @Test
    void sampleDrawsLikeNumpyChoiceWithTheSameSeed() {
        double[] p = Sampling.probabilities(Nd4j.create(Z), 1.0, 0);
        NumpyRandom a = new NumpyRandom(7);
        NumpyRandom b = new NumpyRandom(7);
        for (int i = 0; i < 50; i++) {
            assertEquals(b.choice(Z.length, p), Sampling.sample(Nd4j.create(Z), 1.0, 0, a));
        }
    }

    @Test
    void zeroTemperatureIsGreedyAndDrawsNothing() {
        NumpyRandom a = new NumpyRandom(3);
        assertEquals(1, Sampling.sample(Nd4j.create(Z), 0, 0, a));
        assertEquals(new NumpyRandom(3).rand(), a.rand(), "no random number was consumed");
    }

    @Test
    void probabilitiesAndLogitsGiveTheSameDraws() {
        double[] p = Sampling.probabilities(Nd4j.create(Z), 1.0, 0);
        for (int i = 0; i < 20; i++) {
            assertEquals(Sampling.sample(Nd4j.create(Z), 0.7, 3, new NumpyRandom(i)),
                    Sampling.sampleFromProbabilities(Nd4j.create(p), 0.7, 3, new NumpyRandom(i)));
        }
    }

    @Test
    void badTemperatureAndShapesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampling.probabilities(Nd4j.create(Z), -1, 0));
        assertTrue(e.getMessage().contains("greedy"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Sampling.greedy(Nd4j.zeros(2, 3)));
        assertTrue(s.getMessage().contains("[2, 3]"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sampling.greedy(Nd4j.create(new double[] {1, Double.NaN})));
    }

    @Test
    void temperatureZeroMeansGreedyEverywhereAndTheMessageSaysSo() {
        double[] p = Sampling.probabilities(Nd4j.create(Z), 0.0, 0);
        assertEquals(0.0, p[0]);
        assertEquals(1.0, p[1], "all mass on the first largest logit, the token greedy() picks");
        assertEquals(0.0, p[3]);
        assertEquals(Sampling.greedy(Nd4j.create(Z)), Sampling.sample(Nd4j.create(Z), 0.0, 0, new NumpyRandom(1)));
        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Sampling.sample(Nd4j.create(Z), bad, 0, new NumpyRandom(1)));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(">= 0")
                    && e.getMessage().contains("0 = greedy") && !e.getMessage().contains("use greedy()"), e.getMessage());
        }
    }
}
