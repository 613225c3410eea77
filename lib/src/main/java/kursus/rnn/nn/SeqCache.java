package kursus.rnn.nn;

import kursus.rnn.core.Flat;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a built-in cell keeps from a forward pass over {@code T} steps. Hidden states live in one
 * buffer {@code hBuf [(T+1)·B, hidden]} whose first {@code B} rows are {@code h_0}: rows
 * {@code [t·B, (t+1)·B)} are then {@code h_t}'s predecessor for step {@code t}, so all
 * {@code h_{t-1}} form one contiguous matrix for the weight-gradient product.
 */
class SeqCache {
    final BaseCell owner;
    final SeqInput input;
    final int T;
    final int B;
    final int H;
    /** {@code [(T+1)·B, H]}: h_0, h_1, ..., h_T. */
    final INDArray hBuf;
    /** {@code [(T+1)·B, H]}: c_0, ..., c_T for an LSTM, else null. */
    final INDArray cBuf;
    /** Mask {@code [T, B]} (0/1) or null. */
    final Flat mask;

    SeqCache(BaseCell owner, SeqInput input, INDArray hBuf, INDArray cBuf, Flat mask) {
        this.owner = owner;
        this.input = input;
        this.T = input.T;
        this.B = input.B;
        this.H = owner.hiddenSize();
        this.hBuf = hBuf;
        this.cBuf = cBuf;
        this.mask = mask;
    }

    boolean on(int t, int n) {
        return mask == null || mask.get(t * B + n) != 0.0;
    }

    /** All outputs h_1..h_T as {@code [T, B, H]} (a view). */
    INDArray hAll() {
        return Tensors.rows(hBuf, B, (long) (T + 1) * B).reshape('c', T, B, H);
    }

    /** All cell states c_1..c_T as {@code [T, B, H]} (LSTM), else null. */
    INDArray cAll() {
        return cBuf == null ? null : Tensors.rows(cBuf, B, (long) (T + 1) * B).reshape('c', T, B, H);
    }

    /** h_0..h_{T-1} as one matrix {@code [T·B, H]}. */
    INDArray hPrevRows() {
        return Tensors.rows(hBuf, 0, (long) T * B);
    }

    /** The state after the last step (views into the cache). */
    State last() {
        INDArray h = Tensors.rows(hBuf, (long) T * B, (long) (T + 1) * B);
        INDArray c = cBuf == null ? null : Tensors.rows(cBuf, (long) T * B, (long) (T + 1) * B);
        return new State(h, c);
    }
}
