package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.latihan.Latihan02.Act;
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

    private static Latihan02.Verdict verdict(Latihan02.CellForward f) {
        return Latihan02.diagnose(f);
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
        Latihan02.Verdict r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).add(h.mmul(wh.transpose())).addRowVector(b)));
        assertFalse(r.ok());
        assertTrue(r.en().contains("recurrent term") && r.en().contains("transposed"), r.en());
    }

    @Test
    void elementwiseProductIsNamed() {
        Latihan02.Verdict r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mul(wx).add(h.mmul(wh)).addRowVector(b)));
        assertFalse(r.ok());
        assertTrue(r.en().contains("elementwise product"), r.en());
        assertEquals(Term.ELEMENTWISE, variantOf((x, h, wx, wh, b) -> Transforms.tanh(x.mul(wx).add(h.mmul(wh)).addRowVector(b))).input());
    }

    @Test
    void paperColumnOrderIsNamed() {
        Variant v = variantOf((x, h, wx, wh, b) -> Transforms.tanh(wx.mmul(x).add(wh.mmul(h)).addRowVector(b)));
        assertEquals(new Variant(Term.LEFT, Term.LEFT, true, Act.TANH, false), v);
    }

    @Test
    void forgottenPreviousStateIsNamed() {
        Latihan02.Verdict r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).addRowVector(b)));
        assertFalse(r.ok());
        assertTrue(r.en().contains("previous state h_{t-1} forgotten"), r.en());
    }

    @Test
    void missingTanhAndMissingBiasAreNamed() {
        Latihan02.Verdict noTanh = verdict((x, h, wx, wh, b) -> x.mmul(wx).add(h.mmul(wh)).addRowVector(b));
        assertTrue(noTanh.en().contains("tanh not applied"), noTanh.en());
        Latihan02.Verdict noBias = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).add(h.mmul(wh))));
        assertTrue(noBias.en().contains("bias b_h not added"), noBias.en());
        Latihan02.Verdict sigmoid = verdict((x, h, wx, wh, b) -> Transforms.sigmoid(x.mmul(wx).add(h.mmul(wh)).addRowVector(b)));
        assertTrue(sigmoid.en().contains("used sigmoid"), sigmoid.en());
    }

    @Test
    void swappedWeightsAndTransposedResultAreNamed() {
        Latihan02.Verdict swapped = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wh).add(h.mmul(wx)).addRowVector(b)));
        assertTrue(swapped.en().contains("weight matrices swapped"), swapped.en());
        Latihan02.Verdict tOut = verdict((x, h, wx, wh, b) -> right(x, h, wx, wh, b).transpose());
        assertTrue(tOut.en().contains("result transposed"), tOut.en());
    }

    @Test
    void inPlaceChangeOfAnInputIsNamed() {
        Latihan02.Verdict r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).addi(h.mmuli(wh)).addRowVector(b)));
        assertFalse(r.ok());
        assertTrue(r.en().contains("changed its argument h_prev"), r.en());
    }

    @Test
    void aShapeErrorOnRectangularInputsIsReportedWithAHint() {
        // right on the square case only: uses the batch size where the hidden size belongs
        Latihan02.Verdict r = verdict((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).add(h.mmul(wh)).addRowVector(b.reshape(1, x.size(0)))));
        assertFalse(r.ok());
        assertTrue(r.en().contains("threw") && r.en().contains("use mmul, not mul"), r.en());
    }

    @Test
    void aWrongAnswerThrowsTheBilingualVerdict() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Latihan02.checkRnnCellForward((x, h, wx, wh, b) -> Transforms.tanh(x.mmul(wx).addRowVector(b))));
        assertTrue(e.getMessage().startsWith("[ID] ✗ Latihan 2") && e.getMessage().contains("\n[EN] ✗ Exercise 2"), e.getMessage());
    }
}
