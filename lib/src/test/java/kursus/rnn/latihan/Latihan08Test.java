package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.latihan.Latihan08.Mistake;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;

/** Latihan 8 accepts correct sampling steps and names each typical mistake. */
class Latihan08Test {

    static double[] weights(double[] z, double scale, boolean normalise) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v * scale);
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] * scale - max);
            sum += p[i];
        }
        if (normalise) {
            for (int i = 0; i < p.length; i++) p[i] /= sum;
        }
        return p;
    }

    static int walk(double[] p, NumpyRandom rng) {
        double u = rng.rand(), cum = 0;
        for (int i = 0; i < p.length; i++) {
            cum += p[i];
            if (cum > u) return i;
        }
        return p.length - 1;
    }

    static Verdict<Mistake> grade(Latihan08.SampleFunction f) {
        return Latihan08.evaluateSampleNext(f);
    }

    @Test
    void acceptsChoiceSolution() {
        Verdict<Mistake> v = grade((z, t, rng) -> { double[] p = weights(z, 1 / t, true); return rng.choice(p.length, p); });
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
    }

    @Test
    void acceptsHandWrittenCumulativeWalk() {
        Verdict<Mistake> v = grade((z, t, rng) -> walk(weights(z, 1 / t, true), rng));
        assertTrue(v.passed(), v.message());
    }

    @Test
    void namesForgottenTemperature() {
        assertEquals(Mistake.FORGOT_TEMPERATURE,
                grade((z, t, rng) -> { double[] p = weights(z, 1, true); return rng.choice(p.length, p); }).mistake());
    }

    @Test
    void namesMultipliedTemperature() {
        assertEquals(Mistake.MULTIPLIED_BY_TEMPERATURE,
                grade((z, t, rng) -> { double[] p = weights(z, t, true); return rng.choice(p.length, p); }).mistake());
    }

    @Test
    void namesDivisionAfterSoftmaxWithChoice() {
        // choice refuses p that does not sum to 1 (T = 0.5): the check reads that error
        Verdict<Mistake> v = grade((z, t, rng) -> {
            double[] p = weights(z, 1, true);
            for (int i = 0; i < p.length; i++) p[i] /= t;
            return rng.choice(p.length, p);
        });
        assertEquals(Mistake.DIVIDED_AFTER_SOFTMAX, v.mistake(), v.message());
    }

    @Test
    void namesDivisionAfterSoftmaxWithWalk() {
        Verdict<Mistake> v = grade((z, t, rng) -> {
            double[] p = weights(z, 1, true);
            for (int i = 0; i < p.length; i++) p[i] /= t;
            return walk(p, rng);
        });
        assertEquals(Mistake.DIVIDED_AFTER_SOFTMAX, v.mistake(), v.message());
    }

    @Test
    void namesArgmax() {
        Verdict<Mistake> v = grade((z, t, rng) -> {
            int best = 0;
            for (int i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
            return best;
        });
        assertEquals(Mistake.ARGMAX, v.mistake(), v.message());
        assertTrue(v.message().contains("argmax"));
    }

    @Test
    void namesMissingNormalisation() {
        assertEquals(Mistake.NOT_NORMALISED,
                grade((z, t, rng) -> { double[] p = weights(z, 1 / t, false); return rng.choice(p.length, p); }).mistake());
        assertEquals(Mistake.NOT_NORMALISED, grade((z, t, rng) -> walk(weights(z, 1 / t, false), rng)).mistake());
    }

    @Test
    void namesOwnGenerator() {
        NumpyRandom own = new NumpyRandom(12345);
        Verdict<Mistake> v = grade((z, t, rng) -> { double[] p = weights(z, 1 / t, true); return own.choice(p.length, p); });
        assertEquals(Mistake.OWN_RANDOM, v.mistake(), v.message());
    }

    @Test
    void namesIndexOutOfRangeAndExceptions() {
        assertEquals(Mistake.INDEX_OUT_OF_RANGE, grade((z, t, rng) -> z.length).mistake());
        assertEquals(Mistake.EXCEPTION, grade((z, t, rng) -> { throw new UnsupportedOperationException("TODO"); }).mistake());
        assertEquals(Mistake.EXCEPTION, grade(null).mistake());
    }

    @Test
    void checkThrowsOnAWrongAnswer() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan08.checkSampleNext((z, t, rng) -> 0));
        assertTrue(e.getMessage().startsWith("Latihan 8.1: "), e.getMessage());
    }
}
