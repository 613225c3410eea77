package kursus.rnn.nn;

import static kursus.rnn.Fixtures.dot;
import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.check.GradCheck;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every cell's backward rule agrees with central finite differences (double precision). */
class CellGradientTest {
    static final DataType D = DataType.DOUBLE;
    static final double TOL = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void oneStepGradientsMatchFiniteDifferences(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 3, 4, D, 10);
        boolean lstm = cell.hasCellState();
        INDArray x = randn(1, D, 2, 3), h = randn(2, D, 2, 4), c = lstm ? randn(3, D, 2, 4) : null;
        INDArray rh = randn(4, D, 2, 4), rc = lstm ? randn(5, D, 2, 4) : null;
        Params probe = new Params().addAll("", cell.params());
        Param px = probe.add("x_t", x), ph = probe.add("h_prev", h);
        Param pc = lstm ? probe.add("c_prev", c) : null;
        GradCheck.Report r = GradCheck.check(probe, () -> {
            probe.zeroGrad();
            Step s = cell.forward(x, State.of(h, c));
            double loss = dot(s.h(), rh) + (lstm ? dot(s.c(), rc) : 0);
            StepGrad g = cell.backward(State.of(rh, rc), s);
            px.grad().assign(g.dx());
            ph.grad().assign(g.dPrev().h());
            if (lstm) {
                pc.grad().assign(g.dPrev().c());
            }
            return loss;
        });
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void fullSequenceWithMaskMatchesFiniteDifferences(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 3, 4, D, 20);
        Recurrent rnn = new Recurrent(cell);
        boolean lstm = cell.hasCellState();
        int T = 4, B = 3;
        INDArray x = randn(1, D, T, B, 3), h0 = randn(2, D, B, 4), c0 = lstm ? randn(3, D, B, 4) : null;
        INDArray mask = Fixtures.mask(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 0, 1}, {1, 0, 0}});
        INDArray dH = randn(4, D, T, B, 4), dLh = randn(5, D, B, 4), dLc = lstm ? randn(6, D, B, 4) : null;
        Params probe = new Params().addAll("", cell.params());
        Param px = probe.add("x", x), ph = probe.add("h0", h0);
        Param pc = lstm ? probe.add("c0", c0) : null;
        GradCheck.Report r = GradCheck.check(probe, () -> {
            probe.zeroGrad();
            Recurrent.Output out = rnn.forward(x, State.of(h0, c0), mask);
            double loss = dot(out.h(), dH) + dot(out.last().h(), dLh) + (lstm ? dot(out.last().c(), dLc) : 0);
            Recurrent.Gradients g = rnn.backward(out, dH, State.of(dLh, dLc));
            px.grad().assign(g.dX());
            ph.grad().assign(g.dH0().h());
            if (lstm) {
                pc.grad().assign(g.dH0().c());
            }
            return loss;
        });
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void oneHotInputGradientsMatchFiniteDifferences(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 5, 3, D, 30);
        Recurrent rnn = new Recurrent(cell);
        int[][] ids = {{0, 4}, {4, 4}, {2, 1}}; // repeated indices: the scatter-add must sum
        INDArray dH = randn(4, D, 3, 2, 3);
        GradCheck.Report r = GradCheck.check(cell.params(), () -> {
            cell.params().zeroGrad();
            Recurrent.Output out = rnn.forwardOneHot(ids);
            rnn.backward(out, dH, null);
            return dot(out.h(), dH);
        });
        assertTrue(r.maxRelError() < TOL, kind + "\n" + r);
    }
}
