package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pins the GRU to the lecture's classic form with one step worked out by hand (hidden 2, input 1):
 *
 * <pre>
 * z = σ([h, x]·W_z + b_z)      r = σ([h, x]·W_r + b_r)
 * h̃ = tanh([r∘h, x]·W_h + b_h)                    reset applied to h BEFORE the product
 * h' = z∘h + (1 − z)∘h̃
 * </pre>
 * Hand values (double precision, Python {@code math}): z = [0.524979, 0.413382],
 * r = [0.679179, 0.721115], h̃ = [−0.239895, −0.277378], h' = [0.148534, −0.576097].
 * The two common variants give other numbers, so the test tells them apart: reset applied after
 * the product ({@code r∘(h·W_hh)}, cuDNN/PyTorch) → [0.154183, −0.580628]; roles of z swapped
 * ({@code (1 − z)∘h + z∘h̃}) → [0.111570, −0.701281].
 */
class GruClassicFormTest {
    static final double[] EXPECTED = {0.14853430770014434, -0.5760972983489326};
    static final double[] RESET_AFTER_PRODUCT = {0.15418333955543367, -0.5806282378307446};
    static final double[] Z_SWAPPED = {0.11157033816887557, -0.7012808149469076};

    @Test
    void oneStepEqualsTheHandComputedValue() {
        GruCell cell = new GruCell(1, 2, DataType.DOUBLE, Init.zeros());
        // rows h1, h2, x; columns z1, z2, r1, r2
        cell.W_zr().value().assign(Nd4j.create(new double[][] {{0.2, -0.1, 0.3, 0.5}, {0.4, 0.1, -0.6, 0.2}, {0.3, -0.2, 0.1, 0.7}}));
        cell.b_zr().value().assign(Nd4j.create(new double[][] {{0.1, 0.0, -0.1, 0.2}}));
        cell.W_h().value().assign(Nd4j.create(new double[][] {{0.8, -0.4}, {0.3, 0.9}, {-0.5, 0.6}}));
        cell.b_h().value().assign(Nd4j.create(new double[][] {{0.2, -0.1}}));
        INDArray h = Nd4j.create(new double[][] {{0.5, -1.0}});
        INDArray x = Nd4j.create(new double[][] {{1.0}});
        double[] got = cell.forward(x, State.of(h)).h().toDoubleVector();
        assertArrayEquals(EXPECTED, got, 1e-12);
        assertTrue(Math.abs(got[0] - RESET_AFTER_PRODUCT[0]) > 1e-3 && Math.abs(got[1] - Z_SWAPPED[1]) > 1e-3);
    }
}
