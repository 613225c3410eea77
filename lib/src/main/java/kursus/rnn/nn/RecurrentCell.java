package kursus.rnn.nn;

import kursus.rnn.core.Params;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent cell: the rule that turns {@code (x_t, state_{t-1})} into {@code state_t}, and its
 * backward rule. RNN, LSTM and GRU share this contract, so every model takes any of them.
 *
 * <p>Layout: row vectors. {@code x_t} is {@code [batch, input]}, {@code h_t} is
 * {@code [batch, hidden]}, and a weight that maps inputs to {@code k} pre-activations is
 * {@code [input, k]}, so a product reads {@code x_t · W}.
 */
public interface RecurrentCell {
    /** Size of one input vector {@code x_t}. */
    int inputSize();

    /** Size of the hidden state {@code h_t}. */
    int hiddenSize();

    /** FLOAT (training) or DOUBLE (gradient checks). */
    DataType dataType();

    /** The trainable parameters; {@link #backward} adds into their gradients. */
    Params params();

    /** True when the state has a cell part {@code c} (LSTM). */
    boolean hasCellState();

    /** The all-zero state for {@code batch} sequences. */
    State zeroState(int batch);

    /**
     * One forward time step.
     *
     * @param x_t input {@code [batch, input]}
     * @param prev state {@code h_{t-1}} {@code [batch, hidden]} (and {@code c_{t-1}})
     * @return the new state and a cache for {@link #backward}
     */
    Step forward(INDArray x_t, State prev);

    /**
     * One backward time step. ADDS the parameter gradients into {@code params()} (+=), so calling it
     * for every step of a sequence sums the gradients over time, as BPTT requires.
     *
     * @param dNext {@code dL/dh_t} (and {@code dL/dc_t}) {@code [batch, hidden]}: the total gradient
     *     arriving at the step's output state
     * @param step what {@link #forward} returned for this step
     * @return {@code dL/dx_t} and {@code dL/d(state_{t-1})}
     */
    StepGrad backward(State dNext, Step step);
}
