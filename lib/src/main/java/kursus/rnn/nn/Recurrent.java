package kursus.rnn.nn;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * <p>Built-in cells run their fast sequence implementation; any other {@link RecurrentCell}
 * (e.g. one written in a notebook) is unrolled step by step through its one-step API.
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
        State s0 = initial(h0, B);
        Flat m = mask == null ? null : Flat.of(Tensors.asContiguous(DataType.DOUBLE, Checks.mask("mask", mask, T, B)));
        INDArray xc = Tensors.asContiguous(cell.dataType(), x);
        if (cell instanceof BaseCell bc) {
            SeqInput in = SeqInput.dense(xc.reshape('c', (long) T * B, cell.inputSize()), T, B);
            return new Output(this, bc.forwardSeq(in, s0, m), null, T, B);
        }
        return stepwise(xc, s0, m, T, B);
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
        State s0 = initial(h0, B);
        Flat m = mask == null ? null : Flat.of(Tensors.asContiguous(DataType.DOUBLE, Checks.mask("mask", mask, T, B)));
        if (cell instanceof BaseCell bc) {
            return new Output(this, bc.forwardSeq(SeqInput.oneHot(flat, T, B, cell.inputSize()), s0, m), null, T, B);
        }
        INDArray x2 = Nd4j.zeros(cell.dataType(), (long) T * B, cell.inputSize());
        for (int r = 0; r < flat.length; r++) {
            x2.putScalar(r, flat[r], 1.0);
        }
        return stepwise(x2.reshape('c', T, B, cell.inputSize()), s0, m, T, B);
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

    private State initial(State h0, int B) {
        if (h0 == null) {
            return cell.zeroState(B);
        }
        h0.check("h0", B, cell.hiddenSize(), cell.hasCellState());
        return h0;
    }

    /** {@link #backward} without validating {@code dH}/{@code dLast} (library-internal callers). */
    Gradients backwardTrusted(Output out, INDArray dH2, State dLast) {
        if (out.cache != null) {
            SeqGrad g = ((BaseCell) cell).backwardSeq(dH2, dLast, out.cache, true);
            INDArray dX = g.dX == null ? null : g.dX.reshape('c', out.T, out.B, cell.inputSize());
            return new Gradients(dX, g.dH0);
        }
        return backStepwise(out, dH2, dLast);
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
        int T = out.T, B = out.B, H = cell.hiddenSize();
        INDArray dH2 = null;
        if (dH != null) {
            Checks.shape("dH", dH, "time,batch,hidden", T, B, H);
            Checks.finite("dH", dH);
            dH2 = Tensors.asContiguous(cell.dataType(), dH).reshape('c', (long) T * B, H);
        }
        if (dLast != null && cell instanceof BaseCell bc) {
            bc.checkGrad("dLast", dLast, B);
        }
        if (out.cache != null) {
            BaseCell bc = (BaseCell) cell;
            SeqGrad g = bc.backwardSeq(dH2, dLast, out.cache, true);
            INDArray dX = g.dX == null ? null : g.dX.reshape('c', T, B, cell.inputSize());
            return new Gradients(dX, g.dH0);
        }
        return backStepwise(out, dH2, dLast);
    }

    // ---------------------------------------------------------------- generic (one-step API) path

    private Output stepwise(INDArray x, State s0, Flat m, int T, int B) {
        int H = cell.hiddenSize();
        INDArray hAll = Nd4j.zeros(cell.dataType(), T, B, H);
        INDArray cAll = cell.hasCellState() ? Nd4j.zeros(cell.dataType(), T, B, H) : null;
        List<Step> steps = new ArrayList<>(T);
        List<INDArray> masks = new ArrayList<>(T);
        State s = s0;
        for (int t = 0; t < T; t++) {
            Step step = cell.forward(x.slice(t), s);
            steps.add(step);
            State next = step.next();
            if (m != null) {
                INDArray mt = column(m, t, B);
                masks.add(mt);
                next = new State(blend(next.h(), s.h(), mt), next.c() == null ? null : blend(next.c(), s.c(), mt));
            }
            hAll.slice(t).assign(next.h());
            if (cAll != null) {
                cAll.slice(t).assign(next.c());
            }
            s = next;
        }
        Output o = new Output(this, null, steps, T, B);
        o.hAll = hAll;
        o.cAll = cAll;
        o.last = s;
        o.stepMasks = m == null ? null : masks;
        return o;
    }

    private INDArray column(Flat m, int t, int B) {
        INDArray col = Nd4j.zeros(cell.dataType(), B, 1);
        for (int n = 0; n < B; n++) {
            col.putScalar(n, 0, m.get(t * B + n));
        }
        return col;
    }

    /** {@code m·a + (1 − m)·b}, row by row. */
    private static INDArray blend(INDArray a, INDArray b, INDArray m) {
        INDArray oneMinus = m.rsub(1.0);
        return a.mulColumnVector(m).addi(b.mulColumnVector(oneMinus));
    }

    private Gradients backStepwise(Output out, INDArray dH2, State dLast) {
        int T = out.T, B = out.B, H = cell.hiddenSize();
        DataType dt = cell.dataType();
        INDArray dh = dLast == null || dLast.h() == null ? Nd4j.zeros(dt, B, H) : dLast.h().castTo(dt).dup('c');
        INDArray dc = null;
        if (cell.hasCellState()) {
            dc = dLast == null || dLast.c() == null ? Nd4j.zeros(dt, B, H) : dLast.c().castTo(dt).dup('c');
        }
        INDArray dX = Nd4j.zeros(dt, T, B, cell.inputSize());
        for (int t = T - 1; t >= 0; t--) {
            if (dH2 != null) {
                dh.addi(Tensors.rows(dH2, (long) t * B, (long) (t + 1) * B));
            }
            State dNext = new State(dh, dc);
            INDArray direct = null, directC = null;
            if (out.stepMasks != null) {
                INDArray mt = out.stepMasks.get(t);
                INDArray oneMinus = mt.rsub(1.0);
                direct = dh.mulColumnVector(oneMinus);
                directC = dc == null ? null : dc.mulColumnVector(oneMinus);
                dNext = new State(dh.mulColumnVector(mt), dc == null ? null : dc.mulColumnVector(mt));
            }
            StepGrad g = cell.backward(dNext, out.steps.get(t));
            dX.slice(t).assign(g.dx());
            dh = g.dPrev().h().dup('c');
            dc = g.dPrev().c() == null ? (cell.hasCellState() ? Nd4j.zeros(dt, B, H) : null) : g.dPrev().c().dup('c');
            if (direct != null) {
                dh.addi(direct);
                if (dc != null && directC != null) {
                    dc.addi(directC);
                }
            }
        }
        return new Gradients(dX, new State(dh, dc));
    }

    // ---------------------------------------------------------------- results

    /** Result of a forward pass. */
    public static final class Output {
        private final Recurrent owner;
        final SeqCache cache;
        final List<Step> steps;
        final int T;
        final int B;
        private INDArray hAll;
        private INDArray cAll;
        private State last;
        private List<INDArray> stepMasks;

        Output(Recurrent owner, SeqCache cache, List<Step> steps, int T, int B) {
            this.owner = owner;
            this.cache = cache;
            this.steps = steps;
            this.T = T;
            this.B = B;
        }

        /** Every hidden state {@code h_1..h_T} as {@code [T, batch, hidden]}. */
        public INDArray h() {
            if (hAll == null && cache != null) {
                hAll = cache.hAll(); // views are created on demand: each costs ND4J overhead
            }
            return hAll;
        }

        /** Every cell state {@code c_1..c_T} {@code [T, batch, hidden]} (LSTM), else null. */
        public INDArray c() {
            if (cAll == null && cache != null) {
                cAll = cache.cAll();
            }
            return cAll;
        }

        /** The state after the last step (padded steps carry the state, see the class comment). */
        public State last() {
            if (last == null && cache != null) {
                last = cache.last();
            }
            return last;
        }

        /** The state after step {@code t} (0-based): {@code h_{t+1}} in the 1-based notation of the lecture. */
        public State stateAt(int t) {
            Checks.index("t", t, T);
            INDArray h = h().slice(t);
            INDArray c = c() == null ? null : c().slice(t);
            return new State(h, c);
        }

        /** Sequence length. */
        public int length() {
            return T;
        }

        public int batch() {
            return B;
        }
    }

    /** Result of a backward pass. */
    public static final class Gradients {
        private final INDArray dX;
        private final State dH0;

        Gradients(INDArray dX, State dH0) {
            this.dX = dX;
            this.dH0 = dH0;
        }

        /** {@code dL/dx} {@code [T, batch, input]}; null for one-hot (index) inputs. */
        public INDArray dX() {
            return dX;
        }

        /** {@code dL/dh_0} (and {@code dL/dc_0}): what truncated BPTT cuts off. */
        public State dH0() {
            return dH0;
        }
    }
}
