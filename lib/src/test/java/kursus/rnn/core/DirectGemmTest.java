package kursus.rnn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The direct OpenBLAS product equals ND4J's, for every transpose, beta, and row-block views with offsets. */
class DirectGemmTest {
    enum Type { FLOAT, DOUBLE }

    static INDArray rand(NumpyRandom rng, DataType dt, int rows, int cols) {
        return rng.randn(DataType.DOUBLE, rows, cols).castTo(dt);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void equalsNd4jGemmForTransposesBetasAndRowViews(Type type) {
        DataType dt = DataType.valueOf(type.name());
        double tol = dt == DataType.FLOAT ? 1e-4 : 1e-12;
        NumpyRandom rng = new NumpyRandom(11);
        int[][] shapes = {{3, 4, 5}, {1, 7, 2}, {32, 128, 64}, {5, 1, 3}};
        for (int[] s : shapes) {
            int M = s[0], K = s[1], N = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (double beta : new double[] {0.0, 1.0}) {
                        // operands as row blocks of bigger arrays: non-zero offsets, as the cells use them
                        INDArray bigA = rand(rng, dt, (ta ? K : M) + 3, ta ? M : K);
                        INDArray a = Tensors.rows(bigA, 2, 2 + (ta ? K : M));
                        INDArray bigB = rand(rng, dt, (tb ? N : K) + 1, tb ? K : N);
                        INDArray b = Tensors.rows(bigB, 1, 1 + (tb ? N : K));
                        INDArray bigC = rand(rng, dt, M + 4, N);
                        INDArray c1 = Tensors.rows(bigC.dup(), 4, 4 + M);
                        INDArray c2 = Tensors.rows(bigC.dup(), 4, 4 + M);
                        assertTrue(DirectGemm.gemm(a, ta, b, tb, c1, beta), "fast path expected");
                        Nd4j.gemm(a, b, c2, ta, tb, 1.0, beta);
                        double diff = c1.castTo(DataType.DOUBLE).sub(c2.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
                        assertEquals(0.0, diff, tol, "M,K,N=" + M + "," + K + "," + N + " ta=" + ta + " tb=" + tb + " beta=" + beta);
                    }
                }
            }
        }
    }

    @Test
    void rowsOutsideTheOutputViewAreNotTouched() {
        NumpyRandom rng = new NumpyRandom(12);
        INDArray big = rand(rng, DataType.FLOAT, 6, 3);
        INDArray before = big.dup();
        INDArray c = Tensors.rows(big, 2, 4);
        assertTrue(DirectGemm.gemm(rand(rng, DataType.FLOAT, 2, 5), false, rand(rng, DataType.FLOAT, 5, 3), false, c, 0.0));
        for (int r : new int[] {0, 1, 4, 5}) {
            assertEquals(0.0, big.getRow(r).sub(before.getRow(r)).amaxNumber().doubleValue(), 0.0, "row " + r);
        }
    }

    @Test
    void otherCasesAreLeftToNd4j() {
        NumpyRandom rng = new NumpyRandom(13);
        INDArray a = rand(rng, DataType.DOUBLE, 3, 4), b = rand(rng, DataType.DOUBLE, 4, 2);
        assertFalse(DirectGemm.gemm(a, false, b.castTo(DataType.FLOAT), false, Nd4j.zeros(DataType.DOUBLE, 3, 2), 0.0), "mixed types");
        assertFalse(DirectGemm.gemm(a, false, b, false, Nd4j.zeros(DataType.DOUBLE, 3, 3), 0.0), "shape mismatch");
        INDArray strided = rand(rng, DataType.DOUBLE, 4, 6).get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
        assertFalse(DirectGemm.gemm(a, false, strided, false, Nd4j.zeros(DataType.DOUBLE, 3, 2), 0.0), "column view");
        // and Tensors.gemm still computes those through ND4J
        INDArray c = Tensors.gemm(a, false, strided, false, Nd4j.zeros(DataType.DOUBLE, 3, 2), 0.0);
        assertEquals(0.0, c.sub(a.mmul(strided.dup())).amaxNumber().doubleValue(), 1e-12);
    }
}
