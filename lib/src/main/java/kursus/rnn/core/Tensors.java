package kursus.rnn.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small array helpers shared by the layers: dtype conversion, contiguous row blocks, matrix products. */
public final class Tensors {
    private Tensors() {}

    /** Whether {@link #gemm} may call OpenBLAS directly (system property {@code kursus.rnn.directGemm}, default true). */
    static final boolean DIRECT = !"false".equalsIgnoreCase(System.getProperty("kursus.rnn.directGemm", "true"));

    /** {@code x} itself when it already has type {@code dt}, else a converted copy. */
    public static INDArray as(DataType dt, INDArray x) {
        return x.dataType() == dt ? x : x.castTo(dt);
    }

    /** {@code x} itself when it is contiguous in C order, else a C-order copy. */
    public static INDArray contiguous(INDArray x) {
        return Flat.isContiguous(x) ? x : x.dup('c');
    }

    /** {@code x} converted to {@code dt} and made contiguous (no copy when it already is both). */
    public static INDArray asContiguous(DataType dt, INDArray x) {
        return contiguous(as(dt, x));
    }

    /** Rows {@code [from, to)} of a C-order matrix: a contiguous view (writes go to {@code m}). */
    public static INDArray rows(INDArray m, long from, long to) {
        return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /**
     * {@code c = a·b + beta·c} (each operand optionally transposed) written into {@code c}.
     *
     * <p>Why not {@code a.mmuli(b, c)}: on ND4J 1.0.0-M2.1 the BLAS call through {@code Nd4j.gemm}
     * was measured 1.5–2.5× faster for the shapes an RNN step uses, and {@code beta = 1}
     * accumulates without a temporary array. For 2-D contiguous FLOAT/DOUBLE arrays the product goes
     * straight to OpenBLAS ({@code cblas_sgemm}/{@code cblas_dgemm}), skipping ND4J's per-call op
     * construction (10–50 µs); {@code -Dkursus.rnn.directGemm=false} turns that off.
     */
    public static INDArray gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        if (DIRECT && DirectGemm.gemm(a, transA, b, transB, c, beta)) {
            return c;
        }
        return Nd4j.gemm(a, b, c, transA, transB, 1.0, beta);
    }

    /** A new zero array of type {@code dt}, C order. */
    public static INDArray zeros(DataType dt, long... shape) {
        return Nd4j.zeros(dt, shape);
    }
}
