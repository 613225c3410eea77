package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.latihan.Latihan02.Act;
import kursus.rnn.latihan.Latihan02.Mistake;
import kursus.rnn.latihan.Latihan02.Term;
import kursus.rnn.latihan.Latihan02.Variant;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Exercise 2: the reference answer passes; each typical wrong answer, written the way a student
 * would write it with ND4J, is rejected with the right diagnosis.
 */
class Latihan02Test {
    static INDArray right(INDArray x, INDArray h, INDArray wx, INDArray wh, INDArray b) {
        return Transforms.tanh(x.mmul(wx).add(h.mmul(wh)).addRowVector(b));
    }

    /** Identifies the variant a student function computes on the square trial. */
    private static Variant variantOf(Latihan02.CellForward f) {
        INDArray[] in = Latihan02.SQUARE.draw();
        return Latihan02.identify(in, f.apply(in[0], in[1], in[2], in[3], in[4]));
    }

    private static Verdict<Mistake> verdict(Latihan02.CellForward f) {
        return Latihan02.evaluateRnnCellForward(f);
    }

    @Test
    void referenceAnswerPassesAndMatchesThePlainJavaVariant() {
        Latihan02.checkRnnCellForward(Latihan02Test::right);
        assertTrue(variantOf(Latihan02Test::right).right());
    }

    @Test
    void transposedWeightIsNamed() {
        Variant v = variantOf((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx.transpose()).add(h.mmul(wh)).addRowVector(b)));
        assertEquals(new Variant(Term.TRANSPOSED, Term.RIGHT, true, Act.TANH, false), v);
        Verdict<Mistake> r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).add(h.mmul(wh.transpose())).addRowVector(b)));
        assertFalse(r.passed());
        assertTrue(r.message().contains("recurrent term") && r.message().contains("transposed"), r.message());
        assertEquals(Mistake.TRANSPOSED_WEIGHT, r.mistake());
    }

    @Test
    void elementwiseProductIsNamed() {
        Verdict<Mistake> r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mul(wx).add(h.mmul(wh)).addRowVector(b)));
        assertFalse(r.passed());
        assertTrue(r.message().contains("elementwise product"), r.message());
        assertEquals(Mistake.ELEMENTWISE_PRODUCT, r.mistake());
        assertEquals(Term.ELEMENTWISE, variantOf((x, h, wx, wh, b) -> Transforms.tanh(x.mul(wx).add(h.mmul(wh)).addRowVector(b))).input());
    }

    @Test
    void paperColumnOrderIsNamed() {
        Variant v = variantOf((x, h, wx, wh, b) -> Transforms.tanh(wx.mmul(x).add(wh.mmul(h)).addRowVector(b)));
        assertEquals(new Variant(Term.LEFT, Term.LEFT, true, Act.TANH, false), v);
    }

    @Test
    void forgottenPreviousStateIsNamed() {
        Verdict<Mistake> r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).addRowVector(b)));
        assertFalse(r.passed());
        assertTrue(r.message().contains("previous state h_{t-1} forgotten"), r.message());
        assertEquals(Mistake.FORGOT_H_PREV, r.mistake());
    }

    @Test
    void missingTanhAndMissingBiasAreNamed() {
        Verdict<Mistake> noTanh = verdict((x, h, wx, wh, b) -> x.mmul(wx).add(h.mmul(wh)).addRowVector(b));
        assertTrue(noTanh.message().contains("tanh not applied"), noTanh.message());
        assertEquals(Mistake.NO_TANH, noTanh.mistake());
        Verdict<Mistake> noBias = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).add(h.mmul(wh))));
        assertTrue(noBias.message().contains("bias b_h not added"), noBias.message());
        assertEquals(Mistake.NO_BIAS, noBias.mistake());
        Verdict<Mistake> sigmoid = verdict((x, h, wx, wh, b) -> Transforms.sigmoid(x.mmul(wx).add(h.mmul(wh)).addRowVector(b)));
        assertTrue(sigmoid.message().contains("used sigmoid"), sigmoid.message());
        assertEquals(Mistake.SIGMOID, sigmoid.mistake());
    }

    @Test
    void swappedWeightsAndTransposedResultAreNamed() {
        Verdict<Mistake> swapped = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wh).add(h.mmul(wx)).addRowVector(b)));
        assertTrue(swapped.message().contains("weight matrices swapped"), swapped.message());
        assertEquals(Mistake.SWAPPED_WEIGHTS, swapped.mistake());
        Verdict<Mistake> tOut = verdict((x, h, wx, wh, b) -> right(x, h, wx, wh, b).transpose());
        assertTrue(tOut.message().contains("result transposed"), tOut.message());
        assertEquals(Mistake.RESULT_TRANSPOSED, tOut.mistake());
    }

    @Test
    void inPlaceChangeOfAnInputIsNamed() {
        Verdict<Mistake> r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).addi(h.mmuli(wh)).addRowVector(b)));
        assertFalse(r.passed());
        assertTrue(r.message().contains("changed its argument h_prev"), r.message());
        assertEquals(Mistake.CHANGED_INPUT, r.mistake());
    }

    @Test
    void aShapeErrorOnRectangularInputsIsReportedWithAHint() {
        // right on the square case only: uses the batch size where the hidden size belongs
        Verdict<Mistake> r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).add(h.mmul(wh)).addRowVector(b.reshape(1, x.size(0)))));
        assertFalse(r.passed());
        assertTrue(r.message().contains("threw") && r.message().contains("use mmul, not mul"), r.message());
        assertEquals(Mistake.EXCEPTION, r.mistake());
    }

    @Test
    void aWrongAnswerThrowsTheBilingualVerdict() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan02.checkRnnCellForward((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).addRowVector(b))));
        assertTrue(e.getMessage().startsWith("Latihan 2.1: FORGOT_H_PREV\n[ID] ✗ Latihan 2.1") && e.getMessage().contains("\n[EN] ✗ Exercise 2.1"), e.getMessage());
    }
}
