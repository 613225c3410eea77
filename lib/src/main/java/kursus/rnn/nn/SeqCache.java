package kursus.rnn.nn;

import kursus.rnn.core.Msg;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a built-in cell keeps from its fast forward pass over {@code T} steps. Hidden states live in
 * one buffer {@code hBuf [(T+1)·B, hidden]} whose first {@code B} rows are {@code h_0}: rows
 * {@code [t·B, (t+1)·B)} are then {@code h_t}'s predecessor for step {@code t}, so all
 * {@code h_{t-1}} form one contiguous matrix for the weight-gradient product.
 *
 * <p>Everything it hands out ({@link #h()}, {@link #c()}, {@link #last()}) is a copy, so that its
 * buffers can go back to the cell's {@link Workspace} when a training loop {@link #recycle()}s it.
 */
class SeqCache extends SequenceCache {
    final SequenceInput input;
    final int T;
    final int B;
    final int H;
    /** {@code [(T+1)·B, H]}: h_0, h_1, ..., h_T. */
    final INDArray hBuf;
    /** {@code [(T+1)·B, H]}: c_0, ..., c_T for an LSTM's double pass, else null (see {@link #cBuf()}). */
    private final INDArray cBuf;
    private INDArray hAll;
    private INDArray cAll;
    private State last;
    private boolean recycled;

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

    /** {@code [(T+1)·B, H]}: c_0 .. c_T (LSTM), else null; a subclass may build it on first use. */
    INDArray cBuf() {
        return cBuf;
    }

    /** Throws when the buffers were given back ({@link #recycle()}): the library's own misuse, reported clearly. */
    final void checkLive() {
        if (recycled) {
            throw Msg.badState(
                    "hasil forward ini sudah dipakai untuk satu langkah pelatihan dan buffernya sudah dipakai ulang: jalankan forward lagi",
                    "this forward result was already used for a training step and its buffers were reused: run forward again");
        }
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
            checkLive();
            hAll = hRows().reshape('c', T, B, H).dup('c');
        }
        return hAll;
    }

    /** All cell states c_1..c_T as {@code [T, B, H]} (LSTM), else null; a copy, as {@link #h()}. */
    @Override
    public INDArray c() {
        if (cAll == null) {
            checkLive();
            INDArray cb = cBuf();
            if (cb != null) {
                cAll = Tensors.rows(cb, B, (long) (T + 1) * B).reshape('c', T, B, H).dup('c');
            }
        }
        return cAll;
    }

    /** h_1..h_T {@code [T·B, H]}: a view of {@code hBuf} (no copy), for the read-outs; valid until {@link #recycle()}. */
    @Override
    INDArray hRows() {
        checkLive();
        return Tensors.rows(hBuf, B, (long) (T + 1) * B);
    }

    /** h_0..h_{T-1} as one matrix {@code [T·B, H]}. */
    INDArray hPrevRows() {
        return Tensors.rows(hBuf, 0, (long) T * B);
    }

    /** The state after the last step (a copy). */
    @Override
    public State last() {
        if (last == null) {
            checkLive();
            INDArray h = Tensors.rows(hBuf, (long) T * B, (long) (T + 1) * B).dup('c');
            last = new State(h, lastC());
        }
        return last;
    }

    /** {@code c_T [B, H]} as a new array (LSTM), else null. */
    INDArray lastC() {
        INDArray cb = cBuf();
        return cb == null ? null : Tensors.rows(cb, (long) T * B, (long) (T + 1) * B).dup('c');
    }

    @Override
    final void recycle() {
        if (!recycled) {
            recycled = true;
            release();
        }
    }

    /** Gives the large arrays back to the cell's {@link Workspace} (float32 passes); nothing by default. */
    void release() {}
}
