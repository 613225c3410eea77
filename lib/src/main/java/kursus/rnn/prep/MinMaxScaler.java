package kursus.rnn.prep;

import java.util.Arrays;

import kursus.rnn.core.Msg;

/**
 * Min-max scaling: maps each feature's training range {@code [min, max]} linearly onto
 * {@code [lo, hi]} (default {@code [0, 1]}), like scikit-learn's {@code MinMaxScaler}.
 *
 * <p>{@code x' = lo + (x - min) * (hi - lo) / (max - min)}. A constant feature ({@code max == min})
 * is only shifted, never divided by zero. Values outside the training range map outside
 * {@code [lo, hi]}: test prices above the training maximum become &gt; 1.
 */
public final class MinMaxScaler extends Scaler {
    private final double lo;
    private final double hi;
    private double[] min;
    private double[] max;

    /** Scales to {@code [0, 1]}. */
    public MinMaxScaler() {
        this(0.0, 1.0);
    }

    /** Scales to {@code [lo, hi]}, e.g. {@code (-1, 1)} for a tanh output. */
    public MinMaxScaler(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw Msg.badInput("MinMaxScaler: rentang target harus lo < hi (berhingga), didapat [" + lo + ", " + hi + "].",
                    "MinMaxScaler: the target range must have lo < hi (finite), got [" + lo + ", " + hi + "].");
        }
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    protected void fitColumns(double[][] cols) {
        int f = cols.length;
        min = new double[f];
        max = new double[f];
        shift = new double[f];
        scale = new double[f];
        for (int j = 0; j < f; j++) {
            min[j] = Arrays.stream(cols[j]).min().orElseThrow();
            max[j] = Arrays.stream(cols[j]).max().orElseThrow();
            double range = max[j] - min[j];
            // x' = (x - shift) / scale  with  scale = range/(hi-lo),  shift = min - lo*scale
            scale[j] = range == 0.0 ? 1.0 : range / (hi - lo);
            shift[j] = min[j] - lo * scale[j];
        }
    }

    /** Per-feature minimum seen by fit (a copy). */
    public double[] dataMin() {
        features();
        return min.clone();
    }

    /** Per-feature maximum seen by fit (a copy). */
    public double[] dataMax() {
        features();
        return max.clone();
    }

    @Override
    public MinMaxScaler fit(double[] values) {
        super.fit(values);
        return this;
    }

    @Override
    public MinMaxScaler fit(double[][] rows) {
        super.fit(rows);
        return this;
    }

    @Override
    public MinMaxScaler fit(org.nd4j.linalg.api.ndarray.INDArray x) {
        super.fit(x);
        return this;
    }

    @Override
    protected String name() {
        return "MinMaxScaler";
    }

    @Override
    public String toString() {
        return isFitted() ? "MinMaxScaler([" + lo + ", " + hi + "], min=" + Arrays.toString(min) + ", max="
                + Arrays.toString(max) + ")" : "MinMaxScaler([" + lo + ", " + hi + "], not fitted)";
    }
}
