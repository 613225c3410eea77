package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a layer draws its weight matrices. Every random scheme draws from a {@link NumpyRandom}, so
 * a seed gives the same numbers as the NumPy expression in each method's comment after
 * {@code np.random.seed(seed)}: one matrix at a time, in C order, in the order the layer creates
 * its parameters (documented on each layer). No {@code java.util.Random} anywhere.
 *
 * <pre>
 * NumpyRandom rng = new NumpyRandom(42);
 * LstmCell cell = new LstmCell(vocab, 128, DataType.FLOAT, Init.uniform(rng));
 * Dense out = new Dense(128, vocab, DataType.FLOAT, Init.uniform(rng));  // continues the same stream
 * </pre>
 */
public final class Init {
    private enum Kind { ZEROS, UNIFORM, XAVIER_UNIFORM, XAVIER_NORMAL, NORMAL }

    private final Kind kind;
    private final NumpyRandom rng;
    private final double std;

    private Init(Kind kind, NumpyRandom rng, double std) {
        this.kind = kind;
        this.rng = rng;
        this.std = std;
    }

    /** All weights zero (e.g. before loading known values). A zero network does not learn well. */
    public static Init zeros() {
        return new Init(Kind.ZEROS, null, 0);
    }

    /**
     * Uniform on {@code [−1/√H, 1/√H)} with {@code H} the layer's hidden size (PyTorch's default
     * for RNN/LSTM/GRU; for {@link Dense} {@code H} is its input size, as for {@code nn.Linear}).
     * NumPy: {@code np.random.uniform(-k, k, (rows, cols))}, {@code k = 1/sqrt(H)}.
     */
    public static Init uniform(NumpyRandom rng) {
        return new Init(Kind.UNIFORM, Checks.notNull("rng", rng), 0);
    }

    /**
     * Xavier/Glorot uniform: {@code U(−a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}.
     * NumPy: {@code np.random.uniform(-a, a, (rows, cols))}.
     */
    public static Init xavierUniform(NumpyRandom rng) {
        return new Init(Kind.XAVIER_UNIFORM, Checks.notNull("rng", rng), 0);
    }

    /**
     * Xavier/Glorot normal: {@code N(0, σ²)}, {@code σ = sqrt(2 / (fanIn + fanOut))}.
     * NumPy: {@code np.random.normal(0, σ, (rows, cols))}.
     */
    public static Init xavierNormal(NumpyRandom rng) {
        return new Init(Kind.XAVIER_NORMAL, Checks.notNull("rng", rng), 0);
    }

    /**
     * Small normal: {@code N(0, std²)}, e.g. {@code std = 0.01} as in Karpathy's min-char-rnn.
     * NumPy: {@code np.random.randn(rows, cols) * std}.
     */
    public static Init smallNormal(NumpyRandom rng, double std) {
        return new Init(Kind.NORMAL, Checks.notNull("rng", rng), Checks.positive("std", std));
    }

    /**
     * The sizes a scheme needs besides the matrix shape, named so that a call reads
     * {@code init.weights(dt, rows, cols, Fans.of(fanIn, fanOut).scale(hidden))}.
     *
     * @param in number of inputs feeding one unit (Xavier)
     * @param out number of units one input feeds (Xavier)
     * @param scaleSize the size {@code H} of the ±1/√H scheme (a cell's hidden size, a dense layer's input size)
     */
    public record Fans(int in, int out, int scaleSize) {
        /** Fans {@code in}, {@code out}; the ±1/√H scheme uses {@code in}. */
        public static Fans of(int in, int out) {
            return new Fans(in, out, in);
        }

        /** The same fans with {@code H} for the ±1/√H scheme. */
        public Fans scale(int H) {
            return new Fans(in, out, H);
        }
    }

    /** A new {@code [rows, cols]} weight matrix drawn by this scheme. */
    public INDArray weights(DataType dt, int rows, int cols, Fans fans) {
        Checks.notNull("fans", fans);
        return weights(dt, rows, cols, fans.in(), fans.out(), fans.scaleSize());
    }

    /**
     * A new {@code [rows, cols]} weight matrix.
     *
     * @param fanIn number of inputs feeding one unit (Xavier)
     * @param fanOut number of units one input feeds (Xavier)
     * @param hidden the layer's hidden size (the ±1/√H scheme)
     * @deprecated five sizes in a row are easy to swap; use {@link #weights(DataType, int, int, Fans)}
     */
    @Deprecated
    public INDArray weights(DataType dt, int rows, int cols, int fanIn, int fanOut, int hidden) {
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.floating("dtype", dt);
        return switch (kind) {
            case ZEROS -> Nd4j.zeros(dt, rows, cols);
            case UNIFORM -> uniform(rng, dt, 1.0 / Math.sqrt(hidden), rows, cols);
            case XAVIER_UNIFORM -> xavierUniform(rng, dt, fanIn, fanOut, rows, cols);
            case XAVIER_NORMAL -> xavierNormal(rng, dt, fanIn, fanOut, rows, cols);
            case NORMAL -> smallNormal(rng, dt, std, rows, cols);
        };
    }

    // ---------------------------------------------------------------- the schemes as functions

    /** {@code U(−a, a)} of the given shape: {@code np.random.uniform(-a, a, shape)}. */
    public static INDArray uniform(NumpyRandom rng, DataType dt, double a, int... shape) {
        Checks.positive("a", a);
        return rng.uniform(dt, -a, a, shape);
    }

    /** Xavier/Glorot uniform {@code [rows, cols]} for the given fans. */
    public static INDArray xavierUniform(NumpyRandom rng, DataType dt, int fanIn, int fanOut, int rows, int cols) {
        double a = Math.sqrt(6.0 / (Checks.positive("fanIn", fanIn) + Checks.positive("fanOut", fanOut)));
        return rng.uniform(dt, -a, a, rows, cols);
    }

    /** Xavier/Glorot normal {@code [rows, cols]} for the given fans. */
    public static INDArray xavierNormal(NumpyRandom rng, DataType dt, int fanIn, int fanOut, int rows, int cols) {
        double s = Math.sqrt(2.0 / (Checks.positive("fanIn", fanIn) + Checks.positive("fanOut", fanOut)));
        return rng.normal(dt, 0.0, s, rows, cols);
    }

    /** {@code np.random.randn(*shape) * std}. */
    public static INDArray smallNormal(NumpyRandom rng, DataType dt, double std, int... shape) {
        INDArray g = rng.randn(DataType.DOUBLE, shape).muli(Checks.positive("std", std));
        return dt == DataType.DOUBLE ? g : g.castTo(dt);
    }

    /**
     * A random orthogonal {@code [n, n]} matrix {@code Q} ({@code Q Qᵀ = I}): Gram–Schmidt on the rows
     * of {@code np.random.randn(n, n)} (computed in double precision, then cast to {@code dt}). Every
     * eigenvalue and every singular value of {@code Q} has modulus 1, so {@code ρ·Q} has spectral radius
     * and spectral norm both exactly {@code ρ} (lesson 04 builds {@code W_hh = ρ·Q} this way).
     */
    public static INDArray orthogonal(NumpyRandom rng, DataType dt, int n) {
        Checks.notNull("rng", rng);
        Checks.positive("n", n);
        Checks.floating("dtype", dt);
        double[][] a = rng.randn(DataType.DOUBLE, n, n).toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {                  // remove the components along earlier rows
                double d = 0;
                for (int q = 0; q < n; q++) {
                    d += a[i][q] * a[j][q];
                }
                for (int q = 0; q < n; q++) {
                    a[i][q] -= d * a[j][q];
                }
            }
            double s = 0;
            for (int q = 0; q < n; q++) {
                s += a[i][q] * a[i][q];
            }
            s = Math.sqrt(s);
            for (int q = 0; q < n; q++) {
                a[i][q] /= s;
            }
        }
        INDArray q = Nd4j.create(a); // [n, n] DOUBLE
        return dt == DataType.DOUBLE ? q : q.castTo(dt);
    }

    @Override
    public String toString() {
        return "Init." + kind.name().toLowerCase();
    }
}
