package kursus.rnn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bulk copies of a Flat view read and write exactly the view's elements (also for row blocks with an offset). */
class FlatBulkTest {
    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void copyToAndFromTouchOnlyTheView(String type) {
        DataType dt = DataType.valueOf(type);
        INDArray big = Nd4j.create(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}).castTo(dt);
        Flat f = Flat.of(Tensors.rows(big, 1, 3)); // rows 1..2: 3, 4, 5, 6
        double[] got = new double[4];
        f.copyTo(got);
        assertArrayEquals(new double[] {3, 4, 5, 6}, got, 0.0);
        f.copyFrom(new double[] {-1, -2, -3, 0.1});
        assertArrayEquals(new double[] {1, 2, -1, -2, -3, dt == DataType.FLOAT ? (float) 0.1 : 0.1, 7, 8},
                big.castTo(DataType.DOUBLE).reshape(8).toDoubleVector(), 0.0);
        assertEquals(4, f.length);
    }
}
