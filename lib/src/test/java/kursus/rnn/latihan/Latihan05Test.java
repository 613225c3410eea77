package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import kursus.rnn.latihan.Latihan05.LoopMistake;
import kursus.rnn.latihan.Latihan05.Mistake;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Latihan 5.1/5.2 accept the reference solution and name each typical mistake. */
class Latihan05Test {

    /** A student's step with switches for the typical mistakes. */
    static State cell(INDArray x, INDArray h, INDArray c, INDArray W, INDArray b, String mistake) {
        int H = (int) h.size(1);
        INDArray z = mistake.equals("concat") ? Nd4j.hstack(x, h) : Nd4j.hstack(h, x); // [B, H+I]
        INDArray a = z.mmul(W);
        if (!mistake.equals("bias")) {
            a = a.addRowVector(b);
        }
        int[] blocks = mistake.equals("order") ? new int[] {1, 0, 2, 3} : new int[] {0, 1, 2, 3}; // PyTorch's i, f, g, o
        INDArray f = Transforms.sigmoid(block(a, blocks[0], H));
        INDArray i = Transforms.sigmoid(block(a, blocks[1], H));
        INDArray g = mistake.equals("candSigmoid") ? Transforms.sigmoid(block(a, blocks[2], H)) : Transforms.tanh(block(a, blocks[2], H));
        INDArray o = Transforms.sigmoid(block(a, blocks[3], H));
        INDArray fc = mistake.equals("mmul") ? f.mmul(c) : f.mul(c);
        INDArray cNew = mistake.equals("cprev") ? i.mul(g) : fc.add(i.mul(g));
        INDArray hNew = mistake.equals("notanh") ? o.mul(cNew) : o.mul(Transforms.tanh(cNew));
        if (mistake.equals("swap")) {
            return State.of(cNew, hNew);
        }
        if (mistake.equals("inplace")) {
            c.muli(f);
        }
        return State.of(hNew, cNew);
    }

    static INDArray block(INDArray a, int k, int H) {
        return a.get(all(), interval(k * H, (k + 1) * H));
    }

    static INDArray loop(INDArray x, INDArray h0, INDArray c0, INDArray W, INDArray b, Latihan05.CellForward cell, String mistake) {
        int T = (int) x.size(0);
        INDArray hs = Nd4j.zeros(DataType.DOUBLE, T, h0.size(0), h0.size(1));
        INDArray h = mistake.equals("zeros") ? Nd4j.zerosLike(h0) : h0, c = mistake.equals("zeros") ? Nd4j.zerosLike(c0) : c0;
        for (int t = 0; t < T; t++) {
            State s = cell.apply(x.slice(t), mistake.equals("hNotCarried") ? h0 : h, mistake.equals("cNotCarried") ? c0 : c, W, b);
            hs.putSlice(t, mistake.equals("shifted") ? h : mistake.equals("storedC") ? s.c() : s.h());
            h = s.h();
            c = s.c();
        }
        return hs;
    }

    static Mistake cellMistake(String m) {
        return Latihan05.evaluateLstmCellForward((x, h, c, W, b) -> cell(x, h, c, W, b, m)).mistake();
    }

    static LoopMistake loopMistake(String m) {
        return Latihan05.evaluateLstmForward((x, h0, c0, W, b, cell) -> loop(x, h0, c0, W, b, cell, m)).mistake();
    }

    @Test
    void referenceAgreesWithTheLibraryCell() {
        Latihan05.Case c = new Latihan05.Case(new NumpyRandom(9), 3, 2, 4, 1);
        LstmCell cell = new LstmCell(2, 4, DataType.DOUBLE, Init.zeros());
        cell.W().value().assign(Matrices.nd(c.W));
        cell.b().value().assign(Matrices.nd(c.b));
        State s = cell.forward(Matrices.nd(c.x[0]), State.of(Matrices.nd(c.h0), Matrices.nd(c.c0))).next();
        double[][][] ref = Latihan05.cell(c.x[0], c.h0, c.c0, c.W, c.b, Latihan05.Variant.RIGHT);
        assertTrue(Matrices.relErr(ref[0], s.h().toDoubleMatrix()) < 1e-10);
        assertTrue(Matrices.relErr(ref[1], s.c().toDoubleMatrix()) < 1e-10);
    }

    @Test
    void acceptsTheReferenceSolutions() {
        Verdict<Mistake> v = Latihan05.evaluateLstmCellForward((x, h, c, W, b) -> cell(x, h, c, W, b, ""));
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
        Verdict<LoopMistake> l = Latihan05.evaluateLstmForward((x, h0, c0, W, b, cell) -> loop(x, h0, c0, W, b, cell, ""));
        assertTrue(l.passed(), l.message());
    }

    @Test
    void namesEachCellMistake() {
        assertEquals(Mistake.GATE_ORDER, cellMistake("order"));
        assertEquals(Mistake.FORGOT_C_PREV, cellMistake("cprev"));
        assertEquals(Mistake.MATRIX_PRODUCT_FOR_GATE, cellMistake("mmul"));
        assertEquals(Mistake.NO_TANH_ON_C, cellMistake("notanh"));
        assertEquals(Mistake.CANDIDATE_SIGMOID, cellMistake("candSigmoid"));
        assertEquals(Mistake.CONCAT_ORDER, cellMistake("concat"));
        assertEquals(Mistake.FORGOT_BIAS, cellMistake("bias"));
        assertEquals(Mistake.H_AND_C_SWAPPED, cellMistake("swap"));
        assertEquals(Mistake.CHANGED_INPUT, cellMistake("inplace"));
        assertEquals(Mistake.NULL_RESULT, Latihan05.evaluateLstmCellForward((x, h, c, W, b) -> null).mistake());
        assertEquals(Mistake.EXCEPTION, Latihan05.evaluateLstmCellForward((x, h, c, W, b) -> {
            throw new UnsupportedOperationException("todo");
        }).mistake());
    }

    @Test
    void namesEachLoopMistake() {
        assertEquals(LoopMistake.FORGOT_TO_CARRY_C, loopMistake("cNotCarried"));
        assertEquals(LoopMistake.FORGOT_TO_CARRY_H, loopMistake("hNotCarried"));
        assertEquals(LoopMistake.IGNORED_INITIAL_STATE, loopMistake("zeros"));
        assertEquals(LoopMistake.STORED_PREVIOUS_STATE, loopMistake("shifted"));
        assertEquals(LoopMistake.STORED_C, loopMistake("storedC"));
        assertEquals(LoopMistake.WRONG_SHAPE, Latihan05.evaluateLstmForward((x, h0, c0, W, b, cell) -> h0).mistake());
        assertEquals(LoopMistake.NULL_RESULT, Latihan05.evaluateLstmForward((x, h0, c0, W, b, cell) -> null).mistake());
    }

    @Test
    void checkThrowsWithTheDiagnosis() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan05.checkLstmCellForward((x, h, c, W, b) -> cell(x, h, c, W, b, "cprev")));
        assertTrue(e.getMessage().startsWith("Latihan 5.1: FORGOT_C_PREV"), e.getMessage());
        assertArrayEquals(new int[] {0, 1, 2, 3}, Latihan05.Variant.RIGHT.order());
    }
}
