package kursus.rnn.nn;

import kursus.rnn.core.F32;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input of a whole sequence as a cell's {@link RecurrentCell#forwardSequence} receives it,
 * already checked by {@link Recurrent}: {@code T} steps of {@code B} sequences, flattened
 * time-major (row {@code r = t·B + n} is step {@code t} of sequence {@code n}), plus the padding
 * mask. The inputs are either dense vectors {@code [T·B, input]} or vocabulary indices whose one-hot
 * vectors are the inputs (then {@code x_t · W_x} is simply row {@code id} of {@code W_x}).
 */
public final class SequenceInput {
    final int T;
    final int B;
    final int inputSize;
    final DataType dtype;
    /** Dense inputs {@code [T·B, input]}, contiguous, in the cell's dtype; null for indices. */
    final INDArray x2d;
    /** One-hot indices, length {@code T·B}; null for dense inputs. */
    final int[] ids;
    /** {@code [T·B]} 0/1 (1 = real step), or null when every step is real. */
    final double[] mask;

    private SequenceInput(int T, int B, int inputSize, DataType dtype, INDArray x2d, int[] ids, double[] mask) {
        this.T = T;
        this.B = B;
        this.inputSize = inputSize;
        this.dtype = dtype;
        this.x2d = x2d;
        this.ids = ids;
        this.mask = mask;
    }

    /** Dense inputs {@code x2d [T·B, input]} (contiguous, in the cell's dtype). */
    static SequenceInput dense(INDArray x2d, int T, int B, double[] mask) {
        return new SequenceInput(T, B, (int) x2d.size(1), x2d.dataType(), x2d, null, mask);
    }

    /** One-hot inputs given by their indices {@code ids [T·B]}, each in {@code [0, inputSize)}. */
    static SequenceInput oneHot(int[] ids, int T, int B, int inputSize, DataType dtype, double[] mask) {
        return new SequenceInput(T, B, inputSize, dtype, null, ids, mask);
    }

    /** Number of steps {@code T}. */
    public int length() {
        return T;
    }

    /** Number of sequences {@code B}. */
    public int batch() {
        return B;
    }

    /** Size of one input vector. */
    public int inputSize() {
        return inputSize;
    }

    /** True when the inputs are one-hot vectors given by indices (they have no gradient {@code dX}). */
    public boolean isOneHot() {
        return ids != null;
    }

    /** The input of step {@code t}, {@code x_t [B, input]} (a view for dense inputs, a new one-hot array for indices). */
    public INDArray step(int t) {
        if (x2d != null) {
            return Tensors.rows(x2d, (long) t * B, (long) (t + 1) * B);
        }
        INDArray x = Nd4j.zeros(dtype, B, inputSize);
        for (int n = 0; n < B; n++) {
            x.putScalar(n, ids[t * B + n], 1.0);
        }
        return x;
    }

    /** True when some steps are padding. */
    public boolean hasMask() {
        return mask != null;
    }

    /** Whether step {@code t} of sequence {@code n} is real (not padding). */
    public boolean on(int t, int n) {
        return mask == null || mask[t * B + n] != 0.0;
    }

    /** {@code out = X · W_x} for every row at once: {@code [T·B, input]·[input, k] → [T·B, k]}. */
    void project(INDArray Wx, INDArray out) {
        if (x2d != null) {
            Tensors.gemm(x2d, false, Wx, false, out, 0.0);
            return;
        }
        // one-hot row times W_x = the row of W_x at the index
        int k = (int) Wx.size(1);
        Flat w = Flat.of(Wx);
        Flat o = Flat.of(out);
        for (int r = 0; r < ids.length; r++) {
            int src = ids[r] * k;
            int dst = r * k;
            for (int j = 0; j < k; j++) {
                o.set(dst + j, w.get(src + j));
            }
        }
    }

    /** {@code dW_x += Xᵀ · dA}; for one-hot inputs a scatter-add of the rows of {@code dA}. */
    void accumulateWeightGrad(INDArray dA, INDArray dWx) {
        if (x2d != null) {
            Tensors.gemm(x2d, true, dA, false, dWx, 1.0);
            return;
        }
        int k = (int) dA.size(1);
        Flat g = Flat.of(dA);
        Flat dw = Flat.of(dWx);
        for (int r = 0; r < ids.length; r++) {
            int dst = ids[r] * k;
            int src = r * k;
            for (int j = 0; j < k; j++) {
                dw.add(dst + j, g.get(src + j));
            }
        }
    }

    /** {@code dX (+)= dA · W_xᵀ} {@code [T·B, input]}; null for one-hot inputs (they are data, not variables). */
    INDArray inputGrad(INDArray dA, INDArray Wx, INDArray dX) {
        if (x2d == null) {
            return null;
        }
        if (dX == null) {
            dX = Nd4j.create(x2d.dataType(), x2d.size(0), x2d.size(1));
            return Tensors.gemm(dA, false, Wx, true, dX, 0.0);
        }
        return Tensors.gemm(dA, false, Wx, true, dX, 1.0);
    }

    // ---------------------------------------------------------------- float32 fast path

    /**
     * {@code X · W_x} for every row at once into {@code out [T·B·k]} (every element written), where
     * {@code W_x} is the row block of {@code W} (row length {@code k}) starting at row {@code wRow}: a
     * product for dense inputs, a row copy for one-hot inputs.
     */
    float[] projectF32(F32 W, int wRow, int k, float[] out) {
        int R = T * B;
        if (ids != null) {
            for (int r = 0; r < R; r++) {
                W.get((wRow + ids[r]) * k, out, r * k, k);
            }
            return out;
        }
        F32 x = F32.of(x2d), tmp = F32.zeros(R, k);
        F32.gemm(false, false, R, k, inputSize, x, 0, inputSize, W, wRow * k, k, 0f, tmp, 0, k);
        tmp.get(0, out, 0, R * k);
        return out;
    }

    /**
     * {@code dW_x += Xᵀ · dA} into the row block of {@code dW} starting at row {@code wRow};
     * {@code dA} is given both on the heap and in native memory ({@code [T·B, k]}). For one-hot
     * inputs a scatter-add of the rows of {@code dA}.
     */
    void weightGradF32(float[] dA, F32 dAn, F32 dW, int wRow, int k) {
        if (ids == null) {
            F32.gemm(true, false, inputSize, k, T * B, F32.of(x2d), 0, inputSize, dAn, 0, k, 1f, dW, wRow * k, k);
            return;
        }
        float[] acc = new float[inputSize * k];
        for (int r = 0; r < ids.length; r++) {
            int dst = ids[r] * k, src = r * k;
            for (int j = 0; j < k; j++) {
                acc[dst + j] += dA[src + j];
            }
        }
        dW.addFrom(wRow * k, acc, acc.length);
    }

    /** {@code dX (+)= dA · W_xᵀ} {@code [T·B, input]}; null for one-hot inputs. */
    INDArray inputGradF32(F32 dAn, F32 W, int wRow, int k, INDArray dX) {
        if (ids != null) {
            return null;
        }
        float beta = dX == null ? 0f : 1f;
        if (dX == null) {
            dX = Nd4j.create(DataType.FLOAT, (long) T * B, inputSize);
        }
        F32.gemm(false, true, T * B, inputSize, k, dAn, 0, k, W, wRow * k, k, beta, F32.of(dX), 0, inputSize);
        return dX;
    }
}
