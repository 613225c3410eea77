package kursus.rnn.nn;

import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.check.GradCheck;
import kursus.rnn.core.Params;
import kursus.rnn.optim.Adam;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Decoder, Seq2Seq, ConditionedGenerator and SequenceTagger: finite-difference gradient checks and behaviour. */
class SequenceModelsTest {
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

    static Decoder decoder(String kind, int V, int E, int C, int H, long seed) {
        return new Decoder(embedding(V, E, seed), C, Fixtures.cell(kind, E + C, H, D, seed + 1), dense(H, V, seed + 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void seq2seqWithContextAndMasks(String kind) {
        int Vs = 5, Vt = 4, E = 3, H = 4;
        Decoder dec = decoder(kind, Vt, 2, H, H, 30);
        Seq2Seq m = new Seq2Seq(embedding(Vs, E, 31), Fixtures.cell(kind, E, H, D, 32), dec);
        int[][] src = {{0, 1, 2}, {3, 4, 0}, {1, 0, 4}, {2, 0, 0}}; // lengths 4, 2, 3
        int[][] tgtOut = {{1, 2, 3}, {3, 0, 1}, {0, 1, 0}};
        int[][] tgtIn = Decoder.teacherInputs(tgtOut, 2);
        INDArray tgtMask = Fixtures.mask(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 0, 1}});
        GradCheck.Report r = GradCheck.check(m.params(),
                () -> m.forwardBackward(src, Fixtures.mask(MASK), tgtIn, tgtOut, tgtMask));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void seq2seqWithoutContext(String kind) {
        int H = 3;
        Decoder dec = decoder(kind, 4, 2, 0, H, 40);
        Seq2Seq m = new Seq2Seq(embedding(5, 2, 41), Fixtures.cell(kind, 2, H, D, 42), dec);
        int[][] src = {{0, 1}, {3, 4}, {1, 2}};
        int[][] tgtOut = {{1, 2}, {3, 3}};
        GradCheck.Report r = GradCheck.check(m.params(),
                () -> m.forwardBackward(src, null, Decoder.teacherInputs(tgtOut, 0), tgtOut, null));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
        // the encoder really receives a gradient through the decoder's first state
        assertTrue(m.encoderCell().params().stream().anyMatch(p -> p.grad().amaxNumber().doubleValue() > 1e-8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void conditionedGenerator(String kind) {
        int V = 5, H = 4;
        ConditionedGenerator g = new ConditionedGenerator(dense(3, H, 50), decoder(kind, V, 2, 0, H, 51));
        INDArray cond = ConditionedGenerator.oneHots(D, new int[] {2, 1}, new int[] {0, 1, 1}, new int[] {0, 0, 0});
        int[][] targets = {{1, 2, 3}, {4, 0, 1}, {0, 1, 4}, {4, 4, 4}};
        int[][] inputs = Decoder.teacherInputs(targets, 3);
        GradCheck.Report r = GradCheck.check(g.params(), () -> g.forwardBackward(cond, inputs, targets, Fixtures.mask(MASK)));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void taggerWithEmbeddingFeaturesAndMask(String kind) {
        int V = 6, E = 3, F = 2, H = 4, K = 3;
        SequenceTagger m = new SequenceTagger(embedding(V, E, 60), F, Fixtures.cell(kind, E + F, H, D, 61), dense(H, K, 62));
        int[][] ids = {{0, 5, 2}, {5, 5, 1}, {2, 0, 3}, {1, 0, 0}}; // repeated ids check the scatter-add
        INDArray f = randn(63, D, 4, 3, F);
        int[][] tags = {{0, 1, 2}, {2, 0, 1}, {1, 0, 0}, {0, 0, 0}};
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(ids, f, Fixtures.mask(MASK), tags));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @Test
    void taggerWithFeaturesOnly() {
        SequenceTagger m = new SequenceTagger(null, 3, Fixtures.cell("gru", 3, 4, D, 70), dense(4, 2, 71));
        INDArray f = randn(72, D, 3, 2, 3);
        int[][] tags = {{0, 1}, {1, 1}, {0, 0}};
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(null, f, null, tags));
        assertTrue(r.maxRelError() < TOL, r.toString());
    }

    @Test
    void taggerLossIgnoresPaddedSteps() {
        SequenceTagger m = new SequenceTagger(embedding(4, 2, 80), 0, Fixtures.cell("rnn", 2, 3, D, 81), dense(3, 2, 82));
        int[][] ids = {{0, 1}, {2, 3}};
        INDArray mask = Fixtures.mask(new double[][] {{1, 1}, {1, 0}});
        double a = m.loss(ids, null, mask, new int[][] {{0, 1}, {1, 0}});
        double b = m.loss(ids, null, mask, new int[][] {{0, 1}, {1, 1}}); // only the padded tag differs
        assertEquals(a, b, 1e-12);
    }

    @Test
    void teacherInputsShiftTargetsRight() {
        int[][] in = Decoder.teacherInputs(new int[][] {{5, 6}, {7, 8}, {9, 1}}, 0);
        assertArrayEquals(new int[][] {{0, 0}, {5, 6}, {7, 8}}, in);
    }

    @Test
    void greedyFeedsBackItsOwnOutputAndStopsAtEnd() {
        // logits depend on the input only through the RNN state: use an RNN with identity input weights and a read-out
        int V = 5, H = 5;
        Embedding e = new Embedding(V, V, D, Init.zeros());
        e.E().value().assign(org.nd4j.linalg.factory.Nd4j.eye(V).castTo(D).muli(3.0));
        RnnCell c = new RnnCell(V, H, D, Init.zeros());
        c.params().value("W_xh").assign(org.nd4j.linalg.factory.Nd4j.eye(V).castTo(D)); // h_t ≈ tanh(3·onehot(prev))
        Dense out = new Dense(H, V, D, Init.zeros());
        INDArray W = out.W().value();
        for (int k = 0; k < V; k++) {
            W.putScalar(k, (k + 1) % V, 10.0); // after symbol k comes k + 1
        }
        Decoder d = new Decoder(e, 0, c, out);
        State h0 = State.of(org.nd4j.linalg.factory.Nd4j.zeros(D, 2, H));
        // two sequences from start symbol 1: 2, 3, then the end symbol 4 stops them
        int[][] y = d.greedy(h0, null, 1, 4, 10);
        assertArrayEquals(new int[] {2, 3}, y[0]);
        assertArrayEquals(new int[] {2, 3}, y[1]);
        // without reaching the end symbol, maxLen stops it
        int[][] y2 = d.greedy(State.of(org.nd4j.linalg.factory.Nd4j.zeros(D, 1, H)), null, 1, 0, 3);
        assertArrayEquals(new int[] {2, 3, 4}, y2[0]);
    }

    @Test
    void seq2seqLearnsToReverseShortSequences() {
        // 3 symbols, sequences of length 3, reversed; trained briefly it must beat chance (1/27 exact) by far
        NumpyRandom r = new NumpyRandom(0);
        int H = 24, V = 3, start = 3, end = 4;
        Decoder dec = new Decoder(new Embedding(5, 4, DataType.FLOAT, Init.uniform(r)), H,
                new GruCell(4 + H, H, DataType.FLOAT, Init.uniform(r)), new Dense(H, 5, DataType.FLOAT, Init.uniform(r)));
        Seq2Seq m = new Seq2Seq(new Embedding(V, 4, DataType.FLOAT, Init.uniform(r)), new GruCell(4, H, DataType.FLOAT, Init.uniform(r)), dec);
        Adam adam = new Adam(0.02);
        int B = 32;
        for (int step = 0; step < 150; step++) {
            int[][] src = new int[3][B];
            int[][] out = new int[4][B];
            for (int n = 0; n < B; n++) {
                for (int t = 0; t < 3; t++) {
                    src[t][n] = (int) r.randint(V);
                }
                for (int t = 0; t < 3; t++) {
                    out[t][n] = src[2 - t][n];
                }
                out[3][n] = end;
            }
            m.forwardBackward(src, null, Decoder.teacherInputs(out, start), out, null);
            adam.step(m.params());
        }
        int correct = 0, total = 27;
        int[][] src = new int[3][total];
        for (int n = 0; n < total; n++) {
            src[0][n] = n / 9;
            src[1][n] = (n / 3) % 3;
            src[2][n] = n % 3;
        }
        int[][] y = m.greedy(src, null, start, end, 6);
        for (int n = 0; n < total; n++) {
            if (java.util.Arrays.equals(y[n], new int[] {src[2][n], src[1][n], src[0][n]})) {
                correct++;
            }
        }
        assertTrue(correct >= 24, "reversed exactly: " + correct + " of 27");
    }

    @Test
    void badShapesAreRejectedBilingually() {
        Decoder dec = decoder("gru", 4, 2, 0, 3, 90);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Seq2Seq(embedding(5, 2, 91), Fixtures.cell("gru", 2, 5, D, 92), dec));
        assertTrue(e.getMessage().contains("hidden") && e.getMessage().contains("decoder"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Decoder(embedding(4, 2, 93), 1, Fixtures.cell("gru", 2, 3, D, 94), dense(3, 4, 95)));
        Params unused = dec.params();
        assertTrue(unused.size() > 0);
    }
}
