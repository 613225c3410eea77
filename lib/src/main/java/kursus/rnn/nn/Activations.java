package kursus.rnn.nn;

import kursus.rnn.core.Nonlinear;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The activation functions under the name the lessons use ({@code Activations.softmax(z)} after
 * {@code import kursus.rnn.nn.*;}). Every method forwards to {@link Nonlinear} in {@code core},
 * where the losses can reach them without depending on {@code nn}; see there for the definitions.
 */
public final class Activations {
    private Activations() {}

    /** {@code σ(a) = 1 / (1 + e^{−a})}. */
    public static double sigmoid(double a) {
        return Nonlinear.sigmoid(a);
    }

    /** {@code tanh(a)} (see {@link Nonlinear#tanh(double)}). */
    public static double tanh(double a) {
        return Nonlinear.tanh(a);
    }

    /** {@code max(0, a)}. */
    public static double relu(double a) {
        return Nonlinear.relu(a);
    }

    /** Element-wise {@code σ(x)} (a new array). */
    public static INDArray sigmoid(INDArray x) {
        return Nonlinear.sigmoid(x);
    }

    /** Element-wise {@code tanh(x)} (a new array). */
    public static INDArray tanh(INDArray x) {
        return Nonlinear.tanh(x);
    }

    /** Element-wise {@code max(0, x)} (a new array). */
    public static INDArray relu(INDArray x) {
        return Nonlinear.relu(x);
    }

    /** {@code σ'} from the output {@code y = σ(a)}: {@code y(1 − y)}. */
    public static INDArray sigmoidDerivative(INDArray y) {
        return Nonlinear.sigmoidDerivative(y);
    }

    /** {@code tanh'} from the output {@code y = tanh(a)}: {@code 1 − y²}. */
    public static INDArray tanhDerivative(INDArray y) {
        return Nonlinear.tanhDerivative(y);
    }

    /** {@code relu'} from the INPUT {@code a}: 1 where {@code a > 0}, else 0. */
    public static INDArray reluDerivative(INDArray a) {
        return Nonlinear.reluDerivative(a);
    }

    /** Row-wise softmax of {@code x [rows, classes]} (a new array). */
    public static INDArray softmax(INDArray x) {
        return Nonlinear.softmax(x);
    }

    /** Backward of a row-wise softmax: {@code dL/dx = y ∘ (dy − Σ_j dy_j y_j)} row by row. */
    public static INDArray softmaxBackward(INDArray y, INDArray dy) {
        return Nonlinear.softmaxBackward(y, dy);
    }
}
