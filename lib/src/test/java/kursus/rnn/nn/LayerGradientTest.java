package kursus.rnn.nn;

import static kursus.rnn.Fixtures.dot;
import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.check.GradCheck;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Dense, Embedding and the activation functions against finite differences. */
class LayerGradientTest {
    static final DataType D = DataType.DOUBLE;
    static final double TOL = 1e-6;

    @Test
    void denseGradientsMatchFiniteDifferences() {
        Dense dense = new Dense(3, 4, D, Init.zeros());
        Fixtures.randomize(dense.params(), 1, 0.7);
        INDArray x = randn(2, D, 5, 3), r = randn(3, D, 5, 4);
        Params probe = new Params().addAll("", dense.params());
        Param px = probe.add("x", x);
        GradCheck.Report rep = GradCheck.check(probe, () -> {
            probe.zeroGrad();
            INDArray y = dense.forward(x);
            px.grad().assign(dense.backward(x, r));
            return dot(y, r);
        });
        assertTrue(rep.maxRelError() < TOL, rep.toString());
    }

    @Test
    void denseForwardIsXTimesWPlusB() {
        Dense dense = new Dense(2, 3, D, Init.zeros());
        dense.W().set(org.nd4j.linalg.factory.Nd4j.create(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        dense.b().set(org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.5, -1, 0}}));
        INDArray y = dense.forward(org.nd4j.linalg.factory.Nd4j.create(new double[][] {{1, -1}}));
        assertEquals(1 - 4 + 0.5, y.getDouble(0, 0), 1e-12);
        assertEquals(2 - 5 - 1, y.getDouble(0, 1), 1e-12);
        assertEquals(3 - 6, y.getDouble(0, 2), 1e-12);
    }

    @Test
    void embeddingScatterAddMatchesFiniteDifferences() {
        Embedding emb = new Embedding(5, 3, D, Init.zeros());
        Fixtures.randomize(emb.params(), 4, 1.0);
        int[][] ids = {{1, 4}, {1, 1}, {0, 4}}; // repeats: gradients of one row must add up
        INDArray r = randn(5, D, 3, 2, 3);
        GradCheck.Report rep = GradCheck.check(emb.params(), () -> {
            emb.params().zeroGrad();
            INDArray y = emb.forward(ids);
            emb.backward(ids, r);
            return dot(y, r);
        });
        assertTrue(rep.maxRelError() < TOL, rep.toString());
    }

    @Test
    void embeddingRowIsTheOneHotProduct() {
        Embedding emb = new Embedding(4, 2, D, Init.zeros());
        Fixtures.randomize(emb.params(), 6, 1.0);
        INDArray oneHot = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0, 0, 1, 0}});
        INDArray viaProduct = oneHot.mmul(emb.E().value());
        assertEquals(0.0, Fixtures.maxDiff(viaProduct, emb.forward(new int[] {2})), 1e-15);
    }

    @Test
    void activationDerivativesMatchFiniteDifferences() {
        INDArray a = randn(7, D, 3, 4);
        INDArray r = randn(8, D, 3, 4);
        Params probe = new Params();
        Param pa = probe.add("a", a);
        String[] names = {"sigmoid", "tanh", "softmax", "relu"};
        for (String f : names) {
            GradCheck.Report rep = GradCheck.check(probe, () -> {
                INDArray y;
                INDArray g;
                switch (f) {
                    case "sigmoid" -> {
                        y = Activations.sigmoid(a);
                        g = Activations.sigmoidDerivative(y).mul(r);
                    }
                    case "tanh" -> {
                        y = Activations.tanh(a);
                        g = Activations.tanhDerivative(y).mul(r);
                    }
                    case "softmax" -> {
                        y = Activations.softmax(a);
                        g = Activations.softmaxBackward(y, r);
                    }
                    default -> {
                        y = Activations.relu(a);
                        g = Activations.reluDerivative(a).mul(r);
                    }
                }
                pa.grad().assign(g);
                return dot(y, r);
            });
            assertTrue(rep.maxRelError() < TOL, f + "\n" + rep);
        }
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        INDArray z = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{1000, 1001, 999}, {-1000, -1000, -1000}});
        INDArray p = Activations.softmax(z);
        // e^{-1}, e^0, e^{-2} normalised; and a uniform row
        double s = Math.exp(-1) + 1 + Math.exp(-2);
        assertEquals(Math.exp(-1) / s, p.getDouble(0, 0), 1e-15);
        assertEquals(1 / s, p.getDouble(0, 1), 1e-15);
        assertEquals(1.0 / 3, p.getDouble(1, 2), 1e-15);
    }
}
