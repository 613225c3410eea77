package kursus.rnn.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients returned by one backward time step: {@code dx_t} {@code [batch, input]} and the gradient
 * with respect to the previous state ({@code dh_{t-1}}, and {@code dc_{t-1}} for an LSTM).
 * Parameter gradients are not here: the cell adds them into its {@code params()} gradients.
 */
public final class StepGrad {
    private final INDArray dx;
    private final State dPrev;

    public StepGrad(INDArray dx, State dPrev) {
        this.dx = dx;
        this.dPrev = dPrev;
    }

    /** {@code dL/dx_t} {@code [batch, input]}. */
    public INDArray dx() {
        return dx;
    }

    /** {@code dL/dh_{t-1}} (and {@code dL/dc_{t-1}}). */
    public State dPrev() {
        return dPrev;
    }
}
