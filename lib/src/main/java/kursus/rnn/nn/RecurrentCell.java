package kursus.rnn.nn;

import kursus.rnn.core.Params;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent cell: the rule that turns {@code (x_t, state_{t-1})} into {@code state_t}, and its
 * backward rule. RNN, LSTM and GRU share this contract, so every model takes any of them.
 *
 * <p>A cell needs only the one-step rule ({@link #forward}, {@link #backward}): the sequence pass
 * ({@link #forwardSequence}, {@link #backwardSequence}) unrolls it over time by default, so a cell
 * written in a notebook trains through {@link Recurrent} and every model exactly like the built-in
 * ones. The built-in cells override the sequence pass with a faster one that computes the same
 * numbers (all input projections in one product, one fused loop over the gates per step).
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

    /**
     * Forward over a whole sequence. Default: {@link #forward} step by step, a padded step keeping
     * the previous state ({@code s_t = m_t·forward(x_t, s_{t−1}) + (1 − m_t)·s_{t−1}}).
     *
     * @param x the inputs of all {@code T} steps and the padding mask, already checked
     * @param h0 the initial state (not null; not changed)
     * @return every state and what {@link #backwardSequence} needs
     */
    default SequenceCache forwardSequence(SequenceInput x, State h0) {
        return Unrolled.forward(this, x, h0);
    }

    /**
     * Backpropagation through time over a pass of {@link #forwardSequence}; ADDS the parameter
     * gradients of all steps into {@code params()}. Default: {@link #backward} for {@code t = T..1}.
     *
     * @param fwd what {@link #forwardSequence} of this cell returned
     * @param dH {@code dL/dh_t} from outside the recurrence {@code [T, batch, hidden]} (contiguous, this
     *     cell's dtype), or null
     * @param dLast gradient on the last state (its {@code h} and/or {@code c} may be null), or null
     * @return {@code dL/dX [T, batch, input]} (null for one-hot inputs) and {@code dL/d(state_0)}
     */
    default Recurrent.Gradients backwardSequence(SequenceCache fwd, INDArray dH, State dLast) {
        return Unrolled.of(this, fwd).backward(dH, dLast);
    }
}
