package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import kursus.rnn.latihan.Latihan06.Mistake;
import kursus.rnn.nn.GruCell;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Latihan 6 accepts the reference GRU step and names each typical mistake. */
class Latihan06Test {

    static INDArray gru(INDArray x, INDArray h, INDArray Wzr, INDArray bzr, INDArray Wh, INDArray bh, String mistake) {
        int H = (int) h.size(1);
        INDArray a = (mistake.equals("concat") ? Nd4j.hstack(x, h) : Nd4j.hstack(h, x)).mmul(Wzr); // [B, 2H]
        if (!mistake.equals("bias")) {
            a = a.addRowVector(bzr);
        }
        INDArray zr = Transforms.sigmoid(a);
        INDArray z = zr.get(all(), interval(mistake.equals("order") ? H : 0, mistake.equals("order") ? 2 * H : H));
        INDArray r = zr.get(all(), interval(mistake.equals("order") ? 0 : H, mistake.equals("order") ? H : 2 * H));
        INDArray pre;
        if (mistake.equals("after")) {
            INDArray Whh = Wh.get(interval(0, H), all()), Whx = Wh.get(interval(H, Wh.size(0)), all());
            pre = x.mmul(Whx).add(r.mul(h.mmul(Whh)));
        } else {
            INDArray rh = mistake.equals("noreset") ? h : mistake.equals("mmul") ? r.mmul(h) : r.mul(h);
            pre = (mistake.equals("concat") ? Nd4j.hstack(x, rh) : Nd4j.hstack(rh, x)).mmul(Wh);
        }
        if (!mistake.equals("bias")) {
            pre = pre.addRowVector(bh);
        }
        INDArray cand = mistake.equals("notanh") ? pre : Transforms.tanh(pre);
        if (mistake.equals("coursera")) {
            return z.mul(cand).add(z.rsub(1.0).mul(h));
        }
        if (mistake.equals("inplace")) {
            h.muli(z);
        }
        return z.mul(h).add(z.rsub(1.0).mul(cand));
    }

    static Mistake mistake(String m) {
        return Latihan06.evaluateGruCellForward((x, h, Wzr, bzr, Wh, bh) -> gru(x, h, Wzr, bzr, Wh, bh, m)).mistake();
    }

    @Test
    void referenceAgreesWithTheLibraryCell() {
        Latihan06.Case c = new Latihan06.Case(new NumpyRandom(4), 3, 2, 4);
        GruCell cell = new GruCell(2, 4, DataType.DOUBLE, Init.zeros());
        cell.W_zr().value().assign(Matrices.nd(c.Wzr));
        cell.b_zr().value().assign(Matrices.nd(c.bzr));
        cell.W_h().value().assign(Matrices.nd(c.Wh));
        cell.b_h().value().assign(Matrices.nd(c.bh));
        INDArray h = cell.forward(Matrices.nd(c.x), State.of(Matrices.nd(c.h))).h();
        assertTrue(Matrices.relErr(Latihan06.step(c, Latihan06.Variant.RIGHT), h.toDoubleMatrix()) < 1e-10);
    }

    @Test
    void acceptsTheReferenceSolution() {
        Verdict<Mistake> v = Latihan06.evaluateGruCellForward((x, h, Wzr, bzr, Wh, bh) -> gru(x, h, Wzr, bzr, Wh, bh, ""));
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
    }

    @Test
    void namesEachMistake() {
        assertEquals(Mistake.GATE_ORDER, mistake("order"));
        assertEquals(Mistake.UPDATE_ROLES_SWAPPED, mistake("coursera"));
        assertEquals(Mistake.RESET_AFTER_PRODUCT, mistake("after"));
        assertEquals(Mistake.FORGOT_RESET, mistake("noreset"));
        assertEquals(Mistake.MATRIX_PRODUCT_FOR_GATE, mistake("mmul"));
        assertEquals(Mistake.NO_TANH, mistake("notanh"));
        assertEquals(Mistake.CONCAT_ORDER, mistake("concat"));
        assertEquals(Mistake.FORGOT_BIAS, mistake("bias"));
        assertEquals(Mistake.CHANGED_INPUT, mistake("inplace"));
        assertEquals(Mistake.NULL_RESULT, Latihan06.evaluateGruCellForward((x, h, a, b, c, d) -> null).mistake());
        assertEquals(Mistake.WRONG_SHAPE, Latihan06.evaluateGruCellForward((x, h, a, b, c, d) -> h.sum(true, 0)).mistake());
    }

    @Test
    void checkThrowsWithTheDiagnosis() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan06.checkGruCellForward((x, h, Wzr, bzr, Wh, bh) -> gru(x, h, Wzr, bzr, Wh, bh, "after")));
        assertTrue(e.getMessage().startsWith("Latihan 6.1: RESET_AFTER_PRODUCT"), e.getMessage());
    }
}
