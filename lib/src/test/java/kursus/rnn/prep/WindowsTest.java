package kursus.rnn.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class WindowsTest {
    private static final double[] S = {10, 11, 12, 13, 14, 15};

    @Test
    void seqToOnePredictsTheNextValue() {
        Windows.Samples w = Windows.seqToOne(S, 3);
        assertEquals(3, w.size());
        assertArrayEquals(new double[][] {{10}, {11}, {12}}, w.window(0));
        assertArrayEquals(new double[] {13, 14, 15}, w.targets(), 0);
        assertArrayEquals(new int[] {3, 4, 5}, w.targetPositions());
    }

    @Test
    void batchMajorAndTimeMajorLayoutsHoldTheSameValues() {
        Windows.Samples w = Windows.seqToOne(S, 3);
        INDArray x = w.x();
        INDArray xt = w.xTimeMajor();
        assertArrayEquals(new long[] {3, 3, 1}, x.shape());
        assertArrayEquals(new long[] {3, 3, 1}, xt.shape());
        for (int n = 0; n < 3; n++) {
            for (int t = 0; t < 3; t++) {
                assertEquals(S[n + t], x.getDouble(n, t, 0), 0);
                assertEquals(S[n + t], xt.getDouble(t, n, 0), 0);
            }
        }
        assertArrayEquals(new long[] {3, 1}, w.y().shape());
    }

    @Test
    void timeMajorShapeDiffersWhenNDiffersFromT() {
        Windows.Samples w = Windows.seqToOne(S, 2); // N = 4, T = 2
        assertArrayEquals(new long[] {4, 2, 1}, w.x().shape());
        assertArrayEquals(new long[] {2, 4, 1}, w.xTimeMajor().shape());
        assertEquals(S[3 + 1], w.xTimeMajor().getDouble(1, 3, 0), 0);
    }

    @Test
    void horizonSkipsAhead() {
        Windows.Samples w = Windows.seqToOne(S, 3, 2); // [10 11 12] -> 14
        assertArrayEquals(new double[] {14, 15}, w.targets(), 0);
    }

    @Test
    void severalFeaturesPredictOneTarget() {
        double[][] f = {{1, 100}, {2, 200}, {3, 300}, {4, 400}};
        double[] close = {1.5, 2.5, 3.5, 4.5};
        Windows.Samples w = Windows.seqToOne(f, close, 2);
        assertEquals(2, w.features());
        assertArrayEquals(new long[] {2, 2, 2}, w.x().shape());
        assertEquals(300, w.xTimeMajor().getDouble(1, 1, 1), 0); // window 1, step 1 = row 2
        assertArrayEquals(new double[] {3.5, 4.5}, w.targets(), 0);
    }

    @Test
    void seqToSeqPredictsTheNextBlock() {
        Windows.Samples w = Windows.seqToSeq(S, 3, 2);
        assertEquals(2, w.size());
        assertArrayEquals(new double[] {13, 14}, w.target(0), 0);
        assertArrayEquals(new long[] {2, 2}, w.y().shape());
        assertArrayEquals(new long[] {2, 2, 1}, w.yTimeMajor().shape());
        assertEquals(15, w.yTimeMajor().getDouble(1, 1, 0), 0);
    }

    @Test
    void shiftedTargetsAreTheInputsOneStepLater() {
        Windows.Samples w = Windows.shifted(S, 4);
        assertEquals(2, w.size());
        assertArrayEquals(new double[] {11, 12, 13, 14}, w.target(0), 0);
        assertArrayEquals(new double[] {12, 13, 14, 15}, w.target(1), 0);
    }

    @Test
    void tooShortSeriesSaysHowManyValuesAreNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Windows.seqToOne(S, 6));
        assertTrue(e.getMessage().contains("needs 7 values"), e.getMessage());
    }

    @Test
    void rangeAndSubsetSelectWindows() {
        Windows.Samples w = Windows.seqToOne(S, 2);
        assertArrayEquals(new double[] {13, 14}, w.range(1, 3).targets(), 0);
        assertArrayEquals(new double[] {15, 12}, w.subset(new int[] {3, 0}).targets(), 0);
        assertThrows(IllegalArgumentException.class, () -> w.range(2, 2));
    }
}
