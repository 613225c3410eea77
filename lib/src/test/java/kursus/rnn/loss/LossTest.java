package kursus.rnn.loss;

import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.check.GradCheck;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each loss: value against a hand computation, gradient against finite differences, masks. */
class LossTest {
    static final DataType D = DataType.DOUBLE;
    static final double TOL = 1e-6;

    @Test
    void softmaxCrossEntropyValueIsMinusLogProbabilityOfTarget() {
        INDArray z = Nd4j.create(new double[][] {{1, 2, 3}, {0, 0, 0}});
        LossResult r = SoftmaxCrossEntropy.compute(z, new int[] {2, 1});
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = ((lse - 3) + Math.log(3)) / 2;
        assertEquals(expected, r.loss(), 1e-14);
        assertEquals(2, r.count());
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        INDArray z = Nd4j.create(new double[][] {{1000, 0, -1000}});
        LossResult r = SoftmaxCrossEntropy.compute(z, new int[] {1});
        assertEquals(1000.0, r.loss(), 1e-9); // −log softmax = 1000 − 0 (+ e^{-1000} terms)
        assertTrue(Double.isFinite(r.grad().sumNumber().doubleValue()));
    }

    @Test
    void softmaxCrossEntropyGradientWithMask() {
        INDArray z = randn(1, D, 5, 4);
        int[] y = {3, 0, 1, 1, 2};
        INDArray mask = Nd4j.create(new double[] {1, 0, 1, 1, 0});
        Params probe = new Params();
        Param pz = probe.add("logits", z);
        GradCheck.Report rep = GradCheck.check(probe, () -> {
            LossResult r = SoftmaxCrossEntropy.compute(z, y, mask);
            pz.grad().assign(r.grad());
            return r.loss();
        });
        assertTrue(rep.maxRelError() < TOL, rep.toString());
        LossResult r = SoftmaxCrossEntropy.compute(z, y, mask);
        assertEquals(3, r.count());
        assertEquals(0.0, r.grad().getRow(1).norm1Number().doubleValue(), 0.0); // masked rows get nothing
    }

    @Test
    void maskedRowsDoNotChangeTheLoss() {
        INDArray z = randn(2, D, 3, 4);
        INDArray z2 = z.dup();
        z2.getRow(1).assign(99); // change only the masked row
        INDArray mask = Nd4j.create(new double[] {1, 0, 1});
        int[] y = {0, 1, 2};
        assertEquals(SoftmaxCrossEntropy.compute(z, y, mask).loss(), SoftmaxCrossEntropy.compute(z2, y, mask).loss(), 0.0);
    }

    @Test
    void sigmoidBinaryCrossEntropyValueAndGradient() {
        INDArray z = Nd4j.create(new double[][] {{0.3, -2}});
        INDArray t = Nd4j.create(new double[][] {{1, 0}});
        LossResult r = SigmoidBinaryCrossEntropy.compute(z, t);
        double p0 = 1 / (1 + Math.exp(-0.3)), p1 = 1 / (1 + Math.exp(2));
        assertEquals((-Math.log(p0) - Math.log(1 - p1)) / 2, r.loss(), 1e-14);

        INDArray zz = randn(3, D, 4, 3);
        INDArray tt = Nd4j.rand(D, 4, 3); // soft targets in [0, 1)
        INDArray mask = Nd4j.create(new double[] {1, 1, 0, 1});
        Params probe = new Params();
        Param pz = probe.add("logits", zz);
        GradCheck.Report rep = GradCheck.check(probe, () -> {
            LossResult res = SigmoidBinaryCrossEntropy.compute(zz, tt, mask);
            pz.grad().assign(res.grad());
            return res.loss();
        });
        assertTrue(rep.maxRelError() < TOL, rep.toString());
    }

    @Test
    void sigmoidBinaryCrossEntropyIsStableForHugeLogits() {
        LossResult r = SigmoidBinaryCrossEntropy.compute(Nd4j.create(new double[][] {{800, -800}}), Nd4j.create(new double[][] {{0, 1}}));
        assertEquals(800.0, r.loss(), 1e-9);
    }

    @Test
    void meanSquaredErrorValueAndGradient() {
        INDArray p = Nd4j.create(new double[][] {{1, 2}, {3, 5}});
        INDArray y = Nd4j.create(new double[][] {{0, 2}, {3, 3}});
        assertEquals((1 + 0 + 0 + 4) / 4.0, MeanSquaredError.compute(p, y).loss(), 1e-15);
        assertEquals((1 + 0) / 2.0, MeanSquaredError.compute(p, y, Nd4j.create(new double[] {1, 0})).loss(), 1e-15); // row 0 only

        INDArray pp = randn(5, D, 4, 2), yy = randn(6, D, 4, 2);
        INDArray mask = Nd4j.create(new double[] {0, 1, 1, 1});
        Params probe = new Params();
        Param pz = probe.add("predictions", pp);
        GradCheck.Report rep = GradCheck.check(probe, () -> {
            LossResult res = MeanSquaredError.compute(pp, yy, mask);
            pz.grad().assign(res.grad());
            return res.loss();
        });
        assertTrue(rep.maxRelError() < TOL, rep.toString());
    }
}
