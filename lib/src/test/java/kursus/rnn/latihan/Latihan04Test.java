package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kursus.rnn.latihan.Latihan04.Mistake;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Latihan 4 accepts a correct global-norm clipper and names each typical mistake. */
class Latihan04Test {

    static double sumSq(List<INDArray> gs) {
        double s = 0;
        for (INDArray g : gs) {
            s += g.mul(g).sumNumber().doubleValue();
        }
        return s;
    }

    static void correct(List<INDArray> gs, double max) {
        double norm = Math.sqrt(sumSq(gs));
        if (norm > max) {
            for (INDArray g : gs) {
                g.muli(max / norm);
            }
        }
    }

    @Test
    void acceptsCorrectSolution() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm(Latihan04Test::correct);
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
    }

    @Test
    void acceptsTorchStyleEpsilon() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = Math.sqrt(sumSq(gs));
            double coef = max / (norm + 1e-6);
            if (coef < 1) {
                gs.forEach(g -> g.muli(coef));
            }
        });
        assertTrue(v.passed(), v.message());
    }

    @Test
    void namesPerParameterNorm() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            for (INDArray g : gs) {
                double n = g.norm2Number().doubleValue();
                if (n > max) {
                    g.muli(max / n);
                }
            }
        });
        assertEquals(Mistake.PER_PARAMETER_NORM, v.mistake(), v.message());
    }

    @Test
    void namesScalingBelowThreshold() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = Math.sqrt(sumSq(gs));
            gs.forEach(g -> g.muli(max / norm));
        });
        assertEquals(Mistake.SCALES_BELOW_THRESHOLD, v.mistake(), v.message());
    }

    @Test
    void namesNotInPlace() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = Math.sqrt(sumSq(gs));
            if (norm > max) {
                for (INDArray g : gs) {
                    g = g.mul(max / norm); // new array, thrown away
                }
            }
        });
        assertEquals(Mistake.NOT_IN_PLACE, v.mistake(), v.message());
        assertTrue(v.message().contains("muli"), v.message());
    }

    @Test
    void namesReplacedListElements() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = Math.sqrt(sumSq(gs));
            if (norm > max) {
                for (int i = 0; i < gs.size(); i++) {
                    gs.set(i, gs.get(i).mul(max / norm));
                }
            }
        });
        assertEquals(Mistake.LIST_CHANGED, v.mistake(), v.message());
    }

    @Test
    void namesMissingSqrt() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = sumSq(gs);
            if (norm > max) {
                gs.forEach(g -> g.muli(max / norm));
            }
        });
        assertEquals(Mistake.NO_SQRT, v.mistake(), v.message());
    }

    @Test
    void namesMissingSquare() {
        Verdict<Mistake> l1 = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = 0;
            for (INDArray g : gs) {
                norm += Transforms.abs(g, true).sumNumber().doubleValue();
            }
            double n = norm;
            if (n > max) {
                gs.forEach(g -> g.muli(max / n));
            }
        });
        assertEquals(Mistake.NO_SQUARE, l1.mistake(), l1.message());
        Verdict<Mistake> sumOfNorms = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = 0;
            for (INDArray g : gs) {
                norm += g.norm2Number().doubleValue();
            }
            double n = norm;
            if (n > max) {
                gs.forEach(g -> g.muli(max / n));
            }
        });
        assertEquals(Mistake.NO_SQUARE, sumOfNorms.mistake(), sumOfNorms.message());
    }

    @Test
    void namesInvertedFactor() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            double norm = Math.sqrt(sumSq(gs));
            if (norm > max) {
                gs.forEach(g -> g.muli(norm / max));
            }
        });
        assertEquals(Mistake.INVERTED_SCALE, v.mistake(), v.message());
    }

    @Test
    void namesClippingByValue() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> gs.forEach(g -> Transforms.min(Transforms.max(g, -max, false), max, false)));
        assertEquals(Mistake.CLIPS_BY_VALUE, v.mistake(), v.message());
    }

    @Test
    void exceptionIsReported() {
        Verdict<Mistake> v = Latihan04.evaluateClipByGlobalNorm((gs, max) -> {
            throw new UnsupportedOperationException("TODO");
        });
        assertFalse(v.passed());
        assertEquals(Mistake.EXCEPTION, v.mistake());
        assertTrue(v.message().contains("TODO"));
    }

    @Test
    void checkThrowsBilingualExceptionOnFailure() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan04.checkClipByGlobalNorm((gs, max) -> { }));
        assertTrue(e.getMessage().startsWith("Latihan 4.1: NOT_IN_PLACE\n"), e.getMessage());
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertTrue(e.getMessage().contains("NOT_IN_PLACE"), e.getMessage());
    }
}
