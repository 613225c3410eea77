package kursus.rnn.core;

import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Activation functions and their derivatives, for scalars (used inside the cells' loops) and for
 * whole arrays (new arrays; the input is not changed). The layers ({@code nn}) and the losses
 * ({@code loss}) both use them, so they live here at the bottom; notebooks reach them as
 * {@code kursus.rnn.nn.Activations}, which forwards here (a class of the same name in both packages
 * would make {@code import kursus.rnn.nn.*; import kursus.rnn.core.*;} ambiguous).
 *
 * <p>Derivatives are written in terms of the function's OUTPUT where that is the usual form:
 * {@code σ'(a) = y(1 − y)}, {@code tanh'(a) = 1 − y²} with {@code y} the activation.
 */
public final class Nonlinear {
    private Nonlinear() {}

    // ---------------------------------------------------------------- scalars

    /** {@code σ(a) = 1 / (1 + e^{−a})}; never NaN (large |a| saturates to 0 or 1). */
    public static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }

    /**
     * {@code tanh(a)}, to within a few units in the last place of {@link Math#tanh}.
     *
     * <p>Written with {@link Math#exp} because on Java 17 {@code Math.tanh} is a native call
     * ({@code StrictMath.tanh}) that took ~20 % of an LSTM training step, while {@code Math.exp} is
     * compiled inline: {@code tanh(|a|) = (1 − e^{−2|a|}) / (1 + e^{−2|a|})} (no overflow), and the
     * odd Taylor series {@code a − a³/3 + 2a⁵/15 − ...} for {@code |a| < 0.1}, where the subtraction would
     * lose relative precision.
     */
    public static double tanh(double a) {
        double x = Math.abs(a);
        double t;
        if (x < 0.1) {
            double x2 = x * x; // Taylor series to x^15; the first omitted term is < 1e-19 relative
            t = x * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 + x2 * (-17.0 / 315.0 + x2 * (62.0 / 2835.0
                    + x2 * (-1382.0 / 155925.0 + x2 * (21844.0 / 6081075.0 + x2 * (-929569.0 / 638512875.0))))))));
        } else {
            double e = Math.exp(-2.0 * x);
            t = (1.0 - e) / (1.0 + e);
        }
        return a < 0 ? -t : t;
    }

    /** {@code max(0, a)}. */
    public static double relu(double a) {
        return a > 0 ? a : 0.0;
    }

    // ---------------------------------------------------------------- arrays

    /** Element-wise {@code σ(x)}. */
    public static INDArray sigmoid(INDArray x) {
        return map(x, Nonlinear::sigmoid);
    }

    /** Element-wise {@code tanh(x)}. */
    public static INDArray tanh(INDArray x) {
        return map(x, Nonlinear::tanh);
    }

    /** Element-wise {@code max(0, x)}. */
    public static INDArray relu(INDArray x) {
        return map(x, Nonlinear::relu);
    }

    /** {@code σ'} from the output {@code y = σ(a)}: {@code y(1 − y)}. */
    public static INDArray sigmoidDerivative(INDArray y) {
        return map(y, v -> v * (1 - v));
    }

    /** {@code tanh'} from the output {@code y = tanh(a)}: {@code 1 − y²}. */
    public static INDArray tanhDerivative(INDArray y) {
        return map(y, v -> 1 - v * v);
    }

    /** {@code relu'} from the INPUT {@code a}: 1 where {@code a > 0}, else 0. */
    public static INDArray reluDerivative(INDArray a) {
        return map(a, v -> v > 0 ? 1.0 : 0.0);
    }

    /** {@code f} applied to every element of a copy of {@code x}. */
    private static INDArray map(INDArray x, DoubleUnaryOperator f) {
        Checks.floating("x", x);
        INDArray out = x.dup('c');
        Flat o = Flat.of(out);
        double[] v = new double[o.length];
        o.copyTo(v);
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        o.copyFrom(v);
        return out;
    }

    /**
     * Row-wise softmax of {@code x} {@code [rows, classes]}: {@code p_k = e^{x_k − m} / Σ_j e^{x_j − m}}
     * with {@code m} the row maximum (subtracting it changes nothing mathematically and prevents
     * overflow).
     */
    public static INDArray softmax(INDArray x) {
        Checks.shape("x", x, "rows,classes", Checks.ANY, Checks.ANY);
        Checks.floating("x", x);
        INDArray out = x.dup('c');
        int rows = (int) x.size(0);
        int k = (int) x.size(1);
        Flat o = Flat.of(out);
        for (int r = 0; r < rows; r++) {
            softmaxRow(o, r * k, k);
        }
        return out;
    }

    /** In-place stable softmax of {@code k} entries starting at {@code off}; returns log Σ e^{x} (the log-sum-exp). */
    private static double softmaxRow(Flat o, int off, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, o.get(off + j));
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(o.get(off + j) - m);
            o.set(off + j, e);
            s += e;
        }
        double inv = 1.0 / s;
        for (int j = 0; j < k; j++) {
            o.set(off + j, o.get(off + j) * inv);
        }
        return m + Math.log(s);
    }

    /**
     * Backward of a row-wise softmax: given the output {@code y} and {@code dL/dy}, returns
     * {@code dL/dx = y ∘ (dy − Σ_j dy_j y_j)} row by row.
     */
    public static INDArray softmaxBackward(INDArray y, INDArray dy) {
        Checks.shape("y", y, "rows,classes", Checks.ANY, Checks.ANY);
        Checks.shape("dy", dy, "rows,classes", y.size(0), y.size(1));
        INDArray yc = Tensors.contiguous(y);
        INDArray out = Tensors.as(y.dataType(), dy).dup('c');
        Flat fy = Flat.of(yc);
        Flat o = Flat.of(out);
        int rows = (int) y.size(0);
        int k = (int) y.size(1);
        for (int r = 0; r < rows; r++) {
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += o.get(r * k + j) * fy.get(r * k + j);
            }
            for (int j = 0; j < k; j++) {
                int i = r * k + j;
                o.set(i, fy.get(i) * (o.get(i) - dot));
            }
        }
        return out;
    }
}
