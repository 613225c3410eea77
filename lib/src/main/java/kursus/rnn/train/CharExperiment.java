package kursus.rnn.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.CellKind;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.optim.Adam;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One short training run of a character language model ({@link CharLanguageModel}, one-hot input)
 * on a text, to compare cells on the same characters (lesson 06): train with truncated BPTT on
 * {@code batch} contiguous streams of the training text, then measure the loss (nats per character)
 * and the next-character accuracy on a held-out text, from the zero state.
 *
 * <pre>
 * CharExperiment e = CharExperiment.of(CellKind.GRU, train, valid).hidden(64).steps(150);
 * CharExperiment.Result r = e.run(1);   // r.validLoss(), r.validAccuracy(), r.cpuSeconds()
 * </pre>
 *
 * The training text is cut into {@code batch} equal streams; step {@code s} reads chunk
 * {@code k = s mod chunks} ({@code seqLen} characters of every stream, targets shifted by one) and
 * the carried state is reset when {@code k = 0}. One seed fixes the weights (cell, then read-out).
 * Instances are immutable; every setter returns a changed copy.
 */
public final class CharExperiment {
    private final CellKind kind;
    private final String train;
    private final String valid;
    private final Vocabulary vocab;
    private final int hidden;
    private final int steps;
    private final int batch;
    private final int seqLen;
    private final double learningRate;

    private CharExperiment(CellKind kind, String train, String valid, Vocabulary vocab, int hidden, int steps, int batch,
            int seqLen, double learningRate) {
        this.kind = kind;
        this.train = train;
        this.valid = valid;
        this.vocab = vocab;
        this.hidden = hidden;
        this.steps = steps;
        this.batch = batch;
        this.seqLen = seqLen;
        this.learningRate = learningRate;
    }

    /**
     * Defaults: hidden 64, 150 steps of batch 16 × 50 characters, Adam 0.01, clipping at global
     * norm 5. The vocabulary is every character of {@code train} and {@code valid}.
     */
    public static CharExperiment of(CellKind kind, String train, String valid) {
        Checks.notNull("kind", kind);
        if (train == null || valid == null || valid.length() < 2) {
            throw Msg.badInput("train dan valid harus teks (valid minimal 2 karakter)",
                    "train and valid must be texts (valid at least 2 characters)");
        }
        Vocabulary v = Vocabulary.ofChars(train + valid);
        return new CharExperiment(kind, train, valid, v, 64, 150, 16, 50, 0.01);
    }

    public CharExperiment hidden(int h) {
        return new CharExperiment(kind, train, valid, vocab, positive("hidden", h), steps, batch, seqLen, learningRate);
    }

    public CharExperiment steps(int s) {
        return new CharExperiment(kind, train, valid, vocab, hidden, positive("steps", s), batch, seqLen, learningRate);
    }

    public CharExperiment batch(int b) {
        return new CharExperiment(kind, train, valid, vocab, hidden, steps, positive("batch", b), seqLen, learningRate);
    }

    public CharExperiment seqLen(int t) {
        return new CharExperiment(kind, train, valid, vocab, hidden, steps, batch, positive("seqLen", t), learningRate);
    }

    public CharExperiment learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw Msg.badInput("learningRate harus > 0, ternyata " + lr, "learningRate must be > 0, got " + lr);
        }
        return new CharExperiment(kind, train, valid, vocab, hidden, steps, batch, seqLen, lr);
    }

    /** Same settings with another cell kind. */
    public CharExperiment kind(CellKind k) {
        return new CharExperiment(Checks.notNull("kind", k), train, valid, vocab, hidden, steps, batch, seqLen, learningRate);
    }

    public CellKind kind() {
        return kind;
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    /** Characters seen in training: steps × batch × seqLen. */
    public long trainedCharacters() {
        return (long) steps * batch * seqLen;
    }

    /**
     * The outcome of one run.
     *
     * @param seed the seed
     * @param finalTrainLoss mean training loss over the last 10 % of the steps (nats per character)
     * @param validLoss loss on the held-out text (nats per character)
     * @param validAccuracy share of held-out characters predicted exactly (most probable next character)
     * @param cpuSeconds CPU time of the calling thread for training and evaluation
     * @param wallSeconds wall-clock time
     * @param parameters trained numbers (cell + read-out)
     * @param model the trained model (e.g. to look inside its gates)
     * @param history loss per step
     */
    public record Result(int seed, double finalTrainLoss, double validLoss, double validAccuracy, double cpuSeconds,
            double wallSeconds, long parameters, CharLanguageModel model, History history) {}

    /** Trains and evaluates once with {@code seed}. */
    public Result run(int seed) {
        if (train.length() / batch < seqLen + 1) {
            throw Msg.badInput("teks latih terlalu pendek: " + train.length() + " karakter untuk batch " + batch + " × seqLen " + seqLen
                            + "; perkecil batch atau seqLen",
                    "training text too short: " + train.length() + " characters for batch " + batch + " × seqLen " + seqLen
                            + "; lower batch or seqLen");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuOk = mx.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpuOk ? mx.getCurrentThreadCpuTime() : 0;
        long wall0 = System.nanoTime();
        NumpyRandom rng = new NumpyRandom(seed);
        int V = vocab.size();
        RecurrentCell cell = kind.create(V, hidden, DataType.FLOAT, Init.uniform(rng));
        CharLanguageModel model = new CharLanguageModel(cell, new Dense(hidden, V, DataType.FLOAT, Init.uniform(rng)));
        int[] ids = vocab.encode(train);
        int streamLen = ids.length / batch;
        int chunks = (streamLen - 1) / seqLen;
        History h = new Trainer(model.params(), new Adam(learningRate))
                .clipGlobalNorm(5.0)
                .progress(false)
                .fitSteps(steps, s -> s % chunks, k -> {
                    if (k == 0) {
                        model.resetState();
                    }
                    int[][] in = new int[seqLen][batch], out = new int[seqLen][batch];
                    for (int t = 0; t < seqLen; t++) {
                        for (int b = 0; b < batch; b++) {
                            int pos = b * streamLen + k * seqLen + t;
                            in[t][b] = ids[pos];
                            out[t][b] = ids[pos + 1];
                        }
                    }
                    return model.forwardBackward(in, out);
                });
        double[] eval = evaluate(model, vocab.encode(valid));
        double cpu = cpuOk ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : Double.NaN;
        return new Result(seed, h.finalLoss(0.1), eval[0], eval[1], cpu, (System.nanoTime() - wall0) / 1e9,
                model.params().numel(), model, h);
    }

    /** {loss, accuracy} of {@code model} predicting every next character of {@code ids} from the zero state. */
    static double[] evaluate(CharLanguageModel model, int[] ids) {
        int T = ids.length - 1;
        int[][] in = new int[T][1], out = new int[T][1];
        for (int t = 0; t < T; t++) {
            in[t][0] = ids[t];
            out[t][0] = ids[t + 1];
        }
        double loss = model.loss(in, out, null, null);
        int[] guess = model.logits(in, null).argMax(1).toIntVector();
        int ok = 0;
        for (int t = 0; t < T; t++) {
            ok += guess[t] == ids[t + 1] ? 1 : 0;
        }
        return new double[] {loss, ok / (double) T};
    }

    /**
     * The bigram baseline on the same held-out text: predict the next character from the current one
     * only, with counts from the training text (add-one smoothing). Returns {loss in nats per
     * character, accuracy of the most frequent successor}.
     */
    public double[] bigramBaseline() {
        int V = vocab.size();
        double[][] counts = new double[V][V];
        int[] tr = vocab.encode(train);
        for (int t = 0; t + 1 < tr.length; t++) {
            counts[tr[t]][tr[t + 1]]++;
        }
        int[] va = vocab.encode(valid);
        double loss = 0;
        int ok = 0;
        for (int t = 0; t + 1 < va.length; t++) {
            double[] row = counts[va[t]];
            double total = V;
            int best = 0;
            for (int j = 0; j < V; j++) {
                total += row[j];
                if (row[j] > row[best]) {
                    best = j;
                }
            }
            loss -= Math.log((row[va[t + 1]] + 1) / total);
            ok += best == va[t + 1] ? 1 : 0;
        }
        return new double[] {loss / (va.length - 1), ok / (double) (va.length - 1)};
    }

    /**
     * A text reduced to lowercase letters a–z, space, full stop and comma: other letters and digits
     * are dropped, line breaks and dashes become spaces, runs of spaces collapse to one.
     */
    public static String simplify(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean space = true;
        for (char ch : raw.toLowerCase().toCharArray()) {
            char c = (ch >= 'a' && ch <= 'z') || ch == '.' || ch == ',' ? ch
                    : (Character.isWhitespace(ch) || ch == '-' || ch == '—' || ch == '–') ? ' ' : 0;
            if (c == 0 || (c == ' ' && space)) {
                continue;
            }
            sb.append(c);
            space = c == ' ';
        }
        return sb.toString().strip();
    }

    @Override
    public String toString() {
        return String.format("%s hidden %d, %d steps × batch %d × %d characters, Adam %s, clip 5", kind, hidden, steps, batch, seqLen,
                learningRate);
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw Msg.badInput(name + " harus >= 1, ternyata " + v, name + " must be >= 1, got " + v);
        }
        return v;
    }
}
