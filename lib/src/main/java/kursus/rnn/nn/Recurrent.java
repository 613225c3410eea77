package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent cell unrolled over time, with backpropagation through time (BPTT).
 *
 * <p>Inputs are time-major: {@code x [T, batch, input]}, step {@code t} is {@code x[t]}. The
 * forward pass starts from a given state (or zeros) and returns every hidden state
 * {@code h [T, batch, hidden]} plus the last state. The backward pass takes the gradient of the
 * loss with respect to every {@code h_t} from outside the recurrence ({@code dH}, zeros where
 * no loss is attached) and optionally with respect to the last state, walks the steps backwards,
 * SUMS the parameter gradients of all steps into the cell's params, and returns
 * {@code dX [T, batch, input]} and the gradient with respect to the initial state.
 *
 * <p>Padding: {@code mask [T, batch]} holds 1 for real steps and 0 for padded ones. At a padded
 * step the state is carried over unchanged, so for right-padded sequences the last state is the
 * state after each sequence's last real step; attach no loss to padded steps.
 *
 * <p>This class checks the arguments and hands the sequence to the cell's
 * {@link RecurrentCell#forwardSequence}/{@link RecurrentCell#backwardSequence}: the same path for
 * every cell, built-in or written in a notebook.
 */
public final class Recurrent {
    private final RecurrentCell cell;

    public Recurrent(RecurrentCell cell) {
        this.cell = Checks.notNull("cell", cell);
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Params params() {
        return cell.params();
    }

    /** Forward from the zero state, no mask. */
    public Output forward(INDArray x) {
        return forward(x, null, null);
    }

    /**
     * Forward over a sequence.
     *
     * @param x inputs {@code [T, batch, input]}
     * @param h0 initial state, or null for zeros
     * @param mask {@code [T, batch]} of 0/1, or null when every step is real
     */
    public Output forward(INDArray x, State h0, INDArray mask) {
        Checks.shape("x", x, "time,batch,input", Checks.ANY, Checks.ANY, cell.inputSize());
        int T = (int) x.size(0);
        Checks.nonEmptySequence("x", T, x.shape());
        int B = Checks.nonEmptyBatch("x", x.size(1), x.shape());
        Checks.finite("x", x);
        INDArray x2d = Tensors.asContiguous(cell.dataType(), x).reshape('c', (long) T * B, cell.inputSize());
        return run(SequenceInput.dense(x2d, T, B, mask(mask, T, B)), h0);
    }

    /** {@link #forwardOneHot(int[][], State, INDArray)} from the zero state, no mask. */
    public Output forwardOneHot(int[][] ids) {
        return forwardOneHot(ids, null, null);
    }

    /**
     * Forward over one-hot inputs given by their indices: {@code x_t[n]} is the one-hot vector of
     * {@code ids[t][n]}, with {@code inputSize()} as the vocabulary size. Equivalent to
     * {@link #forward} on the one-hot array, without building it ({@code x_t · W_x} becomes a row
     * lookup). No {@code dX} is returned for such inputs.
     *
     * @param ids indices {@code [T][batch]}, each in {@code [0, inputSize)}
     */
    public Output forwardOneHot(int[][] ids, State h0, INDArray mask) {
        Checks.notNull("ids", ids);
        int T = ids.length;
        Checks.nonEmptySequence("ids", T, new long[] {T});
        Checks.notNull("ids[0]", ids[0]);
        int B = Checks.nonEmptyBatch("ids", ids[0].length, new long[] {T, ids[0].length});
        int[] flat = flatten("ids", ids, B, cell.inputSize());
        return run(SequenceInput.oneHot(flat, T, B, cell.inputSize(), cell.dataType(), mask(mask, T, B)), h0);
    }

    private Output run(SequenceInput in, State h0) {
        State s0;
        if (h0 == null) {
            s0 = cell.zeroState(in.B);
        } else {
            h0.check("h0", in.B, cell.hiddenSize(), cell.hasCellState());
            s0 = h0;
        }
        return new Output(this, cell.forwardSequence(in, s0));
    }

    /** The checked mask as {@code [T·B]} 0/1 values, or null. */
    private static double[] mask(INDArray mask, int T, int B) {
        if (mask == null) {
            return null;
        }
        double[] m = new double[T * B];
        Flat.of(Tensors.asContiguous(DataType.DOUBLE, Checks.mask("mask", mask, T, B))).copyTo(m);
        return m;
    }

    /** Row-major flattening {@code r = t·B + n}, checking rectangular shape and index range. */
    static int[] flatten(String arg, int[][] ids, int B, int vocab) {
        int T = ids.length;
        int[] flat = new int[T * B];
        for (int t = 0; t < T; t++) {
            if (ids[t] == null || ids[t].length != B) {
                throw Msg.badInput(
                        arg + "[" + t + "]: panjang harus batch=" + B + ", ternyata " + (ids[t] == null ? "null" : ids[t].length),
                        arg + "[" + t + "]: expected length batch=" + B + ", got " + (ids[t] == null ? "null" : ids[t].length));
            }
            for (int n = 0; n < B; n++) {
                flat[t * B + n] = Checks.index(arg + "[" + t + "][" + n + "]", ids[t][n], vocab);
            }
        }
        return flat;
    }

    /**
     * BPTT over the sequence of {@code out}; ADDS the summed parameter gradients into the cell's params.
     *
     * @param dH {@code dL/dh_t} from outside the recurrence {@code [T, batch, hidden]}, or null for none
     * @param dLast gradient on the last state (e.g. from a many-to-one head, or null)
     */
    public Gradients backward(Output out, INDArray dH, State dLast) {
        Checks.notNull("out", out);
        if (out.owner != this) {
            throw Msg.badInput(
                    "out: harus hasil forward() dari Recurrent yang sama",
                    "out: expected the result of forward() on this same Recurrent");
        }
        int T = out.length(), B = out.batch(), H = cell.hiddenSize();
        INDArray dH3 = null;
        if (dH != null) {
            Checks.shape("dH", dH, "time,batch,hidden", T, B, H);
            Checks.finite("dH", dH);
            dH3 = Tensors.asContiguous(cell.dataType(), dH);
        }
        if (dLast != null) {
            checkGradient("dLast", dLast, B);
        }
        return cell.backwardSequence(out.cache, dH3, dLast);
    }

    /** A gradient on a state: shape {@code [B, hidden]}, finite, and a {@code c} part only for cells that have one. */
    private void checkGradient(String arg, State d, int B) {
        Checks.shape(arg + ".h", d.h(), "batch,hidden", B, cell.hiddenSize());
        Checks.finite(arg + ".h", d.h());
        if (d.c() != null) {
            if (!cell.hasCellState()) {
                throw Msg.badInput(
                        arg + ".c: sel ini tidak punya state sel c, jadi gradien c harus null",
                        arg + ".c: this cell has no cell state c, so its gradient must be null");
            }
            Checks.shape(arg + ".c", d.c(), "batch,hidden", B, cell.hiddenSize());
            Checks.finite(arg + ".c", d.c());
        }
    }

    // ---------------------------------------------------------------- results

    /** Result of a forward pass: the cell's {@link SequenceCache}, tied to this {@code Recurrent}. */
    public static final class Output {
        private final Recurrent owner;
        final SequenceCache cache;

        Output(Recurrent owner, SequenceCache cache) {
            this.owner = owner;
            this.cache = cache;
        }

        /** What the cell's sequence pass returned (for {@link RecurrentCell#backwardSequence}). */
        public SequenceCache cache() {
            return cache;
        }

        /** Every hidden state {@code h_1..h_T} as {@code [T, batch, hidden]}. */
        public INDArray h() {
            return cache.h();
        }

        /** Every cell state {@code c_1..c_T} {@code [T, batch, hidden]} (LSTM), else null. */
        public INDArray c() {
            return cache.c();
        }

        /** The state after the last step (padded steps carry the state, see the class comment). */
        public State last() {
            return cache.last();
        }

        /** The state after step {@code t} (0-based): {@code h_{t+1}} in the 1-based notation of the lecture. */
        public State stateAt(int t) {
            Checks.index("t", t, length());
            INDArray h = h().slice(t);
            INDArray c = c() == null ? null : c().slice(t);
            return new State(h, c);
        }

        /** Sequence length. */
        public int length() {
            return cache.length();
        }

        public int batch() {
            return cache.batch();
        }
    }

    /** Result of a backward pass. */
    public static final class Gradients {
        private final INDArray dX;
        private State dH0;
        private final java.util.function.Supplier<State> makeDH0;

        /**
         * @param dX {@code dL/dx} {@code [T, batch, input]}, or null (one-hot inputs)
         * @param dH0 {@code dL/d(state_0)}
         */
        public Gradients(INDArray dX, State dH0) {
            this.dX = dX;
            this.dH0 = dH0;
            this.makeDH0 = null;
        }

        /** {@code dL/d(state_0)} made on first use (a training step that carries no gradient never asks). */
        Gradients(INDArray dX, java.util.function.Supplier<State> dH0) {
            this.dX = dX;
            this.makeDH0 = dH0;
        }

        /** {@code dL/dx} {@code [T, batch, input]}; null for one-hot (index) inputs. */
        public INDArray dX() {
            return dX;
        }

        /** {@code dL/dh_0} (and {@code dL/dc_0}): what truncated BPTT cuts off. */
        public State dH0() {
            if (dH0 == null && makeDH0 != null) {
                dH0 = makeDH0.get();
            }
            return dH0;
        }
    }
}
