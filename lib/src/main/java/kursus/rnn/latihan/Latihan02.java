package kursus.rnn.latihan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.Recurrent;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks for lesson 02 (vanilla RNN). Exercise 2.1: the student writes one forward step of the cell
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
 * <p>Exercise 2.2: the forward loop over time ({@link #checkRnnForward}): the student calls a given
 * one-step cell {@code T} times, carrying {@code h} from step to step, and returns every state
 * {@code h [T, batch, hidden]}. It is checked with {@link ExerciseCheck} against the library's
 * {@link Recurrent}; the typical mistakes (h not carried, h0 ignored, the previous state stored,
 * only the last state returned, states stacked in reverse, steps taken from the end) are named.
 *
 * <pre>{@code
 * Latihan02.checkRnnCellForward(Solution02::rnnCellForward);
 * Latihan02.checkRnnForward(Solution02::rnnForward);
 * }</pre>
 */
public final class Latihan02 {
    private Latihan02() {}

    /** The student's function: one step of the vanilla RNN cell, returning {@code h_t [batch, hidden]}. */
    @FunctionalInterface
    public interface CellForward {
        INDArray apply(INDArray x_t, INDArray h_prev, INDArray W_xh, INDArray W_hh, INDArray b_h);
    }

    /** The mistakes exercise 2.1 ({@code rnnCellForward}) recognises; a wrong answer may show several, the verdict names the first. */
    public enum Mistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("kode melempar exception", "the code threw an exception"),
        NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
        CHANGED_INPUT("fungsi mengubah argumennya (operasi in-place pada input)", "the function changed one of its arguments (an in-place op on an input)"),
        SWAPPED_WEIGHTS(Term.SWAPPED.id, Term.SWAPPED.en),
        TRANSPOSED_WEIGHT(Term.TRANSPOSED.id, Term.TRANSPOSED.en),
        ELEMENTWISE_PRODUCT(Term.ELEMENTWISE.id, Term.ELEMENTWISE.en),
        COLUMN_ORDER(Term.LEFT.id, Term.LEFT.en),
        FORGOT_H_PREV(Term.MISSING.id, Term.MISSING.en),
        NO_BIAS("bias b_h tidak ditambahkan", "bias b_h not added"),
        NO_TANH("tanh tidak diterapkan di akhir", "tanh not applied at the end"),
        SIGMOID("memakai sigmoid, seharusnya tanh", "used sigmoid; the vanilla cell uses tanh"),
        RESULT_TRANSPOSED("hasil di-transpose: [hidden, batch], seharusnya [batch, hidden]",
                "result transposed: [hidden, batch], expected [batch, hidden]"),
        WRONG_SHAPE("bentuk hasil salah; seharusnya [batch, hidden]", "wrong result shape; expected [batch, hidden]"),
        UNKNOWN("nilai berbeda dari RnnCell pustaka", "values differ from the library's RnnCell");

        private final String id;
        private final String en;

        Mistake(String id, String en) {
            this.id = id;
            this.en = en;
        }

        @Override
        public String indonesian() {
            return id;
        }

        @Override
        public String english() {
            return en;
        }
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

        /** The mistakes of this variant, most basic first (the verdict names the first). */
        List<Mistake> mistakeList() {
            List<Mistake> m = new ArrayList<>();
            if (input == Term.SWAPPED || recurrent == Term.SWAPPED) {
                m.add(Mistake.SWAPPED_WEIGHTS);
            }
            if (input != Term.RIGHT && input != Term.SWAPPED) {
                m.add(of(input));
            }
            if (recurrent == Term.MISSING) {
                m.add(Mistake.FORGOT_H_PREV);
            } else if (recurrent != Term.RIGHT && recurrent != Term.SWAPPED) {
                m.add(of(recurrent));
            }
            if (!bias) {
                m.add(Mistake.NO_BIAS);
            }
            if (act == Act.NONE) {
                m.add(Mistake.NO_TANH);
            } else if (act == Act.SIGMOID) {
                m.add(Mistake.SIGMOID);
            }
            if (outTransposed) {
                m.add(Mistake.RESULT_TRANSPOSED);
            }
            return m;
        }

        private static Mistake of(Term t) {
            return switch (t) {
                case TRANSPOSED -> Mistake.TRANSPOSED_WEIGHT;
                case ELEMENTWISE -> Mistake.ELEMENTWISE_PRODUCT;
                case LEFT -> Mistake.COLUMN_ORDER;
                case SWAPPED -> Mistake.SWAPPED_WEIGHTS;
                case MISSING -> Mistake.FORGOT_H_PREV;
                case RIGHT -> Mistake.NONE;
            };
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
        Exercise.report(CELL, evaluateRnnCellForward(f));
    }

    /** The exercise id of {@code rnnCellForward}. */
    static final String CELL = "Latihan 2.1";

    /** The verdict of {@link #checkRnnCellForward} without printing or throwing. */
    public static Verdict<Mistake> evaluateRnnCellForward(CellForward f) {
        if (f == null) {
            return fail(Mistake.NULL_RESULT, "fungsi bernilai null", "the function is null");
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
                return fail(Mistake.EXCEPTION, "kode melempar " + e.getClass().getSimpleName() + " pada uji " + tr.shapes() + ": " + first
                                + ". Jika pesannya tentang bentuk (shape), periksa urutan perkalian: x_t [batch, input]·W_xh [input, hidden]"
                                + " dan h_{t-1} [batch, hidden]·W_hh [hidden, hidden]; pakai mmul, bukan mul.",
                        "the code threw " + e.getClass().getSimpleName() + " on the test " + tr.shapes() + ": " + first
                                + ". If it is about shapes, check the order of the products: x_t [batch, input]·W_xh [input, hidden]"
                                + " and h_{t-1} [batch, hidden]·W_hh [hidden, hidden]; use mmul, not mul.");
            }
            String[] names = {"x_t", "h_prev", "W_xh", "W_hh", "b_h"};
            for (int i = 0; i < in.length; i++) {
                if (!Arrays.deepEquals(in[i].toDoubleMatrix(), copies[i])) {
                    return fail(Mistake.CHANGED_INPUT, "fungsi mengubah argumen " + names[i] + " (operasi in-place seperti addi/muli pada input);"
                                    + " pakai add/mul atau kerjakan pada hasil mmul",
                            "the function changed its argument " + names[i] + " (an in-place op such as addi/muli on an input);"
                                    + " use add/mul, or work on the result of mmul");
                }
            }
            if (got == null) {
                return fail(Mistake.NULL_RESULT, "fungsi mengembalikan null", "the function returned null");
            }
            if (tr == SQUARE) {
                Variant match = identify(in, got);
                if (match != null && !match.right()) {
                    StringBuilder id = new StringBuilder("✗ Latihan 2.1 belum benar (uji " + tr.shapes() + "). Kemungkinan kesalahan:");
                    StringBuilder en = new StringBuilder("✗ Exercise 2.1 is not right yet (test " + tr.shapes() + "). Likely mistake(s):");
                    for (String[] m : match.mistakes()) {
                        id.append("\n     - ").append(m[0]);
                        en.append("\n     - ").append(m[1]);
                    }
                    return Verdict.fail(match.mistakeList().get(0), Msg.of(id.toString(), en.toString()));
                }
            }
            if (!Arrays.equals(got.shape(), expected.shape())) {
                long[] s = expected.shape();
                if (got.rank() == 2 && got.size(0) == s[1] && got.size(1) == s[0]) {
                    return fail(Mistake.RESULT_TRANSPOSED, "hasil di-transpose pada uji " + tr.shapes() + ": bentuk " + Arrays.toString(got.shape())
                                    + ", seharusnya [batch, hidden] = " + Arrays.toString(s),
                            "result transposed on the test " + tr.shapes() + ": shape " + Arrays.toString(got.shape())
                                    + ", expected [batch, hidden] = " + Arrays.toString(s));
                }
                return fail(Mistake.WRONG_SHAPE, "bentuk hasil " + Arrays.toString(got.shape()) + " pada uji " + tr.shapes()
                                + ", seharusnya [batch, hidden] = " + Arrays.toString(s),
                        "result shape " + Arrays.toString(got.shape()) + " on the test " + tr.shapes()
                                + ", expected [batch, hidden] = " + Arrays.toString(s));
            }
            double[][] e = expected.toDoubleMatrix();
            double[][] g = got.castTo(DataType.DOUBLE).toDoubleMatrix();
            double worst = maxDiff(e, g);
            if (!(worst <= TOL)) {
                return fail(Mistake.UNKNOWN, "nilai berbeda dari RnnCell pustaka pada uji " + tr.shapes() + " (selisih maks " + String.format("%.3g", worst)
                                + "). Tulis persis h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h).",
                        "values differ from the library's RnnCell on the test " + tr.shapes() + " (max difference " + String.format("%.3g", worst)
                                + "). Write exactly h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h).");
            }
        }
        return Verdict.pass(Mistake.NONE, Msg.of(
                "✓ Latihan 2.1 benar: rnnCellForward sama dengan RnnCell pustaka pada " + (OTHERS.length + 1)
                        + " uji acak (termasuk bentuk tidak persegi dan h_{t-1} = 0), dan tidak mengubah inputnya.",
                "✓ Exercise 2.1 correct: rnnCellForward matches the library's RnnCell on " + (OTHERS.length + 1)
                        + " random tests (including non-square shapes and h_{t-1} = 0), and leaves its inputs unchanged."));
    }

    private static Verdict<Mistake> fail(Mistake m, String id, String en) {
        return Verdict.fail(m, Msg.of("✗ Latihan 2.1 belum benar: " + id + ".", "✗ Exercise 2.1 is not right yet: " + en + "."));
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

    // ================================================================================== exercise 2.2

    /**
     * The student's forward loop: runs {@code cell} over the {@code T} steps of {@code x [T, batch, input]}
     * starting from {@code h0 [batch, hidden]}, and returns every state {@code h [T, batch, hidden]}
     * ({@code h[t]} is the state after step {@code t}).
     */
    @FunctionalInterface
    public interface SequenceForward {
        INDArray apply(INDArray x, INDArray h0, INDArray W_xh, INDArray W_hh, INDArray b_h, CellForward cell);
    }

    /** The mistakes exercise 2.2 ({@code rnnForward}) recognises. */
    public enum LoopMistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("baca pesannya. x.slice(t) memberi x_t [batch, input]; sel mengembalikan h_t [batch, hidden]",
                "read its message. x.slice(t) gives x_t [batch, input]; the cell returns h_t [batch, hidden]"),
        NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
        FORGOT_TO_CARRY_H("setiap langkah mulai lagi dari h0. Memori RNN ada di h: keluaran sel pada langkah t harus menjadi "
                + "h_{t-1} pada langkah t+1 (simpan ke variabel yang dibawa ke iterasi berikutnya)",
                "every step starts again from h0. The RNN's memory is h: the cell's output at step t must become "
                        + "h_{t-1} at step t+1 (store it in the variable the next iteration reads)"),
        IGNORED_H0("state awal yang diberikan tidak dipakai (mulai dari nol?). Langkah pertama membaca h0",
                "the given initial state is not used (started from zeros?). The first step reads h0"),
        STORED_PREVIOUS_STATE("yang disimpan di posisi t adalah state sebelum langkah t. h[t] adalah state SESUDAH membaca x_t "
                + "(perhatikan urutan: hitung dulu, baru simpan)",
                "position t holds the state before step t. h[t] is the state AFTER reading x_t "
                        + "(mind the order: compute first, then store)"),
        ONLY_LAST_STATE("hanya state terakhir yang dikembalikan [batch, hidden]. Kembalikan semua state, [T, batch, hidden]",
                "only the last state is returned [batch, hidden]. Return every state, [T, batch, hidden]"),
        WRONG_STACK_ORDER("state-nya benar tetapi tersusun terbalik dalam waktu. h[0] harus state setelah langkah pertama",
                "the states are right but stacked in reverse time order. h[0] must be the state after the first step"),
        WRONG_TIME_ORDER("urutan dibaca dari belakang (t = T-1 ... 0). RNN maju membaca x_1, x_2, ... sesuai urutan waktu",
                "the sequence is read from the end (t = T-1 ... 0). A forward RNN reads x_1, x_2, ... in time order"),
        WRONG_SHAPE("bentuk hasil salah; seharusnya [T, batch, hidden] (misalnya Nd4j.stack(0, ...))",
                "wrong result shape; expected [T, batch, hidden] (e.g. Nd4j.stack(0, ...))"),
        UNKNOWN("nilai salah dan tidak cocok dengan kesalahan yang umum. Urutannya: h = h0; untuk t = 0..T-1: "
                + "h = sel(x_t, h); simpan h sebagai h[t]",
                "wrong values that match no common mistake. The order: h = h0; for t = 0..T-1: h = cell(x_t, h); store h as h[t]");

        private final String id;
        private final String en;

        LoopMistake(String id, String en) {
            this.id = id;
            this.en = en;
        }

        @Override
        public String indonesian() {
            return id;
        }

        @Override
        public String english() {
            return en;
        }
    }

    /** One case of exercise 2.2: {@code x [T, B, I]}, {@code h0 [B, H]} and the weights. */
    record LoopCase(INDArray x, INDArray h0, INDArray W_xh, INDArray W_hh, INDArray b_h) {
        static LoopCase draw(long seed) {
            int[][] sizes = {{5, 3, 2, 4}, {1, 2, 3, 2}, {3, 1, 4, 3}};
            int[] s = sizes[(int) Math.floorMod(seed, (long) sizes.length)];
            NumpyRandom rng = new NumpyRandom(1000 + seed);
            INDArray x = rng.randn(s[0], s[1], s[2]);
            INDArray h0 = rng.randn(s[1], s[3]).muli(0.8);
            INDArray wx = rng.randn(s[2], s[3]).muli(0.7);
            INDArray wh = rng.randn(s[3], s[3]).muli(0.7);
            INDArray b = rng.randn(1, s[3]).muli(0.5);
            return new LoopCase(x, h0, wx, wh, b);
        }

        int T() {
            return (int) x.size(0);
        }

        String shapes() {
            return "T=" + x.size(0) + ", batch=" + x.size(1) + ", input=" + x.size(2) + ", hidden=" + h0.size(1);
        }

        /** The right cell step given to the student (the library's RnnCell). */
        INDArray step(INDArray xt, INDArray h) {
            return reference(new INDArray[] {xt, h, W_xh, W_hh, b_h});
        }

        /** h_t for every t (time order), with h_{t-1} from {@code carry ? previous step : h0}, reading x at {@code order[t]}. */
        INDArray[] run(boolean carry, INDArray start, int[] order) {
            INDArray[] hs = new INDArray[T()];
            INDArray h = start;
            for (int k = 0; k < T(); k++) {
                int t = order[k];
                INDArray next = step(x.slice(t), carry ? h : start);
                hs[t] = next;
                h = next;
            }
            return hs;
        }

        int[] forwardOrder() {
            int[] o = new int[T()];
            for (int t = 0; t < o.length; t++) {
                o[t] = t;
            }
            return o;
        }

        int[] backwardOrder() {
            int[] o = new int[T()];
            for (int t = 0; t < o.length; t++) {
                o[t] = o.length - 1 - t;
            }
            return o;
        }
    }

    /** The library's forward pass over the whole sequence ({@link Recurrent}): {@code h [T, B, H]}. */
    static INDArray referenceLoop(LoopCase c) {
        int I = (int) c.W_xh().size(0), H = (int) c.W_xh().size(1);
        RnnCell cell = new RnnCell(I, H, DataType.DOUBLE, Init.zeros());
        cell.W_xh().set(c.W_xh());
        cell.W_hh().set(c.W_hh());
        cell.b_h().set(c.b_h());
        return new Recurrent(cell).forward(c.x(), State.of(c.h0()), null).h();
    }

    private static INDArray stack(INDArray[] hs) {
        return Nd4j.stack(0, hs);
    }

    private static INDArray reversed(INDArray[] hs) {
        INDArray[] r = new INDArray[hs.length];
        for (int t = 0; t < hs.length; t++) {
            r[t] = hs[hs.length - 1 - t];
        }
        return stack(r);
    }

    static final ExerciseCheck<LoopCase, INDArray, LoopMistake> LOOP = ExerciseCheck
            .<LoopCase, INDArray, LoopMistake>builder("Latihan 2.2", "rnnForward")
            .mistakes(LoopMistake.NONE, LoopMistake.EXCEPTION, LoopMistake.NULL_RESULT, LoopMistake.UNKNOWN)
            .inputs(LoopCase::draw, 0, 1, 2)
            .describe(LoopCase::shapes)
            .reference(Latihan02::referenceLoop)
            .distance(ExerciseCheck::relErr, TOL)
            .wrong(LoopMistake.FORGOT_TO_CARRY_H, c -> stack(c.run(false, c.h0(), c.forwardOrder())))
            .wrong(LoopMistake.IGNORED_H0, c -> stack(c.run(true, Nd4j.zerosLike(c.h0()), c.forwardOrder())))
            .wrong(LoopMistake.FORGOT_TO_CARRY_H, c -> stack(c.run(false, Nd4j.zerosLike(c.h0()), c.forwardOrder())))
            .wrong(LoopMistake.STORED_PREVIOUS_STATE, c -> {
                INDArray[] hs = c.run(true, c.h0(), c.forwardOrder());
                INDArray[] prev = new INDArray[hs.length];
                prev[0] = c.h0();
                System.arraycopy(hs, 0, prev, 1, hs.length - 1);
                return stack(prev);
            })
            .wrong(LoopMistake.ONLY_LAST_STATE, c -> c.run(true, c.h0(), c.forwardOrder())[c.T() - 1])
            .wrong(LoopMistake.WRONG_STACK_ORDER, c -> reversed(c.run(true, c.h0(), c.forwardOrder())))
            .wrong(LoopMistake.WRONG_TIME_ORDER, c -> stack(c.run(true, c.h0(), c.backwardOrder())))
            .wrong(LoopMistake.WRONG_TIME_ORDER, c -> reversed(c.run(true, c.h0(), c.backwardOrder())))
            .diagnose((c, got) -> Arrays.equals(got.shape(), new long[] {c.T(), c.x().size(1), c.h0().size(1)})
                    ? null : LoopMistake.WRONG_SHAPE)
            .passedNote("(termasuk T = 1 dan batch = 1)", "(including T = 1 and batch = 1)")
            .build();

    /**
     * Exercise 2.2: runs the student's {@code rnnForward} on fresh random sequences with the library's
     * cell as {@code cell}, compares with {@link Recurrent}, prints a bilingual verdict naming the likely
     * mistake and throws {@link ExerciseFailedException} if it is wrong.
     */
    public static void checkRnnForward(SequenceForward f) {
        LOOP.check(adapt(f));
    }

    /** The verdict of {@link #checkRnnForward} without printing or throwing. */
    public static Verdict<LoopMistake> evaluateRnnForward(SequenceForward f) {
        return LOOP.evaluate(adapt(f));
    }

    private static java.util.function.Function<LoopCase, INDArray> adapt(SequenceForward f) {
        if (f == null) {
            return null;
        }
        return c -> f.apply(c.x(), c.h0(), c.W_xh(), c.W_hh(), c.b_h(), (xt, h, wx, wh, b) -> c.step(xt, h));
    }
}
