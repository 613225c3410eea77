package kursus.rnn.nn;

import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of one forward time step: the next state plus whatever the cell needs for its backward
 * step (its cache). Pass it back unchanged to {@link RecurrentCell#backward}.
 */
public final class Step {
    private final INDArray x;
    private final State next;
    private final Object cache;

    /**
     * @param x the input {@code x_t} {@code [batch, input]}
     * @param next the new state {@code (h_t, c_t)}
     * @param cache cell-specific values kept for the backward step (read back with {@link #cache(Class)})
     */
    public Step(INDArray x, State next, Object cache) {
        this.x = x;
        this.next = next;
        this.cache = cache;
    }

    /**
     * The former form, which also took the state before the step; that state is not kept.
     *
     * @deprecated use {@link #Step(INDArray, State, Object)}
     */
    @Deprecated
    public Step(INDArray x, State prev, State next, Object cache) {
        this(x, next, cache);
    }

    /** Input {@code x_t} {@code [batch, input]}. */
    public INDArray x() {
        return x;
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

    /**
     * The cell's cache as the type the cell stored, e.g. {@code step.cache(MyCache.class)}; a clear
     * error when the step came from another kind of cell.
     */
    public <C> C cache(Class<C> type) {
        if (!type.isInstance(cache)) {
            throw Msg.badInput(
                    "step: harus hasil forward() dari sel yang sama (cache " + name(cache) + ", seharusnya " + type.getSimpleName() + ")",
                    "step: expected the result of forward() on this same cell (cache " + name(cache) + ", expected " + type.getSimpleName() + ")");
        }
        return type.cast(cache);
    }

    /** The cell's cache, untyped ({@link #cache(Class)} checks the type). */
    public Object cache() {
        return cache;
    }

    private static String name(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
