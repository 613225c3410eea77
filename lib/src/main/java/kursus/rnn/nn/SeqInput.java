package kursus.rnn.nn;

import kursus.rnn.core.Flat;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input of a whole sequence, flattened time-major: row {@code r = t·B + n} is step {@code t} of
 * sequence {@code n}. Either dense vectors {@code x2d [T·B, input]} or vocabulary indices whose
 * one-hot vectors are the inputs (then {@code x_t · W_x} is simply row {@code id} of {@code W_x}).
 */
final class SeqInput {
    final int T;
    final int B;
    final int inputSize;
    /** Dense inputs {@code [T·B, input]}, contiguous, in the cell's dtype; null for indices. */
    final INDArray x2d;
    /** One-hot indices, length {@code T·B}; null for dense inputs. */
    final int[] ids;

    private SeqInput(int T, int B, int inputSize, INDArray x2d, int[] ids) {
        this.T = T;
        this.B = B;
        this.inputSize = inputSize;
        this.x2d = x2d;
        this.ids = ids;
    }

    static SeqInput dense(INDArray x2d, int T, int B) {
        return new SeqInput(T, B, (int) x2d.size(1), x2d, null);
    }

    static SeqInput oneHot(int[] ids, int T, int B, int inputSize) {
        return new SeqInput(T, B, inputSize, null, ids);
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
}
