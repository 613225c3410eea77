package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Init.orthogonal: Q Qᵀ = I, and ρ·Q has spectral norm ρ (lesson 04's W_hh = ρQ). */
class OrthogonalTest {

    @Test
    void rowsAreOrthonormal() {
        INDArray q = Init.orthogonal(new NumpyRandom(0), DataType.DOUBLE, 16); // [16, 16]
        INDArray qqt = q.mmul(q.transpose());
        INDArray eye = Nd4j.eye(16).castTo(DataType.DOUBLE);
        assertEquals(0.0, qqt.sub(eye).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void firstRowIsTheNormalisedFirstGaussianRow() {
        // Gram-Schmidt leaves the direction of the first row unchanged
        double[] g = new NumpyRandom(3).randn(DataType.DOUBLE, 4, 4).getRow(0).toDoubleVector();
        double n = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3]);
        double[] q0 = Init.orthogonal(new NumpyRandom(3), DataType.DOUBLE, 4).getRow(0).toDoubleVector();
        assertArrayEquals(new double[] {g[0] / n, g[1] / n, g[2] / n, g[3] / n}, q0, 1e-12);
    }

    @Test
    void scaledByRhoEveryVectorIsStretchedByExactlyRho() {
        // ||v (rho Q)|| = rho ||v|| for every v: spectral norm (and, Q being normal, spectral radius) = rho
        INDArray w = Init.orthogonal(new NumpyRandom(1), DataType.DOUBLE, 8).muli(1.5);
        for (int seed = 0; seed < 5; seed++) {
            INDArray v = new NumpyRandom(100 + seed).randn(DataType.DOUBLE, 1, 8);
            assertEquals(1.5 * v.norm2Number().doubleValue(), v.mmul(w).norm2Number().doubleValue(), 1e-12);
        }
    }

    @Test
    void sameSeedSameMatrixAndFloatIsTheCastDouble() {
        INDArray a = Init.orthogonal(new NumpyRandom(7), DataType.DOUBLE, 5);
        INDArray f = Init.orthogonal(new NumpyRandom(7), DataType.FLOAT, 5);
        assertEquals(DataType.FLOAT, f.dataType());
        assertEquals(a.castTo(DataType.FLOAT), f);
        assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(new NumpyRandom(7), DataType.DOUBLE, 0));
    }
}
