package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * What the gates of an {@link LstmCell} do while it reads one sequence: every gate value at every
 * step, for looking at (a heatmap of {@code f_t} over the characters of a sentence). Computed from the
 * cell's weights with the cell's equations, one step at a time:
 *
 * <pre>
 * a_t = [h_{t-1}, x_t]·W + b      f, i, o = σ(blocks 0, 1, 3)   c̃ = tanh(block 2)
 * c_t = f ∘ c_{t-1} + i ∘ c̃       h_t = o ∘ tanh(c_t)
 * </pre>
 *
 * For display only (no cache, no gradients); {@code h} and {@code c} equal the cell's own forward pass.
 */
public final class GateTrace {
    private GateTrace() {}

    /**
     * Gate values of one sequence, each {@code [T][H]} (row t = step t).
     *
     * @param f forget gate   @param i input gate   @param candidate c̃   @param o output gate
     * @param c cell state after each step   @param h hidden state after each step
     */
    public record Lstm(double[][] f, double[][] i, double[][] candidate, double[][] o, double[][] c, double[][] h) {
        /** Steps traced. */
        public int steps() {
            return f.length;
        }

        /** Column {@code unit} of {@code gate} over time, e.g. {@code unit(t.f(), 3)}. */
        public static double[] unit(double[][] gate, int unit) {
            double[] v = new double[gate.length];
            for (int t = 0; t < gate.length; t++) {
                v[t] = gate[t][unit];
            }
            return v;
        }

        /** The gate transposed to {@code [H][T]} (one row per unit), as a heatmap wants it. */
        public static double[][] unitsByTime(double[][] gate) {
            double[][] r = new double[gate[0].length][gate.length];
            for (int t = 0; t < gate.length; t++) {
                for (int j = 0; j < gate[0].length; j++) {
                    r[j][t] = gate[t][j];
                }
            }
            return r;
        }
    }

    /** Traces {@code cell} over {@code x [T, input]} (one sequence) from {@code s0} (null = zeros). */
    public static Lstm lstm(LstmCell cell, INDArray x, State s0) {
        Checks.notNull("cell", cell);
        int H = cell.hiddenSize(), I = cell.inputSize();
        Checks.shape("x", x, "T,input", Checks.ANY, I);
        int T = (int) x.size(0);
        if (T < 1) {
            throw Msg.badInput("x: urutan kosong (T = 0)", "x: empty sequence (T = 0)");
        }
        INDArray W = cell.W().value().castTo(DataType.DOUBLE), b = cell.b().value().castTo(DataType.DOUBLE);
        INDArray h = s0 == null ? Nd4j.zeros(DataType.DOUBLE, 1, H) : s0.h().castTo(DataType.DOUBLE).reshape(1, H);
        INDArray c = s0 == null || s0.c() == null ? Nd4j.zeros(DataType.DOUBLE, 1, H) : s0.c().castTo(DataType.DOUBLE).reshape(1, H);
        INDArray xd = x.castTo(DataType.DOUBLE);
        double[][] f = new double[T][], in = new double[T][], g = new double[T][], o = new double[T][], cs = new double[T][], hs = new double[T][];
        for (int t = 0; t < T; t++) {
            INDArray xt = xd.getRow(t).reshape(1, I);
            INDArray a = Nd4j.hstack(h, xt).mmul(W).addi(b); // [1, 4H]
            INDArray ft = Transforms.sigmoid(block(a, 0, H));
            INDArray it = Transforms.sigmoid(block(a, 1, H));
            INDArray gt = Transforms.tanh(block(a, 2, H));
            INDArray ot = Transforms.sigmoid(block(a, 3, H));
            c = ft.mul(c).addi(it.mul(gt));
            h = ot.mul(Transforms.tanh(c));
            f[t] = ft.toDoubleVector();
            in[t] = it.toDoubleVector();
            g[t] = gt.toDoubleVector();
            o[t] = ot.toDoubleVector();
            cs[t] = c.toDoubleVector();
            hs[t] = h.toDoubleVector();
        }
        return new Lstm(f, in, g, o, cs, hs);
    }

    /** Traces {@code cell} over symbol ids read as one-hot vectors (the cell's input size is the vocabulary size). */
    public static Lstm lstmOneHot(LstmCell cell, int[] ids, State s0) {
        Checks.notNull("ids", ids);
        int V = cell.inputSize();
        INDArray x = Nd4j.zeros(DataType.DOUBLE, ids.length, V);
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= V) {
                throw Msg.badInput("ids[" + t + "] = " + ids[t] + " di luar kosakata 0.." + (V - 1),
                        "ids[" + t + "] = " + ids[t] + " outside the vocabulary 0.." + (V - 1));
            }
            x.putScalar(t, ids[t], 1.0);
        }
        return lstm(cell, x, s0);
    }

    private static INDArray block(INDArray a, int k, int H) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * H, (long) (k + 1) * H));
    }
}
