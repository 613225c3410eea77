package kursus.rnn.train;

import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.gen.RecallTask;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.nn.SequenceClassifier;
import kursus.rnn.optim.Sgd;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One seeded training run of lesson 04's exploding-gradient case: a vanilla RNN whose recurrent
 * matrix is {@code W_hh = ρ·Q} ({@code Q} random orthogonal, so its spectral radius is exactly ρ) on the
 * {@link RecallTask} ("remember the first symbol"), trained with plain SGD, with no clipping, clipping by
 * global norm, or clipping by value. It records the loss and the gradient norm (before clipping) of every
 * step and how many steps the clipping changed.
 *
 * <p>One seed fixes everything, in this order: the training sequences, the cell's weights
 * ({@link Init#uniform}), {@code Q} ({@link Init#orthogonal}), the head's weights ({@link Init#uniform}).
 * Mini-batches are taken in order, {@code from = (step · batch) mod trainSize}.
 *
 * <pre>
 * ClippingExperiment e = ClippingExperiment.of(ClippingExperiment.Clip.NORM, 5.0);   // ρ 3, SGD 0.03, 300 steps
 * ClippingExperiment.Result r = e.run(1);   // r.finalLoss(), r.clippedSteps(), r.losses(), r.norms()
 * </pre>
 *
 * Instances are immutable; every setter returns a changed copy.
 */
public final class ClippingExperiment {

    /** How the gradient is clipped before each SGD step. */
    public enum Clip {
        /** No clipping. */
        NONE,
        /** Rescale all gradients together when their global norm exceeds the threshold. */
        NORM,
        /** Clamp every gradient entry into [−threshold, threshold]. */
        VALUE
    }

    /** Steps averaged for {@link Result#finalLoss()}. */
    public static final int FINAL_STEPS = 25;

    private final Clip clip;
    private final double threshold;
    private final double rho;
    private final double learningRate;
    private final int gap;
    private final int hidden;
    private final int steps;
    private final int batch;
    private final int trainSize;

    private ClippingExperiment(Clip clip, double threshold, double rho, double learningRate, int gap, int hidden,
            int steps, int batch, int trainSize) {
        this.clip = clip;
        this.threshold = threshold;
        this.rho = rho;
        this.learningRate = learningRate;
        this.gap = gap;
        this.hidden = hidden;
        this.steps = steps;
        this.batch = batch;
        this.trainSize = trainSize;
    }

    /**
     * Defaults (lesson 04): ρ = 3, SGD with learning rate 0.03, gap 20, hidden 32, 300 steps of batch 32,
     * 1024 training sequences. {@code threshold} is ignored for {@link Clip#NONE}.
     */
    public static ClippingExperiment of(Clip clip, double threshold) {
        if (clip == null) {
            throw Msg.badInput("clip bernilai null: pilih Clip.NONE, Clip.NORM atau Clip.VALUE",
                    "clip is null: choose Clip.NONE, Clip.NORM or Clip.VALUE");
        }
        if (clip != Clip.NONE && !(threshold > 0 && Double.isFinite(threshold))) {
            throw Msg.badInput("ambang clipping harus > 0, ternyata " + threshold,
                    "the clipping threshold must be > 0, got " + threshold);
        }
        return new ClippingExperiment(clip, threshold, 3.0, 0.03, 20, 32, 300, 32, 1024);
    }

    /** Spectral radius of {@code W_hh = ρ·Q}. */
    public ClippingExperiment rho(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw Msg.badInput("rho harus > 0, ternyata " + r, "rho must be > 0, got " + r);
        }
        return new ClippingExperiment(clip, threshold, r, learningRate, gap, hidden, steps, batch, trainSize);
    }

    /** SGD learning rate. */
    public ClippingExperiment learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw Msg.badInput("learningRate harus > 0, ternyata " + lr, "learningRate must be > 0, got " + lr);
        }
        return new ClippingExperiment(clip, threshold, rho, lr, gap, hidden, steps, batch, trainSize);
    }

    /** Distractor steps after the symbol to remember. */
    public ClippingExperiment gap(int g) {
        return new ClippingExperiment(clip, threshold, rho, learningRate, positive("gap", g), hidden, steps, batch, trainSize);
    }

    /** Hidden size. */
    public ClippingExperiment hidden(int h) {
        return new ClippingExperiment(clip, threshold, rho, learningRate, gap, positive("hidden", h), steps, batch, trainSize);
    }

    /** Number of SGD steps. */
    public ClippingExperiment steps(int s) {
        return new ClippingExperiment(clip, threshold, rho, learningRate, gap, hidden, positive("steps", s), batch, trainSize);
    }

    public Clip clip() {
        return clip;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * The outcome of one run.
     *
     * @param seed the seed
     * @param losses training loss of every step taken
     * @param norms global gradient norm of every step taken, before clipping
     * @param clippedSteps steps whose gradient the clipping changed (norm above the threshold, or at
     *        least one entry clamped); 0 without clipping
     * @param divergedAt the step (1-based) at which the loss or the gradient became NaN/Inf, or 0
     */
    public record Result(int seed, double[] losses, double[] norms, int clippedSteps, int divergedAt) {
        /**
         * Mean loss of the last {@value #FINAL_STEPS} steps; {@code +Infinity} when training diverged
         * (a diverged run never counts as learned).
         */
        public double finalLoss() {
            if (divergedAt > 0 || losses.length == 0) {
                return Double.POSITIVE_INFINITY;
            }
            int n = Math.min(FINAL_STEPS, losses.length);
            double s = 0;
            for (int i = losses.length - n; i < losses.length; i++) {
                s += losses[i];
            }
            return s / n;
        }

        /** Lowest loss of any step (NaN when no step was taken). */
        public double lowestLoss() {
            double m = Double.NaN;
            for (double v : losses) {
                m = Double.isNaN(m) ? v : Math.min(m, v);
            }
            return m;
        }

        /** Largest gradient norm before clipping (NaN when no step was taken). */
        public double maxNorm() {
            double m = Double.NaN;
            for (double v : norms) {
                m = Double.isNaN(m) ? v : Math.max(m, v);
            }
            return m;
        }
    }

    /** Trains once with {@code seed}. */
    public Result run(int seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        RecallTask train = RecallTask.generate(rng, trainSize, gap);
        RnnCell cell = new RnnCell(RecallTask.VOCAB, hidden, DataType.FLOAT, Init.uniform(rng));
        cell.W_hh().set(Init.orthogonal(rng, DataType.FLOAT, hidden).muli(rho)); // spectral radius exactly rho
        SequenceClassifier model = new SequenceClassifier(null, cell,
                new Dense(hidden, RecallTask.CLASSES, DataType.FLOAT, Init.uniform(rng)), SequenceClassifier.Task.CLASSES);
        Trainer trainer = new Trainer(model.params(), new Sgd(learningRate)).progress(false);
        if (clip == Clip.NORM) {
            trainer.clipGlobalNorm(threshold);
        } else if (clip == Clip.VALUE) {
            trainer.clipValue(threshold);
        }
        History h;
        int diverged = 0;
        try {
            h = trainer.fitSteps(steps, s -> (s * batch) % (trainSize - trainSize % batch), from ->
                    model.forwardBackward(train.idsOf(from, from + batch), null, train.labelsOf(from, from + batch)));
        } catch (TrainingDivergedException e) {
            h = e.history();
            diverged = h.steps() + 1;
        }
        return new Result(seed, toArray(h.stepLoss()), toArray(h.gradNorm()), h.clippedSteps(), diverged);
    }

    @Override
    public String toString() {
        return String.format("RNN W_hh = %s·Q, gap %d, hidden %d, SGD %s, %d steps × batch %d, clip %s%s", rho, gap, hidden,
                learningRate, steps, batch, clip, clip == Clip.NONE ? "" : " " + threshold);
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw Msg.badInput(name + " harus >= 1, ternyata " + v, name + " must be >= 1, got " + v);
        }
        return v;
    }
}
