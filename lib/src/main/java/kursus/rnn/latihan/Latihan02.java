package kursus.rnn.latihan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Check for exercise 2 (lesson 02, vanilla RNN): the student writes one forward step of the cell
 * in the library's row layout,
 *
 * <pre>
 * h_t = tanh(x_t · W_xh + h_{t-1} · W_hh + b_h)
 * x_t [batch, input]   h_{t-1} [batch, hidden]   W_xh [input, hidden]   W_hh [hidden, hidden]   b_h [1, hidden]
 * </pre>
 *
 * <p>The function runs on fresh random inputs (fixed seeds, DOUBLE) and is compared with the
 * library's {@link RnnCell}. First on a square case (batch = input = hidden = 4), where every
 * typical mistake still gives numbers: the answer is matched against all combinations of wrong
 * variants (transposed product, elementwise instead of matrix product, the paper's column order
 * {@code W·x}, weights swapped, forgotten previous state, missing bias, missing tanh or sigmoid
 * instead, result transposed), so the verdict names each mistake. Then on rectangular cases and a
 * zero previous state. It also checks that the inputs were not changed in place.
 *
 * <pre>{@code
 * Latihan02.checkRnnCellForward(Solusi02::rnnCellForward);
 * }</pre>
 */
public final class Latihan02 {
    private Latihan02() {}

    /** The student's function: one step of the vanilla RNN cell, returning {@code h_t [batch, hidden]}. */
    @FunctionalInterface
    public interface CellForward {
        INDArray apply(INDArray x_t, INDArray h_prev, INDArray W_xh, INDArray W_hh, INDArray b_h);
    }

    static final double TOL = 1e-5;

    /** How a term was computed. */
    enum Term {
        RIGHT("", ""),
        TRANSPOSED("perkalian dengan matriks bobot yang di-transpose", "product with the transposed weight matrix"),
        ELEMENTWISE("perkalian elemen-per-elemen (mul / *) alih-alih perkalian matriks (mmul)",
                "elementwise product (mul / *) instead of the matrix product (mmul)"),
        LEFT("urutan kolom seperti di makalah/slide (W·x); di pustaka ini vektor berupa baris, jadi x·W",
                "column order as in the paper/slides (W·x); this library uses row vectors, so x·W"),
        SWAPPED("matriks bobot tertukar (W_xh dan W_hh)", "weight matrices swapped (W_xh and W_hh)"),
        MISSING("state sebelumnya h_{t-1} terlupa (tidak ada h_{t-1}·W_hh)", "previous state h_{t-1} forgotten (no h_{t-1}·W_hh)");

        final String id;
        final String en;

        Term(String id, String en) {
            this.id = id;
            this.en = en;
        }
    }

    /** The activation applied at the end. */
    enum Act {
        TANH, NONE, SIGMOID
    }

    /** One way of computing the cell: the right one is (RIGHT, RIGHT, bias, TANH, not transposed). */
    record Variant(Term input, Term recurrent, boolean bias, Act act, boolean outTransposed) {
        boolean right() {
            return input == Term.RIGHT && recurrent == Term.RIGHT && bias && act == Act.TANH && !outTransposed;
        }

        /** The bilingual list of mistakes of this variant, one per line. */
        List<String[]> mistakes() {
            List<String[]> m = new ArrayList<>();
            if (input == Term.SWAPPED || recurrent == Term.SWAPPED) {
                m.add(new String[] {Term.SWAPPED.id, Term.SWAPPED.en});
            }
            if (input != Term.RIGHT && input != Term.SWAPPED) {
                m.add(new String[] {"suku input x_t·W_xh: " + input.id, "input term x_t·W_xh: " + input.en});
            }
            if (recurrent == Term.MISSING) {
                m.add(new String[] {Term.MISSING.id, Term.MISSING.en});
            } else if (recurrent != Term.RIGHT && recurrent != Term.SWAPPED) {
                m.add(new String[] {"suku rekuren h_{t-1}·W_hh: " + recurrent.id, "recurrent term h_{t-1}·W_hh: " + recurrent.en});
            }
            if (!bias) {
                m.add(new String[] {"bias b_h tidak ditambahkan", "bias b_h not added"});
            }
            if (act == Act.NONE) {
                m.add(new String[] {"tanh tidak diterapkan di akhir", "tanh not applied at the end"});
            } else if (act == Act.SIGMOID) {
                m.add(new String[] {"memakai sigmoid, seharusnya tanh", "used sigmoid; the vanilla cell uses tanh"});
            }
            if (outTransposed) {
                m.add(new String[] {"hasil di-transpose: [hidden, batch], seharusnya [batch, hidden]",
                    "result transposed: [hidden, batch], expected [batch, hidden]"});
            }
            return m;
        }
    }

    /**
     * The outcome of the check. (Not the shared {@link kursus.rnn.latihan.Verdict}: exercise 2 has no
     * enum of mistakes, it lists them, and notebook 02 names this type.)
     */
    public record Verdict(boolean ok, String id, String en) {
        /** The bilingual message. */
        public String message() {
            return Msg.of(id, en);
        }
    }

    /** Random inputs of one trial. */
    record Trial(int batch, int input, int hidden, boolean zeroState, long seed) {
        INDArray[] draw() {
            NumpyRandom rng = new NumpyRandom(seed);
            INDArray x = rng.randn(batch, input);
            INDArray h = zeroState ? Nd4j.zeros(DataType.DOUBLE, batch, hidden) : rng.randn(batch, hidden).muli(0.8);
            INDArray wx = rng.randn(input, hidden).muli(0.5);
            INDArray wh = rng.randn(hidden, hidden).muli(0.5);
            INDArray b = rng.randn(1, hidden).muli(0.5);
            return new INDArray[] {x, h, wx, wh, b};
        }

        String shapes() {
            return "batch=" + batch + ", input=" + input + ", hidden=" + hidden + (zeroState ? ", h_{t-1}=0" : "");
        }
    }

    static final Trial SQUARE = new Trial(4, 4, 4, false, 20240);
    static final Trial[] OTHERS = {new Trial(2, 3, 5, false, 31), new Trial(3, 6, 2, false, 47), new Trial(5, 2, 3, true, 58)};

    /**
     * Runs the student's {@code rnnCellForward} on fresh random inputs, compares with
     * {@link RnnCell}, prints a bilingual verdict naming the likely mistake, and throws an
     * {@link IllegalStateException} with the same message if the answer is wrong.
     */
    public static void checkRnnCellForward(CellForward f) {
        Verdict v = diagnose(f);
        Exercise.printOrThrow(v.ok(), v.message());
    }

    /** The verdict without printing or throwing. */
    public static Verdict diagnose(CellForward f) {
        if (f == null) {
            return fail("fungsi bernilai null", "the function is null");
        }
        List<Trial> trials = new ArrayList<>();
        trials.add(SQUARE);
        trials.addAll(Arrays.asList(OTHERS));
        for (Trial tr : trials) {
            INDArray[] in = tr.draw();
            double[][][] copies = new double[in.length][][];
            for (int i = 0; i < in.length; i++) {
                copies[i] = in[i].toDoubleMatrix();
            }
            INDArray expected = reference(in);
            INDArray got;
            try {
                got = f.apply(in[0], in[1], in[2], in[3], in[4]);
            } catch (RuntimeException e) {
                String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                return fail("kode melempar " + e.getClass().getSimpleName() + " pada uji " + tr.shapes() + ": " + first
                                + ". Jika pesannya tentang bentuk (shape), periksa urutan perkalian: x_t [batch, input]·W_xh [input, hidden]"
                                + " dan h_{t-1} [batch, hidden]·W_hh [hidden, hidden]; pakai mmul, bukan mul.",
                        "the code threw " + e.getClass().getSimpleName() + " on the test " + tr.shapes() + ": " + first
                                + ". If it is about shapes, check the order of the products: x_t [batch, input]·W_xh [input, hidden]"
                                + " and h_{t-1} [batch, hidden]·W_hh [hidden, hidden]; use mmul, not mul.");
            }
            String[] names = {"x_t", "h_prev", "W_xh", "W_hh", "b_h"};
            for (int i = 0; i < in.length; i++) {
                if (!Arrays.deepEquals(in[i].toDoubleMatrix(), copies[i])) {
                    return fail("fungsi mengubah argumen " + names[i] + " (operasi in-place seperti addi/muli pada input);"
                                    + " pakai add/mul atau kerjakan pada hasil mmul",
                            "the function changed its argument " + names[i] + " (an in-place op such as addi/muli on an input);"
                                    + " use add/mul, or work on the result of mmul");
                }
            }
            if (got == null) {
                return fail("fungsi mengembalikan null", "the function returned null");
            }
            if (tr == SQUARE) {
                Variant match = identify(in, got);
                if (match != null && !match.right()) {
                    StringBuilder id = new StringBuilder("✗ Latihan 2 belum benar (uji " + tr.shapes() + "). Kemungkinan kesalahan:");
                    StringBuilder en = new StringBuilder("✗ Exercise 2 is not right yet (test " + tr.shapes() + "). Likely mistake(s):");
                    for (String[] m : match.mistakes()) {
                        id.append("\n     - ").append(m[0]);
                        en.append("\n     - ").append(m[1]);
                    }
                    return new Verdict(false, id.toString(), en.toString());
                }
            }
            if (!Arrays.equals(got.shape(), expected.shape())) {
                long[] s = expected.shape();
                if (got.rank() == 2 && got.size(0) == s[1] && got.size(1) == s[0]) {
                    return fail("hasil di-transpose pada uji " + tr.shapes() + ": bentuk " + Arrays.toString(got.shape())
                                    + ", seharusnya [batch, hidden] = " + Arrays.toString(s),
                            "result transposed on the test " + tr.shapes() + ": shape " + Arrays.toString(got.shape())
                                    + ", expected [batch, hidden] = " + Arrays.toString(s));
                }
                return fail("bentuk hasil " + Arrays.toString(got.shape()) + " pada uji " + tr.shapes()
                                + ", seharusnya [batch, hidden] = " + Arrays.toString(s),
                        "result shape " + Arrays.toString(got.shape()) + " on the test " + tr.shapes()
                                + ", expected [batch, hidden] = " + Arrays.toString(s));
            }
            double[][] e = expected.toDoubleMatrix();
            double[][] g = got.castTo(DataType.DOUBLE).toDoubleMatrix();
            double worst = maxDiff(e, g);
            if (!(worst <= TOL)) {
                return fail("nilai berbeda dari RnnCell pustaka pada uji " + tr.shapes() + " (selisih maks " + String.format("%.3g", worst)
                                + "). Tulis persis h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h).",
                        "values differ from the library's RnnCell on the test " + tr.shapes() + " (max difference " + String.format("%.3g", worst)
                                + "). Write exactly h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h).");
            }
        }
        return new Verdict(true,
                "✓ Latihan 2 benar: rnnCellForward sama dengan RnnCell pustaka pada " + (OTHERS.length + 1)
                        + " uji acak (termasuk bentuk tidak persegi dan h_{t-1} = 0), dan tidak mengubah inputnya.",
                "✓ Exercise 2 correct: rnnCellForward matches the library's RnnCell on " + (OTHERS.length + 1)
                        + " random tests (including non-square shapes and h_{t-1} = 0), and leaves its inputs unchanged.");
    }

    private static Verdict fail(String id, String en) {
        return new Verdict(false, "✗ Latihan 2 belum benar: " + id + ".", "✗ Exercise 2 is not right yet: " + en + ".");
    }

    /** The library's answer: {@link RnnCell} loaded with the given weights. */
    static INDArray reference(INDArray[] in) {
        int I = (int) in[2].size(0), H = (int) in[2].size(1);
        RnnCell cell = new RnnCell(I, H, DataType.DOUBLE, Init.zeros());
        cell.W_xh().set(in[2]);
        cell.W_hh().set(in[3]);
        cell.b_h().set(in[4]);
        return cell.forward(in[0], State.of(in[1])).h();
    }

    /** The variant (right or wrong) whose result equals {@code got}, or null when none does. */
    static Variant identify(INDArray[] in, INDArray got) {
        if (got.rank() != 2) {
            return null;
        }
        double[][] g = got.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] x = in[0].toDoubleMatrix(), h = in[1].toDoubleMatrix(), wx = in[2].toDoubleMatrix(),
                wh = in[3].toDoubleMatrix(), b = in[4].toDoubleMatrix();
        Variant best = null;
        for (Term ti : new Term[] {Term.RIGHT, Term.TRANSPOSED, Term.ELEMENTWISE, Term.LEFT, Term.SWAPPED}) {
            double[][] a = term(ti, x, wx, wh);
            for (Term tr : Term.values()) {
                double[][] r = tr == Term.MISSING ? null : term(tr, h, wh, wx);
                for (boolean withBias : new boolean[] {true, false}) {
                    for (Act act : Act.values()) {
                        for (boolean tOut : new boolean[] {false, true}) {
                            double[][] v = combine(a, r, withBias ? b[0] : null, act);
                            if (tOut) {
                                v = Matrices.tr(v);
                            }
                            if (v.length == g.length && v[0].length == g[0].length && maxDiff(v, g) <= TOL) {
                                Variant found = new Variant(ti, tr, withBias, act, tOut);
                                if (found.right()) {
                                    return found;
                                }
                                if (best == null || found.mistakes().size() < best.mistakes().size()) {
                                    best = found;
                                }
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** {@code v·W} computed the way {@code t} says; {@code other} is the other weight matrix (for SWAPPED). */
    static double[][] term(Term t, double[][] v, double[][] w, double[][] other) {
        return switch (t) {
            case RIGHT -> Matrices.mm(v, w);
            case TRANSPOSED -> Matrices.mm(v, Matrices.tr(w));
            case ELEMENTWISE -> Matrices.zip(v, w, (p, q) -> p * q);
            case LEFT -> Matrices.mm(w, v);
            case SWAPPED -> Matrices.mm(v, other);
            case MISSING -> null;
        };
    }

    private static double[][] combine(double[][] a, double[][] r, double[] b, Act act) {
        int n = a.length, m = a[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double z = a[i][j] + (r == null ? 0 : r[i][j]) + (b == null ? 0 : b[j]);
                out[i][j] = switch (act) {
                    case TANH -> Math.tanh(z);
                    case NONE -> z;
                    case SIGMOID -> 1 / (1 + Math.exp(-z));
                };
            }
        }
        return out;
    }

    private static double maxDiff(double[][] a, double[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double d = Math.abs(a[i][j] - b[i][j]);
                if (Double.isNaN(d)) {
                    return Double.NaN;
                }
                worst = Math.max(worst, d);
            }
        }
        return worst;
    }
}
