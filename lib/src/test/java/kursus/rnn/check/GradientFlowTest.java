package kursus.rnn.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** GradientFlow on cells whose gradient norms are known in closed form. */
class GradientFlowTest {

    @Test
    void linearRegimeRnnShrinksByRhoPerStep() {
        // W_xh = 0, b = 0: h stays 0, tanh'(0) = 1, so dh_{t-1} = dh_t · (ρ I)ᵀ and the norm is ρ^d
        RnnCell cell = new RnnCell(2, 3, DataType.DOUBLE, Init.zeros());
        cell.W_hh().set(Nd4j.eye(3).castTo(DataType.DOUBLE).muli(0.8));
        GradientFlow.Norms n = GradientFlow.byDistance(cell, 10, new NumpyRandom(1));
        for (int d = 0; d < 10; d++) {
            assertEquals(Math.pow(0.8, d), n.h()[d], 1e-12, "distance " + d);
        }
        assertNull(n.c());
        assertEquals(9.0, n.distances()[9], 0.0);
    }

    @Test
    void lstmCellPathShrinksByTheForgetGatePerStep() {
        // W = 0: every gate is σ(its bias); the loss reaches c_T through h_T = o∘tanh(c_T), and from there
        // the only way back is c_{t-1} = f∘..., so ||dc|| shrinks by σ(b_f) per step and dh (t < T) is 0
        LstmCell cell = new LstmCell(2, 3, DataType.DOUBLE, Init.zeros());
        cell.gateBias(LstmCell.FORGET).assign(2.0);
        GradientFlow.Norms n = GradientFlow.byDistance(cell, 8, new NumpyRandom(2));
        double f = 1 / (1 + Math.exp(-2.0));
        assertEquals(0.0, n.c()[0], 0.0);
        for (int d = 2; d < 8; d++) {
            assertEquals(f, n.c()[d] / n.c()[d - 1], 1e-12, "ratio at distance " + d);
            assertEquals(0.0, n.h()[d], 1e-15);
        }
        assertEquals(1.0, n.h()[0], 1e-12);
    }
}
