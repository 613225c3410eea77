package kursus.rnn.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Gradients of a built-in cell's backward pass over a sequence. */
final class SeqGrad {
    /** {@code dL/dX} {@code [T·B, input]}, or null (one-hot inputs, or not requested). */
    final INDArray dX;
    /** {@code dL/dh_0} (and {@code dL/dc_0}). */
    final State dH0;

    SeqGrad(INDArray dX, State dH0) {
        this.dX = dX;
        this.dH0 = dH0;
    }
}
