package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** GateTrace: h and c equal the cell's own sequence pass; gates are in range; one-hot ids. */
class GateTraceTest {

    @Test
    void hiddenAndCellStatesEqualTheRecurrentPass() {
        NumpyRandom r = new NumpyRandom(7);
        LstmCell cell = new LstmCell(3, 4, DataType.DOUBLE, Init.xavierNormal(r));
        cell.b().value().assign(r.randn(1, 16));
        INDArray x = r.randn(6, 3); // [T, I]
        State s0 = State.of(r.randn(1, 4), r.randn(1, 4));
        GateTrace.Lstm tr = GateTrace.lstm(cell, x, s0);
        Recurrent.Output out = new Recurrent(cell).forward(x.reshape(6, 1, 3), s0, null);
        double[][] hs = out.h().castTo(DataType.DOUBLE).reshape(6, 4).toDoubleMatrix(), cs = out.c().castTo(DataType.DOUBLE).reshape(6, 4).toDoubleMatrix();
        for (int t = 0; t < 6; t++) {
            assertArrayEquals(hs[t], tr.h()[t], 1e-12, "h at step " + t);
            assertArrayEquals(cs[t], tr.c()[t], 1e-12, "c at step " + t);
            for (int j = 0; j < 4; j++) {
                assertTrue(tr.f()[t][j] > 0 && tr.f()[t][j] < 1 && tr.o()[t][j] > 0 && Math.abs(tr.candidate()[t][j]) < 1);
                // c_t = f∘c_{t-1} + i∘c̃ with the traced gates
                double cPrev = t == 0 ? s0.c().getDouble(0, j) : tr.c()[t - 1][j];
                assertEquals(tr.f()[t][j] * cPrev + tr.i()[t][j] * tr.candidate()[t][j], tr.c()[t][j], 1e-12);
            }
        }
        assertEquals(6, tr.steps());
        assertEquals(tr.f()[2][1], GateTrace.Lstm.unitsByTime(tr.f())[1][2], 0.0);
        assertEquals(tr.o()[4][3], GateTrace.Lstm.unit(tr.o(), 3)[4], 0.0);
    }

    @Test
    void oneHotIdsEqualDenseOneHotRows() {
        NumpyRandom r = new NumpyRandom(8);
        LstmCell cell = new LstmCell(5, 3, DataType.FLOAT, Init.uniform(r));
        int[] ids = {4, 0, 2, 2};
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 4, 5);
        for (int t = 0; t < 4; t++) {
            x.putScalar(t, ids[t], 1.0);
        }
        GateTrace.Lstm a = GateTrace.lstmOneHot(cell, ids, null), b = GateTrace.lstm(cell, x, null);
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(b.f()[t], a.f()[t], 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> GateTrace.lstmOneHot(cell, new int[] {5}, null));
    }
}
