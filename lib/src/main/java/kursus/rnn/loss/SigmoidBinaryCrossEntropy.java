package kursus.rnn.loss;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Nonlinear;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sigmoid followed by binary cross-entropy, for targets in {@code [0, 1]}:
 *
 * <pre>
 * p = σ(z)
 * L = mean over entries of −[y·log p + (1 − y)·log(1 − p)]
 *   = mean of max(z, 0) − z·y + log(1 + e^{−|z|})     (the stable form used here)
 * dL/dz = (σ(z) − y) / count
 * </pre>
 * The mean runs over every entry of the unmasked rows.
 */
public final class SigmoidBinaryCrossEntropy {
    private SigmoidBinaryCrossEntropy() {}

    public static LossResult compute(INDArray logits, INDArray targets) {
        return compute(logits, targets, null);
    }

    /**
     * @param logits {@code [N, K]}
     * @param targets {@code [N, K]} with values in {@code [0, 1]}
     * @param mask N values 0/1 (one per row), or null
     */
    public static LossResult compute(INDArray logits, INDArray targets, INDArray mask) {
        LossChecks.matrix("logits", logits);
        int N = (int) logits.size(0), K = (int) logits.size(1);
        Checks.shape("targets", targets, "rows,cols", N, K);
        Checks.finite("targets", targets);
        Flat y = Flat.of(Tensors.asContiguous(logits.dataType(), targets));
        for (int i = 0; i < y.length; i++) {
            double v = y.get(i);
            if (v < 0 || v > 1) {
                throw Msg.badInput(
                        "targets: nilai harus di [0, 1], ternyata " + v + " pada indeks " + i,
                        "targets: expected values in [0, 1], got " + v + " at index " + i);
            }
        }
        double[] m = LossChecks.rowMask(mask, N);
        int count = LossChecks.count(m, N) * K;
        INDArray grad = Tensors.contiguous(logits).dup('c');
        Flat g = Flat.of(grad);
        double total = 0;
        double inv = 1.0 / count;
        for (int r = 0; r < N; r++) {
            boolean on = m == null || m[r] != 0.0;
            for (int j = 0; j < K; j++) {
                int i = r * K + j;
                if (!on) {
                    g.set(i, 0.0);
                    continue;
                }
                double z = g.get(i), t = y.get(i);
                total += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
                g.set(i, (Nonlinear.sigmoid(z) - t) * inv);
            }
        }
        return new LossResult(total * inv, grad, count);
    }
}
