package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.latihan.Latihan02.LoopMistake;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exercise 2.2 (rnnForward): the reference loop passes; each typical wrong loop, written the way a
 * student would write it, is rejected with its diagnosis.
 */
class Latihan02LoopTest {

    /** The right loop, as in the notebook's solution. */
    static INDArray right(INDArray x, INDArray h0, INDArray wx, INDArray wh, INDArray b, Latihan02.CellForward cell) {
        int T = (int) x.size(0);
        INDArray h = h0;
        INDArray[] hs = new INDArray[T];
        for (int t = 0; t < T; t++) {
            h = cell.apply(x.slice(t), h, wx, wh, b);
            hs[t] = h;
        }
        return Nd4j.stack(0, hs);
    }

    static Verdict<LoopMistake> run(Latihan02.SequenceForward f) {
        return Latihan02.evaluateRnnForward(f);
    }

    @Test
    void referenceLoopPassesAndMatchesTheLibrary() {
        Verdict<LoopMistake> v = run(Latihan02LoopTest::right);
        assertTrue(v.passed(), v.message());
        assertEquals(LoopMistake.NONE, v.mistake());
        assertTrue(v.message().startsWith("[ID] ✓ Latihan 2.2 (rnnForward)") && v.message().contains("[EN] ✓"), v.message());
        Latihan02.checkRnnForward(Latihan02LoopTest::right);
    }

    @Test
    void hNotCarriedIsNamed() {
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> {
            INDArray[] hs = new INDArray[(int) x.size(0)];
            for (int t = 0; t < hs.length; t++) {
                hs[t] = cell.apply(x.slice(t), h0, wx, wh, b); // h0 at every step
            }
            return Nd4j.stack(0, hs);
        });
        assertFalse(v.passed());
        assertEquals(LoopMistake.FORGOT_TO_CARRY_H, v.mistake(), v.message());
        assertTrue(v.message().contains("every step starts again from h0"), v.message());
    }

    @Test
    void resultComputedButNotAssignedIsNamedAsNotCarried() {
        // h = cell(...) written as cell(...) into a second variable; h stays h0
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> {
            INDArray h = h0;
            INDArray[] hs = new INDArray[(int) x.size(0)];
            for (int t = 0; t < hs.length; t++) {
                INDArray hNew = cell.apply(x.slice(t), h, wx, wh, b);
                hs[t] = hNew;
            }
            return Nd4j.stack(0, hs);
        });
        assertEquals(LoopMistake.FORGOT_TO_CARRY_H, v.mistake(), v.message());
    }

    @Test
    void ignoredInitialStateIsNamed() {
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> right(x, Nd4j.zeros(DataType.DOUBLE, x.size(1), h0.size(1)), wx, wh, b, cell));
        assertEquals(LoopMistake.IGNORED_H0, v.mistake(), v.message());
    }

    @Test
    void storingTheStateBeforeTheStepIsNamed() {
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> {
            INDArray h = h0;
            INDArray[] hs = new INDArray[(int) x.size(0)];
            for (int t = 0; t < hs.length; t++) {
                hs[t] = h;                                   // stored before the update
                h = cell.apply(x.slice(t), h, wx, wh, b);
            }
            return Nd4j.stack(0, hs);
        });
        assertEquals(LoopMistake.STORED_PREVIOUS_STATE, v.mistake(), v.message());
    }

    @Test
    void onlyTheLastStateIsNamed() {
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> {
            INDArray h = h0;
            for (int t = 0; t < x.size(0); t++) {
                h = cell.apply(x.slice(t), h, wx, wh, b);
            }
            return h;
        });
        assertEquals(LoopMistake.ONLY_LAST_STATE, v.mistake(), v.message());
    }

    @Test
    void reversedStackIsNamed() {
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> {
            INDArray h = h0;
            List<INDArray> hs = new ArrayList<>();
            for (int t = 0; t < x.size(0); t++) {
                h = cell.apply(x.slice(t), h, wx, wh, b);
                hs.add(0, h);                                // prepended
            }
            return Nd4j.stack(0, hs.toArray(new INDArray[0]));
        });
        assertEquals(LoopMistake.WRONG_STACK_ORDER, v.mistake(), v.message());
    }

    @Test
    void readingTheSequenceFromTheEndIsNamed() {
        Verdict<LoopMistake> v = run((x, h0, wx, wh, b, cell) -> {
            int T = (int) x.size(0);
            INDArray h = h0;
            INDArray[] hs = new INDArray[T];
            for (int t = T - 1; t >= 0; t--) {
                h = cell.apply(x.slice(t), h, wx, wh, b);
                hs[t] = h;
            }
            return Nd4j.stack(0, hs);
        });
        assertEquals(LoopMistake.WRONG_TIME_ORDER, v.mistake(), v.message());
    }

    @Test
    void wrongShapeNullAndExceptionAreNamed() {
        assertEquals(LoopMistake.WRONG_SHAPE,
                run((x, h0, wx, wh, b, cell) -> right(x, h0, wx, wh, b, cell).permute(1, 0, 2).dup()).mistake());
        assertEquals(LoopMistake.NULL_RESULT, run((x, h0, wx, wh, b, cell) -> null).mistake());
        assertEquals(LoopMistake.NULL_RESULT, run(null).mistake());
        Verdict<LoopMistake> threw = run((x, h0, wx, wh, b, cell) -> cell.apply(x, h0, wx, wh, b)); // x is 3-D
        assertEquals(LoopMistake.EXCEPTION, threw.mistake(), threw.message());
        assertTrue(threw.message().contains("threw"), threw.message());
    }

    @Test
    void checkThrowsAParsableException() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan02.checkRnnForward((x, h0, wx, wh, b, cell) -> right(x, Nd4j.zerosLike(h0), wx, wh, b, cell)));
        assertTrue(e.getMessage().startsWith("Latihan 2.2: IGNORED_H0\n[ID] ✗ Latihan 2.2 (rnnForward)"), e.getMessage());
        assertEquals("Latihan 2.2", e.exercise());
        assertEquals("IGNORED_H0", e.mistake());
    }
}
