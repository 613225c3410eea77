package kursus.rnn.check;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.nn.State;
import kursus.rnn.nn.Step;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How far a gradient travels back in time (lessons 04–05): run a cell over {@code T} random inputs,
 * put a loss on the last hidden state only ({@code ∂L/∂h_T} = a random unit vector, {@code ∂L/∂c_T} = 0),
 * backpropagate one step at a time, and record the norms of {@code ∂L/∂h_t} (and {@code ∂L/∂c_t}
 * for an LSTM) against the distance {@code d = T − t}.
 *
 * <pre>
 * GradientFlow.Norms n = GradientFlow.byDistance(cell, 60, new NumpyRandom(0));
 * n.h()[d]   // ||∂L/∂h_{T−d}||, d = 0 .. T−1 (n.h()[0] = 1)
 * </pre>
 * Random numbers are drawn from {@code rng} in this order: the inputs {@code x_1 … x_T} (each
 * {@code randn(1, input)}), then {@code ∂L/∂h_T} ({@code randn(1, hidden)}, normalised) — the same
 * order as notebook 04's own code.
 */
public final class GradientFlow {
    private GradientFlow() {}

    /**
     * Norms by distance.
     *
     * @param h {@code ||∂L/∂h_{T−d}||} for {@code d = 0 .. T−1}
     * @param c {@code ||∂L/∂c_{T−d}||} (LSTM), or null for cells without a cell state
     */
    public record Norms(double[] h, double[] c) {
        /** The distances {@code 0 .. T−1} as doubles (for a chart's x axis). */
        public double[] distances() {
            double[] d = new double[h.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = i;
            }
            return d;
        }
    }

    /** Measures the norms for {@code cell} (DOUBLE recommended) over {@code T} random steps drawn from {@code rng}. */
    public static Norms byDistance(RecurrentCell cell, int T, NumpyRandom rng) {
        Checks.notNull("cell", cell);
        Checks.notNull("rng", rng);
        if (T < 1) {
            throw Msg.badInput("T harus >= 1, ternyata " + T, "T must be >= 1, got " + T);
        }
        DataType dt = cell.dataType();
        List<Step> steps = new ArrayList<>();
        State s = null;
        for (int t = 0; t < T; t++) {
            Step st = cell.forward(rng.randn(dt, 1, cell.inputSize()), s);
            steps.add(st);
            s = st.next();
        }
        INDArray v = rng.randn(dt, 1, cell.hiddenSize());
        v.divi(v.norm2Number());
        boolean lstm = cell.hasCellState();
        State d = lstm ? State.of(v, Nd4j.zeros(dt, 1, cell.hiddenSize())) : State.of(v);
        double[] hn = new double[T];
        double[] cn = lstm ? new double[T] : null;
        for (int t = T - 1; t >= 0; t--) {
            hn[T - 1 - t] = d.h().norm2Number().doubleValue();
            if (lstm) {
                cn[T - 1 - t] = d.c().norm2Number().doubleValue();
            }
            d = cell.backward(d, steps.get(t)).dPrev();
        }
        return new Norms(hn, cn);
    }
}
