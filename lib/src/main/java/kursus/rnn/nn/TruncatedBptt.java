package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Truncated BPTT: a long sequence is processed in chunks; the state at the end of one chunk is the
 * initial state of the next (so the network still sees the whole history), but gradients stop at
 * the chunk boundary (the carried state is detached: a copy, with no path back).
 *
 * <pre>
 * TruncatedBptt tb = new TruncatedBptt(rnn);
 * for (chunk : chunks) {
 *     Recurrent.Output out = tb.forward(chunk);         // starts from the carried state
 *     ... loss, dH ...
 *     tb.backward(out, dH, null);                       // gradients of this chunk only
 * }
 * </pre>
 */
public final class TruncatedBptt {
    private final Recurrent rnn;
    private State carried;

    public TruncatedBptt(Recurrent rnn) {
        this.rnn = Checks.notNull("rnn", rnn);
    }

    /** Forgets the carried state: the next chunk starts from zeros (e.g. when the data wraps around). */
    public void reset() {
        carried = null;
    }

    /** The state carried into the next chunk (null before the first chunk or after {@link #reset}). */
    public State state() {
        return carried;
    }

    /** Forward over a chunk {@code [T, batch, input]} from the carried state. */
    public Recurrent.Output forward(INDArray x, INDArray mask) {
        Checks.shape("x", x, "time,batch,input", Checks.ANY, Checks.ANY, rnn.cell().inputSize());
        Recurrent.Output out = rnn.forward(x, start((int) x.size(1)), mask);
        carried = out.last().detach();
        return out;
    }

    /** Forward over a chunk of one-hot indices {@code [T][batch]} from the carried state. */
    public Recurrent.Output forwardOneHot(int[][] ids, INDArray mask) {
        Checks.notNull("ids", ids);
        int B = ids.length == 0 || ids[0] == null ? 0 : ids[0].length;
        Recurrent.Output out = rnn.forwardOneHot(ids, ids.length == 0 ? null : start(B), mask);
        carried = out.last().detach();
        return out;
    }

    /** BPTT inside the chunk; the gradient on the carried-in state is returned but goes nowhere. */
    public Recurrent.Gradients backward(Recurrent.Output out, INDArray dH, State dLast) {
        return rnn.backward(out, dH, dLast);
    }

    /** Carried state, or null (= zeros) when there is none or the batch size changed. */
    private State start(int batch) {
        return carried != null && carried.batch() == batch ? carried : null;
    }
}
