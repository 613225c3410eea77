package kursus.rnn.nn;

import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a built-in cell keeps from its fast forward pass over {@code T} steps. Hidden states live in
 * one buffer {@code hBuf [(T+1)·B, hidden]} whose first {@code B} rows are {@code h_0}: rows
 * {@code [t·B, (t+1)·B)} are then {@code h_t}'s predecessor for step {@code t}, so all
 * {@code h_{t-1}} form one contiguous matrix for the weight-gradient product.
 */
class SeqCache extends SequenceCache {
    final SequenceInput input;
    final int T;
    final int B;
    final int H;
    /** {@code [(T+1)·B, H]}: h_0, h_1, ..., h_T. */
    final INDArray hBuf;
    /** {@code [(T+1)·B, H]}: c_0, ..., c_T for an LSTM, else null. */
    final INDArray cBuf;
    private INDArray hAll;
    private INDArray cAll;
    private State last;

    SeqCache(RecurrentCell owner, SequenceInput input, INDArray hBuf, INDArray cBuf) {
        super(owner, input);
        this.input = input;
        this.T = input.T;
        this.B = input.B;
        this.H = owner.hiddenSize();
        this.hBuf = hBuf;
        this.cBuf = cBuf;
    }

    boolean on(int t, int n) {
        return input.on(t, n);
    }

    /**
     * All outputs h_1..h_T as {@code [T, B, H]}, made on first use. A copy, not a view of {@code hBuf}:
     * on ND4J 1.0.0-M2.1 a view that starts at an offset (here after h_0) gives an EMPTY array for
     * {@code slice(T-1)} / {@code get(point(T-1), ...)} (the offset is counted twice against the buffer
     * length), so a student's {@code out.h().slice(t)} and {@link Recurrent.Output#stateAt} failed at the
     * last step. The copy costs {@code T·B·H} values once per forward pass.
     */
    @Override
    public INDArray h() {
        if (hAll == null) {
            hAll = Tensors.rows(hBuf, B, (long) (T + 1) * B).reshape('c', T, B, H).dup('c');
        }
        return hAll;
    }

    /** All cell states c_1..c_T as {@code [T, B, H]} (LSTM), else null; a copy, as {@link #h()}. */
    @Override
    public INDArray c() {
        if (cAll == null && cBuf != null) {
            cAll = Tensors.rows(cBuf, B, (long) (T + 1) * B).reshape('c', T, B, H).dup('c');
        }
        return cAll;
    }

    /** h_0..h_{T-1} as one matrix {@code [T·B, H]}. */
    INDArray hPrevRows() {
        return Tensors.rows(hBuf, 0, (long) T * B);
    }

    /** The state after the last step (views into the cache). */
    @Override
    public State last() {
        if (last == null) {
            INDArray h = Tensors.rows(hBuf, (long) T * B, (long) (T + 1) * B);
            INDArray c = cBuf == null ? null : Tensors.rows(cBuf, (long) T * B, (long) (T + 1) * B);
            last = new State(h, c);
        }
        return last;
    }
}
