package kursus.rnn.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.optim.GradClip;
import kursus.rnn.optim.Optimizer;

/**
 * The training loop every lesson uses: zero the gradients, run forward + backward on a batch,
 * measure the gradient norm, clip, take an optimiser step; validate now and then, stop early when
 * validation stops improving, and stop with a bilingual hint ({@link TrainingDivergedException}) when
 * the loss becomes NaN/Inf, when it explodes far above its first value (default: more than
 * {@code max(100·|first|, |first| + 10)}, see {@link #divergenceFactor}), or when validation gives NaN.
 * When the thread is interrupted (Jupyter's Kernel → Interrupt) it stops before the next step, prints
 * "dihentikan pada langkah N / interrupted at step N" and returns the History so far (stop reason
 * "interrupted"); the thread's interrupt flag stays set for the caller.
 *
 * <pre>
 * Trainer t = new Trainer(model.params(), new Adam(0.003))
 *         .clipGlobalNorm(5)
 *         .validation(() -&gt; model.loss(valBatch))
 *         .earlyStopping(3);
 * History h = t.fit(10, epoch -&gt; batches.shuffled(epoch), batch -&gt; model.forwardBackward(batch));
 * </pre>
 *
 * <p>The step function receives a batch and must return the mean loss after filling the
 * gradients of {@code params}; the trainer zeroes the gradients before each call, so the function
 * may simply accumulate into them.
 */
public final class Trainer {

    /** Forward + backward on one batch: fills the gradients and returns the mean loss. */
    @FunctionalInterface
    public interface StepFunction<B> {
        double forwardBackward(B batch);
    }

    /** Called every {@code n} steps; return {@code false} to stop training. */
    @FunctionalInterface
    public interface Callback {
        boolean onStep(int step, History history);
    }

    private final Params params;
    private final Optimizer optimizer;
    private double clipNorm;
    private double clipValue;
    private DoubleSupplier validation;
    private int validateEvery;
    private final Map<String, DoubleSupplier> metrics = new LinkedHashMap<>();
    private int patience;
    private boolean restoreBest = true;
    private Callback callback;
    private int callbackEvery;
    private PrintStream progressOut = System.out;
    private double progressInterval = 0.5;
    private int itemsPerStep = 1;
    private String itemName = "batch";
    private double divergenceFactor = 100;

    /** A trainer that updates {@code params} with {@code optimizer}. */
    public Trainer(Params params, Optimizer optimizer) {
        if (params == null || params.size() == 0) {
            throw Msg.badInput("params kosong: model tidak punya parameter untuk dilatih",
                    "params is empty: the model has no parameters to train");
        }
        if (optimizer == null) {
            throw Msg.badInput("optimizer belum diberikan (mis. new Adam(0.003))",
                    "optimizer is missing (e.g. new Adam(0.003))");
        }
        this.params = params;
        this.optimizer = optimizer;
    }

    /** Rescale all gradients together when their global L2 norm exceeds {@code maxNorm} (0 = off). */
    public Trainer clipGlobalNorm(double maxNorm) {
        this.clipNorm = nonNegative("maxNorm", maxNorm);
        return this;
    }

    /** Clamp every gradient entry into [-limit, limit] (0 = off). */
    public Trainer clipValue(double limit) {
        this.clipValue = nonNegative("limit", limit);
        return this;
    }

    /** A function returning the validation loss (it must not change the parameters). */
    public Trainer validation(DoubleSupplier validationLoss) {
        this.validation = validationLoss;
        return this;
    }

    /**
     * Validate every {@code steps} optimisation steps. Default: at the end of every epoch for
     * {@link #fit}, and 20 times over the run for {@link #fitSteps}.
     */
    public Trainer validateEvery(int steps) {
        this.validateEvery = (int) nonNegative("steps", steps);
        return this;
    }

    /** An extra number recorded at every validation, e.g. validation accuracy. */
    public Trainer metric(String name, DoubleSupplier metric) {
        metrics.put(name, metric);
        return this;
    }

    /**
     * Stop when the validation loss has not improved for {@code patience} validations in a row,
     * then put back the parameters of the best validation (see {@link #restoreBest}).
     */
    public Trainer earlyStopping(int patience) {
        this.patience = (int) nonNegative("patience", patience);
        return this;
    }

    /** Whether early stopping restores the best parameters (default true). */
    public Trainer restoreBest(boolean restore) {
        this.restoreBest = restore;
        return this;
    }

    /** Calls {@code callback} every {@code n} steps, e.g. to print a generated sample. */
    public Trainer every(int n, Callback callback) {
        if (n <= 0) {
            throw Msg.badInput("every(n, ...): n harus > 0, ternyata " + n,
                    "every(n, ...): n must be > 0, got " + n);
        }
        this.callbackEvery = n;
        this.callback = callback;
        return this;
    }

    /**
     * Stop with a {@link TrainingDivergedException} when a step's loss exceeds
     * {@code max(factor·|first loss|, |first loss| + 10)} (default factor 100; 0 = never). Such a loss
     * means training has blown up (e.g. learning rate 1e6: the loss climbs from 3.26 to millions);
     * the second term keeps tiny first losses (a regression at 0.001) from stopping on noise.
     */
    public Trainer divergenceFactor(double factor) {
        this.divergenceFactor = nonNegative("factor", factor);
        return this;
    }

    /** Show (true, default) or hide the live progress line. */
    public Trainer progress(boolean show) {
        this.progressOut = show ? System.out : null;
        return this;
    }

    /** Send the progress line somewhere else (null hides it). */
    public Trainer progressTo(PrintStream out) {
        this.progressOut = out;
        return this;
    }

    /** How often the progress line may be rewritten, in seconds (default 0.5). */
    public Trainer progressInterval(double seconds) {
        this.progressInterval = nonNegative("seconds", seconds);
        return this;
    }

    /** Items in one batch, for the speed shown (e.g. batch × seqLen characters) and its unit. */
    public Trainer itemsPerStep(int items, String unit) {
        if (items <= 0) {
            throw Msg.badInput("itemsPerStep harus > 0, ternyata " + items,
                    "itemsPerStep must be > 0, got " + items);
        }
        this.itemsPerStep = items;
        this.itemName = unit;
        return this;
    }

    /**
     * Trains for {@code epochs} passes; {@code epochBatches.apply(e)} gives the batches of epoch
     * {@code e} (0-based), e.g. shuffled with a seed that depends on {@code e}.
     */
    public <B> History fit(int epochs, IntFunction<? extends Iterable<B>> epochBatches, StepFunction<B> step) {
        if (epochs <= 0) {
            throw Msg.badInput("epochs harus > 0, ternyata " + epochs, "epochs must be > 0, got " + epochs);
        }
        Run run = new Run(-1, epochs);
        outer:
        for (int e = 0; e < epochs; e++) {
            run.epoch = e;
            double sum = 0;
            int n = 0;
            for (B batch : epochBatches.apply(e)) {
                if (run.interrupted()) {
                    break outer;
                }
                double loss = run.step(step, batch);
                sum += loss;
                n++;
                if (validateEvery > 0 && run.stepCount % validateEvery == 0 && run.validate()) {
                    break outer;
                }
                if (run.stopped) {
                    break outer;
                }
            }
            if (n == 0) {
                throw Msg.badInput("epoch " + (e + 1) + " tidak punya batch: data latih kosong?",
                        "epoch " + (e + 1) + " has no batches: is the training data empty?");
            }
            run.history.epochLoss.add(sum / n);
            if (validateEvery == 0 && run.validate()) {
                break;
            }
        }
        return run.finish();
    }

    /** Trains for exactly {@code steps} steps; {@code batchAt.apply(s)} gives the batch of step s (0-based). */
    public <B> History fitSteps(int steps, IntFunction<B> batchAt, StepFunction<B> step) {
        if (steps <= 0) {
            throw Msg.badInput("steps harus > 0, ternyata " + steps, "steps must be > 0, got " + steps);
        }
        int every = validateEvery > 0 ? validateEvery : Math.max(1, steps / 20);
        Run run = new Run(steps, 0);
        for (int s = 0; s < steps; s++) {
            if (run.interrupted()) {
                break;
            }
            run.step(step, batchAt.apply(s));
            if ((run.stepCount % every == 0 || s == steps - 1) && run.validate()) {
                break;
            }
            if (run.stopped) {
                break;
            }
        }
        return run.finish();
    }

    /** Global L2 norm of all gradients: sqrt(sum over parameters of sum(g^2)). */
    public static double gradientNorm(Params params) {
        return GradClip.globalNorm(params);
    }

    /** State of one call to fit/fitSteps. */
    private final class Run {
        final History history = new History();
        final ProgressLine line = new ProgressLine(progressOut, progressInterval);
        final long start = System.nanoTime();
        final int totalSteps;
        final int totalEpochs;
        int stepCount;
        int epoch;
        int sinceBest;
        boolean stopped;
        Params best;

        Run(int totalSteps, int totalEpochs) {
            this.totalSteps = totalSteps;
            this.totalEpochs = totalEpochs;
        }

        <B> double step(StepFunction<B> fn, B batch) {
            params.zeroGrad();
            double loss = fn.forwardBackward(batch);
            stepCount++;
            if (!Double.isFinite(loss)) {
                line.finish(status());
                throw new TrainingDivergedException(stepCount, "loss", loss, history);
            }
            if (divergenceFactor > 0 && !history.stepLoss.isEmpty()) {
                double first = Math.abs(history.stepLoss.get(0));
                double limit = Math.max(divergenceFactor * first, first + 10);
                if (loss > limit) {
                    line.finish(status());
                    String v = String.format(java.util.Locale.ROOT, "%.4g", loss);
                    String f = String.format(java.util.Locale.ROOT, "%.4g", history.stepLoss.get(0));
                    String l = String.format(java.util.Locale.ROOT, "%.4g", limit);
                    throw new TrainingDivergedException(stepCount,
                            "loss = " + v + " meledak jauh di atas loss pertama " + f + " (batas " + l
                                    + "; ubah dengan divergenceFactor(...))",
                            "loss = " + v + " exploded far above the first loss " + f + " (limit " + l
                                    + "; change it with divergenceFactor(...))", clipNorm > 0 || clipValue > 0, history);
                }
            }
            double norm = gradientNorm(params);
            if (!Double.isFinite(norm)) {
                line.finish(status());
                throw new TrainingDivergedException(stepCount, "gradient norm", norm, history);
            }
            boolean clipped = false;
            if (clipNorm > 0) {
                GradClip.clipToNorm(params, norm, clipNorm); // the norm just computed: the gradients are read once
                clipped = GradClip.clipsAtNorm(norm, clipNorm);
            }
            if (clipValue > 0) {
                clipped |= GradClip.clipByValue(params, clipValue) > 0;
            }
            history.clippedSteps += clipped ? 1 : 0;
            optimizer.step(params);
            history.stepLoss.add(loss);
            history.gradNorm.add(norm);
            history.items += itemsPerStep;
            history.seconds = elapsed();
            line.update(status(), false);
            if (callback != null && stepCount % callbackEvery == 0) {
                line.finish(status());
                if (!callback.onStep(stepCount, history)) {
                    history.stopReason = "callback";
                    stopped = true;
                }
            }
            return loss;
        }

        /**
         * True when the thread was interrupted (Kernel → Interrupt): records the stop reason and prints the
         * bilingual line once. The interrupt flag is left set.
         */
        boolean interrupted() {
            if (!Thread.currentThread().isInterrupted()) {
                return false;
            }
            history.stopReason = "interrupted";
            line.finish(status());
            PrintStream out = progressOut != null ? progressOut : System.out;
            out.println(Msg.of("Pelatihan dihentikan pada langkah " + stepCount + " (interrupt); History menyimpan "
                            + stepCount + " langkah yang sudah selesai.",
                    "Training interrupted at step " + stepCount + " (interrupt); the History keeps the "
                            + stepCount + " finished steps."));
            return true;
        }

        /** Runs validation if configured; returns true when early stopping says stop. */
        boolean validate() {
            if (validation == null) {
                return false;
            }
            double v = validation.getAsDouble();
            if (Double.isNaN(v)) {
                line.finish(status());
                throw new TrainingDivergedException(stepCount,
                        "loss validasi = NaN (loss latih terakhir " + lastLoss() + "). Jika loss latih masih wajar,"
                                + " periksa fungsi validasinya (mis. data validasi kosong memberi 0/0 = NaN)",
                        "validation loss = NaN (last training loss " + lastLoss() + "). If the training loss looks"
                                + " fine, check the validation function (e.g. an empty validation set gives 0/0 = NaN)",
                        clipNorm > 0 || clipValue > 0, history);
            }
            history.validationLoss.add(v);
            history.validationStep.add(stepCount);
            for (Map.Entry<String, DoubleSupplier> m : metrics.entrySet()) {
                history.metrics.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue().getAsDouble());
            }
            int last = history.validationLoss.size() - 1;
            if (history.bestValidationIndex < 0 || v < history.bestValidationLoss()) {
                history.bestValidationIndex = last;
                sinceBest = 0;
                if (patience > 0 && restoreBest) {
                    best = params.copy();
                }
            } else {
                sinceBest++;
            }
            line.update(status(), true);
            if (patience > 0 && sinceBest >= patience) {
                history.stopReason = "early stopping";
                return true;
            }
            return false;
        }

        String lastLoss() {
            return history.stepLoss.isEmpty() ? "-"
                    : String.format(java.util.Locale.ROOT, "%.4g", history.stepLoss.get(history.stepLoss.size() - 1));
        }

        History finish() {
            if (best != null && "early stopping".equals(history.stopReason)) {
                params.copyValuesFrom(best);
            }
            history.seconds = elapsed();
            line.finish(status());
            return history;
        }

        double elapsed() {
            return (System.nanoTime() - start) / 1e9;
        }

        String status() {
            StringBuilder sb = new StringBuilder();
            if (totalEpochs > 0) {
                sb.append("epoch ").append(epoch + 1).append('/').append(totalEpochs).append(" | ");
            }
            sb.append("step ").append(stepCount);
            if (totalSteps > 0) {
                sb.append('/').append(totalSteps);
            }
            List<Double> losses = history.stepLoss;
            if (!losses.isEmpty()) {
                sb.append(String.format(" | loss %.4f", losses.get(losses.size() - 1)));
            }
            if (!history.validationLoss.isEmpty()) {
                sb.append(String.format(" | val %.4f", history.validationLoss.get(history.validationLoss.size() - 1)));
            }
            double secs = elapsed();
            if (secs > 0 && stepCount > 0) {
                sb.append(String.format(" | %.0f %s/s", history.items / secs, itemName));
                if (totalSteps > 0) {
                    sb.append(" | ETA ").append(ProgressLine.duration(secs / stepCount * (totalSteps - stepCount)));
                }
            }
            return sb.toString();
        }
    }

    private static double nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw Msg.badInput(name + " harus >= 0 dan berhingga, ternyata " + v,
                    name + " must be >= 0 and finite, got " + v);
        }
        return v;
    }
}
