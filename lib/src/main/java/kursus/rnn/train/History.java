package kursus.rnn.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened during {@link Trainer#fit}: the loss of every step, the mean loss of every epoch,
 * validation losses, gradient norms (before clipping), extra metrics, and why training stopped.
 *
 * <p>Lists are exposed read-only; charts take them directly, e.g.
 * {@code Charts.lossCurve(h.epochLoss(), h.validationLoss(), ...)}.
 */
public final class History {
    final List<Double> stepLoss = new ArrayList<>();
    final List<Double> gradNorm = new ArrayList<>();
    final List<Double> epochLoss = new ArrayList<>();
    final List<Double> validationLoss = new ArrayList<>();
    final List<Integer> validationStep = new ArrayList<>();
    final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    long items;
    int clippedSteps;
    double seconds;
    int bestValidationIndex = -1;
    String stopReason = "finished";

    /** Loss of every optimisation step, in order. */
    public List<Double> stepLoss() { return Collections.unmodifiableList(stepLoss); }

    /** Global gradient norm of every step, measured before clipping. */
    public List<Double> gradNorm() { return Collections.unmodifiableList(gradNorm); }

    /** Mean training loss of every completed epoch (empty when trained by steps). */
    public List<Double> epochLoss() { return Collections.unmodifiableList(epochLoss); }

    /** Validation losses, one per validation (see {@link #validationStep()}). */
    public List<Double> validationLoss() { return Collections.unmodifiableList(validationLoss); }

    /** The step count (1-based) at which each validation loss was taken. */
    public List<Integer> validationStep() { return Collections.unmodifiableList(validationStep); }

    /** A metric recorded with each validation, by name (empty list for an unknown name). */
    public List<Double> metric(String name) {
        return Collections.unmodifiableList(metrics.getOrDefault(name, List.of()));
    }

    /** Names of the recorded metrics. */
    public List<String> metricNames() { return List.copyOf(metrics.keySet()); }

    /**
     * Number of steps whose gradient the clipping changed: global norm above the threshold
     * ({@link Trainer#clipGlobalNorm}) or at least one entry clamped ({@link Trainer#clipValue}).
     */
    public int clippedSteps() { return clippedSteps; }

    /** Number of optimisation steps taken. */
    public int steps() { return stepLoss.size(); }

    /** Wall time of the training loop in seconds (validation included). */
    public double seconds() { return seconds; }

    /** Items (e.g. characters or sequences) processed per second of training. */
    public double itemsPerSecond() { return seconds > 0 ? items / seconds : 0; }

    /** Mean loss over the last {@code fraction} of the steps (e.g. 0.1 for the last 10 %). */
    public double finalLoss(double fraction) {
        if (stepLoss.isEmpty()) {
            return Double.NaN;
        }
        int n = Math.max(1, (int) Math.round(stepLoss.size() * fraction));
        double s = 0;
        for (int i = stepLoss.size() - n; i < stepLoss.size(); i++) {
            s += stepLoss.get(i);
        }
        return s / n;
    }

    /** Lowest validation loss, or NaN when there was no validation. */
    public double bestValidationLoss() {
        return bestValidationIndex < 0 ? Double.NaN : validationLoss.get(bestValidationIndex);
    }

    /**
     * Why training stopped: "finished", "early stopping", "callback", "interrupted" (Kernel → Interrupt),
     * or "diverged" (in the history carried by a {@link TrainingDivergedException}).
     */
    public String stopReason() { return stopReason; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("steps=%d, loss first=%.4f last=%.4f", steps(),
                stepLoss.isEmpty() ? Double.NaN : stepLoss.get(0),
                stepLoss.isEmpty() ? Double.NaN : stepLoss.get(stepLoss.size() - 1)));
        if (!validationLoss.isEmpty()) {
            sb.append(String.format(", best validation=%.4f (at step %d)", bestValidationLoss(),
                    validationStep.get(bestValidationIndex)));
        }
        sb.append(String.format(", %.1f s, stop: %s", seconds, stopReason));
        return sb.toString();
    }
}
