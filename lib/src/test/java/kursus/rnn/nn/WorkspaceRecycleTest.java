package kursus.rnn.nn;

import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.core.Param;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 pass that reuses the arrays of a recycled one ({@link Workspace}: not zeroed) computes
 * exactly what a fresh cell computes, also when the previous pass had other padding; and a
 * recycled pass refuses to be used again.
 */
class WorkspaceRecycleTest {
    static final int I = 5, H = 7, T = 6, B = 4;
    static final INDArray MASK_A = Fixtures.mask(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 0}, {1, 1, 0, 0}, {1, 1, 0, 0}, {1, 1, 0, 0}});
    static final INDArray MASK_B = Fixtures.mask(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}, {1, 0, 1, 0}, {1, 0, 1, 0}, {1, 0, 0, 0}});

    /** One training pass: zeroed gradients, forward, backward; returns the output (not recycled). */
    static Recurrent.Output pass(Recurrent r, INDArray x, int[][] ids, INDArray mask, long seed) {
        r.params().zeroGrad();
        Recurrent.Output o = x != null ? r.forward(x, null, mask) : r.forwardOneHot(ids, null, mask);
        r.backward(o, randn(seed, DataType.FLOAT, T, B, H), null);
        return o;
    }

    static int[][] ids(long seed) {
        java.util.Random rng = new java.util.Random(seed);
        int[][] ids = new int[T][B];
        for (int[] row : ids) {
            for (int n = 0; n < B; n++) {
                row[n] = rng.nextInt(I);
            }
        }
        return ids;
    }

    static void assertSameGradients(RecurrentCell a, RecurrentCell b, String what) {
        for (Param p : a.params()) {
            INDArray ga = p.grad(), gb = b.params().grad(p.name());
            assertTrue(ga.equals(gb), what + ": d" + p.name() + " differs after reusing a recycled pass's arrays");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void reusedArraysGiveTheSameGradientsAsAFreshCell(String kind) {
        for (boolean oneHot : new boolean[] {false, true}) {
            RecurrentCell reused = Fixtures.cell(kind, I, H, DataType.FLOAT, 7), fresh = Fixtures.cell(kind, I, H, DataType.FLOAT, 7);
            Recurrent rr = new Recurrent(reused), rf = new Recurrent(fresh);
            INDArray x1 = oneHot ? null : randn(1, DataType.FLOAT, T, B, I), x2 = oneHot ? null : randn(2, DataType.FLOAT, T, B, I);
            // first pass with a wide mask fills the arrays; recycled, they serve the second pass
            pass(rr, x1, ids(1), MASK_A, 11).cache().recycle();
            Recurrent.Output o2 = pass(rr, x2, ids(2), MASK_B, 12);
            Recurrent.Output f2 = pass(rf, x2, ids(2), MASK_B, 12);
            assertSameGradients(reused, fresh, kind + (oneHot ? " one-hot" : " dense"));
            assertTrue(o2.h().equals(f2.h()), kind + " h");
            assertTrue(o2.last().h().equals(f2.last().h()), kind + " last h");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void aRecycledPassCannotBeUsedAgain(String kind) {
        Recurrent r = new Recurrent(Fixtures.cell(kind, I, H, DataType.FLOAT, 7));
        Recurrent.Output o = r.forward(randn(1, DataType.FLOAT, T, B, I), null, null);
        o.cache().recycle();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.backward(o, null, null));
        assertTrue(e.getMessage().contains("run forward again"), e.getMessage());
        assertThrows(IllegalStateException.class, o::h);
        assertEquals(T, o.length());
    }
}
