package kursus.rnn.latihan;

import static kursus.rnn.latihan.Matrices.mm;
import static kursus.rnn.latihan.Matrices.nd;
import static kursus.rnn.latihan.Matrices.relErr;
import static kursus.rnn.latihan.Matrices.toMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exercises 5a and 5b (lesson 05, LSTM), in the library's row-vector layout with one fused weight
 * matrix (as {@link kursus.rnn.nn.LstmCell}):
 *
 * <pre>
 * a_t = [h_{t-1}, x_t] · W + b          W [H + I, 4H] (rows for h first), b [1, 4H]
 * f_t = σ(a_t[:, 0:H])   i_t = σ(a_t[:, H:2H])   c̃_t = tanh(a_t[:, 2H:3H])   o_t = σ(a_t[:, 3H:4H])
 * c_t = f_t ∘ c_{t-1} + i_t ∘ c̃_t
 * h_t = o_t ∘ tanh(c_t)
 * </pre>
 *
 * 5a: the student writes one step ({@link CellForward}); 5b: the loop over time
 * ({@link SequenceForward}), {@code x [T, B, I] → h [T, B, H]}. Each check runs the function on fresh
 * seeded inputs, compares with a plain-Java reference (itself tested against {@code LstmCell}),
 * prints a bilingual verdict and, on failure, names the likely mistake (gate order, forgotten
 * {@code c_{t-1}}, matrix instead of elementwise product, missing tanh on {@code c_t}, state not
 * carried through the loop…) and throws.
 */
public final class Latihan05 {
    private Latihan05() {}

    /** The student's step: returns {@code State.of(h_t, c_t)}, both {@code [B, H]}. */
    @FunctionalInterface
    public interface CellForward {
        State apply(INDArray x_t, INDArray h_prev, INDArray c_prev, INDArray W, INDArray b);
    }

    /** The student's loop: {@code x [T, B, I]}, {@code h0, c0 [B, H]} → every {@code h_t} as {@code [T, B, H]}. */
    @FunctionalInterface
    public interface SequenceForward {
        INDArray apply(INDArray x, INDArray h0, INDArray c0, INDArray W, INDArray b);
    }

    /** The mistakes the checks recognise. */
    public enum Mistake {
        /** Everything correct. */
        NONE,
        /** No function, or it returned null / a state without {@code c}. */
        NULL_RESULT,
        /** The function threw an exception. */
        EXCEPTION,
        /** A result with a shape that does not fit. */
        WRONG_SHAPE,
        /** An input array was changed in place. */
        CHANGED_INPUT,
        /** The four column blocks of {@code W} taken in another order than f, i, c̃, o. */
        GATE_ORDER,
        /** {@code c_t = i ∘ c̃}: the old cell state {@code c_{t-1}} (times f) was left out. */
        FORGOT_C_PREV,
        /** A matrix product ({@code mmul}) where the LSTM multiplies elementwise (f∘c, i∘c̃, o∘tanh c). */
        MATRIX_PRODUCT_FOR_GATE,
        /** {@code h_t = o ∘ c_t}: the tanh on {@code c_t} is missing. */
        NO_TANH_ON_C,
        /** {@code h_t = o ∘ tanh(c_{t-1})}: the old cell state used instead of the new one. */
        TANH_OF_C_PREV,
        /** The candidate squashed with σ instead of tanh. */
        CANDIDATE_SIGMOID,
        /** {@code [x_t, h_{t-1}]} instead of {@code [h_{t-1}, x_t]} (rows of W are for h first). */
        CONCAT_ORDER,
        /** The bias {@code b} not added. */
        FORGOT_BIAS,
        /** Returned {@code State.of(c, h)} instead of {@code State.of(h, c)}. */
        H_AND_C_SWAPPED,
        /** Loop: the cell state is not carried from step to step (c0 used at every step). */
        C_NOT_CARRIED,
        /** Loop: the hidden state is not carried from step to step (h0 used at every step). */
        H_NOT_CARRIED,
        /** Loop: h0/c0 ignored, the loop starts from zeros. */
        INITIAL_STATE_IGNORED,
        /** Loop: step t stores h_{t-1} instead of h_t. */
        OUTPUT_SHIFTED,
        /** Loop: the cell states c_t stored instead of h_t. */
        STORED_C,
        /** Loop: the loop is right but the cell inside it is wrong (see exercise 5a). */
        CELL_WRONG,
        /** Wrong values that match none of the known mistakes. */
        UNKNOWN
    }

    static final double TOL = 1e-6;

    // ------------------------------------------------------------------------------------------ 5a

    /** Runs the student's LSTM step and prints the verdict; throws {@link IllegalStateException} on failure. */
    public static void checkLstmCellForward(CellForward f) {
        Exercise.printOrThrow("Latihan 5a", evaluateLstmCellForward(f));
    }

    /** The verdict of exercise 5a without printing or throwing (for tests). */
    public static Verdict<Mistake> evaluateLstmCellForward(CellForward f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Exercise.noFunction());
        }
        // B == H in the first case, so that a matrix product in place of an elementwise one still runs
        int[][] sizes = {{3, 2, 3}, {2, 3, 4}, {5, 1, 2}}; // B, I, H
        long[] seeds = {505, 51, 52};
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            Case c = new Case(new NumpyRandom(seeds[k]), sizes[k][0], sizes[k][1], sizes[k][2], 1);
            Verdict<Mistake> v = cellCase(f, c, log);
            if (!v.passed()) {
                return v;
            }
        }
        return new Verdict<>(true, Mistake.NONE, log + Msg.of(
                "✓ Benar! Langkah LSTM Anda sama dengan rumus pustaka pada tiga kasus acak (urutan gerbang f, i, c̃, o; "
                        + "c_t = f∘c_{t-1} + i∘c̃; h_t = o∘tanh(c_t)), dan masukannya tidak diubah.",
                "✓ Correct! Your LSTM step matches the library's formula on three random cases (gate order f, i, c̃, o; "
                        + "c_t = f∘c_{t-1} + i∘c̃; h_t = o∘tanh(c_t)), and leaves its inputs unchanged."));
    }

    private static Verdict<Mistake> cellCase(CellForward f, Case c, StringBuilder log) {
        INDArray[] in = {nd(c.x[0]), nd(c.h0), nd(c.c0), nd(c.W), nd(c.b)};
        double[][][] before = copies(in);
        State got;
        try {
            got = f.apply(in[0], in[1], in[2], in[3], in[4]);
        } catch (RuntimeException e) {
            return threw(e, c);
        }
        String changed = changedInput(in, before, new String[] {"x_t", "h_prev", "c_prev", "W", "b"});
        if (changed != null) {
            return changedVerdict(changed);
        }
        if (got == null || got.h() == null || got.c() == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Msg.of(
                    "✗ Hasilnya null atau tanpa c; kembalikan State.of(h, c).",
                    "✗ The result is null or has no c; return State.of(h, c)."));
        }
        double[][][] ref = cell(c.x[0], c.h0, c.c0, c.W, c.b, Variant.RIGHT);
        String shape = shapeProblem(got.h(), "h", c.B, c.H);
        if (shape == null) {
            shape = shapeProblem(got.c(), "c", c.B, c.H);
        }
        if (shape != null) {
            return new Verdict<>(false, Mistake.WRONG_SHAPE, log + shape);
        }
        double[][] h = toMatrix(got.h(), c.B, c.H), cc = toMatrix(got.c(), c.B, c.H);
        double eh = relErr(h, ref[0]), ec = relErr(cc, ref[1]);
        boolean ok = eh < TOL && ec < TOL;
        log.append(String.format("Latihan 5a — B=%d, I=%d, H=%d: h %s (rel err %.1e), c %s (rel err %.1e)%n",
                c.B, c.I, c.H, eh < TOL ? "✓" : "✗", eh, ec < TOL ? "✓" : "✗", ec));
        if (ok) {
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        if (relErr(h, ref[1]) < TOL && relErr(cc, ref[0]) < TOL) {
            return new Verdict<>(false, Mistake.H_AND_C_SWAPPED, log + advice(Mistake.H_AND_C_SWAPPED));
        }
        for (Variant v : Variant.singleMistakes(c.B == c.H)) {
            double[][][] w = cell(c.x[0], c.h0, c.c0, c.W, c.b, v);
            if (relErr(h, w[0]) < TOL && relErr(cc, w[1]) < TOL) {
                return new Verdict<>(false, v.mistake(), log + advice(v.mistake()));
            }
        }
        return new Verdict<>(false, Mistake.UNKNOWN, log + Msg.of(
                "✗ Nilainya salah dan tidak cocok dengan kesalahan yang umum. Periksa langkah demi langkah: "
                        + "a = [h_prev, x_t]·W + b; f, i, o = σ(blok 0, 1, 3), c̃ = tanh(blok 2); c = f∘c_prev + i∘c̃; h = o∘tanh(c).",
                "✗ The values are wrong and match no common mistake. Check step by step: "
                        + "a = [h_prev, x_t]·W + b; f, i, o = σ(blocks 0, 1, 3), c̃ = tanh(block 2); c = f∘c_prev + i∘c̃; h = o∘tanh(c)."));
    }

    // ------------------------------------------------------------------------------------------ 5b

    /** Runs the student's loop over time and prints the verdict; throws {@link IllegalStateException} on failure. */
    public static void checkLstmForward(SequenceForward f) {
        Exercise.printOrThrow("Latihan 5b", evaluateLstmForward(f));
    }

    /** The verdict of exercise 5b without printing or throwing (for tests). */
    public static Verdict<Mistake> evaluateLstmForward(SequenceForward f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Exercise.noFunction());
        }
        int[][] sizes = {{2, 3, 4, 5}, {3, 1, 2, 4}}; // B, I, H, T
        long[] seeds = {5050, 5051};
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            Case c = new Case(new NumpyRandom(seeds[k]), sizes[k][0], sizes[k][1], sizes[k][2], sizes[k][3]);
            Verdict<Mistake> v = loopCase(f, c, log);
            if (!v.passed()) {
                return v;
            }
        }
        return new Verdict<>(true, Mistake.NONE, log + Msg.of(
                "✓ Benar! Loop Anda membawa h dan c dari langkah ke langkah, mulai dari h0 dan c0, dan menyimpan setiap h_t.",
                "✓ Correct! Your loop carries h and c from step to step, starts from h0 and c0, and stores every h_t."));
    }

    private static Verdict<Mistake> loopCase(SequenceForward f, Case c, StringBuilder log) {
        INDArray x = Nd4j.create(c.x).castTo(DataType.DOUBLE); // [T, B, I]
        INDArray[] in = {x, nd(c.h0), nd(c.c0), nd(c.W), nd(c.b)};
        double[] xBefore = x.dup().data().asDouble();
        double[][][] before = copies(Arrays.copyOfRange(in, 1, 5));
        INDArray got;
        try {
            got = f.apply(in[0], in[1], in[2], in[3], in[4]);
        } catch (RuntimeException e) {
            return threw(e, c);
        }
        if (!Arrays.equals(xBefore, x.data().asDouble())) {
            return changedVerdict("x");
        }
        String changed = changedInput(Arrays.copyOfRange(in, 1, 5), before, new String[] {"h0", "c0", "W", "b"});
        if (changed != null) {
            return changedVerdict(changed);
        }
        if (got == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Msg.of(
                    "✗ Fungsi mengembalikan null; kembalikan array h berbentuk [T, B, H].",
                    "✗ The function returned null; return the h array of shape [T, B, H]."));
        }
        long[] want = {c.T, c.B, c.H};
        if (!Arrays.equals(got.shape(), want)) {
            String a = Arrays.toString(got.shape()).replace(" ", ""), w = Arrays.toString(want).replace(" ", "");
            return new Verdict<>(false, Mistake.WRONG_SHAPE, Msg.of(
                    "✗ Hasil berbentuk " + a + ", seharusnya [T, B, H] = " + w + ": satu h_t [B, H] per langkah waktu.",
                    "✗ The result has shape " + a + ", expected [T, B, H] = " + w + ": one h_t [B, H] per time step."));
        }
        double[][][] mine = new double[c.T][][];
        for (int t = 0; t < c.T; t++) {
            mine[t] = toMatrix(got.slice(t), c.B, c.H);
        }
        double[][][] ref = loop(c, Variant.RIGHT, Loop.RIGHT);
        double err = relErr3(mine, ref);
        log.append(String.format("Latihan 5b — T=%d, B=%d, I=%d, H=%d: h_1..h_T %s (rel err %.1e)%n",
                c.T, c.B, c.I, c.H, err < TOL ? "✓" : "✗", err));
        if (err < TOL) {
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        for (Loop l : Loop.values()) {
            if (l != Loop.RIGHT && relErr3(mine, loop(c, Variant.RIGHT, l)) < TOL) {
                return new Verdict<>(false, l.mistake, log + advice(l.mistake));
            }
        }
        for (Variant v : Variant.singleMistakes(false)) {
            if (relErr3(mine, loop(c, v, Loop.RIGHT)) < TOL) {
                return new Verdict<>(false, Mistake.CELL_WRONG, log + advice(Mistake.CELL_WRONG) + "\n" + advice(v.mistake()));
            }
        }
        return new Verdict<>(false, Mistake.UNKNOWN, log + Msg.of(
                "✗ Nilainya salah dan tidak cocok dengan kesalahan yang umum. Pastikan sel Anda lulus Latihan 5a, lalu: "
                        + "h = h0, c = c0; untuk t = 0..T-1: (h, c) = sel(x[t], h, c); simpan h di baris t.",
                "✗ The values are wrong and match no common mistake. Make sure your cell passes exercise 5a, then: "
                        + "h = h0, c = c0; for t = 0..T-1: (h, c) = cell(x[t], h, c); store h at row t."));
    }

    // ------------------------------------------------------------------------------------------ reference and variants

    /** Random inputs: x [T][B][I], h0, c0 [B, H], W [H + I, 4H], b [1, 4H]. */
    static final class Case {
        final int B, I, H, T;
        final double[][][] x;
        final double[][] h0, c0, W, b;

        Case(NumpyRandom rng, int B, int I, int H, int T) {
            this.B = B;
            this.I = I;
            this.H = H;
            this.T = T;
            x = new double[T][][];
            for (int t = 0; t < T; t++) {
                x[t] = rng.randn(DataType.DOUBLE, B, I).toDoubleMatrix();
            }
            h0 = Matrices.tanh(rng.randn(DataType.DOUBLE, B, H).toDoubleMatrix());
            c0 = rng.randn(DataType.DOUBLE, B, H).toDoubleMatrix();
            W = Matrices.scale(rng.randn(DataType.DOUBLE, H + I, 4 * H).toDoubleMatrix(), 0.7);
            b = Matrices.scale(rng.randn(DataType.DOUBLE, 1, 4 * H).toDoubleMatrix(), 0.5);
        }
    }

    /**
     * One way of computing the step; {@link #RIGHT} is the LSTM.
     *
     * @param order block of W used for gate f, i, c̃, o (right: 0, 1, 2, 3)
     * @param matrixAt which product was a matrix product: 0 none, 1 f·c_prev, 2 i·c̃, 3 o·tanh(c)
     */
    record Variant(Mistake mistake, int[] order, boolean xFirst, boolean bias, boolean keepCPrev, int matrixAt,
            boolean candidateSigmoid, boolean tanhOnC, boolean tanhOfCPrev) {
        static final Variant RIGHT = new Variant(Mistake.NONE, new int[] {0, 1, 2, 3}, false, true, true, 0, false, true, false);

        Variant with(Mistake m) {
            return new Variant(m, order, xFirst, bias, keepCPrev, matrixAt, candidateSigmoid, tanhOnC, tanhOfCPrev);
        }

        /** Every single mistake; matrix-product variants only when B == H (they cannot run otherwise). */
        static List<Variant> singleMistakes(boolean square) {
            List<Variant> v = new ArrayList<>();
            Variant r = RIGHT;
            v.add(new Variant(Mistake.FORGOT_C_PREV, r.order, false, true, false, 0, false, true, false));
            v.add(new Variant(Mistake.NO_TANH_ON_C, r.order, false, true, true, 0, false, false, false));
            v.add(new Variant(Mistake.TANH_OF_C_PREV, r.order, false, true, true, 0, false, true, true));
            v.add(new Variant(Mistake.CANDIDATE_SIGMOID, r.order, false, true, true, 0, true, true, false));
            v.add(new Variant(Mistake.CONCAT_ORDER, r.order, true, true, true, 0, false, true, false));
            v.add(new Variant(Mistake.FORGOT_BIAS, r.order, false, false, true, 0, false, true, false));
            if (square) {
                for (int m = 1; m <= 3; m++) {
                    v.add(new Variant(Mistake.MATRIX_PRODUCT_FOR_GATE, r.order, false, true, true, m, false, true, false));
                }
            }
            for (int[] p : permutations()) {
                if (!Arrays.equals(p, r.order)) {
                    v.add(new Variant(Mistake.GATE_ORDER, p, false, true, true, 0, false, true, false));
                }
            }
            return v;
        }
    }

    static List<int[]> permutations() {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 4; c++) {
                    int d = 6 - a - b - c;
                    if (a != b && a != c && b != c && d != a && d != b && d != c) {
                        out.add(new int[] {a, b, c, d});
                    }
                }
            }
        }
        return out;
    }

    /** One LSTM step in plain Java, computed the way {@code v} says: returns {h_t, c_t}. */
    static double[][][] cell(double[][] x, double[][] h, double[][] c, double[][] W, double[][] b, Variant v) {
        int B = x.length, H = h[0].length;
        double[][] z = v.xFirst ? hcat(x, h) : hcat(h, x);
        double[][] a = mm(z, W);
        double[][] f = new double[B][H], i = new double[B][H], g = new double[B][H], o = new double[B][H];
        for (int n = 0; n < B; n++) {
            for (int j = 0; j < H; j++) {
                double[] pre = new double[4];
                for (int k = 0; k < 4; k++) {
                    int col = v.order[k] * H + j;
                    pre[k] = a[n][col] + (v.bias ? b[0][col] : 0);
                }
                f[n][j] = sigmoid(pre[0]);
                i[n][j] = sigmoid(pre[1]);
                g[n][j] = v.candidateSigmoid ? sigmoid(pre[2]) : Math.tanh(pre[2]);
                o[n][j] = sigmoid(pre[3]);
            }
        }
        double[][] fc = v.matrixAt == 1 ? mm(f, c) : Matrices.zip(f, c, (p, q) -> p * q);
        double[][] ig = v.matrixAt == 2 ? mm(i, g) : Matrices.zip(i, g, (p, q) -> p * q);
        double[][] cNew = v.keepCPrev ? Matrices.add(fc, ig) : ig;
        double[][] squashed = v.tanhOfCPrev ? Matrices.tanh(c) : v.tanhOnC ? Matrices.tanh(cNew) : cNew;
        double[][] hNew = v.matrixAt == 3 ? mm(o, squashed) : Matrices.zip(o, squashed, (p, q) -> p * q);
        return new double[][][] {hNew, cNew};
    }

    /** Ways of writing the loop; {@link #RIGHT} carries both states from h0, c0 and stores h_t. */
    enum Loop {
        RIGHT(Mistake.NONE), C_NOT_CARRIED(Mistake.C_NOT_CARRIED), H_NOT_CARRIED(Mistake.H_NOT_CARRIED),
        BOTH_NOT_CARRIED(Mistake.C_NOT_CARRIED), ZERO_START(Mistake.INITIAL_STATE_IGNORED),
        ZERO_C_START(Mistake.INITIAL_STATE_IGNORED), SHIFTED(Mistake.OUTPUT_SHIFTED), STORED_C(Mistake.STORED_C);

        final Mistake mistake;

        Loop(Mistake m) {
            mistake = m;
        }
    }

    /** The whole sequence in plain Java: {@code [T][B][H]}. */
    static double[][][] loop(Case c, Variant v, Loop l) {
        double[][] zeros = new double[c.B][c.H];
        double[][] h = l == Loop.ZERO_START ? zeros : c.h0;
        double[][] cs = l == Loop.ZERO_START || l == Loop.ZERO_C_START ? zeros : c.c0;
        double[][][] out = new double[c.T][][];
        for (int t = 0; t < c.T; t++) {
            double[][] hIn = l == Loop.H_NOT_CARRIED || l == Loop.BOTH_NOT_CARRIED ? c.h0 : h;
            double[][] cIn = l == Loop.C_NOT_CARRIED || l == Loop.BOTH_NOT_CARRIED ? c.c0 : cs;
            double[][][] s = cell(c.x[t], hIn, cIn, c.W, c.b, v);
            out[t] = l == Loop.SHIFTED ? hIn : l == Loop.STORED_C ? s[1] : s[0];
            h = s[0];
            cs = s[1];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ messages

    static String advice(Mistake m) {
        return switch (m) {
            case GATE_ORDER -> Exercise.likelyMistake(
                    "urutan gerbang salah. Di pustaka ini kolom W dibagi empat blok berurutan f, i, c̃, o "
                            + "(blok k = kolom k·H sampai (k+1)·H). PyTorch memakai i, f, g, o dan makalah menggambar Wf, Wi, Wo, Wc — jangan tertukar.",
                    "wrong gate order. In this library the columns of W are four blocks in the order f, i, c̃, o "
                            + "(block k = columns k·H to (k+1)·H). PyTorch uses i, f, g, o and the paper draws Wf, Wi, Wo, Wc — do not mix them up.");
            case FORGOT_C_PREV -> Exercise.likelyMistake(
                    "c_{t-1} terlupa: c_t = i∘c̃ saja. State sel lama harus ikut, dikalikan gerbang lupa: c_t = f∘c_{t-1} + i∘c̃. "
                            + "Tanpa suku itu LSTM tidak punya ingatan jangka panjang sama sekali.",
                    "c_{t-1} is forgotten: c_t = i∘c̃ only. The old cell state must come along, times the forget gate: "
                            + "c_t = f∘c_{t-1} + i∘c̃. Without that term the LSTM has no long-term memory at all.");
            case MATRIX_PRODUCT_FOR_GATE -> Exercise.likelyMistake(
                    "perkalian matriks (mmul) dipakai untuk gerbang. Gerbang bekerja per elemen: f∘c_{t-1}, i∘c̃, o∘tanh(c_t) "
                            + "memakai mul; hanya [h_{t-1}, x_t]·W yang perkalian matriks.",
                    "a matrix product (mmul) is used for a gate. Gates act element by element: f∘c_{t-1}, i∘c̃, o∘tanh(c_t) "
                            + "use mul; only [h_{t-1}, x_t]·W is a matrix product.");
            case NO_TANH_ON_C -> Exercise.likelyMistake(
                    "tanh pada c_t hilang: h_t = o∘c_t. Yang benar h_t = o∘tanh(c_t); c_t sendiri tidak dibatasi, tanh memerasnya ke (−1, 1).",
                    "the tanh on c_t is missing: h_t = o∘c_t. It is h_t = o∘tanh(c_t); c_t itself is unbounded, tanh squashes it into (−1, 1).");
            case TANH_OF_C_PREV -> Exercise.likelyMistake(
                    "h_t memakai tanh(c_{t-1}). Hitung dulu c_t yang baru, lalu h_t = o∘tanh(c_t).",
                    "h_t uses tanh(c_{t-1}). Compute the new c_t first, then h_t = o∘tanh(c_t).");
            case CANDIDATE_SIGMOID -> Exercise.likelyMistake(
                    "kandidat c̃ memakai σ. Gerbang (f, i, o) memakai σ karena bernilai 0..1; kandidat memakai tanh (−1..1) agar bisa menambah atau mengurangi.",
                    "the candidate c̃ uses σ. The gates (f, i, o) use σ because they are 0..1; the candidate uses tanh (−1..1) so it can add or subtract.");
            case CONCAT_ORDER -> Exercise.likelyMistake(
                    "urutan penggabungan terbalik: [x_t, h_{t-1}]. Baris W untuk h_{t-1} ada di atas, jadi gabungkan [h_{t-1}, x_t] (Nd4j.hstack(h_prev, x_t)).",
                    "concatenation order reversed: [x_t, h_{t-1}]. The rows of W for h_{t-1} come first, so concatenate [h_{t-1}, x_t] (Nd4j.hstack(h_prev, x_t)).");
            case FORGOT_BIAS -> Exercise.likelyMistake("bias b tidak ditambahkan: a = [h_{t-1}, x_t]·W + b (addRowVector(b)).",
                    "the bias b is not added: a = [h_{t-1}, x_t]·W + b (addRowVector(b)).");
            case H_AND_C_SWAPPED -> Exercise.likelyMistake("h dan c tertukar di hasil: kembalikan State.of(h, c).",
                    "h and c are swapped in the result: return State.of(h, c).");
            case C_NOT_CARRIED -> Exercise.likelyMistake(
                    "state sel tidak dibawa ke langkah berikutnya: setiap langkah memakai c0 lagi. Setelah sel dipanggil, simpan c baru dan berikan ke langkah t+1.",
                    "the cell state is not carried to the next step: every step uses c0 again. After the cell call, keep the new c and pass it to step t+1.");
            case H_NOT_CARRIED -> Exercise.likelyMistake(
                    "state tersembunyi tidak dibawa: setiap langkah memakai h0 lagi. h_t menjadi h_prev untuk langkah t+1.",
                    "the hidden state is not carried: every step uses h0 again. h_t becomes h_prev of step t+1.");
            case INITIAL_STATE_IGNORED -> Exercise.likelyMistake("loop dimulai dari nol, bukan dari h0 dan c0 yang diberikan.",
                    "the loop starts from zeros instead of the given h0 and c0.");
            case OUTPUT_SHIFTED -> Exercise.likelyMistake(
                    "baris t berisi h_{t-1} (h sebelum langkah). Simpan h setelah memanggil sel.",
                    "row t holds h_{t-1} (the h before the step). Store h after calling the cell.");
            case STORED_C -> Exercise.likelyMistake("yang disimpan c_t, bukan h_t. Keluaran LSTM per langkah adalah h_t.",
                    "c_t is stored instead of h_t. The LSTM's output at each step is h_t.");
            case CELL_WRONG -> Msg.of("✗ Loop-nya benar, tetapi selnya salah — perbaiki dulu Latihan 5a:",
                    "✗ The loop is right, but the cell is wrong — fix exercise 5a first:");
            default -> Msg.of("✗ Salah.", "✗ Wrong.");
        };
    }

    private static Verdict<Mistake> threw(RuntimeException e, Case c) {
        String lower = String.valueOf(e.getMessage()).toLowerCase();
        boolean shape = lower.contains("mmul") || lower.contains("gemm") || lower.contains("matrix") || lower.contains("shape");
        String id = "✗ Fungsi Anda melempar " + Exercise.threw(e) + " (B=" + c.B + ", I=" + c.I + ", H=" + c.H + ").";
        String en = "✗ Your function threw " + Exercise.threw(e) + " (B=" + c.B + ", I=" + c.I + ", H=" + c.H + ").";
        if (shape) {
            id += " Kesalahan bentuk biasanya berarti mmul dipakai untuk perkalian gerbang (harus mul, per elemen) "
                    + "atau [h_{t-1}, x_t] digabung salah: [B, H+I]·W [H+I, 4H] = [B, 4H].";
            en += " A shape error usually means mmul was used for a gate product (it must be mul, elementwise) "
                    + "or [h_{t-1}, x_t] was built wrongly: [B, H+I]·W [H+I, 4H] = [B, 4H].";
        }
        return new Verdict<>(false, shape ? Mistake.MATRIX_PRODUCT_FOR_GATE : Mistake.EXCEPTION, Msg.of(id, en));
    }

    private static Verdict<Mistake> changedVerdict(String name) {
        return new Verdict<>(false, Mistake.CHANGED_INPUT, Msg.of(
                "✗ Fungsi mengubah argumen " + name + " di tempat (addi/muli/assign pada masukan); pakai add/mul yang membuat array baru.",
                "✗ The function changed its argument " + name + " in place (addi/muli/assign on an input); use add/mul, which make new arrays."));
    }

    private static String shapeProblem(INDArray a, String name, int B, int H) {
        long[] want = {B, H};
        if (Arrays.equals(a.shape(), want)) {
            return null;
        }
        String got = Arrays.toString(a.shape()).replace(" ", "");
        return Msg.of("✗ " + name + " berbentuk " + got + ", seharusnya [B, H] = [" + B + "," + H + "].",
                "✗ " + name + " has shape " + got + ", expected [B, H] = [" + B + "," + H + "].");
    }

    // ------------------------------------------------------------------------------------------ small maths

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    static double[][] hcat(double[][] a, double[][] b) {
        double[][] r = new double[a.length][a[0].length + b[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, r[i], 0, a[i].length);
            System.arraycopy(b[i], 0, r[i], a[i].length, b[i].length);
        }
        return r;
    }

    static double relErr3(double[][][] a, double[][][] b) {
        double worst = 0;
        for (int t = 0; t < a.length; t++) {
            worst = Math.max(worst, relErr(a[t], b[t]));
        }
        return worst;
    }

    static double[][][] copies(INDArray[] in) {
        double[][][] c = new double[in.length][][];
        for (int i = 0; i < in.length; i++) {
            c[i] = in[i].toDoubleMatrix();
        }
        return c;
    }

    static String changedInput(INDArray[] in, double[][][] before, String[] names) {
        for (int i = 0; i < in.length; i++) {
            if (!Arrays.deepEquals(in[i].toDoubleMatrix(), before[i])) {
                return names[i];
            }
        }
        return null;
    }
}
