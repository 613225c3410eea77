package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.check.GradCheck;
import kursus.rnn.optim.Adam;
import kursus.rnn.prep.Windows;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.train.History;
import kursus.rnn.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class SequenceRegressorTest {
    private static final DataType D = DataType.DOUBLE;

    private static double[] series(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sin(0.3 * i) + 0.1 * Math.cos(1.7 * i);
        }
        return s;
    }

    private static SequenceRegressor model(int features, int hidden, int outputs, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        return new SequenceRegressor(new LstmCell(features, hidden, D, Init.uniform(rng)),
                new Dense(hidden, outputs, D, Init.uniform(rng)));
    }

    @Test
    void theLossOfABatchIsTheMeanOfTheLossOfEachWindowAloneEvenWhenNEqualsT() {
        Windows.Samples s = Windows.seqToOne(series(12), 6); // N = 6 windows of T = 6 steps: the ambiguous case
        assertEquals(s.size(), s.windowLength());
        SequenceRegressor m = model(1, 4, 1, 1);
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += m.loss(s.subset(new int[] {i}));
        }
        assertEquals(sum / s.size(), m.loss(s), 1e-12);
        assertEquals(sum / s.size(), m.forwardBackward(s), 1e-12);
        double[] one = m.predictValues(s.range(2, 3));
        assertEquals(one[0], m.predictValues(s)[2], 1e-12);
    }

    @Test
    void aZeroWeightHeadPredictsItsBiasAndTheLossIsTheHandComputedMse() {
        NumpyRandom rng = new NumpyRandom(2);
        Dense head = new Dense(3, 1, D, Init.zeros());
        head.b().value().putScalar(0, 0.25);
        SequenceRegressor m = new SequenceRegressor(new GruCell(1, 3, D, Init.uniform(rng)), head);
        Windows.Samples s = Windows.seqToOne(new double[] {0, 1, 2, 3, 4}, 2);
        double mse = (Math.pow(0.25 - 2, 2) + Math.pow(0.25 - 3, 2) + Math.pow(0.25 - 4, 2)) / 3;
        assertEquals(mse, m.loss(s), 1e-12);
    }

    @Test
    void theGradientMatchesFiniteDifferencesWithSeveralFeaturesAndOutputs() {
        double[] a = series(14);
        double[][] f = new double[a.length][2];
        for (int i = 0; i < a.length; i++) {
            f[i][0] = a[i];
            f[i][1] = a[i] * a[i];
        }
        Windows.Samples s = Windows.seqToSeq(a, 4, 2).subset(new int[] {0, 3, 5});
        SequenceRegressor m1 = model(1, 3, 2, 3);
        assertTrue(GradCheck.check(m1.params(), () -> m1.forwardBackward(s)).passed());
        Windows.Samples s2 = Windows.seqToOne(f, a, 4);
        SequenceRegressor m2 = model(2, 3, 1, 4);
        assertTrue(GradCheck.check(m2.params(), () -> m2.forwardBackward(s2)).passed());
    }

    @Test
    void batchMajorWindowsGivenToTheClassifierApiAreNamedNotTheTargets() {
        Windows.Samples s = Windows.seqToOne(series(20), 5); // N = 15, T = 5
        NumpyRandom rng = new NumpyRandom(5);
        SequenceClassifier c = new SequenceClassifier(null, new LstmCell(1, 3, DataType.FLOAT, Init.uniform(rng)),
                new Dense(3, 1, DataType.FLOAT, Init.uniform(rng)), SequenceClassifier.Task.REGRESSION);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.forwardBackward(s.x(), null, s.y()));
        assertTrue(e.getMessage().contains("looks batch-major [N=15, T=5, F]") && e.getMessage().contains("xTimeMajor()")
                && e.getMessage().contains("[ID]"), e.getMessage());
    }

    @Test
    void mismatchedFeaturesOrOutputsAreExplained() {
        Windows.Samples s = Windows.seqToSeq(series(20), 5, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(1, 3, 1, 1).forwardBackward(s));
        assertTrue(e.getMessage().contains("new Dense(hidden, 3"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> model(2, 3, 3, 1).loss(s));
        assertTrue(f.getMessage().contains("inputSize = 1"), f.getMessage());
    }

    @Test
    void shuffledBatchesCoverEveryWindowOnce() {
        Windows.Samples s = Windows.seqToOne(series(30), 4);
        List<Windows.Samples> b = s.shuffledBatches(8, new NumpyRandom(3));
        List<Integer> pos = new ArrayList<>();
        b.forEach(x -> { for (int p : x.targetPositions()) pos.add(p); });
        assertEquals(s.size(), pos.size());
        assertEquals(s.size(), pos.stream().distinct().count());
        assertEquals(4, s.sequentialBatches(8).get(0).targetPositions()[0]);
    }

    @Test
    void trainingOnASineWaveLowersTheLossTenfold() {
        Windows.Samples s = Windows.seqToOne(series(120), 10);
        SequenceRegressor m = model(1, 8, 1, 7);
        double before = m.loss(s);
        NumpyRandom rng = new NumpyRandom(1);
        History h = new Trainer(m.params(), new Adam(0.02)).progress(false)
                .fit(40, e -> s.shuffledBatches(32, rng), m::forwardBackward);
        assertTrue(m.loss(s) < before / 10, before + " -> " + m.loss(s) + " " + h);
    }
}
