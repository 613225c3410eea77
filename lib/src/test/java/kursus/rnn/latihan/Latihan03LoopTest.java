package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.latihan.Latihan03.Cache;
import kursus.rnn.latihan.Latihan03.CellBackward;
import kursus.rnn.latihan.Latihan03.Grads;
import kursus.rnn.latihan.Latihan03.LoopMistake;
import kursus.rnn.latihan.Latihan03.SequenceGrads;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.Recurrent;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.nn.State;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exercise 3.2 (rnnBackward): the reference loop agrees with the library's BPTT and passes; each
 * typical wrong loop, written as a student would, is rejected with its diagnosis.
 */
class Latihan03LoopTest {

    /** The right loop, as in the notebook's solution. */
    static SequenceGrads right(INDArray dh, List<Cache> caches, CellBackward cell) {
        int T = caches.size();
        Cache c0 = caches.get(0);
        INDArray dhNext = Nd4j.zerosLike(c0.hPrev());
        INDArray dW_xh = Nd4j.zerosLike(c0.W_xh()), dW_hh = Nd4j.zerosLike(c0.W_hh()), db_h = Nd4j.zerosLike(c0.b_h());
        INDArray[] dx = new INDArray[T];
        for (int t = T - 1; t >= 0; t--) {
            Grads g = cell.apply(dh.slice(t), dhNext, caches.get(t));
            dx[t] = g.dx();
            dW_xh.addi(g.dW_xh());
            dW_hh.addi(g.dW_hh());
            db_h.addi(g.db_h());
            dhNext = g.dhPrev();
        }
        return new SequenceGrads(Nd4j.stack(0, dx), dhNext, dW_xh, dW_hh, db_h);
    }

    static Verdict<LoopMistake> run(Latihan03.SequenceBackward f) {
        return Latihan03.evaluateRnnBackward(f);
    }

    @Test
    void referenceLoopEqualsTheLibrarysBptt() {
        // the check's reference against Recurrent.backward (gradient-checked in CellGradientTest)
        for (long seed = 0; seed < 3; seed++) {
            Latihan03.LoopCase c = Latihan03.LoopCase.draw(seed);
            SequenceGrads ref = Latihan03.loop(c, false, true, true, Latihan03.Keep.ALL, false);
            RnnCell cell = new RnnCell(c.I(), c.H(), DataType.DOUBLE, Init.zeros());
            cell.W_xh().set(Matrices.nd(c.Wxh()));
            cell.W_hh().set(Matrices.nd(c.Whh()));
            cell.b_h().set(Matrices.nd(c.b()));
            Recurrent rnn = new Recurrent(cell);
            INDArray[] xs = new INDArray[c.T()];
            for (int t = 0; t < c.T(); t++) {
                xs[t] = Matrices.nd(c.x()[t]);
            }
            Recurrent.Output out = rnn.forward(Nd4j.stack(0, xs), State.of(Matrices.nd(c.h0())), null);
            cell.params().zeroGrad();
            Recurrent.Gradients g = rnn.backward(out, c.dhArray(), null);
            assertTrue(ExerciseCheck.relErr(ref.dx(), g.dX()) < 1e-9);
            assertTrue(ExerciseCheck.relErr(ref.dh0(), g.dH0().h()) < 1e-9);
            assertTrue(ExerciseCheck.relErr(ref.dW_xh(), cell.W_xh().grad()) < 1e-9);
            assertTrue(ExerciseCheck.relErr(ref.dW_hh(), cell.W_hh().grad()) < 1e-9);
            assertTrue(ExerciseCheck.relErr(ref.db_h(), cell.b_h().grad()) < 1e-9);
        }
    }

    @Test
    void referenceLoopPasses() {
        Verdict<LoopMistake> v = run(Latihan03LoopTest::right);
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().startsWith("[ID] ✓ Latihan 3.2 (rnnBackward)"), v.message());
        Latihan03.checkRnnBackward(Latihan03LoopTest::right);
    }

    @Test
    void theStudentsOwnCellBackwardWorksToo() {
        Verdict<LoopMistake> v = run((dh, caches, cell) -> right(dh, caches,
                (d, dn, c) -> Latihan03Test.backward(d, dn, c, Latihan03.Mistake.NONE)));
        assertTrue(v.passed(), v.message());
    }

    @Test
    void dhNextNeverPassedIsNamed() {
        Verdict<LoopMistake> zeros = run((dh, caches, cell) -> {
            int T = caches.size();
            INDArray dhNext = Nd4j.zerosLike(caches.get(0).hPrev());
            INDArray dW_xh = Nd4j.zerosLike(caches.get(0).W_xh()), dW_hh = Nd4j.zerosLike(caches.get(0).W_hh()),
                    db_h = Nd4j.zerosLike(caches.get(0).b_h());
            INDArray[] dx = new INDArray[T];
            for (int t = T - 1; t >= 0; t--) {
                Grads g = cell.apply(dh.slice(t), dhNext, caches.get(t)); // dhNext never updated
                dx[t] = g.dx();
                dW_xh.addi(g.dW_xh());
                dW_hh.addi(g.dW_hh());
                db_h.addi(g.db_h());
            }
            return new SequenceGrads(Nd4j.stack(0, dx), dhNext, dW_xh, dW_hh, db_h);
        });
        assertFalse(zeros.passed());
        assertEquals(LoopMistake.FORGOT_DH_NEXT, zeros.mistake(), zeros.message());
        assertTrue(zeros.message().contains("dh_next"), zeros.message());
    }

    @Test
    void dhNextReplacedByZerosIsNamed() {
        Verdict<LoopMistake> v = run((dh, caches, cell) -> right(dh, caches,
                (d, dn, c) -> cell.apply(d, Nd4j.zerosLike(dn), c)));
        assertEquals(LoopMistake.FORGOT_DH_NEXT, v.mistake(), v.message());
    }

    @Test
    void gradientsNotSummedOverTimeAreNamed() {
        Verdict<LoopMistake> v = run((dh, caches, cell) -> {
            int T = caches.size();
            INDArray dhNext = Nd4j.zerosLike(caches.get(0).hPrev());
            INDArray dW_xh = null, dW_hh = null, db_h = null;
            INDArray[] dx = new INDArray[T];
            for (int t = T - 1; t >= 0; t--) {
                Grads g = cell.apply(dh.slice(t), dhNext, caches.get(t));
                dx[t] = g.dx();
                dW_xh = g.dW_xh();                   // = instead of +=
                dW_hh = g.dW_hh();
                db_h = g.db_h();
                dhNext = g.dhPrev();
            }
            return new SequenceGrads(Nd4j.stack(0, dx), dhNext, dW_xh, dW_hh, db_h);
        });
        assertEquals(LoopMistake.NOT_SUMMED_OVER_TIME, v.mistake(), v.message());
        assertTrue(v.message().contains("summed"), v.message());
    }

    @Test
    void forwardTimeOrderIsNamed() {
        Verdict<LoopMistake> v = run((dh, caches, cell) -> {
            int T = caches.size();
            INDArray dhNext = Nd4j.zerosLike(caches.get(0).hPrev());
            INDArray dW_xh = Nd4j.zerosLike(caches.get(0).W_xh()), dW_hh = Nd4j.zerosLike(caches.get(0).W_hh()),
                    db_h = Nd4j.zerosLike(caches.get(0).b_h());
            INDArray[] dx = new INDArray[T];
            for (int t = 0; t < T; t++) {                // forwards
                Grads g = cell.apply(dh.slice(t), dhNext, caches.get(t));
                dx[t] = g.dx();
                dW_xh.addi(g.dW_xh());
                dW_hh.addi(g.dW_hh());
                db_h.addi(g.db_h());
                dhNext = g.dhPrev();
            }
            return new SequenceGrads(Nd4j.stack(0, dx), dhNext, dW_xh, dW_hh, db_h);
        });
        assertEquals(LoopMistake.WRONG_TIME_ORDER, v.mistake(), v.message());
    }

    @Test
    void dxStackedInProcessingOrderIsNamed() {
        Verdict<LoopMistake> v = run((dh, caches, cell) -> {
            SequenceGrads g = right(dh, caches, cell);
            List<INDArray> dx = new ArrayList<>();
            for (int t = caches.size() - 1; t >= 0; t--) {
                dx.add(g.dx().slice(t));                 // appended while walking backwards
            }
            return new SequenceGrads(Nd4j.stack(0, dx.toArray(new INDArray[0])), g.dh0(), g.dW_xh(), g.dW_hh(), g.db_h());
        });
        assertEquals(LoopMistake.WRONG_STACK_ORDER, v.mistake(), v.message());
    }

    @Test
    void wrongDh0ShapeNullAndExceptionAreNamed() {
        Verdict<LoopMistake> dh0 = run((dh, caches, cell) -> {
            SequenceGrads g = right(dh, caches, cell);
            return new SequenceGrads(g.dx(), dh.slice(0), g.dW_xh(), g.dW_hh(), g.db_h());
        });
        assertEquals(LoopMistake.WRONG_DH0, dh0.mistake(), dh0.message());
        Verdict<LoopMistake> shape = run((dh, caches, cell) -> {
            SequenceGrads g = right(dh, caches, cell);
            return new SequenceGrads(g.dx().slice(0), g.dh0(), g.dW_xh(), g.dW_hh(), g.db_h());
        });
        assertEquals(LoopMistake.WRONG_SHAPE, shape.mistake(), shape.message());
        Verdict<LoopMistake> nullField = run((dh, caches, cell) -> {
            SequenceGrads g = right(dh, caches, cell);
            return new SequenceGrads(g.dx(), g.dh0(), g.dW_xh(), g.dW_hh(), null);
        });
        assertEquals(LoopMistake.NULL_RESULT, nullField.mistake());
        Verdict<LoopMistake> badShape = run((dh, caches, cell) -> new SequenceGrads(null, null, null, null, cell.apply(dh, dh, caches.get(0)).db_h()));
        assertEquals(LoopMistake.EXCEPTION, badShape.mistake(), badShape.message());
        assertTrue(badShape.message().contains("dh_t [B, H]"), badShape.message());
        Verdict<LoopMistake> skipped = run((dh, caches, cell) -> right(dh, caches.subList(1, caches.size()), cell));
        assertEquals(LoopMistake.WRONG_SHAPE, skipped.mistake(), skipped.message());
    }

    @Test
    void checkThrowsAParsableException() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan03.checkRnnBackward((dh, caches, cell) -> right(dh, caches, (d, dn, c) -> cell.apply(d, Nd4j.zerosLike(dn), c))));
        assertTrue(e.getMessage().startsWith("Latihan 3.2: FORGOT_DH_NEXT\n[ID] ✗ Latihan 3.2 (rnnBackward)"), e.getMessage());
    }
}
