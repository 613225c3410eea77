package kursus.rnn.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * Minibatches as lists of example indices.
 *
 * <p>{@link #shuffled} draws one permutation with {@link NumpyRandom#permutation(int)} and cuts it
 * into consecutive pieces, exactly like the numpy idiom
 * {@code perm = np.random.permutation(n); for i in range(0, n, bs): idx = perm[i:i+bs]}: with the
 * same seed a Java notebook visits the examples in the same order as the numpy original. Call it
 * once per epoch with the same generator to get a new order every epoch.
 */
public final class Batches {
    private Batches() {}

    /** Batches {@code [0..b-1], [b..2b-1], ...} in order; the last one may be smaller. */
    public static List<int[]> sequential(int n, int batchSize) {
        return sequential(n, batchSize, false);
    }

    /** Batches in order; {@code dropLast} leaves out a last batch smaller than {@code batchSize}. */
    public static List<int[]> sequential(int n, int batchSize, boolean dropLast) {
        check(n, batchSize);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return cut(idx, batchSize, dropLast);
    }

    /** Batches of a random permutation drawn from {@code rng} (advances {@code rng}). */
    public static List<int[]> shuffled(int n, int batchSize, NumpyRandom rng) {
        return shuffled(n, batchSize, rng, false);
    }

    /** Batches of a random permutation; {@code dropLast} leaves out a smaller last batch. */
    public static List<int[]> shuffled(int n, int batchSize, NumpyRandom rng, boolean dropLast) {
        check(n, batchSize);
        if (rng == null) {
            throw Msg.badInput("Batches.shuffled: generator acak (rng) bernilai null. Buat dengan new NumpyRandom(seed).",
                    "Batches.shuffled: the random generator (rng) is null. Make one with new NumpyRandom(seed).");
        }
        return cut(rng.permutation(n), batchSize, dropLast);
    }

    /** Batches of a random permutation from a fresh {@code new NumpyRandom(seed)}. */
    public static List<int[]> shuffled(int n, int batchSize, long seed) {
        return shuffled(n, batchSize, new NumpyRandom(seed));
    }

    /** The items at {@code indices}, in that order (e.g. the sentences of one batch). */
    public static <T> List<T> take(List<T> items, int[] indices) {
        List<T> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            if (i < 0 || i >= items.size()) {
                throw Msg.badInput("Batches.take: indeks " + i + " di luar 0.." + (items.size() - 1) + ".",
                        "Batches.take: index " + i + " is outside 0.." + (items.size() - 1) + ".");
            }
            out.add(items.get(i));
        }
        return out;
    }

    /**
     * The slices of {@code x} at {@code indices} along {@code axis}: axis 0 for batch-major data
     * {@code [N, ...]}, axis 1 for time-major data {@code [T, N, F]} (gives {@code [T, batch, F]}).
     */
    public static INDArray take(INDArray x, int axis, int[] indices) {
        if (x == null || axis < 0 || axis >= x.rank()) {
            throw Msg.badInput("Batches.take: sumbu " + axis + " tidak ada pada array berbentuk "
                            + (x == null ? "null" : Arrays.toString(x.shape())) + ".",
                    "Batches.take: axis " + axis + " does not exist for an array of shape "
                            + (x == null ? "null" : Arrays.toString(x.shape())) + ".");
        }
        if (indices == null || indices.length == 0) {
            throw Msg.badInput("Batches.take: daftar indeks kosong.", "Batches.take: the index list is empty.");
        }
        long n = x.size(axis);
        INDArray[] parts = new INDArray[indices.length];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= n) {
                throw Msg.badInput("Batches.take: indeks " + indices[k] + " di luar 0.." + (n - 1) + " pada sumbu " + axis
                                + " (bentuk " + Arrays.toString(x.shape()) + ").",
                        "Batches.take: index " + indices[k] + " is outside 0.." + (n - 1) + " on axis " + axis
                                + " (shape " + Arrays.toString(x.shape()) + ").");
            }
            INDArrayIndex[] at = new INDArrayIndex[x.rank()];
            for (int d = 0; d < at.length; d++) {
                at[d] = d == axis ? NDArrayIndex.interval(indices[k], indices[k] + 1) : NDArrayIndex.all();
            }
            parts[k] = x.get(at);
        }
        return Nd4j.concat(axis, parts);
    }

    private static List<int[]> cut(int[] order, int batchSize, boolean dropLast) {
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            if (dropLast && to - from < batchSize) {
                break;
            }
            out.add(Arrays.copyOfRange(order, from, to));
        }
        return out;
    }

    private static void check(int n, int batchSize) {
        if (n < 1) {
            throw Msg.badInput("Batches: jumlah contoh harus >= 1, didapat " + n + ".",
                    "Batches: the number of examples must be >= 1, got " + n + ".");
        }
        if (batchSize < 1) {
            throw Msg.badInput("Batches: ukuran batch harus >= 1, didapat " + batchSize + ".",
                    "Batches: the batch size must be >= 1, got " + batchSize + ".");
        }
    }
}
