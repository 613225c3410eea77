package kursus.rnn.nn;

import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.check.GradCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The ready-made models' forwardBackward agrees with finite differences, padding masks included. */
class ModelGradientTest {
    static final DataType D = DataType.DOUBLE;
    static final double TOL = 1e-6;
    // three sequences of lengths 4, 2, 3 (right-padded)
    static final double[][] MASK = {{1, 1, 1}, {1, 1, 1}, {1, 0, 1}, {1, 0, 0}};

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void manyToManyOneHotWithMask(String kind) {
        int V = 5, H = 4;
        Dense out = new Dense(H, V, D, Init.zeros());
        Fixtures.randomize(out.params(), 7, 0.5);
        CharLanguageModel lm = new CharLanguageModel(Fixtures.cell(kind, V, H, D, 3), out);
        int[][] x = {{0, 1, 2}, {3, 4, 0}, {1, 1, 4}, {2, 0, 3}};
        int[][] y = {{1, 2, 3}, {4, 0, 1}, {1, 4, 2}, {0, 3, 3}};
        INDArray mask = Fixtures.mask(MASK);
        GradCheck.Report r = GradCheck.check(lm.params(), () -> {
            lm.resetState();
            return lm.forwardBackward(x, y, mask);
        });
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void manyToManyEmbeddingFromCarriedState(String kind) {
        int V = 6, E = 3, H = 4;
        Embedding emb = new Embedding(V, E, D, Init.zeros());
        Fixtures.randomize(emb.params(), 11, 1.0);
        Dense out = new Dense(H, V, D, Init.zeros());
        Fixtures.randomize(out.params(), 12, 0.5);
        CharLanguageModel lm = new CharLanguageModel(emb, Fixtures.cell(kind, E, H, D, 13), out);
        int[][] x = {{0, 5}, {5, 5}, {2, 1}}; // a repeated id checks the scatter-add
        int[][] y = {{5, 1}, {2, 3}, {4, 4}};
        lm.forwardBackward(y, x); // leaves a non-zero carried state
        State carried = lm.state();
        GradCheck.Report r = GradCheck.check(lm.params(), () -> {
            lm.resetState();
            lm.params().zeroGrad();
            // same chunk from the same carried state every time
            return forwardFrom(lm, carried, x, y);
        });
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    /** forwardBackward starting from {@code s} (sets the carried state first). */
    static double forwardFrom(CharLanguageModel lm, State s, int[][] x, int[][] y) {
        lm.resetState();
        lm.setState(s);
        return lm.forwardBackward(x, y);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void manyToOneClassesWithPadding(String kind) {
        int I = 3, H = 4, C = 3;
        Dense head = new Dense(H, C, D, Init.zeros());
        Fixtures.randomize(head.params(), 21, 0.5);
        SequenceClassifier m = new SequenceClassifier(null, Fixtures.cell(kind, I, H, D, 22), head, SequenceClassifier.Task.CLASSES);
        INDArray x = randn(23, D, 4, 3, I);
        INDArray mask = Fixtures.mask(MASK);
        int[] labels = {2, 0, 1};
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(x, mask, labels));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void manyToOneBinaryWithEmbedding(String kind) {
        Embedding emb = new Embedding(7, 3, D, Init.zeros());
        Fixtures.randomize(emb.params(), 31, 1.0);
        Dense head = new Dense(4, 1, D, Init.zeros());
        Fixtures.randomize(head.params(), 32, 0.5);
        SequenceClassifier m = new SequenceClassifier(emb, Fixtures.cell(kind, 3, 4, D, 33), head, SequenceClassifier.Task.BINARY);
        int[][] ids = {{1, 2, 6}, {3, 3, 0}, {6, 0, 5}, {2, 0, 0}};
        INDArray targets = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{1}, {0}, {1}});
        INDArray mask = Fixtures.mask(MASK);
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(ids, mask, targets));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm"})
    void manyToOneRegression(String kind) {
        Dense head = new Dense(4, 2, D, Init.zeros());
        Fixtures.randomize(head.params(), 41, 0.5);
        SequenceClassifier m = new SequenceClassifier(null, Fixtures.cell(kind, 2, 4, D, 42), head, SequenceClassifier.Task.REGRESSION);
        INDArray x = randn(43, D, 5, 3, 2);
        INDArray targets = randn(44, D, 3, 2);
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(x, null, targets));
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }
}
