package kursus.rnn.nn;

import static kursus.rnn.Fixtures.maxDiff;
import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.core.Param;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float32 training path of each built-in cell (its own fused loops and products) computes the
 * same numbers as the double path that the gradient checks verify, to float precision: states,
 * input and state gradients, and every parameter gradient, with a mask, for dense and one-hot inputs.
 */
class Float32PathTest {
    static final double TOL = 2e-5;

    static RecurrentCell twin(RecurrentCell d, String kind, DataType dt) {
        RecurrentCell f = Fixtures.cell(kind, d.inputSize(), d.hiddenSize(), dt, 0);
        for (Param p : f.params()) {
            p.value().assign(d.params().value(p.name()));
        }
        return f;
    }

    static double rel(INDArray a, INDArray b) {
        double scale = Math.max(1.0, b.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
        return maxDiff(a, b) / scale;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void floatPathMatchesDoublePathWithMaskAndDenseInputs(String kind) {
        int I = 5, H = 7, T = 6, B = 4;
        RecurrentCell d = Fixtures.cell(kind, I, H, DataType.DOUBLE, 41), f = twin(d, kind, DataType.FLOAT);
        INDArray x = randn(1, DataType.DOUBLE, T, B, I), dH = randn(2, DataType.DOUBLE, T, B, H);
        INDArray mask = Fixtures.mask(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}, {1, 0, 1, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}});
        State h0 = d.hasCellState() ? State.of(randn(3, DataType.DOUBLE, B, H), randn(4, DataType.DOUBLE, B, H)) : State.of(randn(3, DataType.DOUBLE, B, H));
        State dLast = d.hasCellState() ? State.of(randn(5, DataType.DOUBLE, B, H), randn(6, DataType.DOUBLE, B, H)) : State.of(randn(5, DataType.DOUBLE, B, H));
        Recurrent rd = new Recurrent(d), rf = new Recurrent(f);
        d.params().zeroGrad();
        f.params().zeroGrad();
        Recurrent.Output od = rd.forward(x, h0, mask), of = rf.forward(x.castTo(DataType.FLOAT), h0, mask);
        Recurrent.Gradients gd = rd.backward(od, dH, dLast), gf = rf.backward(of, dH, dLast);
        assertTrue(rel(of.h(), od.h()) < TOL, kind + " h");
        assertTrue(rel(of.last().h(), od.last().h()) < TOL, kind + " last h");
        assertTrue(rel(gf.dX(), gd.dX()) < TOL, kind + " dX " + rel(gf.dX(), gd.dX()));
        assertTrue(rel(gf.dH0().h(), gd.dH0().h()) < TOL, kind + " dh0");
        if (d.hasCellState()) {
            assertTrue(rel(of.c(), od.c()) < TOL, kind + " c");
            assertTrue(rel(gf.dH0().c(), gd.dH0().c()) < TOL, kind + " dc0");
        }
        for (Param p : d.params()) {
            double e = rel(f.params().grad(p.name()), p.grad());
            assertTrue(e < TOL, kind + " d" + p.name() + " " + e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void floatPathMatchesDoublePathWithOneHotInputs(String kind) {
        int V = 6, H = 5;
        RecurrentCell d = Fixtures.cell(kind, V, H, DataType.DOUBLE, 43), f = twin(d, kind, DataType.FLOAT);
        int[][] ids = {{0, 5, 5}, {5, 5, 1}, {2, 1, 0}, {3, 3, 3}};
        INDArray dH = randn(7, DataType.DOUBLE, 4, 3, H);
        Recurrent rd = new Recurrent(d), rf = new Recurrent(f);
        d.params().zeroGrad();
        f.params().zeroGrad();
        Recurrent.Output od = rd.forwardOneHot(ids), of = rf.forwardOneHot(ids);
        rd.backward(od, dH, null);
        rf.backward(of, dH, null);
        assertTrue(rel(of.h(), od.h()) < TOL, kind + " h");
        for (Param p : d.params()) {
            double e = rel(f.params().grad(p.name()), p.grad());
            assertTrue(e < TOL, kind + " d" + p.name() + " " + e);
        }
    }
}
