package kursus.rnn.text;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import kursus.rnn.core.Msg;

/**
 * One-hot encoding: index i of a vocabulary of size V becomes a vector of V zeros with a single 1
 * at position i.
 *
 * <p>Shapes follow the library's layout: a sequence of n indices gives {@code [n, V]} (one row per
 * token); a time-major index matrix {@code [T][batch]} gives {@code [T, batch, V]}, so
 * {@code x.get(t)} is the input {@code x_t} of shape {@code [batch, V]}.
 */
public final class OneHot {
    private OneHot() {}

    /** One-hot rows {@code [n, V]} (FLOAT) for a sequence of n indices. */
    public static INDArray encode(int[] indices, int vocabSize) {
        return encode(indices, vocabSize, DataType.FLOAT);
    }

    /** One-hot rows {@code [n, V]} of the given floating-point type. */
    public static INDArray encode(int[] indices, int vocabSize, DataType type) {
        requireFloating(type, "OneHot.encode");
        requireVocab(vocabSize);
        if (indices == null) {
            throw Msg.badInput("OneHot.encode: indices bernilai null.", "OneHot.encode: indices is null.");
        }
        double[] flat = new double[indices.length * vocabSize];
        for (int k = 0; k < indices.length; k++) {
            checkIndex(indices[k], vocabSize, "indices[" + k + "]");
            flat[k * vocabSize + indices[k]] = 1.0;
        }
        return Nd4j.create(flat, new long[] {indices.length, vocabSize}, type);
    }

    /** Time-major one-hot {@code [T, batch, V]} (FLOAT) from an index matrix {@code [T][batch]}. */
    public static INDArray encode(int[][] timeMajor, int vocabSize) {
        return encode(timeMajor, vocabSize, DataType.FLOAT);
    }

    /** Time-major one-hot {@code [T, batch, V]} of the given type from an index matrix {@code [T][batch]}. */
    public static INDArray encode(int[][] timeMajor, int vocabSize, DataType type) {
        return encode(timeMajor, null, vocabSize, type);
    }

    /**
     * Time-major one-hot {@code [T, batch, V]} of a padded batch; padded positions (mask 0) are
     * all-zero vectors, so they add nothing to {@code x_t·W_xh}.
     */
    public static INDArray encode(Padding.Batch batch, int vocabSize, DataType type) {
        return encode(batch.indices(), batch.maskArray(), vocabSize, type);
    }

    private static INDArray encode(int[][] idx, double[][] mask, int vocabSize, DataType type) {
        requireFloating(type, "OneHot.encode");
        requireVocab(vocabSize);
        if (idx == null || idx.length == 0 || idx[0] == null || idx[0].length == 0) {
            throw Msg.badInput("OneHot.encode: matriks indeks [T][batch] kosong atau null.",
                    "OneHot.encode: the index matrix [T][batch] is empty or null.");
        }
        int T = idx.length, B = idx[0].length;
        double[] flat = new double[T * B * vocabSize];
        for (int t = 0; t < T; t++) {
            if (idx[t] == null || idx[t].length != B) {
                throw Msg.badInput("OneHot.encode: baris t=" + t + " punya " + (idx[t] == null ? 0 : idx[t].length)
                                + " kolom, padahal baris 0 punya " + B + ". Matriks [T][batch] harus persegi panjang"
                                + " (pakai Padding.pad).",
                        "OneHot.encode: row t=" + t + " has " + (idx[t] == null ? 0 : idx[t].length)
                                + " columns, but row 0 has " + B + ". The [T][batch] matrix must be rectangular"
                                + " (use Padding.pad).");
            }
            for (int b = 0; b < B; b++) {
                if (mask != null && mask[t][b] == 0.0) {
                    continue;
                }
                checkIndex(idx[t][b], vocabSize, "indices[" + t + "][" + b + "]");
                flat[(t * B + b) * vocabSize + idx[t][b]] = 1.0;
            }
        }
        return Nd4j.create(flat, new long[] {T, B, vocabSize}, type);
    }

    /**
     * Index of the largest entry along the last axis: {@code [n, V]} gives n indices (e.g. the
     * predicted token of each row of probabilities). Ties go to the smaller index.
     */
    public static int[] argmax(INDArray rows) {
        if (rows == null || rows.rank() != 2) {
            throw Msg.badInput("OneHot.argmax: harap berikan matriks 2 dimensi [n, V], didapat "
                            + (rows == null ? "null" : java.util.Arrays.toString(rows.shape())) + ".",
                    "OneHot.argmax: expected a 2-D matrix [n, V], got "
                            + (rows == null ? "null" : java.util.Arrays.toString(rows.shape())) + ".");
        }
        int n = (int) rows.size(0), v = (int) rows.size(1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                double x = rows.getDouble(i, j);
                if (x > best) {
                    best = x;
                    out[i] = j;
                }
            }
        }
        return out;
    }

    static void requireFloating(DataType type, String where) {
        if (type == null || !type.isFPType()) {
            throw Msg.badInput(where + ": tipe data harus bilangan real (DataType.FLOAT atau DOUBLE), didapat "
                            + type + ".",
                    where + ": the data type must be floating point (DataType.FLOAT or DOUBLE), got " + type + ".");
        }
    }

    private static void requireVocab(int v) {
        if (v < 1) {
            throw Msg.badInput("OneHot: ukuran kosakata harus >= 1, didapat " + v + ".",
                    "OneHot: the vocabulary size must be >= 1, got " + v + ".");
        }
    }

    private static void checkIndex(int i, int v, String name) {
        if (i < 0 || i >= v) {
            throw Msg.badInput("OneHot: " + name + " = " + i + " di luar rentang 0.." + (v - 1)
                            + " (ukuran kosakata " + v + "). Apakah indeks dan ukuran kosakata berasal dari"
                            + " kosakata yang sama?",
                    "OneHot: " + name + " = " + i + " is outside 0.." + (v - 1) + " (vocabulary size " + v
                            + "). Do the indices and the size come from the same vocabulary?");
        }
    }
}
