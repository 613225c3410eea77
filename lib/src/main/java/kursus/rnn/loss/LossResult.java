package kursus.rnn.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss value and its gradient with respect to the loss's input (logits or predictions), same
 * shape as that input. Masked rows have a zero gradient.
 */
public final class LossResult {
    private final double loss;
    private final INDArray grad;
    private final int count;

    public LossResult(double loss, INDArray grad, int count) {
        this.loss = loss;
        this.grad = grad;
        this.count = count;
    }

    /** Mean loss over the counted (unmasked) terms. */
    public double loss() {
        return loss;
    }

    /** {@code dL/d(input)}, already divided by {@link #count()}. */
    public INDArray grad() {
        return grad;
    }

    /** Number of terms averaged over. */
    public int count() {
        return count;
    }

    @Override
    public String toString() {
        return String.format("LossResult{loss=%.6f, count=%d}", loss, count);
    }
}
