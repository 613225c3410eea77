package kursus.rnn.loss;

import kursus.rnn.core.Checks;
import kursus.rnn.core.F32;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Nonlinear;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax followed by cross-entropy, for integer class targets:
 *
 * <pre>
 * p = softmax(z)                       row by row, z = logits [N, C]
 * L = (1/N') Σ_rows −log p[row, y_row]  over the N' unmasked rows
 * dL/dz = (p − onehot(y)) / N'           (0 on masked rows)
 * </pre>
 *
 * Computed stably: {@code −log p_y = logsumexp(z) − z_y} with {@code logsumexp(z) = m + log Σ e^{z−m}},
 * {@code m = max z}, so no exponential overflows whatever the logits.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** Mean loss and gradient over all rows. */
    public static LossResult compute(INDArray logits, int[] targets) {
        return compute(logits, targets, null);
    }

    /**
     * @param logits {@code [N, classes]}
     * @param targets class index per row, length N, each in {@code [0, classes)}
     * @param mask N values 0/1 (any shape with N entries, e.g. {@code [T, batch]} for time-major rows), or null
     */
    public static LossResult compute(INDArray logits, int[] targets, INDArray mask) {
        LossChecks.matrix("logits", logits);
        Checks.notNull("targets", targets);
        int N = (int) logits.size(0), C = (int) logits.size(1);
        if (targets.length != N) {
            throw Msg.badInput(
                    "targets: panjang harus N=" + N + " (satu per baris logits), ternyata " + targets.length,
                    "targets: expected length N=" + N + " (one per row of logits), got " + targets.length);
        }
        for (int r = 0; r < N; r++) {
            Checks.index("targets[" + r + "]", targets[r], C);
        }
        double[] m = LossChecks.rowMask(mask, N);
        return computeUnchecked(logits, targets, m);
    }

    /**
     * The float32 training kernel behind {@link #compute}, for a model's own read-out: the mean loss
     * over the unmasked rows of {@code z [N, C]} (row-major), and {@code z} replaced IN PLACE by
     * {@code dL/dz = (p − onehot(y)) / N'} (0 on masked rows). One exponential per entry.
     *
     * @param mask {@code N} values 0/1, or null
     */
    public static double meanInPlace(float[] z, int N, int C, int[] targets, double[] mask) {
        int count = LossChecks.count(mask, N);
        double inv = 1.0 / count, total = 0;
        for (int r = 0; r < N; r++) {
            int off = r * C;
            if (mask != null && mask[r] == 0.0) {
                java.util.Arrays.fill(z, off, off + C, 0f);
                continue;
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < C; j++) {
                max = Math.max(max, z[off + j]);
            }
            int y = targets[r];
            double zy = z[off + y];
            double s = 0;
            for (int j = 0; j < C; j++) {
                z[off + j] = F32.expNonPositive(z[off + j] - max); // ≤ 1: absolute accuracy suffices
            }
            for (int j = 0; j < C; j++) {
                s += z[off + j];
            }
            total += max + Math.log(s) - zy; // −log p_y = logsumexp(z) − z_y
            float scale = (float) (inv / s);
            for (int j = 0; j < C; j++) {
                z[off + j] *= scale; // p_j / N'
            }
            z[off + y] -= (float) inv;
        }
        return total * inv;
    }

    static LossResult computeUnchecked(INDArray logits, int[] targets, double[] m) {
        int N = (int) logits.size(0), C = (int) logits.size(1);
        int count = LossChecks.count(m, N);
        INDArray grad = Tensors.contiguous(logits).dup('c');
        Flat g = Flat.of(grad);
        double total = 0;
        double inv = 1.0 / count;
        for (int r = 0; r < N; r++) {
            int off = r * C;
            if (m != null && m[r] == 0.0) {
                for (int j = 0; j < C; j++) {
                    g.set(off + j, 0.0);
                }
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < C; j++) {
                max = Math.max(max, g.get(off + j));
            }
            double s = 0;
            for (int j = 0; j < C; j++) {
                s += Math.exp(g.get(off + j) - max);
            }
            double lse = max + Math.log(s);
            total += lse - g.get(off + targets[r]); // −log p_y
            for (int j = 0; j < C; j++) {
                double p = Math.exp(g.get(off + j) - lse);
                g.set(off + j, (p - (j == targets[r] ? 1.0 : 0.0)) * inv);
            }
        }
        return new LossResult(total * inv, grad, count);
    }

    /** Row-wise softmax probabilities of {@code logits [N, classes]} (a new array). */
    public static INDArray probabilities(INDArray logits) {
        return Nonlinear.softmax(logits);
    }
}
