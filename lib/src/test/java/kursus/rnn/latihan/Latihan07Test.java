package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.latihan.Latihan07.DecodeMistake;
import kursus.rnn.latihan.Latihan07.ReadOutMistake;
import kursus.rnn.latihan.Latihan07.Type;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exercise 7: the reference answers pass, each typical mistake is rejected with its diagnosis. */
class Latihan07Test {

    /** How a student variant reads sequence n: the step index, or -1 for the mean of the real steps. */
    @FunctionalInterface
    interface Pick {
        int step(int n, int[] lengths, int T);
    }

    static INDArray perSequence(INDArray h, int[] lengths, INDArray W, INDArray b, Pick pick, boolean bias) {
        int T = (int) h.size(0), B = (int) h.size(1), H = (int) h.size(2);
        INDArray z = Nd4j.create(DataType.DOUBLE, B, W.size(1));
        for (int n = 0; n < B; n++) {
            int s = pick.step(n, lengths, T);
            INDArray hn;
            if (s < 0) {
                hn = Nd4j.zeros(DataType.DOUBLE, 1, H);
                for (int t = 0; t < lengths[n]; t++) {
                    hn.addi(h.slice(t).getRow(n).reshape(1, H).div(lengths[n]));
                }
            } else {
                hn = h.slice(s).getRow(n).reshape(1, H);
            }
            INDArray zn = hn.mmul(W);
            z.putRow(n, bias ? zn.add(b) : zn);
        }
        return z;
    }

    static INDArray perStep(INDArray h, INDArray W, INDArray b, boolean bias) {
        int T = (int) h.size(0), B = (int) h.size(1), H = (int) h.size(2);
        INDArray z = h.reshape(T * B, H).mmul(W);
        if (bias) {
            z = z.addRowVector(b);
        }
        return z.reshape(T, B, W.size(1));
    }

    static INDArray reference(Type type, INDArray h, int[] lengths, INDArray W, INDArray b) {
        if (type == Type.MANY_TO_MANY_ALIGNED) {
            return perStep(h, W, b, true);
        }
        return perSequence(h, lengths, W, b, (n, len, T) -> len[n] - 1, true);
    }

    static Latihan07.ReadOut manyToOneVariant(Pick pick, boolean bias) {
        return (type, h, lengths, W, b) -> type == Type.MANY_TO_ONE ? perSequence(h, lengths, W, b, pick, bias) : reference(type, h, lengths, W, b);
    }

    @Test
    void referenceReadOutPasses() {
        Verdict<ReadOutMistake> v = Latihan07.evaluateReadOut(Latihan07Test::reference);
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"), v.message());
    }

    @Test
    void readOutMistakesAreNamed() {
        assertMistake(ReadOutMistake.LAST_PADDED_STEP, manyToOneVariant((n, len, T) -> T - 1, true));
        assertMistake(ReadOutMistake.FIRST_STEP, manyToOneVariant((n, len, T) -> 0, true));
        assertMistake(ReadOutMistake.OFF_BY_ONE, manyToOneVariant((n, len, T) -> Math.min(len[n], T - 1), true));
        assertMistake(ReadOutMistake.MEAN_OF_STATES, manyToOneVariant((n, len, T) -> -1, true));
        assertMistake(ReadOutMistake.NO_BIAS, manyToOneVariant((n, len, T) -> len[n] - 1, false));
        assertMistake(ReadOutMistake.NO_BIAS, (type, h, lengths, W, b) -> type == Type.MANY_TO_MANY_ALIGNED
                ? perStep(h, W, b, false) : reference(type, h, lengths, W, b));
        assertMistake(ReadOutMistake.ONE_OUTPUT_FOR_ALIGNED, (type, h, lengths, W, b) -> type == Type.MANY_TO_MANY_ALIGNED
                ? perSequence(h, lengths, W, b, (n, len, T) -> len[n] - 1, true) : reference(type, h, lengths, W, b));
        assertMistake(ReadOutMistake.OUTPUT_PER_STEP_FOR_ONE, (type, h, lengths, W, b) -> perStep(h, W, b, true));
        assertMistake(ReadOutMistake.WRONG_SHAPE, (type, h, lengths, W, b) -> Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 2));
        assertMistake(ReadOutMistake.NULL_RESULT, (type, h, lengths, W, b) -> null);
        assertMistake(ReadOutMistake.EXCEPTION, manyToOneVariant((n, len, T) -> len[n], true)); // index T: out of range
        assertMistake(ReadOutMistake.UNKNOWN, (type, h, lengths, W, b) -> reference(type, h, lengths, W, b).mul(2));
    }

    static void assertMistake(ReadOutMistake m, Latihan07.ReadOut f) {
        Verdict<ReadOutMistake> v = Latihan07.evaluateReadOut(f);
        assertFalse(v.passed(), m + ": " + v.message());
        assertEquals(m, v.mistake(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"), v.message());
    }

    @Test
    void checkReadOutThrowsOnAWrongAnswer() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Latihan07.checkReadOut(manyToOneVariant((n, len, T) -> T - 1, true)));
        assertTrue(e.getMessage().startsWith("Latihan 7.1: LAST_PADDED_STEP"), e.getMessage());
    }

    // ------------------------------------------------------------------ 7b

    static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The reference loop written as a student would, with switches for the typical mistakes. */
    static Latihan07.GreedyDecode student(DecodeMistake m) {
        return (step, h0, start, end, maxLen) -> {
            List<Integer> out = new ArrayList<>();
            if (m == DecodeMistake.START_KEPT) {
                out.add(start);
            }
            int token = start;
            double[] h = h0;
            int limit = m == DecodeMistake.MAX_LEN_OFF_BY_ONE ? maxLen + 1 : maxLen;
            for (int t = 0; t < limit; t++) {
                Latihan07.Next next = step.next(token, m == DecodeMistake.STATE_NOT_CARRIED ? h0 : h);
                double[] s = next.scores().clone();
                if (m == DecodeMistake.ARGMIN) {
                    for (int k = 0; k < s.length; k++) {
                        s[k] = -s[k];
                    }
                }
                int k = argmax(s);
                if (k == end && m != DecodeMistake.NO_STOP_AT_END) {
                    if (m == DecodeMistake.END_KEPT) {
                        out.add(k);
                    }
                    break;
                }
                out.add(k);
                if (m != DecodeMistake.OUTPUT_NOT_FED_BACK) {
                    token = k;
                }
                h = next.h();
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        };
    }

    @Test
    void referenceDecoderPasses() {
        Verdict<DecodeMistake> v = Latihan07.evaluateGreedyDecode(student(DecodeMistake.NONE));
        assertTrue(v.passed(), v.message());
    }

    @Test
    void decodeMistakesAreNamed() {
        for (DecodeMistake m : new DecodeMistake[] {DecodeMistake.OUTPUT_NOT_FED_BACK, DecodeMistake.STATE_NOT_CARRIED,
                DecodeMistake.END_KEPT, DecodeMistake.NO_STOP_AT_END, DecodeMistake.START_KEPT,
                DecodeMistake.MAX_LEN_OFF_BY_ONE, DecodeMistake.ARGMIN}) {
            Verdict<DecodeMistake> v = Latihan07.evaluateGreedyDecode(student(m));
            assertFalse(v.passed(), m.toString());
            assertEquals(m, v.mistake(), v.message());
            assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"), v.message());
        }
        // one symbol too few is the same diagnosis
        Latihan07.GreedyDecode fewer = (step, h0, start, end, maxLen) -> student(DecodeMistake.NONE).apply(step, h0, start, end, maxLen - 1);
        assertEquals(DecodeMistake.MAX_LEN_OFF_BY_ONE, Latihan07.evaluateGreedyDecode(fewer).mistake());
        assertEquals(DecodeMistake.NULL_RESULT, Latihan07.evaluateGreedyDecode((step, h0, start, end, maxLen) -> null).mistake());
        assertEquals(DecodeMistake.EXCEPTION, Latihan07.evaluateGreedyDecode((step, h0, start, end, maxLen) -> {
            step.next(start, null);
            return new int[0];
        }).mistake());
        assertEquals(DecodeMistake.UNKNOWN, Latihan07.evaluateGreedyDecode((step, h0, start, end, maxLen) -> new int[] {2, 2}).mistake());
    }

    @Test
    void theCasesExerciseBothStops() {
        // one case ends with the end symbol before maxLen, another is cut by maxLen
        boolean endStop = false, lenStop = false;
        for (Latihan07.ToyDecoder d : Latihan07.cases()) {
            int[] y = d.decode(DecodeMistake.NONE);
            endStop |= y.length < d.maxLen;
            lenStop |= y.length == d.maxLen;
            assertTrue(y.length >= 3, "a case with a short output cannot tell the mistakes apart");
        }
        assertTrue(endStop && lenStop);
    }
}
