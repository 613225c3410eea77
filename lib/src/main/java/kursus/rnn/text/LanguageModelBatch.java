package kursus.rnn.text;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A padded batch of independent lines (e.g. names) for a character language model: every line
 * becomes {@code <s> c1 .. cn} as input and {@code c1 .. cn </s>} as target, padded on the right
 * to the longest line, with a mask that is 1 at the {@code n + 1} real steps and 0 at padding.
 *
 * <pre>
 * "ani", "budi"  (pad = &lt;pad&gt;, s = &lt;s&gt;, /s = &lt;/s&gt;)
 *          t=0  t=1  t=2  t=3  t=4
 * input    s    a    n    i    pad       s    b    u    d    i
 * target   a    n    i    /s   pad       b    u    d    i    /s
 * mask     1    1    1    1    0         1    1    1    1    1
 * </pre>
 * The model thus learns how a name starts (after {@code <s>}) and when it ends (it predicts
 * {@code </s>}), which {@code TextGenerator.generateLine} uses to stop.
 *
 * <p>The lines of one batch are independent: each starts from the zero state.
 * {@code CharLanguageModel.forwardBackward(LanguageModelBatch)} does exactly that, so no state can
 * leak from one name into the next. Usage (lesson 08):
 * <pre>{@code
 * List<String> names = Datasets.indonesianNames();
 * Vocabulary vocab = Vocabulary.ofChars(names, Special.PAD, Special.BOS, Special.EOS);
 * NumpyRandom rng = new NumpyRandom(1);
 * History h = new Trainer(model.params(), new Adam(0.01)).fit(20,
 *         epoch -> LanguageModelBatch.shuffled(names, vocab, 32, rng),
 *         batch -> model.forwardBackward(batch));
 * String name = TextGenerator.generateLine(model, vocab, "", 20, 1.0, 0, 7);
 * }</pre>
 */
public final class LanguageModelBatch {
    private final List<String> lines;
    private final Sequences inputs;
    private final Sequences targets;
    private final double[][] mask; // [T][B]
    private final int[] lengths;

    private LanguageModelBatch(List<String> lines, Sequences inputs, Sequences targets, double[][] mask, int[] lengths) {
        this.lines = lines;
        this.inputs = inputs;
        this.targets = targets;
        this.mask = mask;
        this.lengths = lengths;
    }

    /**
     * One batch of all {@code lines}. The vocabulary must hold {@link Special#BOS} and
     * {@link Special#EOS} (build it with {@code Vocabulary.ofChars(lines, Special.PAD, Special.BOS,
     * Special.EOS)}); padded positions get {@code <pad>} if present, else {@code </s>} (masked either way).
     */
    public static LanguageModelBatch of(List<String> lines, Vocabulary vocab) {
        if (lines == null || lines.isEmpty()) {
            throw Msg.badInput("LanguageModelBatch: daftar baris/nama kosong atau null; perlu minimal satu.",
                    "LanguageModelBatch: the list of lines/names is empty or null; it needs at least one.");
        }
        if (vocab == null) {
            throw Msg.badInput("LanguageModelBatch: kosakata (vocab) null.", "LanguageModelBatch: the vocabulary is null.");
        }
        if (!vocab.has(Special.BOS) || !vocab.has(Special.EOS)) {
            throw Msg.badInput("LanguageModelBatch: kosakata harus punya token awal <s> dan akhir </s>. Perbaikan:"
                            + " Vocabulary.ofChars(names, Special.PAD, Special.BOS, Special.EOS).",
                    "LanguageModelBatch: the vocabulary needs the start token <s> and the end token </s>. Fix:"
                            + " Vocabulary.ofChars(names, Special.PAD, Special.BOS, Special.EOS).");
        }
        int bos = vocab.indexOf(Special.BOS), eos = vocab.indexOf(Special.EOS);
        int pad = vocab.has(Special.PAD) ? vocab.indexOf(Special.PAD) : eos;
        int B = lines.size();
        int[][] encoded = new int[B][];
        int[] lengths = new int[B];
        int T = 0;
        for (int b = 0; b < B; b++) {
            String line = lines.get(b);
            if (line == null || line.isEmpty()) {
                throw Msg.badInput("LanguageModelBatch: baris ke-" + b + " kosong atau null; buang baris kosong dulu.",
                        "LanguageModelBatch: line " + b + " is empty or null; drop empty lines first.");
            }
            encoded[b] = vocab.encode(line);
            lengths[b] = encoded[b].length + 1;
            T = Math.max(T, lengths[b]);
        }
        int[][] in = new int[B][T];
        int[][] out = new int[B][T];
        double[][] mask = new double[T][B];
        for (int b = 0; b < B; b++) {
            int[] s = encoded[b];
            for (int t = 0; t < T; t++) {
                if (t < lengths[b]) {
                    in[b][t] = t == 0 ? bos : s[t - 1];
                    out[b][t] = t < s.length ? s[t] : eos;
                    mask[t][b] = 1.0;
                } else {
                    in[b][t] = pad;
                    out[b][t] = pad;
                }
            }
        }
        return new LanguageModelBatch(List.copyOf(lines), Sequences.batchMajor(in), Sequences.batchMajor(out), mask,
                lengths);
    }

    /** Batches of {@code batchSize} lines in file order (the last one may be smaller). */
    public static List<LanguageModelBatch> sequential(List<String> lines, Vocabulary vocab, int batchSize) {
        requireLines(lines);
        return cut(lines, vocab, Batches.sequential(lines.size(), batchSize));
    }

    /**
     * Batches of {@code batchSize} lines in a random order drawn from {@code rng} (advances it: call
     * once per epoch for a new order every epoch). Same order as numpy's
     * {@code np.random.permutation} with the same seed (see {@link Batches#shuffled}).
     */
    public static List<LanguageModelBatch> shuffled(List<String> lines, Vocabulary vocab, int batchSize, NumpyRandom rng) {
        requireLines(lines);
        return cut(lines, vocab, Batches.shuffled(lines.size(), batchSize, rng));
    }

    private static List<LanguageModelBatch> cut(List<String> lines, Vocabulary vocab, List<int[]> idx) {
        List<LanguageModelBatch> out = new ArrayList<>(idx.size());
        for (int[] ix : idx) {
            out.add(of(Batches.take(lines, ix), vocab));
        }
        return out;
    }

    private static void requireLines(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            throw Msg.badInput("LanguageModelBatch: daftar baris/nama kosong atau null; perlu minimal satu.",
                    "LanguageModelBatch: the list of lines/names is empty or null; it needs at least one.");
        }
    }

    /** The lines of this batch, in batch order. */
    public List<String> lines() {
        return lines;
    }

    /** Inputs {@code <s> c1 .. cn} + padding, time-major {@code [T][B]}. */
    public Sequences inputs() {
        return inputs;
    }

    /** Targets {@code c1 .. cn </s>} + padding, time-major {@code [T][B]}. */
    public Sequences targets() {
        return targets;
    }

    /** Mask {@code [T, B]} (FLOAT): 1 at the {@code n + 1} predicted steps of each line, 0 at padding. */
    public INDArray mask() {
        int T = steps(), B = batchSize();
        double[] flat = new double[T * B];
        for (int t = 0; t < T; t++) {
            System.arraycopy(mask[t], 0, flat, t * B, B);
        }
        return Nd4j.create(flat, new long[] {T, B}, DataType.FLOAT);
    }

    /** Predicted steps per line: its length + 1 (the end token). */
    public int[] lengths() {
        return lengths.clone();
    }

    /** Number of predicted (unmasked) steps in the batch: the loss is averaged over these. */
    public int tokens() {
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        return n;
    }

    /** Time steps T (longest line + 1). */
    public int steps() {
        return inputs.steps();
    }

    /** Number of lines B. */
    public int batchSize() {
        return lengths.length;
    }

    @Override
    public String toString() {
        return "LanguageModelBatch(lines=" + batchSize() + ", T=" + steps() + ", tokens=" + tokens() + ")";
    }
}
