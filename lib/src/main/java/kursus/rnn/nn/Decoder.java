package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import kursus.rnn.loss.LossResult;
import kursus.rnn.loss.SoftmaxCrossEntropy;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.train.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The generating half of one-to-many and encoder–decoder (seq2seq) models: a recurrent cell that
 * reads the previous symbol and predicts the next one, starting from a given state.
 *
 * <pre>
 * x_t = [ E[y_{t-1}] ; ctx ]          [batch, dim + contextSize]   (ctx: the same vector at every step, optional)
 * h_t = cell(x_t, h_{t-1})            [batch, hidden]              h_0 given (a condition, or the encoder's last state)
 * z_t = h_t · W_hy + b_y              [batch, vocab]               (a {@link Dense})
 * </pre>
 *
 * <p><b>Training with teacher forcing.</b> The input at step {@code t} is the TRUE previous symbol,
 * not the model's own guess: {@code inputs = [start, y_1, ..., y_{T-1}]} for
 * {@code targets = [y_1, ..., y_T]} ({@link #teacherInputs} builds them). The loss is the mean
 * cross-entropy over the unmasked steps.
 *
 * <p><b>Generation.</b> {@link #greedy} feeds the model's own most likely symbol back as the next
 * input; {@link #sample} draws it with a temperature. Both stop a sequence at the end symbol (which is
 * not returned) or after {@code maxLen} symbols.
 *
 * <p>{@link #forwardBackward} ADDS into the gradients (it does not zero them), so a model that owns
 * the decoder (e.g. {@link Seq2Seq}, {@link ConditionedGenerator}) zeroes once and collects the
 * gradients that flow back into {@code h_0} and the context.
 */
public final class Decoder {
    private final Embedding embedding;
    private final int contextSize;
    private final RecurrentCell cell;
    private final Recurrent rnn;
    private final Dense out;
    private final Params params = new Params();

    /**
     * @param embedding lookup of the previous symbol ({@code vocab → dim})
     * @param contextSize size of the context vector appended to every input (0 = none)
     * @param cell any recurrent cell with {@code inputSize = dim + contextSize}
     * @param out read-out {@code hidden → vocab}
     */
    public Decoder(Embedding embedding, int contextSize, RecurrentCell cell, Dense out) {
        this.embedding = Checks.notNull("embedding", embedding);
        this.cell = Checks.notNull("cell", cell);
        this.out = Checks.notNull("out", out);
        if (contextSize < 0) {
            throw Msg.badInput("contextSize harus >= 0, ternyata " + contextSize, "contextSize must be >= 0, got " + contextSize);
        }
        this.contextSize = contextSize;
        if (cell.inputSize() != embedding.dim() + contextSize) {
            throw Msg.badInput(
                    "cell: ukuran masukan harus dim embedding + contextSize = " + embedding.dim() + " + " + contextSize
                            + ", ternyata " + cell.inputSize(),
                    "cell: expected input size = embedding dim + contextSize = " + embedding.dim() + " + " + contextSize
                            + ", got " + cell.inputSize());
        }
        if (out.inputSize() != cell.hiddenSize()) {
            throw Msg.badInput(
                    "out: ukuran masukan harus hidden=" + cell.hiddenSize() + ", ternyata " + out.inputSize(),
                    "out: expected input size hidden=" + cell.hiddenSize() + ", got " + out.inputSize());
        }
        if (out.outputSize() != embedding.vocabSize()) {
            throw Msg.badInput(
                    "out: ukuran keluaran harus sama dengan kosakata embedding (" + embedding.vocabSize() + "), ternyata "
                            + out.outputSize(),
                    "out: expected output size = the embedding's vocabulary (" + embedding.vocabSize() + "), got "
                            + out.outputSize());
        }
        this.rnn = new Recurrent(cell);
        params.addAll("embedding", embedding.params()).addAll("cell", cell.params()).addAll("out", out.params());
    }

    /** All parameters: {@code embedding.*}, {@code cell.*}, {@code out.*}. */
    public Params params() {
        return params;
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Embedding embedding() {
        return embedding;
    }

    public Dense out() {
        return out;
    }

    public int contextSize() {
        return contextSize;
    }

    public int vocabSize() {
        return embedding.vocabSize();
    }

    /** Loss of a teacher-forced pass and the gradients that leave the decoder. */
    public record Result(double loss, State dH0, INDArray dContext) {}

    /**
     * Teacher-forcing inputs for {@code targets [T][batch]}: {@code inputs[0] = start},
     * {@code inputs[t] = targets[t-1]}.
     */
    public static int[][] teacherInputs(int[][] targets, int start) {
        Checks.notNull("targets", targets);
        Checks.nonEmptySequence("targets", targets.length, new long[] {targets.length});
        int B = targets[0] == null ? 0 : targets[0].length;
        int[][] in = new int[targets.length][B];
        for (int n = 0; n < B; n++) {
            in[0][n] = start;
        }
        for (int t = 1; t < targets.length; t++) {
            System.arraycopy(targets[t - 1], 0, in[t], 0, B);
        }
        return in;
    }

    /**
     * Teacher-forced forward and backward pass. ADDS the parameter gradients (does not zero them).
     *
     * @param inputs the true previous symbols {@code [T][batch]} ({@code inputs[0]} = start symbol)
     * @param targets the symbols to predict {@code [T][batch]}
     * @param mask {@code [T, batch]} 0/1 (0 after a sequence's end), or null
     * @param h0 initial state {@code [batch, hidden]} (and {@code c_0}), or null for zeros
     * @param context {@code [batch, contextSize]}, or null when {@code contextSize == 0}
     * @return mean loss per predicted symbol, {@code dL/dh_0} and {@code dL/dctx} (null without context)
     */
    public Result forwardBackward(int[][] inputs, int[][] targets, INDArray mask, State h0, INDArray context) {
        Pass p = forward(inputs, targets, mask, h0, context);
        INDArray dH2 = out.backward(p.h2, p.loss.grad()); // [T·B, hidden]
        Recurrent.Gradients g = rnn.backward(p.out, dH2.reshape('c', p.T, p.B, cell.hiddenSize()), null);
        INDArray dX = g.dX(); // [T, B, dim + contextSize]
        int E = embedding.dim();
        INDArray dEmb = dX.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, E)).dup('c'); // [T, B, dim]
        embedding.backward(inputs, dEmb);
        INDArray dCtx = null;
        if (contextSize > 0) {
            dCtx = dX.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(E, E + contextSize)).sum(0); // [B, C]
        }
        State dH0 = g.dH0();
        p.out.cache().recycle(); // nothing of this pass is used any more: its buffers serve the next one
        return new Result(p.loss.loss(), dH0, dCtx);
    }

    /** The mean teacher-forced loss, without gradients. */
    public double loss(int[][] inputs, int[][] targets, INDArray mask, State h0, INDArray context) {
        return forward(inputs, targets, mask, h0, context).loss.loss();
    }

    private static final class Pass {
        Recurrent.Output out;
        INDArray h2;
        LossResult loss;
        int T;
        int B;
    }

    private Pass forward(int[][] inputs, int[][] targets, INDArray mask, State h0, INDArray context) {
        Checks.notNull("inputs", inputs);
        Checks.notNull("targets", targets);
        Checks.nonEmptySequence("inputs", inputs.length, new long[] {inputs.length});
        int T = inputs.length;
        int B = Checks.nonEmptyBatch("inputs", inputs[0] == null ? 0 : inputs[0].length, new long[] {T});
        if (targets.length != T) {
            throw Msg.badInput(
                    "targets: panjang harus T=" + T + " (sama dengan inputs), ternyata " + targets.length,
                    "targets: expected length T=" + T + " (same as inputs), got " + targets.length);
        }
        int[] y = Recurrent.flatten("targets", targets, B, vocabSize());
        Pass p = new Pass();
        p.T = T;
        p.B = B;
        INDArray x = inputsWithContext(embedding.forward(inputs), context, T, B); // [T, B, dim + C]
        p.out = rnn.forward(x, h0, mask);
        p.h2 = Tensors.contiguous(p.out.h()).reshape('c', (long) T * B, cell.hiddenSize()); // [T·B, H]
        INDArray logits = out.forward(p.h2); // [T·B, vocab]
        p.loss = SoftmaxCrossEntropy.compute(logits, y, mask == null ? null : mask.reshape('c', new long[] {(long) T * B}));
        return p;
    }

    /** {@code [E[y] ; ctx]} for every step: {@code emb [T, B, dim]}, {@code context [B, C]} → {@code [T, B, dim + C]}. */
    private INDArray inputsWithContext(INDArray emb, INDArray context, int T, int B) {
        if (contextSize == 0) {
            if (context != null) {
                throw Msg.badInput("context: decoder ini dibuat dengan contextSize = 0; berikan null",
                        "context: this decoder was built with contextSize = 0; pass null");
            }
            return emb;
        }
        Checks.notNull("context", context);
        Checks.shape("context", context, "batch,context", B, contextSize);
        int E = embedding.dim();
        INDArray x = Nd4j.create(cell.dataType(), T, B, E + contextSize); // [T, B, dim + C]
        x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, E)).assign(emb);
        INDArray ctx = context.castTo(cell.dataType());
        for (int t = 0; t < T; t++) {
            x.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.interval(E, E + contextSize)).assign(ctx);
        }
        return x;
    }

    /**
     * Greedy decoding: at every step the most likely symbol is chosen and fed back as the next input.
     *
     * @param h0 the start state {@code [batch, hidden]} (its batch size is the number of sequences)
     * @param context {@code [batch, contextSize]} or null
     * @param start the start symbol (first input)
     * @param end the end symbol (stops a sequence; not returned)
     * @param maxLen the most symbols generated per sequence
     * @return one array of symbols per sequence (without start and end symbols)
     */
    public int[][] greedy(State h0, INDArray context, int start, int end, int maxLen) {
        return generate(h0, context, start, end, maxLen, 0.0, null);
    }

    /**
     * Like {@link #greedy} but each next symbol is drawn from {@code softmax(z_t / temperature)} with
     * {@code rng} ({@code temperature = 0} is greedy).
     */
    public int[][] sample(State h0, INDArray context, int start, int end, int maxLen, double temperature, NumpyRandom rng) {
        if (temperature != 0) {
            Checks.notNull("rng", rng);
        }
        return generate(h0, context, start, end, maxLen, temperature, rng);
    }

    private int[][] generate(State h0, INDArray context, int start, int end, int maxLen, double temperature, NumpyRandom rng) {
        Checks.notNull("h0", h0);
        int V = vocabSize();
        Checks.index("start", start, V);
        Checks.index("end", end, V);
        Checks.positive("maxLen", maxLen);
        int B = h0.batch();
        int[][] tokens = new int[B][maxLen];
        int[] lengths = new int[B];
        boolean[] done = new boolean[B];
        int[] current = new int[B];
        java.util.Arrays.fill(current, start);
        State s = h0;
        int open = B;
        for (int t = 0; t < maxLen && open > 0; t++) {
            int[][] in = {current};
            INDArray x = inputsWithContext(embedding.forward(in), context, 1, B); // [1, B, dim + C]
            Recurrent.Output o = rnn.forward(x, s, null);
            s = o.last();
            INDArray logits = out.forward(s.h()); // [B, vocab]
            int[] next = new int[B];
            for (int n = 0; n < B; n++) {
                if (done[n]) {
                    next[n] = end;
                    continue;
                }
                INDArray row = logits.getRow(n);
                int k = temperature == 0 ? Sampling.greedy(row) : Sampling.sample(row, temperature, 0, rng);
                next[n] = k;
                if (k == end) {
                    done[n] = true;
                    open--;
                } else {
                    tokens[n][lengths[n]++] = k;
                }
            }
            current = next;
        }
        int[][] result = new int[B][];
        for (int n = 0; n < B; n++) {
            result[n] = java.util.Arrays.copyOf(tokens[n], lengths[n]);
        }
        return result;
    }

    /** The start state for {@code h} {@code [batch, hidden]}: with a zero cell part when the cell is an LSTM. */
    State stateFrom(INDArray h) {
        return new State(h, cell.hasCellState() ? Nd4j.zeros(cell.dataType(), h.size(0), h.size(1)) : null);
    }

    /** Data type of the decoder's parameters. */
    DataType dataType() {
        return cell.dataType();
    }
}
