package kursus.rnn.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ScalerTest {
    // Oracle values computed once with numpy: (X - X.mean(0)) / X.std(0) and a min-max to [-1, 1].
    private static final double[][] X = {{1, 10}, {2, 30}, {4, 20}, {9, 40}};
    private static final double[][] STANDARD = {
        {-0.97332853, -1.34164079}, {-0.64888568, 0.4472136}, {0.0, -0.4472136}, {1.62221421, 1.34164079}};
    private static final double[][] MINMAX_PM1 = {{-1, -1}, {-0.75, 0.33333333}, {-0.25, -0.33333333}, {1, 1}};

    @Test
    void minMaxMapsTheTrainingRangeOntoZeroOne() {
        assertArrayEquals(new double[] {0, 0.5, 1}, new MinMaxScaler().fitTransform(new double[] {2, 4, 6}), 1e-12);
    }

    @Test
    void minMaxPerColumnMatchesNumpy() {
        double[][] got = new MinMaxScaler(-1, 1).fitTransform(X);
        for (int i = 0; i < X.length; i++) {
            assertArrayEquals(MINMAX_PM1[i], got[i], 1e-8);
        }
    }

    @Test
    void standardPerColumnMatchesNumpy() {
        double[][] got = new StandardScaler().fitTransform(X);
        for (int i = 0; i < X.length; i++) {
            assertArrayEquals(STANDARD[i], got[i], 1e-8);
        }
    }

    @Test
    void inverseTransformUndoesTransform() {
        double[] prices = {1410.5, 1399.2, 1455.0, 1380.75};
        for (Scaler s : new Scaler[] {new MinMaxScaler(), new StandardScaler()}) {
            s.fit(prices);
            assertArrayEquals(prices, s.inverseTransform(s.transform(prices)), 1e-9);
        }
    }

    @Test
    void valuesOutsideTheTrainingRangeLeaveZeroOne() {
        MinMaxScaler s = new MinMaxScaler().fit(new double[] {0, 10});
        assertArrayEquals(new double[] {1.5, -0.5}, s.transform(new double[] {15, -5}), 1e-12);
    }

    @Test
    void arrayFeaturesAreOnTheLastAxis() {
        // [N=2, T=2, F=2]; feature 0 takes 1,2,3,4 and feature 1 takes 10,20,30,40
        INDArray x = Nd4j.create(new double[] {1, 10, 2, 20, 3, 30, 4, 40}, new long[] {2, 2, 2}, DataType.FLOAT);
        MinMaxScaler s = new MinMaxScaler().fit(x);
        assertArrayEquals(new double[] {1, 10}, s.dataMin(), 0);
        assertArrayEquals(new double[] {4, 40}, s.dataMax(), 0);
        INDArray y = s.transform(x);
        assertArrayEquals(x.shape(), y.shape());
        assertEquals(DataType.FLOAT, y.dataType());
        assertEquals(2.0 / 3.0, y.getDouble(1, 0, 0), 1e-6);
        assertEquals(2.0 / 3.0, y.getDouble(1, 0, 1), 1e-6);
        assertArrayEquals(x.dup().data().asDouble(), s.inverseTransform(y).data().asDouble(), 1e-5);
    }

    @Test
    void inverseOfOneFeatureReadsPredictionsBack() {
        StandardScaler s = new StandardScaler().fit(X);
        double[] col1Scaled = {STANDARD[0][1], STANDARD[3][1]};
        assertArrayEquals(new double[] {10, 40}, s.inverseTransform(col1Scaled, 1), 1e-6);
    }

    @Test
    void useBeforeFitIsABadState() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StandardScaler().transform(new double[] {1}));
        assertTrue(e.getMessage().contains("before fit"), e.getMessage());
        assertTrue(e.getMessage().contains("[ID]"));
    }

    @Test
    void wrongNumberOfFeaturesIsRejected() {
        MinMaxScaler s = new MinMaxScaler().fit(X);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.transform(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("3 features") && e.getMessage().contains("2 features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.transform(new double[] {1, 2}));
    }

    @Test
    void constantFeatureDoesNotDivideByZero() {
        assertArrayEquals(new double[] {0, 0}, new MinMaxScaler().fitTransform(new double[] {3, 3}), 0);
        assertArrayEquals(new double[] {0, 0}, new StandardScaler().fitTransform(new double[] {3, 3}), 0);
    }

    @Test
    void nanInTrainingDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StandardScaler().fit(new double[] {1, Double.NaN}));
    }
}
