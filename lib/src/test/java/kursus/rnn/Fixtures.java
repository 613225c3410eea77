package kursus.rnn;

import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import kursus.rnn.nn.GruCell;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small deterministic inputs for the tests. */
public final class Fixtures {
    private Fixtures() {}

    /** Standard-normal array from a fixed seed ({@code np.random.seed(seed); np.random.randn(*shape)}). */
    public static INDArray randn(long seed, DataType dt, long... shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.toIntExact(shape[i]);
        }
        return new NumpyRandom(seed).randn(dt, s);
    }

    /** Fills every parameter with {@code scale}·N(0,1) values (seeded). */
    public static void randomize(Params params, long seed, double scale) {
        long s = seed;
        for (Param p : params) {
            p.value().assign(randn(s++, DataType.DOUBLE, p.shape()).muli(scale));
        }
    }

    /** A cell of the given kind ("rnn", "lstm", "gru") with random weights and biases. */
    public static RecurrentCell cell(String kind, int input, int hidden, DataType dt, long seed) {
        RecurrentCell c = switch (kind) {
            case "rnn" -> new RnnCell(input, hidden, dt, Init.zeros());
            case "lstm" -> new LstmCell(input, hidden, dt, Init.zeros());
            case "gru" -> new GruCell(input, hidden, dt, Init.zeros());
            default -> throw new IllegalArgumentException(kind);
        };
        randomize(c.params(), seed, 0.5);
        return c;
    }

    /** {@code Σ a ∘ b}. */
    public static double dot(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).mul(b.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    /** A {@code [T, B]} mask from rows of 0/1. */
    public static INDArray mask(double[][] m) {
        return Nd4j.create(m);
    }

    /** Max |a − b| over all entries. */
    public static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
