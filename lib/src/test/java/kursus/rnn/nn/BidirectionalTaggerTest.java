package kursus.rnn.nn;

import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.check.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** BidirectionalTagger: finite-difference gradients, padding, and that a tag sees the words after it. */
class BidirectionalTaggerTest {
    static final DataType D = DataType.DOUBLE;
    static final double TOL = 1e-6;
    // three sequences of lengths 4, 2, 3 (right-padded)
    static final double[][] MASK = {{1, 1, 1}, {1, 1, 1}, {1, 0, 1}, {1, 0, 0}};

    static Embedding embedding(int V, int E, long seed) {
        Embedding e = new Embedding(V, E, D, Init.zeros());
        Fixtures.randomize(e.params(), seed, 1.0);
        return e;
    }

    static Dense dense(int in, int out, long seed) {
        Dense d = new Dense(in, out, D, Init.zeros());
        Fixtures.randomize(d.params(), seed, 0.5);
        return d;
    }

    static BidirectionalTagger tagger(String kind, int V, int E, int F, int H, int K, long seed) {
        return new BidirectionalTagger(embedding(V, E, seed), F, Fixtures.cell(kind, E + F, H, D, seed + 1),
                Fixtures.cell(kind, E + F, H, D, seed + 2), dense(2 * H, K, seed + 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void gradientsWithEmbeddingFeaturesAndMask(String kind) {
        int V = 6, E = 3, F = 2, H = 4, K = 3;
        BidirectionalTagger m = tagger(kind, V, E, F, H, K, 60);
        int[][] ids = {{0, 5, 2}, {5, 5, 1}, {2, 0, 3}, {1, 0, 0}}; // repeated ids check the scatter-add
        INDArray f = randn(64, D, 4, 3, F);
        int[][] tags = {{0, 1, 2}, {2, 0, 1}, {1, 0, 0}, {0, 0, 0}};
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(ids, f, Fixtures.mask(MASK), tags));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
        // both directions really receive a gradient
        for (String dir : new String[] {"fwd.", "bwd."}) {
            assertTrue(m.params().stream().filter(p -> p.name().startsWith(dir))
                    .anyMatch(p -> p.grad().amaxNumber().doubleValue() > 1e-6), dir);
        }
    }

    @Test
    void gradientsFeaturesOnlyWithoutMask() {
        BidirectionalTagger m = new BidirectionalTagger(null, 3, Fixtures.cell("gru", 3, 4, D, 70),
                Fixtures.cell("gru", 3, 4, D, 71), dense(8, 2, 72));
        INDArray f = randn(73, D, 3, 2, 3);
        int[][] tags = {{0, 1}, {1, 1}, {0, 0}};
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(null, f, null, tags));
        assertTrue(r.maxRelError() < TOL, r.toString());
    }

    @Test
    void firstTagSeesTheLastWordButTheUnidirectionalDoesNot() {
        BidirectionalTagger bi = tagger("lstm", 6, 3, 0, 4, 3, 80);
        SequenceTagger uni = new SequenceTagger(embedding(6, 3, 80), 0, Fixtures.cell("lstm", 3, 4, D, 81), dense(4, 3, 83));
        int[][] a = {{1}, {2}, {3}};
        int[][] b = {{1}, {2}, {4}}; // only the last word differs
        double biDiff = Fixtures.maxDiff(first(bi.probabilities(a, null, null)), first(bi.probabilities(b, null, null)));
        double uniDiff = Fixtures.maxDiff(first(uni.probabilities(a, null, null)), first(uni.probabilities(b, null, null)));
        assertTrue(biDiff > 1e-4, "bidirectional: step 0 should change, diff " + biDiff);
        assertEquals(0.0, uniDiff, 1e-12);
    }

    private static INDArray first(INDArray p) {
        return p.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Test
    void paddedSequenceGivesTheSameProbabilitiesAsAloneAndIgnoresPadding() {
        BidirectionalTagger m = tagger("gru", 6, 3, 0, 4, 3, 90);
        int[][] batch = {{0, 5, 2}, {5, 5, 1}, {2, 0, 3}, {1, 0, 0}};
        int[][] otherPad = {{0, 5, 2}, {5, 5, 1}, {2, 4, 3}, {1, 3, 2}}; // only padded ids differ
        INDArray mask = Fixtures.mask(MASK);
        INDArray p = m.probabilities(batch, null, mask); // [4, 3, 3]
        INDArray q = m.probabilities(otherPad, null, mask);
        int[] len = {4, 2, 3};
        for (int n = 0; n < 3; n++) {
            int[][] alone = new int[len[n]][1];
            for (int t = 0; t < len[n]; t++) {
                alone[t][0] = batch[t][n];
            }
            INDArray a = m.probabilities(alone, null, null); // [len, 1, 3]
            for (int t = 0; t < len[n]; t++) {
                INDArray inBatch = p.get(NDArrayIndex.point(t), NDArrayIndex.point(n), NDArrayIndex.all());
                INDArray other = q.get(NDArrayIndex.point(t), NDArrayIndex.point(n), NDArrayIndex.all());
                INDArray single = a.get(NDArrayIndex.point(t), NDArrayIndex.point(0), NDArrayIndex.all());
                assertTrue(Fixtures.maxDiff(inBatch, single) < 1e-12, "sequence " + n + " step " + t);
                assertTrue(Fixtures.maxDiff(inBatch, other) < 1e-12, "padding leaked at sequence " + n + " step " + t);
            }
        }
    }

    @Test
    void reversalOrderReversesWithinEachLength() {
        // B = 3, lengths 4, 2, 3: row r = t·B + n
        int[] rev = BidirectionalTagger.reversalOrder(Fixtures.mask(MASK), 4, 3);
        assertArrayEquals(new int[] {9, 4, 8, 6, 1, 5, 3, 7, 2, 0, 10, 11}, rev);
        for (int r = 0; r < rev.length; r++) {
            assertEquals(r, rev[rev[r]]);
        }
    }

    @Test
    void leftPaddedMaskIsRejectedBilingually() {
        BidirectionalTagger m = tagger("rnn", 4, 2, 0, 3, 2, 100);
        INDArray bad = Fixtures.mask(new double[][] {{0, 1}, {1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.loss(new int[][] {{0, 1}, {2, 3}}, null, bad, new int[][] {{0, 1}, {1, 0}}));
        assertTrue(e.getMessage().contains("right-padded") && e.getMessage().contains("kanan"), e.getMessage());
    }

    @Test
    void sameCellTwiceAndWrongReadOutAreRejected() {
        RecurrentCell c = Fixtures.cell("rnn", 2, 3, D, 110);
        assertThrows(IllegalArgumentException.class,
                () -> new BidirectionalTagger(embedding(4, 2, 111), 0, c, c, dense(6, 2, 112)));
        assertThrows(IllegalArgumentException.class,
                () -> new BidirectionalTagger(embedding(4, 2, 113), 0, c, Fixtures.cell("rnn", 2, 3, D, 114), dense(3, 2, 115)));
    }
}
