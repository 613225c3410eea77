package kursus.rnn.loss;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Tensors;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Shared argument handling for the losses. */
final class LossChecks {
    private LossChecks() {}

    /** The mask as 0/1 doubles, one per row; null when {@code mask} is null. */
    static double[] rowMask(INDArray mask, int rows) {
        if (mask == null) {
            return null;
        }
        if (mask.length() != rows) {
            throw Msg.badInput(
                    "mask: harus " + rows + " nilai (satu per baris), ternyata bentuk " + Arrays.toString(mask.shape()),
                    "mask: expected " + rows + " entries (one per row), got shape " + Arrays.toString(mask.shape()));
        }
        double[] m = Flat.of(Tensors.asContiguous(DataType.DOUBLE, mask)).toArray();
        for (int i = 0; i < m.length; i++) {
            if (m[i] != 0.0 && m[i] != 1.0) {
                throw Msg.badInput(
                        "mask: nilai harus 0 atau 1, ternyata " + m[i] + " pada indeks " + i,
                        "mask: expected values 0 or 1, got " + m[i] + " at index " + i);
            }
        }
        return m;
    }

    static int count(double[] m, int rows) {
        if (m == null) {
            return rows;
        }
        int c = 0;
        for (double v : m) {
            c += v != 0.0 ? 1 : 0;
        }
        if (c == 0) {
            throw Msg.badInput(
                    "mask: minimal satu baris harus 1 (tidak ada yang dihitung), ternyata semuanya 0",
                    "mask: expected at least one 1 (nothing to average), got all zeros");
        }
        return c;
    }

    static INDArray matrix(String arg, INDArray x) {
        Checks.shape(arg, x, "rows,cols", Checks.ANY, Checks.ANY);
        Checks.floating(arg, x);
        Checks.positive(arg + " rows", x.size(0));
        Checks.finite(arg, x);
        return x;
    }
}
