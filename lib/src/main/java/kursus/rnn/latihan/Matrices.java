package kursus.rnn.latihan;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plain-Java matrix maths of the exercise checks ({@code double[rows][cols]}), so that a check's
 * reference answer never depends on the ND4J code the student is learning.
 */
final class Matrices {
    private Matrices() {}

    /** The matrix product {@code a · b}. */
    static double[][] mm(double[][] a, double[][] b) {
        int n = a.length, k = b.length, m = b[0].length;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double v = a[i][p];
                for (int j = 0; j < m; j++) {
                    r[i][j] += v * b[p][j];
                }
            }
        }
        return r;
    }

    /** The transpose {@code aᵀ}. */
    static double[][] tr(double[][] a) {
        double[][] r = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[j][i] = a[i][j];
            }
        }
        return r;
    }

    /** {@code f} applied to every entry, in a new matrix. */
    static double[][] map(double[][] a, DoubleUnaryOperator f) {
        double[][] r = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[i][j] = f.applyAsDouble(a[i][j]);
            }
        }
        return r;
    }

    /** {@code f} applied to the entries of {@code a} and {@code b} (same size) pairwise, in a new matrix. */
    static double[][] zip(double[][] a, double[][] b, DoubleBinaryOperator f) {
        double[][] r = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[i][j] = f.applyAsDouble(a[i][j], b[i][j]);
            }
        }
        return r;
    }

    static double[][] add(double[][] a, double[][] b) {
        return zip(a, b, Double::sum);
    }

    static double[][] scale(double[][] a, double s) {
        return map(a, v -> v * s);
    }

    static double[][] tanh(double[][] a) {
        return map(a, Math::tanh);
    }

    /** Max over entries of |a − b| / max(|a| + |b|, 1e-8); infinite when the sizes differ. */
    static double relErr(double[][] a, double[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double d = Math.abs(a[i][j] - b[i][j]);
                double r = d / Math.max(Math.abs(a[i][j]) + Math.abs(b[i][j]), 1e-8);
                if (!(r <= worst)) {
                    worst = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
                }
            }
        }
        return worst;
    }

    /** A DOUBLE {@link INDArray} holding {@code m}. */
    static INDArray nd(double[][] m) {
        return Nd4j.create(m).castTo(DataType.DOUBLE);
    }

    /** The entries of {@code a} (any layout) as an {@code r × c} matrix in C order. */
    static double[][] toMatrix(INDArray a, int r, int c) {
        double[] flat = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] m = new double[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, m[i], 0, c);
        }
        return m;
    }
}
