package kursus.rnn.core;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A contiguous C-order FLOAT array in native memory, addressed by flat element index, for the fast
 * float32 training path: bulk copies between it and plain {@code float[]} arrays (where the
 * element-wise rules run, in loops the JIT vectorises) and matrix products on row blocks of it
 * straight through OpenBLAS's {@code cblas_sgemm} (no ND4J view or op per call: a row block is just
 * an element offset).
 *
 * <p>The buffer does not keep the array alive, so every method fences {@link #array}.
 */
public final class F32 {
    /** The array whose memory this addresses. */
    public final INDArray array;
    private final FloatBuffer buf;
    private final int off;
    /** Number of elements. */
    public final int length;

    private F32(INDArray a) {
        if (a.dataType() != DataType.FLOAT || !Flat.isContiguous(a)) {
            throw Msg.badState("F32: harus array FLOAT bersebelahan", "F32: expected a contiguous FLOAT array");
        }
        this.array = a;
        this.buf = Flat.floatBuffer(a);
        this.off = (int) a.offset();
        this.length = (int) a.length();
    }

    /** A view of {@code a} (contiguous, FLOAT). */
    public static F32 of(INDArray a) {
        return new F32(a);
    }

    /** A new zero {@code [rows, cols]} FLOAT array. */
    public static F32 zeros(long rows, long cols) {
        return new F32(Nd4j.zeros(DataType.FLOAT, rows, cols));
    }

    /** Copies {@code len} elements starting at {@code from} into {@code dst[dstOff..]}. */
    public void get(int from, float[] dst, int dstOff, int len) {
        buf.get(off + from, dst, dstOff, len);
        Reference.reachabilityFence(array);
    }

    /** Copies {@code src[srcOff .. srcOff + len)} into the elements starting at {@code to}. */
    public void put(int to, float[] src, int srcOff, int len) {
        buf.put(off + to, src, srcOff, len);
        Reference.reachabilityFence(array);
    }

    private static final float[] ZEROS = new float[4096];

    /** Sets every element to 0. */
    public void fillZero() {
        for (int i = 0; i < length; i += ZEROS.length) {
            put(i, ZEROS, 0, Math.min(ZEROS.length, length - i));
        }
    }

    /** All elements as a new {@code float[]}. */
    public float[] toArray() {
        float[] out = new float[length];
        get(0, out, 0, length);
        return out;
    }

    /** Adds {@code src[0..len)} into the elements starting at {@code to} (read, add, write back). */
    public void addFrom(int to, float[] src, int len) {
        float[] tmp = new float[len];
        get(to, tmp, 0, len);
        for (int i = 0; i < len; i++) {
            tmp[i] += src[i];
        }
        put(to, tmp, 0, len);
    }

    private FloatBuffer at(int element) {
        return buf.duplicate().position(off + element).slice();
    }

    /**
     * {@code C = op(A)·op(B) + beta·C} on row blocks: {@code A} is the {@code [rows, lda]} matrix whose
     * first element is {@code a.get(aAt)} (row-major; {@code lda} its row length), likewise {@code B}
     * and {@code C}; {@code op(A)} is {@code [M, K]}, {@code op(B)} {@code [K, N]}, {@code C}
     * {@code [M, N]}.
     */
    public static void gemm(boolean transA, boolean transB, int M, int N, int K,
            F32 a, int aAt, int lda, F32 b, int bAt, int ldb, float beta, F32 c, int cAt, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                M, N, K, 1.0f, a.at(aAt), lda, b.at(bAt), ldb, beta, c.at(cAt), ldc);
        Reference.reachabilityFence(a.array);
        Reference.reachabilityFence(b.array);
        Reference.reachabilityFence(c.array);
    }

    // ---------------------------------------------------------------- float activations

    /**
     * {@code tanh(x)} in float precision without a branch or {@code exp}, so that loops over
     * {@code float[]} using it vectorise: a [13/6] rational approximation on {@code [−7.9, 7.9]}
     * (outside it tanh rounds to ±1 in float), the one of Eigen's {@code generic_fast_tanh_float}.
     * Within a few float ulp of {@code Math.tanh} (tested).
     */
    public static float tanh(float x) {
        x = Math.max(-7.90531110763549805f, Math.min(7.90531110763549805f, x));
        float x2 = x * x;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = p * x2 + -8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        p = x * p;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return p / q;
    }

    /** {@code σ(x) = (1 + tanh(x/2)) / 2} (the same identity as {@code 1/(1+e^{−x})}), branch-free. */
    public static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** {@code x[i] = σ(x[i])} for {@code i} in {@code [from, to)}: a short loop of its own, which the JIT vectorises. */
    public static void sigmoid(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = sigmoid(x[i]);
        }
    }

    /** {@code x[i] = tanh(x[i])} for {@code i} in {@code [from, to)} (vectorised like {@link #sigmoid(float[], int, int)}). */
    public static void tanh(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = tanh(x[i]);
        }
    }

    /**
     * {@code e^x} for {@code x ≤ 0} from the identity {@code e^x = (1 + t) / (1 − t)}, {@code t = tanh(x/2)}:
     * absolute error below 1e-6 (tested), branch-free, so a softmax over {@code float[]} vectorises.
     * Meant for probabilities after subtracting the row maximum, where absolute accuracy is what counts.
     */
    public static float expNonPositive(float x) {
        float t = tanh(0.5f * x);
        return (1 + t) / (1 - t);
    }
}
