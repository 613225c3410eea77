package kursus.rnn.prep;

import java.util.Arrays;

/**
 * Standardisation: {@code x' = (x - mean) / std} per feature, with the population standard
 * deviation (divide by N, as scikit-learn's {@code StandardScaler} and numpy's {@code std()}).
 * A constant feature (std 0) is only centred.
 */
public final class StandardScaler extends Scaler {

    /** Creates an unfitted scaler. */
    public StandardScaler() {}

    @Override
    protected void fitColumns(double[][] cols) {
        int f = cols.length;
        shift = new double[f];
        scale = new double[f];
        for (int j = 0; j < f; j++) {
            double[] c = cols[j];
            double mean = 0;
            for (double v : c) {
                mean += v;
            }
            mean /= c.length;
            double ss = 0; // two-pass: accurate even for large offsets (prices ~ 1000)
            for (double v : c) {
                ss += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(ss / c.length);
            shift[j] = mean;
            scale[j] = std == 0.0 ? 1.0 : std;
        }
    }

    /** Per-feature mean seen by fit (a copy). */
    public double[] mean() {
        features();
        return shift.clone();
    }

    /** Per-feature standard deviation used for scaling (a copy; 1 for a constant feature). */
    public double[] std() {
        features();
        return scale.clone();
    }

    @Override
    public StandardScaler fit(double[] values) {
        super.fit(values);
        return this;
    }

    @Override
    public StandardScaler fit(double[][] rows) {
        super.fit(rows);
        return this;
    }

    @Override
    public StandardScaler fit(org.nd4j.linalg.api.ndarray.INDArray x) {
        super.fit(x);
        return this;
    }

    @Override
    protected String name() {
        return "StandardScaler";
    }

    @Override
    public String toString() {
        return isFitted() ? "StandardScaler(mean=" + Arrays.toString(shift) + ", std=" + Arrays.toString(scale) + ")"
                : "StandardScaler(not fitted)";
    }
}
