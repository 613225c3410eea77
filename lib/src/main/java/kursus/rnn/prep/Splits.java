package kursus.rnn.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * Train / validation / test splits by fractions.
 *
 * <p>Sizes: {@code round(n·train)} training and {@code round(n·val)} validation examples, the rest
 * is test. Time series use {@link #chronological}: the past trains, the future tests, otherwise
 * the model would be tested on days it has already seen. Independent examples (sentences, names)
 * use {@link #shuffled}, seeded with {@link NumpyRandom} for reproducibility.
 *
 * <pre>{@code
 * Splits.Split s = Splits.shuffled(reviews.size(), 0.8, 0.1, 42);
 * List<Review> train = s.train(reviews), val = s.val(reviews), test = s.test(reviews);
 * }</pre>
 */
public final class Splits {
    private static final double EPS = 1e-9;

    private Splits() {}

    /** In order: the first part trains, the next validates, the last tests. */
    public static Split chronological(int n, double trainFraction, double valFraction) {
        int[] order = new int[Math.max(n, 0)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return make(n, trainFraction, valFraction, order, "chronological");
    }

    /** Shuffled with {@code rng.permutation(n)} (advances {@code rng}), then cut by the fractions. */
    public static Split shuffled(int n, double trainFraction, double valFraction, NumpyRandom rng) {
        if (rng == null) {
            throw Msg.badInput("Splits.shuffled: rng bernilai null. Buat dengan new NumpyRandom(seed).",
                    "Splits.shuffled: rng is null. Make one with new NumpyRandom(seed).");
        }
        checkFractions(n, trainFraction, valFraction);
        return make(n, trainFraction, valFraction, rng.permutation(n), "shuffled");
    }

    /** Shuffled with a fresh {@code new NumpyRandom(seed)}: the same seed gives the same split. */
    public static Split shuffled(int n, double trainFraction, double valFraction, long seed) {
        return shuffled(n, trainFraction, valFraction, new NumpyRandom(seed));
    }

    private static void checkFractions(int n, double train, double val) {
        if (n < 1) {
            throw Msg.badInput("Splits: jumlah contoh harus >= 1, didapat " + n + ".",
                    "Splits: the number of examples must be >= 1, got " + n + ".");
        }
        if (!(train > 0 && train <= 1) || !(val >= 0 && val < 1) || train + val > 1 + EPS) {
            throw Msg.badInput("Splits: pecahan tidak valid (train = " + train + ", val = " + val
                            + "). Butuh 0 < train <= 1, 0 <= val < 1 dan train + val <= 1; sisanya menjadi test.",
                    "Splits: invalid fractions (train = " + train + ", val = " + val
                            + "). Need 0 < train <= 1, 0 <= val < 1 and train + val <= 1; the rest becomes test.");
        }
    }

    private static Split make(int n, double train, double val, int[] order, String how) {
        checkFractions(n, train, val);
        int nTrain = (int) Math.round(n * train);
        int nVal = (int) Math.round(n * val);
        if (nTrain + nVal > n) {
            nVal = n - nTrain;
        }
        int nTest = n - nTrain - nVal;
        double testFraction = 1 - train - val;
        requireNonEmpty("train", nTrain, n, train);
        if (val > EPS) {
            requireNonEmpty("val", nVal, n, val);
        }
        if (testFraction > EPS) {
            requireNonEmpty("test", nTest, n, testFraction);
        }
        return new Split(Arrays.copyOfRange(order, 0, nTrain), Arrays.copyOfRange(order, nTrain, nTrain + nVal),
                Arrays.copyOfRange(order, nTrain + nVal, n), how);
    }

    private static void requireNonEmpty(String name, int size, int n, double fraction) {
        if (size == 0) {
            String f = String.format(Locale.ROOT, "%.3g", fraction);
            throw Msg.badInput("Splits: bagian '" + name + "' akan kosong: " + n + " contoh × " + f
                            + " dibulatkan menjadi 0. Pakai data lebih banyak atau pecahan lebih besar"
                            + " (atau pecahan 0 jika memang tidak perlu bagian ini).",
                    "Splits: the '" + name + "' part would be empty: " + n + " examples × " + f
                            + " rounds to 0. Use more data or a larger fraction (or fraction 0 if you do not need"
                            + " this part).");
        }
    }

    /** The index sets of one split. */
    public static final class Split {
        private final int[] train;
        private final int[] val;
        private final int[] test;
        private final String how;

        Split(int[] train, int[] val, int[] test, String how) {
            this.train = train;
            this.val = val;
            this.test = test;
            this.how = how;
        }

        /** Indices of the training examples (a copy). */
        public int[] trainIndices() {
            return train.clone();
        }

        /** Indices of the validation examples (a copy; empty if the validation fraction was 0). */
        public int[] valIndices() {
            return val.clone();
        }

        /** Indices of the test examples (a copy; empty if train + val = 1). */
        public int[] testIndices() {
            return test.clone();
        }

        /** The training items of {@code items}. */
        public <T> List<T> train(List<T> items) {
            return pick(items, train);
        }

        /** The validation items of {@code items}. */
        public <T> List<T> val(List<T> items) {
            return pick(items, val);
        }

        /** The test items of {@code items}. */
        public <T> List<T> test(List<T> items) {
            return pick(items, test);
        }

        /** The training values of a series (chronological split: the first part). */
        public double[] train(double[] values) {
            return pick(values, train);
        }

        /** The validation values of a series. */
        public double[] val(double[] values) {
            return pick(values, val);
        }

        /** The test values of a series. */
        public double[] test(double[] values) {
            return pick(values, test);
        }

        private int total() {
            return train.length + val.length + test.length;
        }

        private <T> List<T> pick(List<T> items, int[] idx) {
            checkSize(items == null ? -1 : items.size());
            List<T> out = new ArrayList<>(idx.length);
            for (int i : idx) {
                out.add(items.get(i));
            }
            return out;
        }

        private double[] pick(double[] values, int[] idx) {
            checkSize(values == null ? -1 : values.length);
            double[] out = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                out[k] = values[idx[k]];
            }
            return out;
        }

        private void checkSize(int size) {
            if (size != total()) {
                throw Msg.badInput("Split: data punya " + size + " elemen, tetapi pembagian dibuat untuk " + total()
                                + ". Buat pembagian dengan n = ukuran data ini.",
                        "Split: the data has " + size + " elements but the split was made for " + total()
                                + ". Make the split with n = the size of this data.");
            }
        }

        @Override
        public String toString() {
            return "Split(" + how + ": train " + train.length + ", val " + val.length + ", test " + test.length + ")";
        }
    }
}
