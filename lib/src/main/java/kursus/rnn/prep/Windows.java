package kursus.rnn.prep;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import kursus.rnn.core.Msg;

/**
 * Sliding windows over a time series: the inputs and targets for sequence regression.
 *
 * <p>For {@code series = [s0, s1, s2, s3, s4]} and {@code window = 3}:
 * <pre>
 *   sequence-to-one (next value):  [s0 s1 s2] -&gt; s3,   [s1 s2 s3] -&gt; s4
 *   shifted (many-to-many):        [s0 s1 s2] -&gt; [s1 s2 s3],   [s1 s2 s3] -&gt; [s2 s3 s4]
 * </pre>
 * Window i always starts at position i (stride 1), so windows are in chronological order.
 *
 * <p>The result gives the arrays in both layouts: {@link Samples#x()} is {@code [N, T, F]} (one row
 * per window, easy to print and to compare with numpy/Keras code) and {@link Samples#xTimeMajor()}
 * is {@code [T, N, F]}, the layout the library's recurrent layers read ({@code x.get(t)} is
 * {@code x_t} of shape {@code [N, F]}).
 */
public final class Windows {
    private Windows() {}

    /** Sequence-to-one: each window of {@code window} values predicts the next value. */
    public static Samples seqToOne(double[] series, int window) {
        return seqToOne(series, window, 1);
    }

    /**
     * Sequence-to-one with a horizon: window {@code [s_i .. s_{i+T-1}]} predicts
     * {@code s_{i+T-1+horizon}} (horizon 1 = the next value).
     */
    public static Samples seqToOne(double[] series, int window, int horizon) {
        requireSeries(series, "seqToOne");
        return seqToOne(column(series), series, window, horizon);
    }

    /**
     * Sequence-to-one with several input features: {@code features[t]} is the feature vector at
     * time t ({@code [len][F]}), and window {@code [i .. i+T-1]} predicts {@code target[i+T]}.
     */
    public static Samples seqToOne(double[][] features, double[] target, int window) {
        return seqToOne(features, target, window, 1);
    }

    /** Like {@link #seqToOne(double[][], double[], int)}, predicting {@code target[i+T-1+horizon]}. */
    public static Samples seqToOne(double[][] features, double[] target, int window, int horizon) {
        requireTable(features, "seqToOne");
        requireSeries(target, "seqToOne");
        if (target.length != features.length) {
            throw Msg.badInput("Windows.seqToOne: target punya " + target.length + " nilai, fitur punya "
                            + features.length + " baris. Keduanya harus sepanjang deret yang sama.",
                    "Windows.seqToOne: target has " + target.length + " values, features has " + features.length
                            + " rows. Both must cover the same time steps.");
        }
        requirePositive(window, "window", "seqToOne");
        requirePositive(horizon, "horizon", "seqToOne");
        int n = features.length - window - horizon + 1;
        requireEnough(n, features.length, window + horizon, "seqToOne");
        int f = features[0].length;
        double[][][] x = new double[n][window][];
        double[][] y = new double[n][1];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < window; t++) {
                x[i][t] = features[i + t].clone();
            }
            pos[i] = i + window - 1 + horizon;
            y[i][0] = target[pos[i]];
        }
        return new Samples(x, y, pos, f);
    }

    /**
     * Sequence-to-sequence: window {@code [s_i .. s_{i+Tin-1}]} predicts the next {@code outputLength}
     * values {@code [s_{i+Tin} .. s_{i+Tin+Tout-1}]}.
     */
    public static Samples seqToSeq(double[] series, int inputLength, int outputLength) {
        requireSeries(series, "seqToSeq");
        requirePositive(inputLength, "inputLength", "seqToSeq");
        requirePositive(outputLength, "outputLength", "seqToSeq");
        int n = series.length - inputLength - outputLength + 1;
        requireEnough(n, series.length, inputLength + outputLength, "seqToSeq");
        double[][][] x = new double[n][inputLength][1];
        double[][] y = new double[n][outputLength];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < inputLength; t++) {
                x[i][t][0] = series[i + t];
            }
            for (int t = 0; t < outputLength; t++) {
                y[i][t] = series[i + inputLength + t];
            }
            pos[i] = i + inputLength;
        }
        return new Samples(x, y, pos, 1);
    }

    /**
     * Aligned many-to-many: at every step t the target is the next value,
     * {@code x = [s_i .. s_{i+T-1}]}, {@code y = [s_{i+1} .. s_{i+T}]}.
     */
    public static Samples shifted(double[] series, int window) {
        requireSeries(series, "shifted");
        requirePositive(window, "window", "shifted");
        int n = series.length - window;
        requireEnough(n, series.length, window + 1, "shifted");
        double[][][] x = new double[n][window][1];
        double[][] y = new double[n][window];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < window; t++) {
                x[i][t][0] = series[i + t];
                y[i][t] = series[i + t + 1];
            }
            pos[i] = i + 1;
        }
        return new Samples(x, y, pos, 1);
    }

    private static double[][] column(double[] s) {
        double[][] c = new double[s.length][1];
        for (int i = 0; i < s.length; i++) {
            c[i][0] = s[i];
        }
        return c;
    }

    private static void requireSeries(double[] s, String op) {
        if (s == null || s.length == 0) {
            throw Msg.badInput("Windows." + op + ": deret kosong atau null.", "Windows." + op + ": the series is empty or null.");
        }
    }

    private static void requireTable(double[][] rows, String op) {
        if (rows == null || rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            throw Msg.badInput("Windows." + op + ": tabel fitur [len][F] kosong atau null.",
                    "Windows." + op + ": the feature table [len][F] is empty or null.");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != rows[0].length) {
                throw Msg.badInput("Windows." + op + ": baris " + i + " punya jumlah fitur berbeda dari baris 0 ("
                                + rows[0].length + ").",
                        "Windows." + op + ": row " + i + " has a different number of features than row 0 ("
                                + rows[0].length + ").");
            }
        }
    }

    private static void requirePositive(int v, String name, String op) {
        if (v < 1) {
            throw Msg.badInput("Windows." + op + ": " + name + " harus >= 1, didapat " + v + ".",
                    "Windows." + op + ": " + name + " must be >= 1, got " + v + ".");
        }
    }

    private static void requireEnough(int n, int len, int need, String op) {
        if (n < 1) {
            throw Msg.badInput("Windows." + op + ": deret sepanjang " + len + " terlalu pendek; satu jendela butuh "
                            + need + " nilai. Perkecil jendela atau pakai deret yang lebih panjang.",
                    "Windows." + op + ": a series of length " + len + " is too short; one window needs " + need
                            + " values. Use a smaller window or a longer series.");
        }
    }

    /** Windowed samples: N windows of T steps with F features, each with a target of Tout steps. */
    public static final class Samples {
        private final double[][][] x; // [N][T][F]
        private final double[][] y;   // [N][Tout]
        private final int[] positions;
        private final int features;

        Samples(double[][][] x, double[][] y, int[] positions, int features) {
            this.x = x;
            this.y = y;
            this.positions = positions;
            this.features = features;
        }

        /** Number of windows N. */
        public int size() {
            return x.length;
        }

        /** Steps per input window T. */
        public int windowLength() {
            return x[0].length;
        }

        /** Input features per step F. */
        public int features() {
            return features;
        }

        /** Steps per target Tout (1 for sequence-to-one). */
        public int outputLength() {
            return y[0].length;
        }

        /**
         * For each window, the position in the original series of its (first) target value: use it
         * as the x coordinate when plotting predictions against the series.
         */
        public int[] targetPositions() {
            return positions.clone();
        }

        /** Inputs {@code [N, T, F]} (FLOAT). */
        public INDArray x() {
            return x(DataType.FLOAT);
        }

        /** Inputs {@code [N, T, F]} of the given type. */
        public INDArray x(DataType type) {
            int n = size(), t = windowLength(), f = features;
            double[] flat = new double[n * t * f];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < t; s++) {
                    System.arraycopy(x[i][s], 0, flat, (i * t + s) * f, f);
                }
            }
            return Nd4j.create(flat, new long[] {n, t, f}, type);
        }

        /** Inputs time-major {@code [T, N, F]} (FLOAT), the layout of the recurrent layers. */
        public INDArray xTimeMajor() {
            return xTimeMajor(DataType.FLOAT);
        }

        /** Inputs time-major {@code [T, N, F]} of the given type. */
        public INDArray xTimeMajor(DataType type) {
            int n = size(), t = windowLength(), f = features;
            double[] flat = new double[n * t * f];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < t; s++) {
                    System.arraycopy(x[i][s], 0, flat, (s * n + i) * f, f);
                }
            }
            return Nd4j.create(flat, new long[] {t, n, f}, type);
        }

        /** Targets {@code [N, Tout]} (FLOAT); {@code [N, 1]} for sequence-to-one. */
        public INDArray y() {
            return y(DataType.FLOAT);
        }

        /** Targets {@code [N, Tout]} of the given type. */
        public INDArray y(DataType type) {
            int n = size(), t = outputLength();
            double[] flat = new double[n * t];
            for (int i = 0; i < n; i++) {
                System.arraycopy(y[i], 0, flat, i * t, t);
            }
            return Nd4j.create(flat, new long[] {n, t}, type);
        }

        /** Targets time-major {@code [Tout, N, 1]} (FLOAT), for a loss at every step. */
        public INDArray yTimeMajor() {
            return yTimeMajor(DataType.FLOAT);
        }

        /** Targets time-major {@code [Tout, N, 1]} of the given type. */
        public INDArray yTimeMajor(DataType type) {
            int n = size(), t = outputLength();
            double[] flat = new double[n * t];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < t; s++) {
                    flat[s * n + i] = y[i][s];
                }
            }
            return Nd4j.create(flat, new long[] {t, n, 1}, type);
        }

        /** Input window i as {@code [T][F]} (a copy). */
        public double[][] window(int i) {
            checkIndex(i);
            double[][] c = new double[x[i].length][];
            for (int s = 0; s < c.length; s++) {
                c[s] = x[i][s].clone();
            }
            return c;
        }

        /** Target of window i, {@code Tout} values (a copy). */
        public double[] target(int i) {
            checkIndex(i);
            return y[i].clone();
        }

        /** The single target of every window ({@code y[:, 0]}); only for one-step targets. */
        public double[] targets() {
            if (outputLength() != 1) {
                throw Msg.badInput("Windows.Samples.targets: target punya " + outputLength()
                                + " langkah, bukan 1. Pakai y() atau target(i).",
                        "Windows.Samples.targets: the target has " + outputLength()
                                + " steps, not 1. Use y() or target(i).");
            }
            double[] out = new double[size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = y[i][0];
            }
            return out;
        }

        /** The windows {@code from} (inclusive) to {@code to} (exclusive), e.g. a chronological split. */
        public Samples range(int from, int to) {
            if (from < 0 || to > size() || from >= to) {
                throw Msg.badInput("Windows.Samples.range: rentang [" + from + ", " + to + ") tidak valid untuk "
                                + size() + " jendela (butuh 0 <= from < to <= " + size() + ").",
                        "Windows.Samples.range: range [" + from + ", " + to + ") is invalid for " + size()
                                + " windows (need 0 <= from < to <= " + size() + ").");
            }
            int[] idx = new int[to - from];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = from + k;
            }
            return subset(idx);
        }

        /** The windows with the given indices, in that order (e.g. a split or a minibatch). */
        public Samples subset(int[] indices) {
            if (indices == null || indices.length == 0) {
                throw Msg.badInput("Windows.Samples.subset: daftar indeks kosong. Subset kosong tidak bisa dilatih"
                                + " atau dievaluasi.",
                        "Windows.Samples.subset: the index list is empty. An empty subset cannot be trained on"
                                + " or evaluated.");
            }
            double[][][] sx = new double[indices.length][][];
            double[][] sy = new double[indices.length][];
            int[] sp = new int[indices.length];
            for (int k = 0; k < indices.length; k++) {
                checkIndex(indices[k]);
                sx[k] = x[indices[k]];
                sy[k] = y[indices[k]];
                sp[k] = positions[indices[k]];
            }
            return new Samples(sx, sy, sp, features);
        }

        /**
         * The windows cut into minibatches of {@code batchSize} in a random order drawn from {@code rng}
         * (advances it: call once per epoch). Same order as numpy's {@code np.random.permutation}.
         */
        public java.util.List<Samples> shuffledBatches(int batchSize, kursus.rnn.random.NumpyRandom rng) {
            return batches(kursus.rnn.text.Batches.shuffled(size(), batchSize, rng));
        }

        /** The windows cut into minibatches of {@code batchSize} in chronological order (last may be smaller). */
        public java.util.List<Samples> sequentialBatches(int batchSize) {
            return batches(kursus.rnn.text.Batches.sequential(size(), batchSize));
        }

        private java.util.List<Samples> batches(java.util.List<int[]> idx) {
            java.util.List<Samples> out = new java.util.ArrayList<>(idx.size());
            for (int[] ix : idx) {
                out.add(subset(ix));
            }
            return out;
        }

        private void checkIndex(int i) {
            if (i < 0 || i >= size()) {
                throw Msg.badInput("Windows.Samples: indeks " + i + " di luar 0.." + (size() - 1) + ".",
                        "Windows.Samples: index " + i + " is outside 0.." + (size() - 1) + ".");
            }
        }

        @Override
        public String toString() {
            return "Windows.Samples(N=" + size() + ", T=" + windowLength() + ", F=" + features + ", Tout="
                    + outputLength() + ")";
        }
    }
}
