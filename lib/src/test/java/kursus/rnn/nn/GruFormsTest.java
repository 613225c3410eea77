package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GruForms against the hand-computed step of {@link GruClassicFormTest} (classic and reset-after-product),
 * and PaperLayout.loadGruCoursera against Coursera's equations written out in plain Java.
 */
class GruFormsTest {

    static GruCell handCell() {
        GruCell cell = new GruCell(1, 2, DataType.DOUBLE, Init.zeros());
        cell.W_zr().value().assign(Nd4j.create(new double[][] {{0.2, -0.1, 0.3, 0.5}, {0.4, 0.1, -0.6, 0.2}, {0.3, -0.2, 0.1, 0.7}}));
        cell.b_zr().value().assign(Nd4j.create(new double[][] {{0.1, 0.0, -0.1, 0.2}}));
        cell.W_h().value().assign(Nd4j.create(new double[][] {{0.8, -0.4}, {0.3, 0.9}, {-0.5, 0.6}}));
        cell.b_h().value().assign(Nd4j.create(new double[][] {{0.2, -0.1}}));
        return cell;
    }

    @Test
    void bothFormsEqualTheHandValues() {
        GruCell cell = handCell();
        INDArray h = Nd4j.create(new double[][] {{0.5, -1.0}});
        INDArray x = Nd4j.create(new double[][] {{1.0}});
        assertArrayEquals(GruClassicFormTest.EXPECTED, GruForms.classicStep(cell, x, h).toDoubleVector(), 1e-12);
        assertArrayEquals(GruClassicFormTest.RESET_AFTER_PRODUCT, GruForms.resetAfterProductStep(cell, x, h).toDoubleVector(), 1e-12);
    }

    @Test
    void classicStepEqualsTheCellOnRandomWeights() {
        NumpyRandom r = new NumpyRandom(3);
        GruCell cell = new GruCell(3, 4, DataType.DOUBLE, Init.xavierNormal(r));
        cell.b_zr().value().assign(r.randn(1, 8));
        cell.b_h().value().assign(r.randn(1, 4));
        INDArray x = r.randn(5, 3), h = r.randn(5, 4);
        INDArray lib = cell.forward(x, State.of(h)).h();
        assertTrue(lib.equalsWithEps(GruForms.classicStep(cell, x, h), 1e-12));
        assertTrue(!lib.equalsWithEps(GruForms.resetAfterProductStep(cell, x, h), 1e-3));
    }

    static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Coursera's GRU, column layout, written element by element: returns c (n_a, m). */
    static double[][] coursera(double[][] Wu, double[][] bu, double[][] Wr, double[][] br, double[][] Wc, double[][] bc,
            double[][] cPrev, double[][] x) {
        int nA = cPrev.length, nX = x.length, m = x[0].length;
        double[][] out = new double[nA][m];
        for (int e = 0; e < m; e++) {
            double[] concat = new double[nA + nX];
            for (int i = 0; i < nA; i++) concat[i] = cPrev[i][e];
            for (int i = 0; i < nX; i++) concat[nA + i] = x[i][e];
            double[] gu = new double[nA], gr = new double[nA];
            for (int j = 0; j < nA; j++) {
                double su = bu[j][0], sr = br[j][0];
                for (int k = 0; k < nA + nX; k++) {
                    su += Wu[j][k] * concat[k];
                    sr += Wr[j][k] * concat[k];
                }
                gu[j] = sig(su);
                gr[j] = sig(sr);
            }
            double[] reset = concat.clone();
            for (int i = 0; i < nA; i++) reset[i] = gr[i] * cPrev[i][e];
            for (int j = 0; j < nA; j++) {
                double sc = bc[j][0];
                for (int k = 0; k < nA + nX; k++) sc += Wc[j][k] * reset[k];
                double cand = Math.tanh(sc);
                out[j][e] = gu[j] * cand + (1 - gu[j]) * cPrev[j][e];
            }
        }
        return out;
    }

    @Test
    void courseraWeightsLoadWithTheUpdateGateFlipped() {
        NumpyRandom r = new NumpyRandom(1);
        int nA = 5, nX = 3, m = 4;
        INDArray x = r.randn(nX, m), c0 = r.randn(nA, m);
        INDArray Wu = r.randn(nA, nA + nX), bu = r.randn(nA, 1), Wr = r.randn(nA, nA + nX), br = r.randn(nA, 1);
        INDArray Wc = r.randn(nA, nA + nX), bc = r.randn(nA, 1);
        GruCell cell = new GruCell(nX, nA, DataType.DOUBLE, Init.zeros());
        PaperLayout.loadGruCoursera(cell, Wu, bu, Wr, br, Wc, bc);
        INDArray h = PaperLayout.toColumns(cell.forward(PaperLayout.toRows(x), State.of(PaperLayout.toRows(c0))).h());
        double[][] want = coursera(Wu.toDoubleMatrix(), bu.toDoubleMatrix(), Wr.toDoubleMatrix(), br.toDoubleMatrix(),
                Wc.toDoubleMatrix(), bc.toDoubleMatrix(), c0.toDoubleMatrix(), x.toDoubleMatrix());
        assertTrue(h.equalsWithEps(Nd4j.create(want), 1e-12), h + "\nvs\n" + Nd4j.create(want));
        // loading Wu without the sign flip gives other numbers (so the test can fail)
        GruCell unflipped = new GruCell(nX, nA, DataType.DOUBLE, Init.zeros());
        PaperLayout.loadGruCoursera(unflipped, Wu, bu, Wr, br, Wc, bc);
        unflipped.W_z().negi();
        unflipped.b_z().negi();
        INDArray h2 = PaperLayout.toColumns(unflipped.forward(PaperLayout.toRows(x), State.of(PaperLayout.toRows(c0))).h());
        assertTrue(!h2.equalsWithEps(Nd4j.create(want), 1e-3));
    }

    @Test
    void courseraShapesAreChecked() {
        GruCell cell = new GruCell(3, 5, DataType.DOUBLE, Init.zeros());
        INDArray ok = Nd4j.zeros(DataType.DOUBLE, 5, 8), b = Nd4j.zeros(DataType.DOUBLE, 5, 1);
        assertThrows(IllegalArgumentException.class,
                () -> PaperLayout.loadGruCoursera(cell, Nd4j.zeros(DataType.DOUBLE, 8, 5), b, ok, b, ok, b));
    }
}
