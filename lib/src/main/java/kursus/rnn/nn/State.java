package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The recurrent state carried from one time step to the next: the hidden state {@code h}
 * {@code [batch, hidden]} and, for an LSTM only, the cell state {@code c} {@code [batch, hidden]}
 * ({@code null} for RNN and GRU).
 *
 * <p>The same class carries gradients: in a backward pass {@code h()} holds {@code dL/dh} and
 * {@code c()} holds {@code dL/dc}.
 */
public final class State {
    private final INDArray h;
    private final INDArray c;

    /** A state with hidden part {@code h} and cell part {@code c} (may be null). Arrays are kept, not copied. */
    public State(INDArray h, INDArray c) {
        Checks.notNull("h", h);
        if (h.rank() != 2) {
            Checks.shape("h", h, "batch,hidden", Checks.ANY, Checks.ANY);
        }
        if (c != null) {
            Checks.shape("c", c, "batch,hidden", h.size(0), h.size(1));
        }
        this.h = h;
        this.c = c;
    }

    /** A state with only a hidden part (RNN, GRU). */
    public static State of(INDArray h) {
        return new State(h, null);
    }

    /** A state with hidden and cell parts (LSTM). */
    public static State of(INDArray h, INDArray c) {
        return new State(h, c);
    }

    /** All-zero state of the given size; with a cell part when {@code withCell}. */
    public static State zeros(DataType dt, int batch, int hidden, boolean withCell) {
        Checks.positive("batch", batch);
        Checks.positive("hiddenSize", hidden);
        return new State(Nd4j.zeros(dt, batch, hidden), withCell ? Nd4j.zeros(dt, batch, hidden) : null);
    }

    /** Hidden state {@code h} {@code [batch, hidden]}. */
    public INDArray h() {
        return h;
    }

    /** Cell state {@code c} {@code [batch, hidden]} (LSTM), or null. */
    public INDArray c() {
        return c;
    }

    public boolean hasCell() {
        return c != null;
    }

    public int batch() {
        return (int) h.size(0);
    }

    public int hiddenSize() {
        return (int) h.size(1);
    }

    /**
     * A copy that no later computation can change: what truncated BPTT carries into the next chunk
     * ("detached": the next backward pass stops here).
     */
    public State detach() {
        return new State(h.dup('c'), c == null ? null : c.dup('c'));
    }

    /** Checks that this state fits a cell: batch size, hidden size and presence of {@code c}. */
    void check(String arg, int batch, int hidden, boolean withCell) {
        Checks.shape(arg + ".h", h, "batch,hidden", batch, hidden);
        if (withCell && c == null) {
            throw Msg.badInput(
                    arg + ": LSTM membutuhkan state sel c [batch=" + batch + ", hidden=" + hidden + "], ternyata null",
                    arg + ": an LSTM needs a cell state c [batch=" + batch + ", hidden=" + hidden + "], got null");
        }
        if (withCell) {
            Checks.shape(arg + ".c", c, "batch,hidden", batch, hidden);
        }
        Checks.finite(arg + ".h", h);
        if (withCell) {
            Checks.finite(arg + ".c", c);
        }
    }

    @Override
    public String toString() {
        return c == null ? "State{h=" + h + "}" : "State{h=" + h + ", c=" + c + "}";
    }
}
