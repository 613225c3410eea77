package kursus.rnn.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Translation between the column-vector layout of much lecture material (the deeplearning.ai-style
 * numpy code of the lecture's paper, re-run by {@code lib/src/test/resources/oracles/paper_004.py}, and the
 * "hello" slides) and this library's row-vector layout.
 *
 * <pre>
 *                  paper (column vectors)                 library (row vectors)
 * one input        x_t  (n_x, m)     a column per example   x_t  [m, n_x]      a row per example
 * a sequence       x    (n_x, m, T_x)                       x    [T_x, m, n_x] (time-major)
 * RNN step         a = tanh(Wax·x + Waa·a_prev + ba)        h = tanh(x·W_xh + h_prev·W_hh + b_h)
 *                  Wax (n_a, n_x)  Waa (n_a, n_a)           W_xh = Waxᵀ [n_x, n_a]   W_hh = Waaᵀ
 *                  ba (n_a, 1)                              b_h = baᵀ [1, n_a]
 * read-out         y = softmax(Wya·a + by), Wya (n_y, n_a)  Dense W = Wyaᵀ [n_a, n_y], b = byᵀ
 * LSTM gate        f = σ(Wf·[a_prev; x] + bf)               one fused W [n_a + n_x, 4·n_a]:
 *                  Wf (n_a, n_a + n_x) for each of f,i,c,o  columns of gate k = W_kᵀ, in order f, i, c, o
 * GRU (Coursera)   Γu = σ(Wu·[c_prev; x] + bu)              z = 1 − Γu: W_z = −Wuᵀ, b_z = −buᵀ
 *                  c = Γu∘c̃ + (1 − Γu)∘c_prev               W_r = Wrᵀ, W_h = Wcᵀ  (see loadGruCoursera)
 * </pre>
 *
 * Transposing is all it takes, because {@code (W·x)ᵀ = xᵀ·Wᵀ}: the same numbers come out,
 * transposed. The concatenation order {@code [a_prev; x_t]} is the same in both layouts.
 */
public final class PaperLayout {
    private PaperLayout() {}

    /** A column-vector matrix {@code (n, m)} as rows {@code [m, n]} (a C-order copy). */
    public static INDArray toRows(INDArray columns) {
        Checks.shape("columns", columns, "n,m", Checks.ANY, Checks.ANY);
        return columns.transpose().dup('c');
    }

    /** Rows {@code [m, n]} back to the column layout {@code (n, m)}. */
    public static INDArray toColumns(INDArray rows) {
        Checks.shape("rows", rows, "m,n", Checks.ANY, Checks.ANY);
        return rows.transpose().dup('c');
    }

    /** A paper sequence {@code (n, m, T)} as the library's time-major {@code [T, m, n]}. */
    public static INDArray toTimeMajor(INDArray paper) {
        Checks.shape("x", paper, "n,m,T", Checks.ANY, Checks.ANY, Checks.ANY);
        return paper.permute(2, 1, 0).dup('c');
    }

    /** A library sequence {@code [T, m, n]} in the paper's layout {@code (n, m, T)}. */
    public static INDArray fromTimeMajor(INDArray timeMajor) {
        Checks.shape("x", timeMajor, "T,m,n", Checks.ANY, Checks.ANY, Checks.ANY);
        return timeMajor.permute(2, 1, 0).dup('c');
    }

    /**
     * Loads the paper's RNN weights into a cell: {@code W_xh = Waxᵀ}, {@code W_hh = Waaᵀ},
     * {@code b_h = baᵀ}.
     *
     * @param Wax {@code (n_a, n_x)}
     * @param Waa {@code (n_a, n_a)}
     * @param ba {@code (n_a, 1)}
     */
    public static void loadRnn(RnnCell cell, INDArray Wax, INDArray Waa, INDArray ba) {
        int nA = cell.hiddenSize(), nX = cell.inputSize();
        Checks.shape("Wax", Wax, "n_a,n_x", nA, nX);
        Checks.shape("Waa", Waa, "n_a,n_a", nA, nA);
        Checks.shape("ba", ba, "n_a,1", nA, 1);
        cell.W_xh().set(Wax.transpose());
        cell.W_hh().set(Waa.transpose());
        cell.b_h().set(ba.transpose());
    }

    /** Loads {@code Wya (n_y, n_a)}, {@code by (n_y, 1)} into a read-out layer: {@code W = Wyaᵀ}, {@code b = byᵀ}. */
    public static void loadDense(Dense dense, INDArray Wya, INDArray by) {
        Checks.shape("Wya", Wya, "n_y,n_a", dense.outputSize(), dense.inputSize());
        Checks.shape("by", by, "n_y,1", dense.outputSize(), 1);
        dense.W().set(Wya.transpose());
        dense.b().set(by.transpose());
    }

    /**
     * Loads the paper's four LSTM gates into the fused layout: gate block {@code k} of {@code W}
     * is {@code W_kᵀ} and of {@code b} is {@code b_kᵀ}, blocks in the order f, i, c (candidate), o.
     *
     * @param Wf forget gate {@code (n_a, n_a + n_x)}, columns over {@code [a_prev; x_t]}
     * @param bf {@code (n_a, 1)}; likewise for i ("update"), c (candidate) and o
     */
    public static void loadLstm(LstmCell cell, INDArray Wf, INDArray bf, INDArray Wi, INDArray bi,
            INDArray Wc, INDArray bc, INDArray Wo, INDArray bo) {
        INDArray[] w = {Wf, Wi, Wc, Wo};
        INDArray[] b = {bf, bi, bc, bo};
        String[] names = {"f", "i", "c", "o"};
        int nA = cell.hiddenSize(), n = nA + cell.inputSize();
        for (int k = 0; k < 4; k++) {
            Checks.shape("W" + names[k], w[k], "n_a,n_a+n_x", nA, n);
            Checks.shape("b" + names[k], b[k], "n_a,1", nA, 1);
        }
        for (int k = 0; k < 4; k++) {
            cell.gateWeights(k).assign(w[k].transpose());
            cell.gateBias(k).assign(b[k].transpose());
        }
    }

    /**
     * Loads GRU weights written in the Coursera (deeplearning.ai) form into the library's classic
     * form. Coursera writes, with column vectors and {@code c} for the state,
     *
     * <pre>
     * Γu = σ(Wu·[c_prev; x] + bu)      Γr = σ(Wr·[c_prev; x] + br)
     * c̃  = tanh(Wc·[Γr ∘ c_prev; x] + bc)
     * c  = Γu ∘ c̃ + (1 − Γu) ∘ c_prev          (Γu = how much NEW to take)
     * </pre>
     *
     * while the library keeps {@code h = z ∘ h_prev + (1 − z) ∘ h̃} ({@code z} = how much OLD to keep),
     * so {@code z = 1 − Γu}. Because {@code 1 − σ(a) = σ(−a)}, the update gate is loaded with its sign
     * flipped: {@code W_z = −Wuᵀ}, {@code b_z = −buᵀ}; the rest is transposed as usual:
     * {@code W_r = Wrᵀ}, {@code b_r = brᵀ}, {@code W_h = Wcᵀ}, {@code b_h = bcᵀ}. The cell then gives
     * exactly Coursera's {@code c} (as {@code h}).
     *
     * @param Wu update gate {@code (n_a, n_a + n_x)}, columns over {@code [c_prev; x]}
     * @param bu {@code (n_a, 1)}; likewise the reset gate {@code Wr, br} and the candidate {@code Wc, bc}
     */
    public static void loadGruCoursera(GruCell cell, INDArray Wu, INDArray bu, INDArray Wr, INDArray br,
            INDArray Wc, INDArray bc) {
        int nA = cell.hiddenSize(), n = nA + cell.inputSize();
        INDArray[] w = {Wu, Wr, Wc};
        INDArray[] b = {bu, br, bc};
        String[] names = {"u", "r", "c"};
        for (int k = 0; k < 3; k++) {
            Checks.shape("W" + names[k], w[k], "n_a,n_a+n_x", nA, n);
            Checks.shape("b" + names[k], b[k], "n_a,1", nA, 1);
        }
        INDArray dt = cell.W_zr().value();
        cell.W_z().assign(Wu.transpose().castTo(dt.dataType()).neg());
        cell.b_z().assign(bu.transpose().castTo(dt.dataType()).neg());
        cell.W_r().assign(Wr.transpose());
        cell.b_r().assign(br.transpose());
        cell.W_h().value().assign(Wc.transpose());
        cell.b_h().value().assign(bc.transpose());
    }

    /** The RNN cell's gradients in the paper's names and layout: {@code dWax, dWaa, dba}. */
    public static Map<String, INDArray> rnnGradients(RnnCell cell) {
        Map<String, INDArray> g = new LinkedHashMap<>();
        g.put("dWax", cell.W_xh().grad().transpose().dup('c'));
        g.put("dWaa", cell.W_hh().grad().transpose().dup('c'));
        g.put("dba", cell.b_h().grad().transpose().dup('c'));
        return g;
    }

    /** The LSTM cell's gradients in the paper's names and layout: {@code dWf, dbf, dWi, dbi, dWc, dbc, dWo, dbo}. */
    public static Map<String, INDArray> lstmGradients(LstmCell cell) {
        Map<String, INDArray> g = new LinkedHashMap<>();
        String[] names = {"f", "i", "c", "o"};
        int H = cell.hiddenSize();
        for (int k = 0; k < 4; k++) {
            INDArray dW = cell.W().grad().get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * H, (long) (k + 1) * H));
            INDArray db = cell.b().grad().get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * H, (long) (k + 1) * H));
            g.put("dW" + names[k], dW.transpose().dup('c'));
            g.put("db" + names[k], db.transpose().dup('c'));
        }
        return g;
    }

    /**
     * The slides' scalar recurrent weight ("Whh is a 1×1 matrix") as the library's
     * {@code W_hh = w · I} {@code [hidden, hidden]}: every unit feeds back only into itself.
     */
    public static INDArray scalarRecurrentWeight(double w, int hidden) {
        if (hidden < 1) {
            throw Msg.badInput("hidden: harus > 0, ternyata " + hidden, "hidden: expected > 0, got " + hidden);
        }
        return Nd4j.eye(hidden).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).muli(w);
    }
}
