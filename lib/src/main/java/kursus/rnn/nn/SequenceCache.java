package kursus.rnn.nn;

import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a cell's forward pass over a whole sequence returns ({@link RecurrentCell#forwardSequence}):
 * every state it produced, and whatever its backward pass ({@link RecurrentCell#backwardSequence})
 * needs. Pass it back unchanged; {@link Recurrent.Output} wraps it for users.
 */
public abstract class SequenceCache {
    private final RecurrentCell cell;
    private final SequenceInput input;

    protected SequenceCache(RecurrentCell cell, SequenceInput input) {
        this.cell = cell;
        this.input = input;
    }

    /** The cell that made this pass. */
    public final RecurrentCell cell() {
        return cell;
    }

    /** The inputs of the pass. */
    public final SequenceInput input() {
        return input;
    }

    /** Number of steps {@code T}. */
    public final int length() {
        return input.T;
    }

    /** Number of sequences {@code B}. */
    public final int batch() {
        return input.B;
    }

    /** Every hidden state {@code h_1..h_T} as {@code [T, batch, hidden]}. */
    public abstract INDArray h();

    /** Every cell state {@code c_1..c_T} {@code [T, batch, hidden]} (LSTM), else null. */
    public abstract INDArray c();

    /** The state after the last step (padded steps carry the state). */
    public abstract State last();

    /**
     * {@code h_1..h_T} as one matrix {@code [T·batch, hidden]} (rows time-major), for a read-out over
     * every step. A built-in cell's cache answers with a view of its own buffer (no copy), valid until
     * {@link #recycle()}.
     */
    INDArray hRows() {
        INDArray h = h();
        return Tensors.contiguous(h).reshape('c', (long) length() * batch(), h.size(2));
    }

    /**
     * Called by the library's own training loops once nothing of this pass is needed any more (its
     * gradients are computed, its last state copied, and no reference to it has left the loop): a
     * built-in cell takes its large arrays back for its next pass (see {@code Workspace}). The cache
     * must not be used afterwards. Nothing happens for other cells.
     */
    void recycle() {}
}
