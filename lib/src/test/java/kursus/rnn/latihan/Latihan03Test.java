package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import kursus.rnn.latihan.Latihan03.Cache;
import kursus.rnn.latihan.Latihan03.Grads;
import kursus.rnn.latihan.Latihan03.Mistake;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Latihan 3 accepts the correct cell backward and names each typical mistake. */
class Latihan03Test {

    /** A backward with switchable mistakes. */
    static Grads backward(INDArray dh, INDArray dhNext, Cache c, Mistake m) {
        INDArray total = m == Mistake.FORGOT_DH_NEXT ? dh.dup() : dh.add(dhNext);
        INDArray act = switch (m) {
            case TANH_APPLIED_TWICE -> Transforms.tanh(c.h(), true);
            case DERIVATIVE_OF_HPREV -> c.hPrev();
            default -> c.h();
        };
        INDArray da = m == Mistake.NO_TANH_DERIVATIVE ? total : total.mul(act.mul(act).rsub(1.0));
        INDArray dx = da.mmul(c.W_xh().transpose());
        INDArray dhPrev = m == Mistake.TRANSPOSED_PRODUCT ? da.mmul(c.W_hh()) : da.mmul(c.W_hh().transpose());
        INDArray dWxh = c.x().transpose().mmul(da);
        INDArray dWhh = c.hPrev().transpose().mmul(da);
        INDArray db = m == Mistake.BIAS_SUM_WRONG ? da.sum(true, 1) : da.sum(true, 0);
        return new Grads(dx, dhPrev, dWxh, dWhh, db);
    }

    static Verdict<Mistake> run(Mistake m) {
        return Latihan03.evaluateRnnCellBackward((dh, dn, c) -> backward(dh, dn, c, m));
    }

    @Test
    void acceptsCorrectSolution() {
        Verdict<Mistake> v = run(Mistake.NONE);
        assertTrue(v.passed(), v.message());
        assertEquals(Mistake.NONE, v.mistake());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
    }

    @Test
    void acceptsBiasAsVector() {
        Verdict<Mistake> v = Latihan03.evaluateRnnCellBackward((dh, dn, c) -> {
            Grads g = backward(dh, dn, c, Mistake.NONE);
            return new Grads(g.dx(), g.dhPrev(), g.dW_xh(), g.dW_hh(), g.db_h().reshape(g.db_h().length()));
        });
        assertTrue(v.passed(), v.message());
    }

    @Test
    void namesMissingTanhDerivative() {
        Verdict<Mistake> v = run(Mistake.NO_TANH_DERIVATIVE);
        assertFalse(v.passed());
        assertEquals(Mistake.NO_TANH_DERIVATIVE, v.mistake());
        assertTrue(v.message().contains("(1 − h²)"), v.message());
    }

    @Test
    void namesTanhAppliedTwice() {
        assertEquals(Mistake.TANH_APPLIED_TWICE, run(Mistake.TANH_APPLIED_TWICE).mistake());
    }

    @Test
    void namesDerivativeOfPreviousState() {
        assertEquals(Mistake.DERIVATIVE_OF_HPREV, run(Mistake.DERIVATIVE_OF_HPREV).mistake());
    }

    @Test
    void namesForgottenDhNext() {
        Verdict<Mistake> v = run(Mistake.FORGOT_DH_NEXT);
        assertEquals(Mistake.FORGOT_DH_NEXT, v.mistake());
        assertTrue(v.message().contains("dh + dh_next"), v.message());
    }

    @Test
    void namesTransposedRecurrentProduct() {
        Verdict<Mistake> v = run(Mistake.TRANSPOSED_PRODUCT);
        assertEquals(Mistake.TRANSPOSED_PRODUCT, v.mistake());
        assertTrue(v.message().contains("dh_prev"), v.message());
    }

    @Test
    void namesTransposedWeightGradient() {
        Verdict<Mistake> v = Latihan03.evaluateRnnCellBackward((dh, dn, c) -> {
            Grads g = backward(dh, dn, c, Mistake.NONE);
            return new Grads(g.dx(), g.dhPrev(), g.dW_xh().transpose(), g.dW_hh(), g.db_h());
        });
        assertEquals(Mistake.TRANSPOSED_PRODUCT, v.mistake());
        assertTrue(v.message().contains("dW_xh"), v.message());
    }

    @Test
    void shapeErrorInProductIsDiagnosedAsTransposition() {
        // dx = da · W_xh (no transpose) does not fit: [B,H]·[I,H]
        Verdict<Mistake> v = Latihan03.evaluateRnnCellBackward((dh, dn, c) -> {
            Grads g = backward(dh, dn, c, Mistake.NONE);
            INDArray da = dh.add(dn).mul(c.h().mul(c.h()).rsub(1.0));
            return new Grads(da.mmul(c.W_xh()), g.dhPrev(), g.dW_xh(), g.dW_hh(), g.db_h());
        });
        assertFalse(v.passed());
        assertEquals(Mistake.TRANSPOSED_PRODUCT, v.mistake(), v.message());
    }

    @Test
    void namesBiasSummedOverWrongAxis() {
        Verdict<Mistake> v = run(Mistake.BIAS_SUM_WRONG);
        assertEquals(Mistake.BIAS_SUM_WRONG, v.mistake());
        assertTrue(v.message().contains("batch"), v.message());
    }

    @Test
    void namesBiasNotSummedAndBiasAveraged() {
        Function<Integer, Verdict<Mistake>> f = mode -> Latihan03.evaluateRnnCellBackward((dh, dn, c) -> {
            Grads g = backward(dh, dn, c, Mistake.NONE);
            INDArray da = dh.add(dn).mul(c.h().mul(c.h()).rsub(1.0));
            INDArray db = mode == 0 ? da : da.mean(true, 0);
            return new Grads(g.dx(), g.dhPrev(), g.dW_xh(), g.dW_hh(), db);
        });
        assertEquals(Mistake.BIAS_SUM_WRONG, f.apply(0).mistake());
        Verdict<Mistake> mean = f.apply(1);
        assertEquals(Mistake.BIAS_SUM_WRONG, mean.mistake());
        assertTrue(mean.message().contains("averaged"), mean.message());
    }

    @Test
    void nullResultIsReported() {
        assertEquals(Mistake.NULL_RESULT, Latihan03.evaluateRnnCellBackward((dh, dn, c) -> null).mistake());
    }

    @Test
    void checkThrowsBilingualExceptionOnFailure() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan03.checkRnnCellBackward((dh, dn, c) -> backward(dh, dn, c, Mistake.NO_TANH_DERIVATIVE)));
        assertTrue(e.getMessage().startsWith("Latihan 3.1: NO_TANH_DERIVATIVE\n"), e.getMessage());
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertTrue(e.getMessage().contains("NO_TANH_DERIVATIVE"));
    }

    @Test
    void checkDoesNotThrowOnCorrectSolution() {
        Latihan03.checkRnnCellBackward((dh, dn, c) -> backward(dh, dn, c, Mistake.NONE));
    }

    @Test
    void studentChangingInputsInPlaceDoesNotFoolTheCheck() {
        // a correct solution that also scribbles over dh (addi) must still pass: the check keeps its own copies
        Verdict<Mistake> v = Latihan03.evaluateRnnCellBackward((dh, dn, c) -> {
            INDArray total = dh.addi(dn);
            INDArray da = total.mul(c.h().mul(c.h()).rsub(1.0));
            return new Grads(da.mmul(c.W_xh().transpose()), da.mmul(c.W_hh().transpose()),
                    c.x().transpose().mmul(da), c.hPrev().transpose().mmul(da), da.sum(true, 0));
        });
        assertTrue(v.passed(), v.message());
    }
}
