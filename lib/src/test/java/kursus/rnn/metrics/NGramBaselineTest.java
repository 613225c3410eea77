package kursus.rnn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;

/** Hand-counted n-gram probabilities on a three-word corpus. Symbols: 0 start, 1 end, 2 a, 3 b. */
class NGramBaselineTest {
    static final int S = 0, E = 1, A = 2, B = 3;
    // "ab", "aa", "b", each followed by the end symbol
    static final List<int[]> CORPUS = List.of(new int[] {A, B, E}, new int[] {A, A, E}, new int[] {B, E});

    @Test
    void bigramMaximumLikelihoodIsCountRatio() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 2, 0.0, 4, S);
        // after start: a twice, b once
        assertEquals(2.0 / 3, m.probability(new int[] {}, A), 1e-15);
        assertEquals(1.0 / 3, m.probability(new int[] {S}, B), 1e-15);
        // after a: b, a, end once each
        assertEquals(1.0 / 3, m.probability(new int[] {A}, E), 1e-15);
        // after b: always the end
        assertEquals(1.0, m.probability(new int[] {A, B}, E), 1e-15);
        assertEquals(0.0, m.probability(new int[] {B}, A), 0);
        assertEquals(0.0, m.probability(new int[] {}, S), 0, "the start symbol is never predicted");
    }

    @Test
    void addKSmoothsOverThePredictableSymbols() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 2, 1.0, 4, S);
        assertEquals(3, m.numOutcomes());
        // (2 + 1) / (3 + 1·3)
        assertEquals(0.5, m.probability(new int[] {}, A), 1e-15);
        assertEquals(2.0 / 6, m.probability(new int[] {}, B), 1e-15);
        assertEquals(1.0 / 6, m.probability(new int[] {}, E), 1e-15);
        // after b: end 2 times → (2+1)/(2+3), a and b (0+1)/5
        assertEquals(0.6, m.probability(new int[] {B}, E), 1e-15);
        assertEquals(0.2, m.probability(new int[] {B}, A), 1e-15);
    }

    @Test
    void unseenContextIsUniformAndDistributionsSumToOne() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 3, 0.1, 4, S);
        double[] unseen = m.probabilities(new int[] {B, B});
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 1.0 / 3}, unseen, 1e-15);
        for (int[] h : new int[][] {{}, {A}, {A, A}, {A, B}, {B}}) {
            double sum = 0;
            for (double p : m.probabilities(h)) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void crossEntropyIsMeanNegativeLogProbability() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 2, 0.0, 4, S);
        // predictions: ab$ → 2/3, 1/3, 1; aa$ → 2/3, 1/3, 1/3; b$ → 1/3, 1
        double expected = -(2 * Math.log(2.0 / 3) + 4 * Math.log(1.0 / 3)) / 8;
        assertEquals(expected, m.crossEntropy(CORPUS), 1e-14);
    }

    @Test
    void unigramCrossEntropyIsEntropyOfSymbolFrequencies() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 1, 0.0, 4, S);
        // predicted symbols: a 3, b 2, end 3 of 8
        double h = -(3 * Math.log(3.0 / 8) + 2 * Math.log(2.0 / 8) + 3 * Math.log(3.0 / 8)) / 8;
        assertEquals(h, m.crossEntropy(CORPUS), 1e-14);
        assertEquals(1, m.contexts());
    }

    @Test
    void largeKApproachesTheUniformModel() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 3, 1e9, 4, S);
        assertEquals(Math.log(3), m.crossEntropy(CORPUS), 1e-6);
    }

    @Test
    void unseenPairWithoutSmoothingIsInfinite() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 2, 0.0, 4, S);
        assertEquals(Double.POSITIVE_INFINITY, m.crossEntropy(List.of(new int[] {B, A, E})));
    }

    @Test
    void textModelPredictsEverySymbolAfterTheFirst() {
        int[] text = {A, B, A, B, A};
        NGramBaseline m = NGramBaseline.fitText(text, 2, 0.0, 4);
        assertEquals(1.0, m.probability(new int[] {A}, B), 1e-15);
        assertEquals(1.0, m.probability(new int[] {B}, A), 1e-15);
        assertEquals(0.0, m.crossEntropyText(text), 1e-15);
        // a text model has no start symbol: all 4 symbols are outcomes, unseen contexts uniform over 4
        assertEquals(0.25, m.probability(new int[] {E}, S), 1e-15);
        // the trigram's first prediction has only one symbol of context (seen once in training, followed by b)
        NGramBaseline t = NGramBaseline.fitText(text, 3, 0.0, 4);
        assertEquals(1.0, t.probability(new int[] {A}, B), 1e-15);
        assertEquals(1.0, t.probability(new int[] {B, A}, B), 1e-15);
    }

    @Test
    void samplesStopAtTheEndSymbolAndRepeatWithTheSeed() {
        NGramBaseline m = NGramBaseline.fit(CORPUS, 2, 0.0, 4, S);
        for (int seed = 0; seed < 20; seed++) {
            int[] s = m.sample(new NumpyRandom(seed), E, 50);
            assertEquals(E, s[s.length - 1], "a sample ends with the end symbol");
            assertTrue(s.length >= 2, "every training word has a letter before the end");
            assertArrayEquals(s, m.sample(new NumpyRandom(seed), E, 50));
        }
    }

    @Test
    void badArgumentsGiveBilingualMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NGramBaseline.fit(CORPUS, 0, 0.1, 4, S));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]") && e.getMessage().contains("trigram"));
        assertThrows(IllegalArgumentException.class, () -> NGramBaseline.fit(CORPUS, 2, -1, 4, S));
        assertThrows(IllegalArgumentException.class, () -> NGramBaseline.fit(CORPUS, 2, 0.1, 3, S)); // id 3 outside
        assertThrows(IllegalArgumentException.class, () -> NGramBaseline.fit(List.of(new int[] {A, S}), 2, 0.1, 4, S));
    }
}
