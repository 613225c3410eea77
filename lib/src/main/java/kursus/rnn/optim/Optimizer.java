package kursus.rnn.optim;

import kursus.rnn.core.Params;

/** Updates parameters in place from their gradients. */
public interface Optimizer {
    /** One update of every parameter in {@code params} from its current gradient. */
    void step(Params params);

    double learningRate();

    void setLearningRate(double lr);
}
