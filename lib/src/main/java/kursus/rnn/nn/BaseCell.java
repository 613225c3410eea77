package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.F32;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the built-in cells ({@link RnnCell}, {@link LstmCell}, {@link GruCell}) share: argument
 * checks, and one implementation of each cell's rules over a whole sequence that serves both the
 * one-step API ({@code T = 1}) and {@link Recurrent} ({@code T} steps).
 *
 * <p>Each cell splits its pre-activation {@code [h_{t-1}, x_t]·W + b} into the input part
 * {@code x_t·W_x} and the recurrent part {@code h_{t-1}·W_h} (the rows of {@code W}). The input
 * part does not depend on the previous state, so it is computed for all {@code T} steps in one
 * matrix product before the time loop; inside the loop there is one product per step for all gates
 * together. Weight gradients are summed over all steps in one product each.
 *
 * <p>Each cell has two forms of that pass, tested to give the same numbers
 * ({@code Float32PathTest}): for FLOAT (training) the element-wise rules run on {@code float[]}
 * workspaces in short loops the JIT vectorises, with the products on row blocks of native buffers
 * ({@link F32}); for DOUBLE (gradient checks, the paper's numbers) they run over the arrays' memory
 * ({@link Flat}) in double precision. Both name the gate blocks of the fused weights ({@code F, I, G, O}
 * for the LSTM, {@code Z, R} for the GRU) so the lines read like the equations of each cell's Javadoc.
 * A cell written elsewhere needs none of this: implementing {@link RecurrentCell#forward} and
 * {@link RecurrentCell#backward} is enough (see {@link RecurrentCell#forwardSequence}).
 */
public abstract class BaseCell implements RecurrentCell {
    protected final int inputSize;
    protected final int hiddenSize;
    protected final DataType dtype;
    protected final Params params = new Params();
    /** Large float32 arrays reused from one training step to the next (see {@link Workspace}). */
    final Workspace ws = new Workspace(8);

    BaseCell(int inputSize, int hiddenSize, DataType dtype) {
        this.inputSize = Checks.positive("inputSize", inputSize);
        this.hiddenSize = Checks.positive("hiddenSize", hiddenSize);
        this.dtype = Checks.floating("dtype", dtype);
    }

    @Override
    public final int inputSize() {
        return inputSize;
    }

    @Override
    public final int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public final DataType dataType() {
        return dtype;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public State zeroState(int batch) {
        return State.zeros(dtype, batch, hiddenSize, hasCellState());
    }

    /** {@inheritDoc} A null {@code prev} means the zero state. */
    @Override
    public Step forward(INDArray x_t, State prev) {
        Checks.shape("x_t", x_t, "batch,input", Checks.ANY, inputSize);
        int B = Checks.nonEmptyBatch("x_t", x_t.size(0), x_t.shape());
        if (prev == null) {
            prev = zeroState(B);
        }
        prev.check("prev", B, hiddenSize, hasCellState());
        Checks.finite("x_t", x_t);
        SequenceInput in = SequenceInput.dense(Tensors.asContiguous(dtype, x_t), 1, B, null);
        SeqCache cache = forwardSeq(in, prev);
        return new Step(x_t, cache.last(), cache);
    }

    /** {@inheritDoc} For an LSTM, a null {@code dNext.c()} means no gradient reaches {@code c_t} directly. */
    @Override
    public StepGrad backward(State dNext, Step step) {
        Checks.notNull("dNext", dNext);
        Checks.notNull("step", step);
        SeqCache cache = own("step", step.cache(SeqCache.class));
        checkGrad("dNext", dNext, cache.B);
        Recurrent.Gradients g = backwardSeq(null, dNext, cache);
        return new StepGrad(g.dX().slice(0), g.dH0());
    }

    /** The fast pass: see the class comment. */
    @Override
    public final SequenceCache forwardSequence(SequenceInput x, State h0) {
        return forwardSeq(x, h0);
    }

    @Override
    public final Recurrent.Gradients backwardSequence(SequenceCache fwd, INDArray dH, State dLast) {
        SeqCache cache = own("fwd", fwd);
        INDArray dH2 = dH == null ? null : dH.reshape('c', (long) cache.T * cache.B, hiddenSize);
        return backwardSeq(dH2, dLast, cache);
    }

    private SeqCache own(String arg, SequenceCache c) {
        if (c == null || c.cell() != this) {
            throw Msg.badInput(
                    arg + ": harus hasil forward() dari sel yang sama",
                    arg + ": expected the result of forward() on this same cell");
        }
        ((SeqCache) c).checkLive();
        return (SeqCache) c;
    }

    void checkGrad(String arg, State d, int B) {
        Checks.shape(arg + ".h", d.h(), "batch,hidden", B, hiddenSize);
        Checks.finite(arg + ".h", d.h());
        if (d.c() != null) {
            if (!hasCellState()) {
                throw Msg.badInput(
                        arg + ".c: sel ini tidak punya state sel c, jadi gradien c harus null",
                        arg + ".c: this cell has no cell state c, so its gradient must be null");
            }
            Checks.shape(arg + ".c", d.c(), "batch,hidden", B, hiddenSize);
            Checks.finite(arg + ".c", d.c());
        }
    }

    /**
     * Forward over a whole sequence (inputs already checked and in this cell's dtype); at a masked
     * step the state is carried unchanged.
     *
     * @param h0 initial state (kept by copy)
     */
    abstract SeqCache forwardSeq(SequenceInput x, State h0);

    /**
     * Backward over a whole sequence; ADDS parameter gradients.
     *
     * @param dH {@code dL/dh_t} from outside the recurrence {@code [T·B, H]} (contiguous), or null
     * @param dLast gradient on the final state (h and/or c part may be null), or null
     * @return {@code dL/dX [T, B, input]} (null for one-hot inputs) and {@code dL/d(state_0)}
     */
    abstract Recurrent.Gradients backwardSeq(INDArray dH, State dLast, SeqCache cache);

    /** {@code dX [T·B, input]} as {@code [T, B, input]}, or null. */
    Recurrent.Gradients gradients(SeqCache cache, INDArray dX2, State dH0) {
        return new Recurrent.Gradients(dX2 == null ? null : dX2.reshape('c', cache.T, cache.B, inputSize), dH0);
    }

    // ---- small helpers for the subclasses

    private final INDArray[] scratch = new INDArray[6];

    /**
     * A {@code [rows, cols]} work array owned by this cell, reused by the next backward pass (one per
     * {@code slot}). NOT zeroed: the caller writes every entry. For arrays that never leave
     * {@code backwardSeq}: a fresh 2 MB array per training step cost ~4 % of an LSTM step in
     * allocation alone.
     */
    INDArray scratch(int slot, long rows, long cols) {
        INDArray a = scratch[slot];
        if (a == null || a.size(0) != rows || a.size(1) != cols) {
            a = Tensors.zeros(dtype, rows, cols);
            scratch[slot] = a;
        }
        return a;
    }

    /** Copies {@code s} (may be null = zeros) into rows {@code [0, B)} of {@code buf}. */
    static void putRows(INDArray buf, INDArray s, int B) {
        if (s != null) {
            Tensors.rows(buf, 0, B).assign(s);
        }
    }

    /** A new {@code [B, H]} array holding {@code s}, or zeros when {@code s} is null. */
    INDArray copyOrZeros(INDArray s, int B) {
        INDArray out = Tensors.zeros(dtype, B, hiddenSize);
        if (s != null) {
            out.assign(s);
        }
        return out;
    }

    /** {@code s} (a {@code [B, H]} array, or null = zeros) as a new {@code float[B·H]} (C order). */
    static float[] floats(INDArray s, int B, int H) {
        if (s == null) {
            return new float[B * H];
        }
        return F32.of(Tensors.asContiguous(DataType.FLOAT, s)).toArray();
    }

    /** A new FLOAT {@code [rows, cols]} array holding {@code v}. */
    static INDArray matrix(float[] v, int rows, int cols) {
        return matrix(v, 0, rows, cols);
    }

    /** A new FLOAT {@code [rows, cols]} array holding {@code v[from .. from + rows·cols)}. */
    static INDArray matrix(float[] v, int from, int rows, int cols) {
        INDArray m = Nd4j.create(DataType.FLOAT, rows, cols);
        F32.of(m).put(0, v, from, rows * cols);
        return m;
    }

    /**
     * The rows of step {@code t} of a time-major {@code [T·B, H]} gradient into {@code dst} ({@code B·H}
     * values), or zeros when there is none ({@code src} null: no loss outside the recurrence).
     */
    static void rowsOfStep(F32 src, int t, float[] dst) {
        if (src == null) {
            java.util.Arrays.fill(dst, 0f);
        } else {
            src.get(t * dst.length, dst, 0, dst.length);
        }
    }

    /** Adds a double[] accumulator into a (contiguous) gradient array. */
    static void addInto(INDArray grad, double[] acc) {
        Flat g = Flat.of(grad);
        for (int j = 0; j < acc.length; j++) {
            g.add(j, acc[j]);
        }
    }
}
