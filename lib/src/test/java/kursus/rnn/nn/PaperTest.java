package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reproduces every number printed in section 2.1 of the lecture's paper (numpy code after
 * {@code np.random.seed(1)}), to 1e-6, with the library's row-vector cells and {@link PaperLayout}.
 *
 * <p>Notes on the OCR transcript, checked by re-running its code
 * ({@code src/test/resources/oracles/paper_004.py}): {@code ba} is {@code (5,1)} everywhere (the
 * forward snippets' {@code (2,1)} is an OCR error: it would not broadcast); the forward snippets
 * draw {@code Waa} before {@code Wax}, the backward ones {@code Wax} before {@code Waa}; the LSTM
 * snippets draw {@code Wo, bo} before {@code Wc, bc}. In the LSTM cell forward output the transcript
 * scrambles the printed rows; the values below are the printed numbers in their true positions.
 */
class PaperTest {
    static final DataType D = DataType.DOUBLE;
    static final double TOL = 1e-6;

    /** The paper's {@code rnn_cell_forward} / {@code rnn_cell_backward} set-up, drawn in {@code order}. */
    private static final class RnnSetup {
        INDArray xt, aPrev, Wax, Waa, Wya, ba, by;
        RnnCell cell = new RnnCell(3, 5, D, Init.zeros());
        Dense readout = new Dense(5, 2, D, Init.zeros());

        RnnSetup(NumpyRandom rng, boolean waaFirst, int... xShape) {
            xt = rng.randn(xShape);
            aPrev = rng.randn(5, 10);
            if (waaFirst) {
                Waa = rng.randn(5, 5);
                Wax = rng.randn(5, 3);
            } else {
                Wax = rng.randn(5, 3);
                Waa = rng.randn(5, 5);
            }
            Wya = rng.randn(2, 5);
            ba = rng.randn(5, 1);
            by = rng.randn(2, 1);
            PaperLayout.loadRnn(cell, Wax, Waa, ba);
            PaperLayout.loadDense(readout, Wya, by);
        }
    }

    /** The paper's LSTM set-up (Wf, bf, Wi, bi, Wo, bo, Wc, bc, Wy, by). */
    private static final class LstmSetup {
        INDArray x, a0, c0;
        LstmCell cell = new LstmCell(3, 5, D, Init.zeros());
        Dense readout = new Dense(5, 2, D, Init.zeros());

        LstmSetup(NumpyRandom rng, boolean withCPrev, int... xShape) {
            x = rng.randn(xShape);
            a0 = rng.randn(5, 10);
            c0 = withCPrev ? rng.randn(5, 10) : null;
            INDArray Wf = rng.randn(5, 8), bf = rng.randn(5, 1);
            INDArray Wi = rng.randn(5, 8), bi = rng.randn(5, 1);
            INDArray Wo = rng.randn(5, 8), bo = rng.randn(5, 1);
            INDArray Wc = rng.randn(5, 8), bc = rng.randn(5, 1);
            INDArray Wy = rng.randn(2, 5), by = rng.randn(2, 1);
            PaperLayout.loadLstm(cell, Wf, bf, Wi, bi, Wc, bc, Wo, bo);
            PaperLayout.loadDense(readout, Wy, by);
        }
    }

    /** {@code softmax(Wya·a + by)} in the paper's column layout {@code (n_y, m)}. */
    private static INDArray predict(Dense readout, INDArray hRows) {
        return PaperLayout.toColumns(Activations.softmax(readout.forward(hRows)));
    }

    private static void assertRow(double[] expected, INDArray actual) {
        assertEquals(expected.length, actual.length());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.getDouble(i), TOL, "entry " + i);
        }
    }

    @Test
    void rnnCellForward() {
        RnnSetup s = new RnnSetup(new NumpyRandom(1), true, 3, 10);
        Step step = s.cell.forward(PaperLayout.toRows(s.xt), State.of(PaperLayout.toRows(s.aPrev)));
        INDArray aNext = PaperLayout.toColumns(step.h());
        INDArray yt = predict(s.readout, step.h());
        assertRow(new double[] {0.59584544, 0.18141802, 0.61311866, 0.99808218, 0.85016201, 0.99980978,
            -0.18887155, 0.99815551, 0.6531151, 0.82872037}, aNext.getRow(4));
        assertArrayEquals(new long[] {5, 10}, aNext.shape());
        assertRow(new double[] {0.9888161, 0.01682021, 0.21140899, 0.36817467, 0.98988387, 0.88945212,
            0.36920224, 0.9966312, 0.9982559, 0.17746526}, yt.getRow(1));
        assertArrayEquals(new long[] {2, 10}, yt.shape());
    }

    @Test
    void rnnForward() {
        RnnSetup s = new RnnSetup(new NumpyRandom(1), true, 3, 10, 4);
        Recurrent.Output out = new Recurrent(s.cell).forward(PaperLayout.toTimeMajor(s.xt), State.of(PaperLayout.toRows(s.aPrev)), null);
        INDArray a = PaperLayout.fromTimeMajor(out.h()); // (n_a, m, T_x)
        INDArray hRows = out.h().reshape(40, 5); // all steps at once through the read-out
        INDArray y = PaperLayout.fromTimeMajor(Activations.softmax(s.readout.forward(hRows)).reshape(4, 10, 2));
        assertRow(new double[] {-0.99999375, 0.77911235, -0.99861469, -0.99833267}, a.get(NDArrayIndex.point(4), NDArrayIndex.point(1)));
        assertArrayEquals(new long[] {5, 10, 4}, a.shape());
        assertRow(new double[] {0.79560373, 0.86224861, 0.11118257, 0.81515947}, y.get(NDArrayIndex.point(1), NDArrayIndex.point(3)));
        assertArrayEquals(new long[] {2, 10, 4}, y.shape());
        // caches[1] is x itself: caches[1][1][3] = x[1][3], the generator's draw, through the layout round trip
        INDArray x = PaperLayout.fromTimeMajor(PaperLayout.toTimeMajor(s.xt));
        assertRow(new double[] {-1.1425182, -0.34934272, -0.20889423, 0.58662319}, x.get(NDArrayIndex.point(1), NDArrayIndex.point(3)));
    }

    @Test
    void lstmCellForward() {
        LstmSetup s = new LstmSetup(new NumpyRandom(1), true, 3, 10);
        Step step = s.cell.forward(PaperLayout.toRows(s.x), State.of(PaperLayout.toRows(s.a0), PaperLayout.toRows(s.c0)));
        INDArray aNext = PaperLayout.toColumns(step.h());
        INDArray cNext = PaperLayout.toColumns(step.c());
        INDArray yt = predict(s.readout, step.h());
        assertRow(new double[] {-0.66408471, 0.0036921, 0.02088357, 0.22834167, -0.85575339, 0.00138482,
            0.76566531, 0.34631421, -0.00215674, 0.43827275}, aNext.getRow(4));
        // c_next[2]: the transcript keeps its last four printed values
        assertRow(new double[] {0.76449811, -0.0981561, -0.74348425, -0.26810932}, cNext.getRow(2).get(NDArrayIndex.interval(6, 10)));
        assertArrayEquals(new long[] {5, 10}, cNext.shape());
        assertRow(new double[] {0.79913913, 0.15986619, 0.22412122, 0.15606108, 0.97057211, 0.31146381,
            0.00943007, 0.12666353, 0.39380172, 0.07828381}, yt.getRow(1));
        assertArrayEquals(new long[] {2, 10}, yt.shape());
        // cache[1] is c_next; cache[1][3]: the transcript keeps its last four values
        assertRow(new double[] {0.07651101, -1.03752894, 1.41219977, -0.37647422}, cNext.getRow(3).get(NDArrayIndex.interval(6, 10)));
    }

    @Test
    void lstmForward() {
        LstmSetup s = new LstmSetup(new NumpyRandom(1), false, 3, 10, 7);
        // the paper starts with c = 0 and the given a0
        Recurrent.Output out = new Recurrent(s.cell).forward(PaperLayout.toTimeMajor(s.x),
                State.of(PaperLayout.toRows(s.a0), org.nd4j.linalg.factory.Nd4j.zeros(D, 10, 5)), null);
        INDArray a = PaperLayout.fromTimeMajor(out.h());
        INDArray c = PaperLayout.fromTimeMajor(out.c());
        INDArray y = PaperLayout.fromTimeMajor(Activations.softmax(s.readout.forward(out.h().reshape(70, 5))).reshape(7, 10, 2));
        assertEquals(0.17211776753291672, a.getDouble(4, 3, 6), TOL);
        assertArrayEquals(new long[] {5, 10, 7}, a.shape());
        assertEquals(0.9508734618501101, y.getDouble(1, 4, 3), TOL);
        assertArrayEquals(new long[] {2, 10, 7}, y.shape());
        assertEquals(-0.8555449167181981, c.getDouble(1, 2, 1), TOL);
        // caches[1] is x: caches[1][1][1] = x[1][1]
        assertRow(new double[] {0.82797464, 0.23009474, 0.76201118, -0.22232814, -0.20075807, 0.18656139, 0.41005165},
                s.x.get(NDArrayIndex.point(1), NDArrayIndex.point(1)));
    }

    @Test
    void rnnCellBackward() {
        NumpyRandom rng = new NumpyRandom(1);
        RnnSetup s = new RnnSetup(rng, false, 3, 10);
        Step step = s.cell.forward(PaperLayout.toRows(s.xt), State.of(PaperLayout.toRows(s.aPrev)));
        INDArray daNext = rng.randn(5, 10);
        StepGrad g = s.cell.backward(State.of(PaperLayout.toRows(daNext)), step);
        Map<String, INDArray> pg = PaperLayout.rnnGradients(s.cell);
        INDArray dxt = PaperLayout.toColumns(g.dx());
        INDArray daPrev = PaperLayout.toColumns(g.dPrev().h());
        assertEquals(-1.3872130506020928, dxt.getDouble(1, 2), TOL);
        assertArrayEquals(new long[] {3, 10}, dxt.shape());
        assertEquals(-0.15239949377395473, daPrev.getDouble(2, 3), TOL);
        assertArrayEquals(new long[] {5, 10}, daPrev.shape());
        assertEquals(0.41077282493545836, pg.get("dWax").getDouble(3, 1), TOL);
        assertArrayEquals(new long[] {5, 3}, pg.get("dWax").shape());
        assertEquals(1.1503450668497135, pg.get("dWaa").getDouble(1, 2), TOL);
        assertArrayEquals(new long[] {5, 5}, pg.get("dWaa").shape());
        assertEquals(0.20023491, pg.get("dba").getDouble(4, 0), TOL);
        assertArrayEquals(new long[] {5, 1}, pg.get("dba").shape());
    }

    @Test
    void rnnBackward() {
        NumpyRandom rng = new NumpyRandom(1);
        RnnSetup s = new RnnSetup(rng, false, 3, 10, 4);
        Recurrent rnn = new Recurrent(s.cell);
        Recurrent.Output out = rnn.forward(PaperLayout.toTimeMajor(s.xt), State.of(PaperLayout.toRows(s.aPrev)), null);
        INDArray da = rng.randn(5, 10, 4);
        Recurrent.Gradients g = rnn.backward(out, PaperLayout.toTimeMajor(da), null);
        Map<String, INDArray> pg = PaperLayout.rnnGradients(s.cell);
        INDArray dx = PaperLayout.fromTimeMajor(g.dX());
        INDArray da0 = PaperLayout.toColumns(g.dH0().h());
        assertRow(new double[] {-2.07101689, -0.59255627, 0.02466855, 0.01483317}, dx.get(NDArrayIndex.point(1), NDArrayIndex.point(2)));
        assertArrayEquals(new long[] {3, 10, 4}, dx.shape());
        assertEquals(-0.31494237512664996, da0.getDouble(2, 3), TOL);
        assertArrayEquals(new long[] {5, 10}, da0.shape());
        assertEquals(11.264104496527777, pg.get("dWax").getDouble(3, 1), TOL);
        assertEquals(2.3033331265798935, pg.get("dWaa").getDouble(1, 2), TOL);
        assertEquals(-0.74747722, pg.get("dba").getDouble(4, 0), TOL);
        assertArrayEquals(new long[] {5, 1}, pg.get("dba").shape());
    }

    @Test
    void lstmCellBackward() {
        NumpyRandom rng = new NumpyRandom(1);
        LstmSetup s = new LstmSetup(rng, true, 3, 10);
        Step step = s.cell.forward(PaperLayout.toRows(s.x), State.of(PaperLayout.toRows(s.a0), PaperLayout.toRows(s.c0)));
        INDArray daNext = rng.randn(5, 10), dcNext = rng.randn(5, 10);
        StepGrad g = s.cell.backward(State.of(PaperLayout.toRows(daNext), PaperLayout.toRows(dcNext)), step);
        Map<String, INDArray> pg = PaperLayout.lstmGradients(s.cell);
        assertEquals(3.230559115109188, PaperLayout.toColumns(g.dx()).getDouble(1, 2), TOL);
        assertEquals(-0.06396214197109235, PaperLayout.toColumns(g.dPrev().h()).getDouble(2, 3), TOL);
        assertEquals(0.7975220387970015, PaperLayout.toColumns(g.dPrev().c()).getDouble(2, 3), TOL);
        assertEquals(-0.1479548381644968, pg.get("dWf").getDouble(3, 1), TOL);
        assertEquals(1.0574980552259903, pg.get("dWi").getDouble(1, 2), TOL);
        assertEquals(2.304562163687667, pg.get("dWc").getDouble(3, 1), TOL);
        assertEquals(0.3313115952892109, pg.get("dWo").getDouble(1, 2), TOL);
        assertArrayEquals(new long[] {5, 8}, pg.get("dWo").shape());
        assertEquals(0.18864637, pg.get("dbf").getDouble(4, 0), TOL);
        assertEquals(-0.40142491, pg.get("dbi").getDouble(4, 0), TOL);
        assertEquals(0.25587763, pg.get("dbc").getDouble(4, 0), TOL);
        assertEquals(0.13893342, pg.get("dbo").getDouble(4, 0), TOL);
        assertArrayEquals(new long[] {5, 1}, pg.get("dbo").shape());
    }
}
