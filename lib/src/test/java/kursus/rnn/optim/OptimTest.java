package kursus.rnn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.core.Params;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizers and clipping against values worked out by hand (PyTorch's update formulas). */
class OptimTest {
    static final DataType D = DataType.DOUBLE;

    static Params params(double[] w, double[] g) {
        Params p = new Params();
        p.add("w", Nd4j.create(w, new long[] {1, w.length}, D));
        p.grad("w").assign(Nd4j.create(g, new long[] {1, g.length}, D));
        return p;
    }

    static double[] w(Params p) {
        return p.value("w").toDoubleVector();
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        Params p = params(new double[] {1, 2}, new double[] {0.5, -1});
        new Sgd(0.1).step(p);
        assertArrayEquals(new double[] {0.95, 2.1}, w(p), 1e-15);
    }

    @Test
    void sgdMomentumAccumulatesTheVelocity() {
        // v1 = g1 = [0.5, -1]        w1 = w0 − 0.1·v1 = [0.95, 2.1]
        // v2 = 0.9·v1 + g2 = [0.45 + 0.2, −0.9 + 0.4] = [0.65, −0.5]
        // w2 = w1 − 0.1·v2 = [0.885, 2.15]
        Params p = params(new double[] {1, 2}, new double[] {0.5, -1});
        Sgd sgd = new Sgd(0.1, 0.9);
        sgd.step(p);
        assertArrayEquals(new double[] {0.95, 2.1}, w(p), 1e-15);
        p.grad("w").assign(Nd4j.create(new double[] {0.2, 0.4}, new long[] {1, 2}, D));
        sgd.step(p);
        assertArrayEquals(new double[] {0.885, 2.15}, w(p), 1e-14);
    }

    @Test
    void adamFirstTwoStepsMatchTheHandComputation() {
        // step 1: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g²  →  Δ = −lr·g/(|g| + ε)
        Params p = params(new double[] {1, -2}, new double[] {0.5, -4});
        Adam adam = new Adam(0.1);
        adam.step(p);
        assertArrayEquals(new double[] {1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 * 4 / (4 + 1e-8)}, w(p), 1e-15);
        // step 2 with g2 = [0.25, 2] (entry 0 only written out):
        // m = 0.9·0.05 + 0.1·0.25 = 0.07;  v = 0.999·0.00025 + 0.001·0.0625 = 0.00031225
        // θ −= (0.1 / (1 − 0.81)) · 0.07 / (√0.00031225 / √(1 − 0.998001) + 1e-8)
        p.grad("w").assign(Nd4j.create(new double[] {0.25, 2}, new long[] {1, 2}, D));
        double before = w(p)[0];
        adam.step(p);
        double expected = before - (0.1 / 0.19) * 0.07 / (Math.sqrt(0.00031225) / Math.sqrt(0.001999) + 1e-8);
        assertEquals(expected, w(p)[0], 1e-12);
        assertEquals(0.806782, expected, 1e-6); // the same formula evaluated in Python
    }

    @Test
    void adamDecreasesAConvexLossAtEveryStep() {
        // least squares L(w) = (1/N)·‖A·w − b‖², A [40, 3] and b from a fixed seed
        NumpyRandom rng = new NumpyRandom(7);
        INDArray A = rng.randn(D, 40, 3);
        INDArray b = A.mmul(Nd4j.create(new double[][] {{1.5}, {-2}, {0.5}})).addi(rng.randn(D, 40, 1).muli(0.1));
        Params p = new Params();
        INDArray w = p.add("w", Nd4j.zeros(D, 3, 1)).value();
        Adam adam = new Adam(0.01); // ~0.01 per step: 150 steps stay on the way down to w* (distance 2.5)
        double prev = Double.POSITIVE_INFINITY, first = 0, last = 0;
        for (int step = 0; step < 150; step++) {
            INDArray r = A.mmul(w).subi(b);
            double loss = r.norm2Number().doubleValue();
            loss = loss * loss / 40;
            assertTrue(loss < prev, "step " + step + ": loss " + loss + " did not decrease from " + prev);
            if (step == 0) {
                first = loss;
            }
            last = loss;
            prev = loss;
            p.grad("w").assign(A.transpose().mmul(r).muli(2.0 / 40));
            adam.step(p);
        }
        assertTrue(last < 0.25 * first, "first " + first + ", last " + last);
    }

    @Test
    void clipByGlobalNormScalesAllGradientsTogether() {
        // ‖g‖ = √(3² + 4² + 12²) = 13 > 5  →  every entry × 5 / (13 + 1e-6)
        Params p = new Params();
        p.add("a", Nd4j.zeros(D, 1, 2));
        p.add("b", Nd4j.zeros(D, 1, 1));
        p.grad("a").assign(Nd4j.create(new double[] {3, 4}, new long[] {1, 2}, D));
        p.grad("b").assign(Nd4j.create(new double[] {12}, new long[] {1, 1}, D));
        assertEquals(13.0, GradClip.clipByGlobalNorm(p, 5), 1e-12, "returns the norm before clipping");
        double k = 5 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * k, 4 * k}, p.grad("a").toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {12 * k}, p.grad("b").toDoubleVector(), 1e-12);
        assertEquals(5.0, GradClip.globalNorm(p), 1e-5);
    }

    @Test
    void clipByGlobalNormLeavesSmallGradientsAlone() {
        Params p = params(new double[] {0, 0}, new double[] {3, -4});
        assertEquals(5.0, GradClip.clipByGlobalNorm(p, 10), 1e-12);
        assertArrayEquals(new double[] {3, -4}, p.grad("w").toDoubleVector(), 0.0);
    }

    @Test
    void clipByValueClampsEveryEntryToPlusMinusTen() {
        Params p = params(new double[] {0, 0, 0, 0, 0}, new double[] {-15, 3, 10.5, -10, 9.99});
        assertEquals(2, GradClip.clipByValue(p, 10), "two entries were outside [-10, 10]");
        assertArrayEquals(new double[] {-10, 3, 10, -10, 9.99}, p.grad("w").toDoubleVector(), 0.0);
        assertEquals(0, GradClip.clipByValue(p, 10), "nothing left to clamp");
    }

    @Test
    void clipByGlobalNormRefusesAnInfiniteGradient() {
        Params p = params(new double[] {0, 0}, new double[] {Double.NaN, 1});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GradClip.clipByGlobalNorm(p, 5));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
