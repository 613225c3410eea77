package kursus.rnn.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of one forward time step: the next state plus whatever the cell needs for its backward
 * step (an opaque cache). Pass it back unchanged to {@link RecurrentCell#backward}.
 */
public final class Step {
    private final INDArray x;
    private final State prev;
    private final State next;
    private final Object cache;

    /**
     * @param x the input {@code x_t} {@code [batch, input]}
     * @param prev the state the step started from
     * @param next the new state {@code (h_t, c_t)}
     * @param cache cell-specific values kept for the backward step
     */
    public Step(INDArray x, State prev, State next, Object cache) {
        this.x = x;
        this.prev = prev;
        this.next = next;
        this.cache = cache;
    }

    /** Input {@code x_t} {@code [batch, input]}. */
    public INDArray x() {
        return x;
    }

    /** State before the step ({@code h_{t-1}}, {@code c_{t-1}}). */
    public State prev() {
        return prev;
    }

    /** State after the step ({@code h_t}, {@code c_t}). */
    public State next() {
        return next;
    }

    /** Shortcut for {@code next().h()}. */
    public INDArray h() {
        return next.h();
    }

    /** Shortcut for {@code next().c()} (LSTM), else null. */
    public INDArray c() {
        return next.c();
    }

    /** The cell's cache (its own type). */
    public Object cache() {
        return cache;
    }
}
