package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.F32;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import kursus.rnn.loss.LossResult;
import kursus.rnn.loss.SoftmaxCrossEntropy;
import kursus.rnn.text.LanguageModelBatch;
import kursus.rnn.text.Sequences;
import kursus.rnn.text.TextStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Many-to-many character (or token) language model: at every step, predict the next symbol.
 *
 * <pre>
 * x_t  = onehot(id_t)   or   embedding row of id_t       [batch, input]
 * h_t  = cell(x_t, h_{t-1})                               [batch, hidden]
 * z_t  = h_t · W_hy + b_y                                 [batch, vocab]   (a {@link Dense})
 * loss = mean over steps and sequences of −log softmax(z_t)[target_t]
 * </pre>
 *
 * Training uses truncated BPTT: {@link #forwardBackward} starts from the state left by the previous
 * call (the end of the previous chunk) and stores its own last state, detached. Call
 * {@link #resetState()} when a new text starts. Any {@link RecurrentCell} works.
 *
 * <p>Independent short sequences (names, lines) are trained with {@link #forwardBackward(LanguageModelBatch)},
 * which always starts every line from the zero state. A padded batch (one with a mask) passed to
 * {@link #forwardBackward(int[][], int[][], INDArray)} while a state is still carried from the previous
 * call is refused with a bilingual error: that is a forgotten {@link #resetState()}, which would let
 * one name's state leak into the next.
 *
 * <p>The {@code int[][]} entry points take time-major ids {@code [T][batch]}; the {@link Sequences}
 * overloads say the layout at the call site ({@code Sequences.batchMajor(rows)}), so a transposed
 * batch cannot slip through.
 */
public final class CharLanguageModel {
    private final Embedding embedding;
    private final RecurrentCell cell;
    private final Recurrent rnn;
    private final Dense out;
    private final Params params = new Params();
    private final int vocab;
    private State carried;

    /** One-hot inputs: {@code cell.inputSize()} is the vocabulary size, and so is {@code out.outputSize()}. */
    public CharLanguageModel(RecurrentCell cell, Dense out) {
        this(null, cell, out);
    }

    /**
     * @param embedding index → vector lookup, or null for one-hot inputs
     * @param cell any recurrent cell
     * @param out read-out layer {@code hidden → vocab}
     */
    public CharLanguageModel(Embedding embedding, RecurrentCell cell, Dense out) {
        this.embedding = embedding;
        this.cell = Checks.notNull("cell", cell);
        this.out = Checks.notNull("out", out);
        this.vocab = out.outputSize();
        if (out.inputSize() != cell.hiddenSize()) {
            throw Msg.badInput(
                    "out: ukuran masukan harus hidden=" + cell.hiddenSize() + ", ternyata " + out.inputSize(),
                    "out: expected input size hidden=" + cell.hiddenSize() + ", got " + out.inputSize());
        }
        int expectedInput = embedding == null ? vocab : embedding.dim();
        if (cell.inputSize() != expectedInput) {
            String what = embedding == null ? "vocab (one-hot)" : "embedding dim";
            throw Msg.badInput(
                    "cell: ukuran masukan harus " + what + "=" + expectedInput + ", ternyata " + cell.inputSize(),
                    "cell: expected input size " + what + "=" + expectedInput + ", got " + cell.inputSize());
        }
        if (embedding != null && embedding.vocabSize() != vocab) {
            throw Msg.badInput(
                    "embedding: ukuran kosakata harus " + vocab + ", ternyata " + embedding.vocabSize(),
                    "embedding: expected vocabulary size " + vocab + ", got " + embedding.vocabSize());
        }
        this.rnn = new Recurrent(cell);
        if (embedding != null) {
            params.addAll("embedding", embedding.params());
        }
        params.addAll("cell", cell.params()).addAll("out", out.params());
    }

    /** All parameters: {@code embedding.*}, {@code cell.*}, {@code out.*}. */
    public Params params() {
        return params;
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Dense out() {
        return out;
    }

    public Embedding embedding() {
        return embedding;
    }

    public int vocabSize() {
        return vocab;
    }

    /** The state carried into the next chunk (null = zeros). */
    public State state() {
        return carried;
    }

    /** Sets the state the next chunk starts from (copied; null = zeros). */
    public void setState(State s) {
        if (s != null) {
            s.check("state", s.batch(), cell.hiddenSize(), cell.hasCellState());
        }
        carried = s == null ? null : s.detach();
    }

    /** Next chunk starts from the zero state. */
    public void resetState() {
        carried = null;
    }

    /** {@link #forwardBackward(int[][], int[][], INDArray)} without a mask. */
    public double forwardBackward(int[][] inputs, int[][] targets) {
        return forwardBackward(inputs, targets, null);
    }

    /**
     * One truncated-BPTT training pass over a chunk: zeroes the gradients, runs forward from the
     * carried state, computes the mean cross-entropy over every (unmasked) step, backpropagates
     * through the chunk, fills the gradients of {@link #params()}, and carries the last state.
     *
     * @param inputs symbol ids, time-major {@code [T][batch]} ({@code inputs[t]} is step t of every
     *     sequence). A {@code [batch][T]} array of the same size would be read wrongly without an error;
     *     when your rows are sequences, pass {@code Sequences.batchMajor(rows)} instead.
     * @param targets the next symbols {@code [T][batch]}
     * @param mask {@code [T, batch]} 0/1, or null
     * @return mean loss in nats per predicted symbol
     */
    public double forwardBackward(int[][] inputs, int[][] targets, INDArray mask) {
        State h0 = start(inputs);
        if (mask != null && h0 != null) {
            throw Msg.badState(
                    "batch ber-padding (ada mask) akan mulai dari state yang terbawa dari panggilan sebelumnya:"
                            + " urutan dalam batch seperti ini (mis. nama) saling bebas, jadi state satu nama akan"
                            + " bocor ke nama berikutnya. Perbaikan: panggil model.resetState() sebelum setiap batch,"
                            + " atau pakai model.forwardBackward(LanguageModelBatch) yang selalu mulai dari nol.",
                    "a padded batch (a mask is given) would start from the state carried over from the previous"
                            + " call: the sequences of such a batch (e.g. names) are independent, so one name's state"
                            + " would leak into the next. Fix: call model.resetState() before every batch, or use"
                            + " model.forwardBackward(LanguageModelBatch), which always starts from zeros.");
        }
        return train(inputs, targets, mask, h0, true);
    }

    /**
     * {@link #forwardBackward(int[][], int[][], INDArray)} with the time axis named by the
     * {@link Sequences} type (build them with {@code Sequences.timeMajor} or {@code Sequences.batchMajor}).
     */
    public double forwardBackward(Sequences inputs, Sequences targets, INDArray mask) {
        return forwardBackward(ids("inputs", inputs), ids("targets", targets), mask);
    }

    /**
     * One truncated-BPTT pass over a chunk of {@link TextStreams}: resets the state first when the
     * chunk starts a pass over the text ({@code chunk.startsPass()}), otherwise continues from the
     * state the previous chunk left, and carries its own last state on.
     */
    public double forwardBackward(TextStreams.Chunk chunk) {
        Checks.notNull("chunk", chunk);
        if (chunk.startsPass()) {
            carried = null;
        }
        return forwardBackward(chunk.inputs().timeMajor(), chunk.targets().timeMajor(), null);
    }

    /**
     * One training pass over a batch of independent lines (see {@link LanguageModelBatch}): every
     * line starts from the zero state, the loss is the mean cross-entropy over the unmasked steps
     * (the characters and the end token), and no state is carried to the next call.
     *
     * @return mean loss in nats per predicted symbol
     */
    public double forwardBackward(LanguageModelBatch batch) {
        Checks.notNull("batch", batch);
        carried = null;
        return train(batch.inputs().timeMajor(), batch.targets().timeMajor(), batch.mask(), null, false);
    }

    /** Mean loss of a batch of independent lines from the zero state, without gradients (e.g. validation). */
    public double loss(LanguageModelBatch batch) {
        Checks.notNull("batch", batch);
        return loss(batch.inputs().timeMajor(), batch.targets().timeMajor(), batch.mask(), null);
    }

    private double train(int[][] inputs, int[][] targets, INDArray mask, State h0, boolean carry) {
        params.zeroGrad();
        Pass p = forwardPass(inputs, targets, mask, h0, true);
        Recurrent.Gradients g = cell.backwardSequence(p.out.cache(), p.dH, null);
        if (embedding != null) {
            embedding.scatterAdd(p.ids, g.dX().reshape('c', (long) p.T * p.B, embedding.dim()));
        }
        carried = carry ? p.out.last().detach() : null;
        p.out.cache().recycle(); // nothing of this pass is used any more: its buffers serve the next one
        return p.loss;
    }

    private static int[][] ids(String arg, Sequences s) {
        return Checks.notNull(arg, s).timeMajor();
    }

    /** {@link #loss(int[][], int[][], INDArray, State)} with the time axis named by {@link Sequences}. */
    public double loss(Sequences inputs, Sequences targets, INDArray mask, State h0) {
        return loss(ids("inputs", inputs), ids("targets", targets), mask, h0);
    }

    /** Mean loss from the given state (null = zeros), without gradients and without touching the carried state. */
    public double loss(int[][] inputs, int[][] targets, INDArray mask, State h0) {
        Pass p = forwardPass(inputs, targets, mask, h0, false);
        p.out.cache().recycle();
        return p.loss;
    }

    private State start(int[][] inputs) {
        int B = inputs != null && inputs.length > 0 && inputs[0] != null ? inputs[0].length : -1;
        return carried != null && carried.batch() == B ? carried : null;
    }

    private static final class Pass {
        Recurrent.Output out;
        double loss;
        /** {@code dL/dh_t} from the read-out {@code [T, B, hidden]} (when gradients were asked for). */
        INDArray dH;
        int[] ids;
        int T;
        int B;
    }

    private Pass forwardPass(int[][] inputs, int[][] targets, INDArray mask, State h0, boolean withGrad) {
        Checks.notNull("inputs", inputs);
        Checks.notNull("targets", targets);
        Checks.nonEmptySequence("inputs", inputs.length, new long[] {inputs.length});
        int T = inputs.length;
        int B = Checks.positive("inputs batch", inputs[0] == null ? 0 : inputs[0].length);
        if (targets.length != T) {
            throw Msg.badInput(
                    "targets: panjang harus T=" + T + " (sama dengan inputs), ternyata " + targets.length,
                    "targets: expected length T=" + T + " (same as inputs), got " + targets.length);
        }
        Pass p = new Pass();
        p.T = T;
        p.B = B;
        p.ids = Recurrent.flatten("inputs", inputs, B, vocab);
        int[] y = Recurrent.flatten("targets", targets, B, vocab);
        if (embedding == null) {
            p.out = rnn.forwardOneHot(inputs, h0, mask);
        } else {
            p.out = rnn.forward(embedding.gather(p.ids, p.ids.length).reshape('c', T, B, embedding.dim()), h0, mask);
        }
        INDArray h2 = out.dataType() == DataType.FLOAT
                ? Tensors.asContiguous(DataType.FLOAT, p.out.cache().hRows()) // [T·B, hidden], no copy when the cell is float32 too
                : Tensors.asContiguous(out.dataType(), p.out.h()).reshape('c', (long) T * B, cell.hiddenSize());
        INDArray rowMask = mask == null ? null : mask.reshape('c', new long[] {(long) T * B});
        if (out.dataType() == DataType.FLOAT) {
            readoutF32(p, h2, y, rowMask, withGrad);
            return p;
        }
        LossResult loss = SoftmaxCrossEntropy.compute(out.forward(h2), y, rowMask);
        p.loss = loss.loss();
        if (withGrad) {
            p.dH = out.backward(h2, loss.grad()).reshape('c', T, B, cell.hiddenSize());
        }
        return p;
    }

    /** Workspaces of the float32 read-out, reused while the number of rows stays the same. */
    private F32 logitsN;
    private F32 dH2N;
    private float[] z;

    /**
     * The read-out, softmax and cross-entropy over all {@code T·B} rows at once, float32: one product
     * for the logits, one pass for loss and {@code dL/dz} (in place), one product each for
     * {@code dW} and {@code dL/dh}; the bias gradient is a column sum.
     */
    private void readoutF32(Pass p, INDArray h2, int[] y, INDArray rowMask, boolean withGrad) {
        int R = p.T * p.B, V = vocab, H = cell.hiddenSize();
        if (logitsN == null || logitsN.length != R * V) {
            logitsN = F32.zeros(R, V);
            dH2N = F32.zeros(R, H);
            z = new float[R * V];
        }
        F32 h = F32.of(h2), w = F32.of(out.W().value());
        F32.gemm(false, false, R, V, H, h, 0, H, w, 0, V, 0f, logitsN, 0, V); // z = h·W
        logitsN.get(0, z, 0, R * V);
        addRowVector(z, R, V, F32.of(out.b().value()).toArray()); // + b
        double[] m = null;
        if (rowMask != null) {
            m = new double[R];
            Flat.of(Tensors.asContiguous(DataType.DOUBLE, rowMask)).copyTo(m);
        }
        p.loss = SoftmaxCrossEntropy.meanInPlace(z, R, V, y, m); // z is now dL/dz
        if (!withGrad) {
            return;
        }
        logitsN.put(0, z, 0, R * V);
        F32.gemm(true, false, H, V, R, h, 0, H, logitsN, 0, V, 1f, F32.of(out.W().grad()), 0, V); // dW += hᵀ·dz
        F32.of(out.b().grad()).addFrom(0, columnSums(z, R, V), V); // db = Σ_rows dz
        F32.gemm(false, true, R, H, V, logitsN, 0, V, w, 0, V, 0f, dH2N, 0, H); // dL/dh = dz·Wᵀ
        p.dH = dH2N.array.reshape('c', p.T, p.B, H);
    }

    // The loops of the read-out are methods of their own: the JIT compiles each once, instead of
    // compiling (and on-stack-replacing) one large method with all of them inlined.

    /** {@code z[r, j] += v[j]} for every row of a {@code [rows, cols]} matrix. */
    private static void addRowVector(float[] z, int rows, int cols, float[] v) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                z[r * cols + j] += v[j];
            }
        }
    }

    /** Column sums of a {@code [rows, cols]} matrix. */
    private static float[] columnSums(float[] z, int rows, int cols) {
        float[] s = new float[cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                s[j] += z[r * cols + j];
            }
        }
        return s;
    }

    /** Result of one generation step. */
    public record Prediction(INDArray probabilities, State state) {}

    /**
     * One step for generation: feeds {@code ids [batch]} from {@code state} (null = zeros) and
     * returns the next-symbol probabilities {@code [batch, vocab]} and the new state.
     */
    public Prediction next(int[] ids, State state) {
        Checks.notNull("ids", ids);
        int[][] in = new int[1][];
        in[0] = ids;
        Recurrent.Output o = embedding == null
                ? rnn.forwardOneHot(in, state, null)
                : rnn.forward(embedding.forward(in), state, null);
        INDArray logits = out.forward(o.h().reshape('c', ids.length, cell.hiddenSize()));
        return new Prediction(Activations.softmax(logits), o.last().detach());
    }

    /** {@link #logits(int[][], State)} with the time axis named by {@link Sequences}. */
    public INDArray logits(Sequences inputs, State h0) {
        return logits(ids("inputs", inputs), h0);
    }

    /** Logits {@code [T·batch, vocab]} (rows time-major) for a chunk from {@code h0} (null = zeros). */
    public INDArray logits(int[][] inputs, State h0) {
        Checks.notNull("inputs", inputs);
        Recurrent.Output o = embedding == null ? rnn.forwardOneHot(inputs, h0, null) : rnn.forward(embedding.forward(inputs), h0, null);
        return out.forward(Tensors.contiguous(o.h()).reshape('c', o.length() * (long) o.batch(), cell.hiddenSize()));
    }
}
