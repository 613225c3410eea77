package kursus.rnn.text;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import kursus.rnn.core.Msg;

/**
 * Padding: turns sequences of different lengths into one rectangular, <b>time-major</b> batch.
 *
 * <p>The result holds the index matrix {@code [T, batch]} (column b = sequence b), a mask
 * {@code [T, batch]} with 1 at real tokens and 0 at padding, and the true lengths. The mask is what
 * lets a many-to-many loss ignore padded positions.
 *
 * <pre>{@code
 * // sequences [5,6,7] and [8]; pad index 0, padding on the right:
 * //   indices    mask
 * //   [5, 8]     [1, 1]
 * //   [6, 0]     [1, 0]
 * //   [7, 0]     [1, 0]
 * Padding.Batch b = Padding.pad(List.of(new int[]{5, 6, 7}, new int[]{8}), 0);
 * }</pre>
 *
 * <p>Right padding (the default) puts real tokens first. Left padding puts them last, so every
 * sequence ends at the final time step: convenient for many-to-one models that read the last
 * hidden state.
 */
public final class Padding {

    /** Where the padding goes. */
    public enum Side {
        /** Real tokens first, padding after them (time steps {@code length..T-1} are padding). */
        RIGHT,
        /** Padding first, real tokens at the end (time steps {@code 0..T-length-1} are padding). */
        LEFT
    }

    private Padding() {}

    /** Right-pads {@code sequences} with {@code padIndex} to the length of the longest one. */
    public static Batch pad(List<int[]> sequences, int padIndex) {
        return pad(sequences, padIndex, Side.RIGHT, Integer.MAX_VALUE);
    }

    /** Pads {@code sequences} with {@code padIndex} on the given side to the longest length. */
    public static Batch pad(List<int[]> sequences, int padIndex, Side side) {
        return pad(sequences, padIndex, side, Integer.MAX_VALUE);
    }

    /**
     * Pads {@code sequences} to {@code min(maxLength, longest)} steps.
     *
     * <p>Longer sequences are truncated on the same side as the padding: with {@link Side#RIGHT}
     * the first {@code maxLength} tokens are kept, with {@link Side#LEFT} the last ones (the end of
     * a review is kept next to the final time step).
     */
    public static Batch pad(List<int[]> sequences, int padIndex, Side side, int maxLength) {
        if (sequences == null || sequences.isEmpty()) {
            throw Msg.badInput("Padding.pad: daftar sekuens kosong atau null. Berikan minimal satu sekuens.",
                    "Padding.pad: the list of sequences is empty or null. Pass at least one sequence.");
        }
        if (side == null) {
            throw Msg.badInput("Padding.pad: side bernilai null. Pakai Padding.Side.RIGHT atau LEFT.",
                    "Padding.pad: side is null. Use Padding.Side.RIGHT or LEFT.");
        }
        if (maxLength < 1) {
            throw Msg.badInput("Padding.pad: maxLength harus >= 1, didapat " + maxLength + ".",
                    "Padding.pad: maxLength must be >= 1, got " + maxLength + ".");
        }
        int batch = sequences.size();
        int[] lengths = new int[batch];
        int longest = 0;
        for (int b = 0; b < batch; b++) {
            int[] s = sequences.get(b);
            if (s == null || s.length == 0) {
                throw Msg.badInput("Padding.pad: sekuens ke-" + b + " kosong. Setiap sekuens perlu minimal satu"
                                + " token; buang sekuens kosong sebelum membuat batch.",
                        "Padding.pad: sequence " + b + " is empty. Every sequence needs at least one token;"
                                + " drop empty sequences before batching.");
            }
            lengths[b] = Math.min(s.length, maxLength);
            longest = Math.max(longest, lengths[b]);
        }
        int[][] idx = new int[longest][batch];
        double[][] mask = new double[longest][batch];
        for (int b = 0; b < batch; b++) {
            int[] s = sequences.get(b);
            int len = lengths[b];
            // which part of s survives truncation
            int from = side == Side.LEFT ? s.length - len : 0;
            // where the real tokens start in the padded column
            int offset = side == Side.LEFT ? longest - len : 0;
            for (int t = 0; t < longest; t++) {
                idx[t][b] = padIndex;
            }
            for (int k = 0; k < len; k++) {
                idx[offset + k][b] = s[from + k];
                mask[offset + k][b] = 1.0;
            }
        }
        return new Batch(idx, mask, lengths, side);
    }

    /**
     * A padded, time-major batch: {@code indices()[t][b]} is the token of sequence b at step t.
     */
    public static final class Batch {
        private final int[][] indices; // [T][batch]
        private final double[][] mask; // [T][batch]
        private final int[] lengths;   // [batch]
        private final Side side;

        Batch(int[][] indices, double[][] mask, int[] lengths, Side side) {
            this.indices = indices;
            this.mask = mask;
            this.lengths = lengths;
            this.side = side;
        }

        /** Number of time steps T (the longest length after truncation). */
        public int steps() {
            return indices.length;
        }

        /** Number of sequences in the batch. */
        public int batchSize() {
            return lengths.length;
        }

        /** The padding side used. */
        public Side side() {
            return side;
        }

        /** Index matrix {@code [T][batch]} (a copy). */
        public int[][] indices() {
            int[][] c = new int[indices.length][];
            for (int t = 0; t < c.length; t++) {
                c[t] = indices[t].clone();
            }
            return c;
        }

        /** Token index of sequence {@code b} at step {@code t}. */
        public int index(int t, int b) {
            return indices[t][b];
        }

        /** True lengths (after truncation), one per sequence (a copy). */
        public int[] lengths() {
            return lengths.clone();
        }

        /**
         * For each sequence, the time step of its last real token: {@code length-1} with right
         * padding, {@code T-1} with left padding. A many-to-one model reads its hidden state there.
         */
        public int[] lastSteps() {
            int[] last = new int[lengths.length];
            for (int b = 0; b < last.length; b++) {
                last[b] = side == Side.LEFT ? indices.length - 1 : lengths[b] - 1;
            }
            return last;
        }

        /** Mask {@code [T][batch]}: 1 at real tokens, 0 at padding (a copy). */
        public double[][] maskArray() {
            double[][] c = new double[mask.length][];
            for (int t = 0; t < c.length; t++) {
                c[t] = mask[t].clone();
            }
            return c;
        }

        /** Mask as an INDArray {@code [T, batch]} of FLOAT. */
        public INDArray mask() {
            return mask(DataType.FLOAT);
        }

        /** Mask as an INDArray {@code [T, batch]} of the given floating-point type. */
        public INDArray mask(DataType type) {
            OneHot.requireFloating(type, "mask");
            int T = indices.length, B = lengths.length;
            double[] flat = new double[T * B];
            for (int t = 0; t < T; t++) {
                System.arraycopy(mask[t], 0, flat, t * B, B);
            }
            return Nd4j.create(flat, new long[] {T, B}, type);
        }

        /** Index matrix as an INDArray {@code [T, batch]} of INT (e.g. for an embedding lookup). */
        public INDArray indexMatrix() {
            int T = indices.length, B = lengths.length;
            int[] flat = new int[T * B];
            for (int t = 0; t < T; t++) {
                System.arraycopy(indices[t], 0, flat, t * B, B);
            }
            return Nd4j.create(flat, new long[] {T, B}, DataType.INT);
        }

        /** One-hot inputs {@code [T, batch, V]} (FLOAT) with all-zero vectors at padded positions. */
        public INDArray oneHot(int vocabSize) {
            return OneHot.encode(this, vocabSize, DataType.FLOAT);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Padding.Batch(T=" + steps() + ", batch=" + batchSize()
                    + ", side=" + side + ")\n");
            for (int t = 0; t < indices.length; t++) {
                sb.append("t=").append(t).append(": ");
                for (int b = 0; b < lengths.length; b++) {
                    sb.append(mask[t][b] > 0 ? String.valueOf(indices[t][b]) : "_").append(b + 1 < lengths.length ? " " : "");
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }
}
