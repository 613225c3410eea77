package kursus.rnn.loss;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean squared error over every entry of the unmasked rows:
 *
 * <pre>
 * L = (1/count) Σ (ŷ − y)²        dL/dŷ = 2(ŷ − y) / count
 * </pre>
 */
public final class MeanSquaredError {
    private MeanSquaredError() {}

    public static LossResult compute(INDArray predictions, INDArray targets) {
        return compute(predictions, targets, null);
    }

    /**
     * @param predictions {@code [N, K]}
     * @param targets {@code [N, K]}
     * @param mask N values 0/1 (one per row), or null
     */
    public static LossResult compute(INDArray predictions, INDArray targets, INDArray mask) {
        LossChecks.matrix("predictions", predictions);
        int N = (int) predictions.size(0), K = (int) predictions.size(1);
        Checks.shape("targets", targets, "rows,cols", N, K);
        Checks.finite("targets", targets);
        double[] m = LossChecks.rowMask(mask, N);
        int count = LossChecks.count(m, N) * K;
        INDArray grad = Tensors.contiguous(predictions).dup('c');
        Flat g = Flat.of(grad);
        Flat y = Flat.of(Tensors.asContiguous(predictions.dataType(), targets));
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
                double d = g.get(i) - y.get(i);
                total += d * d;
                g.set(i, 2 * d * inv);
            }
        }
        return new LossResult(total * inv, grad, count);
    }
}
