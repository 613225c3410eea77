package kursus.rnn.core;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix product straight through OpenBLAS's {@code cblas_?gemm} (the same OpenBLAS library that
 * ND4J loads and calls for its own BLAS level 3), for 2-D, C-contiguous FLOAT or DOUBLE arrays.
 *
 * <p>Why: {@code Nd4j.gemm} builds a custom op per call, which costs 10–50 µs before any arithmetic
 * (measured on ND4J 1.0.0-M2.1); an LSTM training step makes one product per time step forward and
 * backward, so for small batches that fixed cost was a large share of the step. The arrays are
 * addressed exactly as {@link Flat} addresses them (buffer + element offset). Anything else
 * (other types, strided views, mismatched shapes) is left to ND4J: {@link #gemm} returns false.
 */
final class DirectGemm {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private DirectGemm() {}

    /** {@code c = op(a)·op(b) + beta·c} when the fast path applies; false (nothing done) otherwise. */
    static boolean gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        DataType dt = c.dataType();
        if ((dt != DataType.FLOAT && dt != DataType.DOUBLE) || a.dataType() != dt || b.dataType() != dt
                || a.rank() != 2 || b.rank() != 2 || c.rank() != 2
                || a.isEmpty() || b.isEmpty() || c.isEmpty()
                || !Flat.isContiguous(a) || !Flat.isContiguous(b) || !Flat.isContiguous(c)
                || a.length() > Integer.MAX_VALUE || b.length() > Integer.MAX_VALUE || c.length() > Integer.MAX_VALUE) {
            return false;
        }
        int aRows = (int) a.size(0), aCols = (int) a.size(1), bRows = (int) b.size(0), bCols = (int) b.size(1);
        int M = transA ? aCols : aRows, K = transA ? aRows : aCols;
        int Kb = transB ? bCols : bRows, N = transB ? bRows : bCols;
        if (K != Kb || c.size(0) != M || c.size(1) != N) {
            return false; // let ND4J report the shape error
        }
        if (c.data() == a.data() || c.data() == b.data()) {
            return false; // BLAS must not write into an operand
        }
        int ta = transA ? TRANS : NO_TRANS, tb = transB ? TRANS : NO_TRANS;
        if (dt == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta, tb, M, N, K, 1.0f, floats(a), aCols, floats(b), bCols,
                    (float) beta, floats(c), N);
        } else {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, ta, tb, M, N, K, 1.0, doubles(a), aCols, doubles(b), bCols,
                    beta, doubles(c), N);
        }
        Reference.reachabilityFence(a); // the buffers below do not keep the arrays alive
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(c);
        return true;
    }

    /** The array's elements as a direct buffer starting at its first element (as {@link Flat} reads them). */
    private static FloatBuffer floats(INDArray x) {
        FloatBuffer fb = Flat.floatBuffer(x);
        fb.position((int) x.offset());
        return fb.slice();
    }

    private static DoubleBuffer doubles(INDArray x) {
        DoubleBuffer db = Flat.doubleBuffer(x);
        db.position((int) x.offset());
        return db.slice();
    }
}
