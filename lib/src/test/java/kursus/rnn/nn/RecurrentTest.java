package kursus.rnn.nn;

import static kursus.rnn.Fixtures.maxDiff;
import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Unrolling: the fast sequence path, the one-step path, masks, one-hot inputs and truncated BPTT agree. */
class RecurrentTest {
    static final DataType D = DataType.DOUBLE;
    static final double[][] MASK = {{1, 1, 1}, {1, 1, 1}, {1, 0, 1}, {1, 0, 0}};

    /** Hides a built-in cell behind the bare interface, so Recurrent must use the one-step API. */
    static final class Delegate implements RecurrentCell {
        final RecurrentCell inner;

        Delegate(RecurrentCell inner) {
            this.inner = inner;
        }

        public int inputSize() {
            return inner.inputSize();
        }

        public int hiddenSize() {
            return inner.hiddenSize();
        }

        public DataType dataType() {
            return inner.dataType();
        }

        public Params params() {
            return inner.params();
        }

        public boolean hasCellState() {
            return inner.hasCellState();
        }

        public State zeroState(int batch) {
            return inner.zeroState(batch);
        }

        public Step forward(INDArray x_t, State prev) {
            return inner.forward(x_t, prev);
        }

        public StepGrad backward(State dNext, Step step) {
            return inner.backward(dNext, step);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void sequencePathEqualsStepByStepPath(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 3, 4, D, 5);
        Recurrent fast = new Recurrent(cell), slow = new Recurrent(new Delegate(cell));
        INDArray x = randn(1, D, 4, 3, 3), dH = randn(2, D, 4, 3, 4);
        INDArray mask = Fixtures.mask(MASK);
        State h0 = cell.hasCellState() ? State.of(randn(3, D, 3, 4), randn(4, D, 3, 4)) : State.of(randn(3, D, 3, 4));

        cell.params().zeroGrad();
        Recurrent.Output a = fast.forward(x, h0, mask);
        Recurrent.Gradients ga = fast.backward(a, dH, null);
        Params gradsFast = snapshotGrads(cell.params());
        cell.params().zeroGrad();
        Recurrent.Output b = slow.forward(x, h0, mask);
        Recurrent.Gradients gb = slow.backward(b, dH, null);

        assertEquals(0.0, maxDiff(a.h(), b.h()), 1e-12);
        assertEquals(0.0, maxDiff(a.last().h(), b.last().h()), 1e-12);
        assertEquals(0.0, maxDiff(ga.dX(), gb.dX()), 1e-12);
        assertEquals(0.0, maxDiff(ga.dH0().h(), gb.dH0().h()), 1e-12);
        if (cell.hasCellState()) {
            assertEquals(0.0, maxDiff(a.c(), b.c()), 1e-12);
            assertEquals(0.0, maxDiff(ga.dH0().c(), gb.dH0().c()), 1e-12);
        }
        for (Param p : cell.params()) {
            assertEquals(0.0, maxDiff(p.grad(), gradsFast.value(p.name())), 1e-12, p.name());
        }
    }

    private static Params snapshotGrads(Params ps) {
        Params out = new Params();
        for (Param p : ps) {
            out.add(p.name(), p.grad().dup());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void maskedStepsCarryTheStateUnchanged(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 3, 4, D, 6);
        Recurrent rnn = new Recurrent(cell);
        INDArray x = randn(7, D, 4, 3, 3);
        Recurrent.Output out = rnn.forward(x, null, Fixtures.mask(MASK));
        // sequence 1 has length 2: h_3 = h_4 = h_2
        INDArray h = out.h();
        assertEquals(0.0, maxDiff(h.get(NDArrayIndex.point(2), NDArrayIndex.point(1)), h.get(NDArrayIndex.point(1), NDArrayIndex.point(1))), 0.0);
        assertEquals(0.0, maxDiff(out.last().h().getRow(1), h.get(NDArrayIndex.point(1), NDArrayIndex.point(1))), 0.0);
        // and equals running the unpadded sequence alone
        INDArray x1 = x.get(NDArrayIndex.interval(0, 2), NDArrayIndex.interval(1, 2), NDArrayIndex.all()).dup();
        Recurrent.Output alone = rnn.forward(x1);
        assertEquals(0.0, maxDiff(alone.last().h(), out.last().h().getRow(1).reshape(1, 4)), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void oneHotIndicesEqualDenseOneHotInputs(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 5, 3, D, 8);
        Recurrent rnn = new Recurrent(cell);
        int[][] ids = {{0, 4}, {4, 4}, {2, 1}};
        INDArray x = Nd4j.zeros(D, 3, 2, 5);
        for (int t = 0; t < 3; t++) {
            for (int n = 0; n < 2; n++) {
                x.putScalar(new long[] {t, n, ids[t][n]}, 1.0);
            }
        }
        INDArray dH = randn(9, D, 3, 2, 3);
        cell.params().zeroGrad();
        Recurrent.Output a = rnn.forwardOneHot(ids);
        rnn.backward(a, dH, null);
        Params ga = snapshotGrads(cell.params());
        cell.params().zeroGrad();
        Recurrent.Output b = rnn.forward(x);
        rnn.backward(b, dH, null);
        assertEquals(0.0, maxDiff(a.h(), b.h()), 1e-14);
        for (Param p : cell.params()) {
            assertEquals(0.0, maxDiff(p.grad(), ga.value(p.name())), 1e-14, p.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void truncatedBpttCarriesTheStateAcrossChunks(String kind) {
        RecurrentCell cell = Fixtures.cell(kind, 3, 4, D, 10);
        Recurrent rnn = new Recurrent(cell);
        INDArray x = randn(11, D, 6, 2, 3);
        Recurrent.Output whole = rnn.forward(x);
        TruncatedBptt tb = new TruncatedBptt(rnn);
        tb.forward(x.get(NDArrayIndex.interval(0, 4)).dup(), null);
        Recurrent.Output second = tb.forward(x.get(NDArrayIndex.interval(4, 6)).dup(), null);
        assertEquals(0.0, maxDiff(second.h(), whole.h().get(NDArrayIndex.interval(4, 6)).dup()), 1e-14);
        // the gradient of chunk 2 stops at its start: same as BPTT of chunk 2 from a constant state
        INDArray dH = randn(12, D, 2, 2, 4);
        cell.params().zeroGrad();
        tb.backward(second, dH, null);
        Params g1 = snapshotGrads(cell.params());
        cell.params().zeroGrad();
        Recurrent.Output fresh = rnn.forward(x.get(NDArrayIndex.interval(4, 6)).dup(), whole.stateAt(3), null);
        rnn.backward(fresh, dH, null);
        for (Param p : cell.params()) {
            assertEquals(0.0, maxDiff(p.grad(), g1.value(p.name())), 1e-14, p.name());
        }
        tb.reset();
        assertEquals(null, tb.state());
    }

    @Test
    void rnnForwardFollowsTheLectureFormula() {
        RnnCell cell = (RnnCell) Fixtures.cell("rnn", 3, 4, D, 13);
        INDArray x = randn(14, D, 2, 3), h = randn(15, D, 2, 4);
        INDArray expected = Transforms.tanh(x.mmul(cell.W_xh().value()).add(h.mmul(cell.W_hh().value())).addRowVector(cell.b_h().value()));
        assertEquals(0.0, maxDiff(cell.forward(x, State.of(h)).h(), expected), 1e-14);
    }

    @Test
    void lstmForwardFollowsTheLectureFormula() {
        LstmCell cell = (LstmCell) Fixtures.cell("lstm", 3, 4, D, 16);
        INDArray x = randn(17, D, 2, 3), h = randn(18, D, 2, 4), c = randn(19, D, 2, 4);
        INDArray z = Nd4j.hstack(h, x);
        INDArray f = Transforms.sigmoid(z.mmul(cell.W_f()).addRowVector(cell.b_f()));
        INDArray i = Transforms.sigmoid(z.mmul(cell.W_i()).addRowVector(cell.b_i()));
        INDArray g = Transforms.tanh(z.mmul(cell.W_c()).addRowVector(cell.b_c()));
        INDArray o = Transforms.sigmoid(z.mmul(cell.W_o()).addRowVector(cell.b_o()));
        INDArray cNext = f.mul(c).add(i.mul(g));
        INDArray hNext = o.mul(Transforms.tanh(cNext));
        Step s = cell.forward(x, State.of(h, c));
        assertEquals(0.0, maxDiff(s.c(), cNext), 1e-14);
        assertEquals(0.0, maxDiff(s.h(), hNext), 1e-14);
    }

    @Test
    void gruForwardFollowsTheLectureFormula() {
        GruCell cell = (GruCell) Fixtures.cell("gru", 3, 4, D, 20);
        INDArray x = randn(21, D, 2, 3), h = randn(22, D, 2, 4);
        INDArray z = Transforms.sigmoid(Nd4j.hstack(h, x).mmul(cell.W_z()).addRowVector(cell.b_z()));
        INDArray r = Transforms.sigmoid(Nd4j.hstack(h, x).mmul(cell.W_r()).addRowVector(cell.b_r()));
        INDArray cand = Transforms.tanh(Nd4j.hstack(r.mul(h), x).mmul(cell.W_h().value()).addRowVector(cell.b_h().value()));
        INDArray expected = z.mul(h).add(z.rsub(1.0).mul(cand));
        assertEquals(0.0, maxDiff(cell.forward(x, State.of(h)).h(), expected), 1e-14);
    }

    @Test
    void lstmForgetBiasStartsAtOneAndGateViewsShareMemory() {
        LstmCell cell = new LstmCell(2, 3, D, Init.zeros());
        assertEquals(3.0, cell.b_f().sumNumber().doubleValue(), 0.0);
        assertEquals(0.0, cell.b_i().sumNumber().doubleValue(), 0.0);
        cell.W_o().putScalar(1, 2, 7.0);
        assertEquals(7.0, cell.W().value().getDouble(1, 3 * 3 + 2), 0.0);
        assertTrue(cell.W_h().rows() == 3 && cell.W_x().rows() == 2);
    }

    @Test
    void floatAndDoubleAgreeToFloatPrecision() {
        RecurrentCell d = Fixtures.cell("lstm", 3, 4, D, 23);
        RecurrentCell f = Fixtures.cell("lstm", 3, 4, DataType.FLOAT, 23);
        INDArray x = randn(24, D, 5, 2, 3);
        INDArray hd = new Recurrent(d).forward(x).h();
        INDArray hf = new Recurrent(f).forward(x.castTo(DataType.FLOAT)).h();
        assertEquals(DataType.FLOAT, hf.dataType());
        assertTrue(maxDiff(hd, hf) < 1e-5, "max diff " + maxDiff(hd, hf));
    }

    @Test
    void everyStepOfTheOutputCanBeSlicedIncludingTheLast() {
        // ND4J 1.0.0-M2.1 returned an empty array for the last slice of an offset view (SeqCache.h())
        for (CellKind kind : new CellKind[] {CellKind.RNN, CellKind.LSTM, CellKind.GRU}) {
            RecurrentCell cell = kind.create(3, 5, org.nd4j.linalg.api.buffer.DataType.DOUBLE, Init.xavierUniform(new kursus.rnn.random.NumpyRandom(1)));
            Recurrent.Output o = new Recurrent(cell).forward(new kursus.rnn.random.NumpyRandom(2).randn(4, 10, 3));
            for (int t = 0; t < 4; t++) {
                org.nd4j.linalg.api.ndarray.INDArray h = o.h().slice(t);
                org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {10, 5}, h.shape(), kind + " t=" + t);
                org.junit.jupiter.api.Assertions.assertEquals(o.h().getDouble(t, 3, 2), h.getDouble(3, 2), 0.0);
                org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {10, 5}, o.stateAt(t).h().shape());
            }
            org.junit.jupiter.api.Assertions.assertEquals(0.0, o.h().slice(3).sub(o.last().h()).amaxNumber().doubleValue(), 0.0, kind.toString());
        }
    }
}
