package kursus.rnn.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.gen.RecallTask;
import kursus.rnn.nn.CellKind;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.GruCell;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.nn.SequenceClassifier;
import kursus.rnn.optim.Adam;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training run on the long-range {@link RecallTask} ("remember the first symbol"), as used in
 * lessons 04–06 to compare cells: a {@link SequenceClassifier} (one-hot input, a recurrent cell, a
 * {@link Dense} head on the last state) trained with Adam and global-norm clipping, then scored on
 * fresh test sequences.
 *
 * <p>One seed fixes everything, in this order: the training sequences, the test sequences, the
 * cell's weights ({@link Init#uniform}, ±1/√H), the head's weights ({@link Init#xavierUniform}).
 * Mini-batches are taken in order, {@code from = (step · batch) mod trainSize}.
 *
 * <pre>
 * RecallExperiment e = RecallExperiment.of(CellKind.LSTM, 50).learningRate(0.003).forgetBias(3.0);
 * RecallExperiment.Result r = e.run(1);   // r.accuracy(), r.finalLoss(), r.cpuSeconds()
 * </pre>
 *
 * Instances are immutable; every setter returns a changed copy.
 */
public final class RecallExperiment {
    private final CellKind kind;
    private final int gap;
    private final int hidden;
    private final int steps;
    private final int batch;
    private final double learningRate;
    private final double forgetBias;
    private final double clipNorm;
    private final int trainSize;
    private final int testSize;

    private RecallExperiment(CellKind kind, int gap, int hidden, int steps, int batch, double learningRate,
            double forgetBias, double clipNorm, int trainSize, int testSize) {
        this.kind = kind;
        this.gap = gap;
        this.hidden = hidden;
        this.steps = steps;
        this.batch = batch;
        this.learningRate = learningRate;
        this.forgetBias = forgetBias;
        this.clipNorm = clipNorm;
        this.trainSize = trainSize;
        this.testSize = testSize;
    }

    /**
     * Defaults: hidden 32, 300 steps of batch 32, Adam 0.003, clipping at global norm 5, 2048
     * training and 500 test sequences, the library's forget-gate bias (1) for an LSTM.
     */
    public static RecallExperiment of(CellKind kind, int gap) {
        Checks.notNull("kind", kind);
        positive("gap", gap);
        return new RecallExperiment(kind, gap, 32, 300, 32, 0.003, Double.NaN, 5.0, 2048, 500);
    }

    public RecallExperiment hidden(int h) {
        return new RecallExperiment(kind, gap, positive("hidden", h), steps, batch, learningRate, forgetBias, clipNorm, trainSize, testSize);
    }

    public RecallExperiment steps(int s) {
        return new RecallExperiment(kind, gap, hidden, positive("steps", s), batch, learningRate, forgetBias, clipNorm, trainSize, testSize);
    }

    public RecallExperiment batch(int b) {
        if (b > trainSize) {
            throw Msg.badInput("batch (" + b + ") lebih besar dari trainSize (" + trainSize + ")",
                    "batch (" + b + ") is larger than trainSize (" + trainSize + ")");
        }
        return new RecallExperiment(kind, gap, hidden, steps, positive("batch", b), learningRate, forgetBias, clipNorm, trainSize, testSize);
    }

    public RecallExperiment learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw Msg.badInput("learningRate harus > 0, ternyata " + lr, "learningRate must be > 0, got " + lr);
        }
        return new RecallExperiment(kind, gap, hidden, steps, batch, lr, forgetBias, clipNorm, trainSize, testSize);
    }

    /** The LSTM's forget-gate bias at the start (the library's default is 1); only for {@link CellKind#LSTM}. */
    public RecallExperiment forgetBias(double b) {
        if (kind != CellKind.LSTM) {
            throw Msg.badInput("forgetBias hanya untuk LSTM, sel ini " + kind + " (untuk GRU: updateBias)",
                    "forgetBias applies to an LSTM only, this cell is " + kind + " (for a GRU: updateBias)");
        }
        return keepBias(b);
    }

    /**
     * The GRU's update-gate bias {@code b_z} at the start (the library's default is 0, so z ≈ 0.5); a
     * positive value makes {@code z} — the share of the old state kept — start near 1. Only for
     * {@link CellKind#GRU}.
     */
    public RecallExperiment updateBias(double b) {
        if (kind != CellKind.GRU) {
            throw Msg.badInput("updateBias hanya untuk GRU, sel ini " + kind + " (untuk LSTM: forgetBias)",
                    "updateBias applies to a GRU only, this cell is " + kind + " (for an LSTM: forgetBias)");
        }
        return keepBias(b);
    }

    private RecallExperiment keepBias(double b) {
        if (!Double.isFinite(b)) {
            throw Msg.badInput("bias harus berhingga, ternyata " + b, "the bias must be finite, got " + b);
        }
        return new RecallExperiment(kind, gap, hidden, steps, batch, learningRate, b, clipNorm, trainSize, testSize);
    }

    /** Global-norm clipping threshold (0 = off). */
    public RecallExperiment clipNorm(double c) {
        if (!(c >= 0) || Double.isInfinite(c)) {
            throw Msg.badInput("clipNorm harus >= 0, ternyata " + c, "clipNorm must be >= 0, got " + c);
        }
        return new RecallExperiment(kind, gap, hidden, steps, batch, learningRate, forgetBias, c, trainSize, testSize);
    }

    public RecallExperiment trainSize(int n) {
        return new RecallExperiment(kind, gap, hidden, steps, Math.min(batch, positive("trainSize", n)), learningRate, forgetBias, clipNorm, n, testSize);
    }

    public RecallExperiment testSize(int n) {
        return new RecallExperiment(kind, gap, hidden, steps, batch, learningRate, forgetBias, clipNorm, trainSize, positive("testSize", n));
    }

    public CellKind kind() {
        return kind;
    }

    public int gap() {
        return gap;
    }

    public int hiddenSize() {
        return hidden;
    }

    public int stepCount() {
        return steps;
    }

    public int batchSize() {
        return batch;
    }

    public double learningRateValue() {
        return learningRate;
    }

    /** The forget-gate bias used (1, the library default, unless set); NaN for RNN/GRU. */
    public double forgetBiasValue() {
        return kind == CellKind.LSTM ? (Double.isNaN(forgetBias) ? 1.0 : forgetBias) : Double.NaN;
    }

    /** The update-gate bias used (0, the library default, unless set); NaN for RNN/LSTM. */
    public double updateBiasValue() {
        return kind == CellKind.GRU ? (Double.isNaN(forgetBias) ? 0.0 : forgetBias) : Double.NaN;
    }

    /**
     * The outcome of one run.
     *
     * @param seed the seed
     * @param finalLoss mean training loss over the last 10 % of the steps
     * @param accuracy share of test sequences whose first symbol was named correctly (chance 0.25)
     * @param cpuSeconds CPU time of the calling thread for training and testing (steadier than wall time on a busy machine)
     * @param wallSeconds wall-clock time for training and testing
     * @param parameters number of trained numbers (cell + head)
     * @param history the training history (loss per step, gradient norm per step before clipping)
     */
    public record Result(int seed, double finalLoss, double accuracy, double cpuSeconds, double wallSeconds,
            long parameters, History history) {}

    /** Trains and tests once with {@code seed}. */
    public Result run(int seed) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        long wall0 = System.nanoTime();
        NumpyRandom rng = new NumpyRandom(seed);
        RecallTask train = RecallTask.generate(rng, trainSize, gap);
        RecallTask test = RecallTask.generate(rng, testSize, gap);
        SequenceClassifier model = model(rng);
        History h = new Trainer(model.params(), new Adam(learningRate))
                .clipGlobalNorm(clipNorm)
                .progress(false)
                .fitSteps(steps, s -> (s * batch) % (trainSize - trainSize % batch), from ->
                        model.forwardBackward(train.idsOf(from, from + batch), null, train.labelsOf(from, from + batch)));
        double acc = accuracy(model, test);
        long cpu1 = cpu0 >= 0 ? mx.getCurrentThreadCpuTime() : -1;
        double cpu = cpu0 >= 0 ? (cpu1 - cpu0) / 1e9 : Double.NaN;
        return new Result(seed, h.finalLoss(0.1), acc, cpu, (System.nanoTime() - wall0) / 1e9, model.params().numel(), h);
    }

    /** A fresh untrained model drawn from {@code rng} (cell weights, then head weights). */
    public SequenceClassifier model(NumpyRandom rng) {
        RecurrentCell cell = kind.create(RecallTask.VOCAB, hidden, DataType.FLOAT, Init.uniform(rng));
        if (cell instanceof LstmCell lstm && !Double.isNaN(forgetBias)) {
            lstm.gateBias(LstmCell.FORGET).assign(forgetBias);
        }
        if (cell instanceof GruCell gru && !Double.isNaN(forgetBias)) {
            gru.b_z().assign(forgetBias);
        }
        return new SequenceClassifier(null, cell, new Dense(hidden, RecallTask.CLASSES, DataType.FLOAT, Init.xavierUniform(rng)),
                SequenceClassifier.Task.CLASSES);
    }

    /** Share of sequences in {@code data} whose label is the model's most probable class. */
    public static double accuracy(SequenceClassifier model, RecallTask data) {
        INDArray p = model.predict(data.ids(), null); // [n, 4]
        int[] guess = p.argMax(1).toIntVector();
        int ok = 0;
        for (int b = 0; b < guess.length; b++) {
            ok += guess[b] == data.labels()[b] ? 1 : 0;
        }
        return ok / (double) guess.length;
    }

    @Override
    public String toString() {
        return String.format("%s gap %d, hidden %d, %d steps × batch %d, Adam %s, clip %s%s", kind, gap, hidden, steps, batch,
                learningRate, clipNorm, kind == CellKind.LSTM ? ", forget bias " + forgetBiasValue() : kind == CellKind.GRU ? ", update bias " + updateBiasValue() : "");
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw Msg.badInput(name + " harus >= 1, ternyata " + v, name + " must be >= 1, got " + v);
        }
        return v;
    }
}
