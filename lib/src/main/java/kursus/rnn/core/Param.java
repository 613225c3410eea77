package kursus.rnn.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named, trainable array together with its gradient (same shape, same type).
 *
 * <p>Layers never replace {@link #value()} or {@link #grad()}: they update them in place, so the
 * same {@code Param} can be shared by a layer, the model that contains it, the optimiser and the
 * gradient checker. Backward passes <em>add</em> into {@link #grad()}; {@link Params#zeroGrad()}
 * clears it before each new forward/backward.
 */
public final class Param {
    private final String name;
    private final INDArray value;
    private final INDArray grad;

    /** A parameter holding {@code value} (kept, not copied) with a zero gradient. */
    public Param(String name, INDArray value) {
        this(name, checkValue(name, value), org.nd4j.linalg.factory.Nd4j.zeros(value.dataType(), value.shape()));
    }

    private Param(String name, INDArray value, INDArray grad) {
        if (name == null || name.isBlank()) {
            throw Msg.badInput("nama parameter tidak boleh kosong", "parameter name must not be empty");
        }
        this.name = name;
        this.value = value;
        this.grad = grad;
    }

    private static INDArray checkValue(String name, INDArray value) {
        Checks.floating(name, value);
        if (!Flat.isContiguous(value)) {
            throw Msg.badInput(
                    name + ": nilai parameter harus array bersebelahan (urutan C); gunakan x.dup('c')",
                    name + ": a parameter value must be a contiguous C-order array; use x.dup('c')");
        }
        return value;
    }

    /** Same arrays under another name (used when a model prefixes its layers' parameters). */
    public Param renamed(String newName) {
        return new Param(newName, value, grad);
    }

    public String name() {
        return name;
    }

    /** The current value; update it in place (e.g. {@code value().assign(...)}), never replace it. */
    public INDArray value() {
        return value;
    }

    /** The accumulated gradient of the loss with respect to {@link #value()}. */
    public INDArray grad() {
        return grad;
    }

    public long[] shape() {
        return value.shape();
    }

    public long numel() {
        return value.length();
    }

    public DataType dataType() {
        return value.dataType();
    }

    /** Copies {@code newValue} into the parameter (shape must match; type is converted). */
    public void set(INDArray newValue) {
        Checks.shape(name, newValue, dimNames(value.rank()), value.shape());
        value.assign(newValue);
    }

    /** Clears the gradient. */
    public void zeroGrad() {
        if (grad.dataType() == DataType.FLOAT) {
            F32.of(grad).fillZero(); // bulk writes: no ND4J op per call (a training step clears every gradient)
        } else {
            grad.assign(0);
        }
    }

    private static String dimNames(int rank) {
        if (rank == 2) {
            return "rows,cols";
        }
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < rank; d++) {
            sb.append(d == 0 ? "" : ",").append("d").append(d);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(value.shape()) + " " + value.dataType();
    }
}
