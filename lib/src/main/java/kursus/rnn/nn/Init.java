package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a layer draws its weight matrices. Every random scheme draws from a NumPy-compatible
 * generator, so a seed gives the same numbers as {@code np.random.seed(seed)} would.
 */
public final class Init {
    private enum Kind { ZEROS }

    private final Kind kind;

    private Init(Kind kind) {
        this.kind = kind;
    }

    /** All weights zero (e.g. before loading known values). A zero network does not learn well. */
    public static Init zeros() {
        return new Init(Kind.ZEROS);
    }

    /**
     * A new {@code [rows, cols]} weight matrix.
     *
     * @param fanIn number of inputs feeding one unit (for Xavier)
     * @param fanOut number of units one input feeds (for Xavier)
     * @param hidden hidden size of the layer (for the uniform ±1/√hidden scheme)
     */
    public INDArray weights(DataType dt, int rows, int cols, int fanIn, int fanOut, int hidden) {
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        return Nd4j.zeros(dt, rows, cols);
    }

    @Override
    public String toString() {
        return "Init." + kind.name().toLowerCase();
    }
}
