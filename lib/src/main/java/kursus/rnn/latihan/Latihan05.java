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
 * Exercises 5.1 and 5.2 (lesson 05, LSTM), in the library's row-vector layout with one fused weight
 * matrix (as {@link kursus.rnn.nn.LstmCell}):
 *
 * <pre>
 * a_t = [h_{t-1}, x_t] · W + b          W [H + I, 4H] (rows for h first), b [1, 4H]
 * f_t = σ(a_t[:, 0:H])   i_t = σ(a_t[:, H:2H])   c̃_t = tanh(a_t[:, 2H:3H])   o_t = σ(a_t[:, 3H:4H])
 * c_t = f_t ∘ c_{t-1} + i_t ∘ c̃_t
 * h_t = o_t ∘ tanh(c_t)
 * </pre>
 *
 * 5.1: the student writes one step ({@link CellForward}); 5.2: the loop over time
 * ({@link SequenceForward}, given a correct step), {@code x [T, B, I] → h [T, B, H]}. Each check runs the function on fresh
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

    /** The mistakes exercise 5.1 ({@code lstmCellForward}) recognises. */
    public enum Mistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("baca pesannya. Ingat bentuknya: [h_{t-1}, x_t] [B, H+I] · W [H+I, 4H] = [B, 4H]",
                "read its message. Mind the shapes: [h_{t-1}, x_t] [B, H+I] · W [H+I, 4H] = [B, 4H]"),
        NULL_RESULT("fungsi mengembalikan null atau State tanpa c; kembalikan State.of(h, c)",
                "the function returned null or a State without c; return State.of(h, c)"),
        WRONG_SHAPE("bentuk h atau c salah; keduanya [B, H]", "wrong shape of h or c; both are [B, H]"),
        CHANGED_INPUT("fungsi mengubah masukannya di tempat (addi/muli/assign); pakai add/mul yang membuat array baru",
                "the function changed an input in place (addi/muli/assign); use add/mul, which make new arrays"),
        GATE_ORDER("urutan gerbang salah. Di pustaka ini kolom W dibagi empat blok berurutan f, i, c̃, o "
                + "(blok k = kolom k·H sampai (k+1)·H). PyTorch memakai i, f, g, o dan makalah menulis Wf, Wi, Wo, Wc — jangan tertukar",
                "wrong gate order. In this library the columns of W are four blocks in the order f, i, c̃, o "
                        + "(block k = columns k·H to (k+1)·H). PyTorch uses i, f, g, o and the paper lists Wf, Wi, Wo, Wc — do not mix them up"),
        FORGOT_C_PREV("c_{t-1} terlupa: c_t = i∘c̃ saja. State sel lama harus ikut, lewat gerbang lupa. "
                + "Tanpa suku itu LSTM tidak punya ingatan jangka panjang sama sekali",
                "c_{t-1} is forgotten: c_t = i∘c̃ only. The old cell state must come along, through the forget gate. "
                        + "Without that term the LSTM has no long-term memory at all"),
        MATRIX_PRODUCT_FOR_GATE("perkalian matriks (mmul) dipakai untuk gerbang. Gerbang bekerja per elemen (mul); "
                + "hanya [h_{t-1}, x_t]·W yang perkalian matriks",
                "a matrix product (mmul) is used for a gate. Gates act element by element (mul); "
                        + "only [h_{t-1}, x_t]·W is a matrix product"),
        NO_TANH_ON_C("h_t = o∘c_t: tanh pada c_t hilang. c_t sendiri tidak dibatasi; sebelum dikalikan o, ia diperas ke (−1, 1)",
                "h_t = o∘c_t: the tanh on c_t is missing. c_t itself is unbounded; before it is multiplied by o it is squashed into (−1, 1)"),
        TANH_OF_C_PREV("h_t memakai c_{t-1}. Hitung dulu c_t yang baru, baru h_t dari c_t",
                "h_t uses c_{t-1}. Compute the new c_t first, then h_t from c_t"),
        CANDIDATE_SIGMOID("kandidat c̃ memakai σ. Gerbang (f, i, o) memakai σ karena bernilai 0..1; kandidat memakai tanh (−1..1) agar bisa menambah atau mengurangi",
                "the candidate c̃ uses σ. The gates (f, i, o) use σ because they are 0..1; the candidate uses tanh (−1..1) so it can add or subtract"),
        CONCAT_ORDER("urutan penggabungan terbalik: [x_t, h_{t-1}]. Baris W untuk h_{t-1} ada di atas",
                "concatenation order reversed: [x_t, h_{t-1}]. The rows of W for h_{t-1} come first"),
        FORGOT_BIAS("bias b tidak ditambahkan", "the bias b is not added"),
        H_AND_C_SWAPPED("h dan c tertukar di hasil: State.of(h, c) — h dulu", "h and c are swapped in the result: State.of(h, c) — h first"),
        UNKNOWN("nilai salah dan tidak cocok dengan kesalahan yang umum. Periksa langkah demi langkah: "
                + "a = [h_prev, x_t]·W + b; f, i, o = σ(blok 0, 1, 3), c̃ = tanh(blok 2); lalu c_t, lalu h_t",
                "wrong values that match no common mistake. Check step by step: "
                        + "a = [h_prev, x_t]·W + b; f, i, o = σ(blocks 0, 1, 3), c̃ = tanh(block 2); then c_t, then h_t");

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

    /** The mistakes exercise 5.2 ({@code lstmForward}) recognises. */
    public enum LoopMistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("baca pesannya. x.slice(t) memberi x_t [B, I]; sel mengembalikan State dengan h() dan c(), keduanya [B, H]",
                "read its message. x.slice(t) gives x_t [B, I]; the cell returns a State with h() and c(), both [B, H]"),
        NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
        WRONG_SHAPE("bentuk hasil salah; seharusnya [T, B, H], satu h_t per langkah",
                "wrong result shape; expected [T, B, H], one h_t per step"),
        CHANGED_INPUT("fungsi mengubah masukannya di tempat; pakai array baru", "the function changed an input in place; use new arrays"),
        FORGOT_TO_CARRY_C("state sel tidak dibawa: setiap langkah memakai c0 lagi. Ingatan jangka panjang LSTM ada di c — "
                + "c dari langkah t harus menjadi c_{t-1} langkah t+1",
                "the cell state is not carried: every step uses c0 again. The LSTM's long-term memory is c — "
                        + "the c of step t must become c_{t-1} of step t+1"),
        FORGOT_TO_CARRY_H("state tersembunyi tidak dibawa: setiap langkah memakai h0 lagi", "the hidden state is not carried: every step uses h0 again"),
        FORGOT_TO_CARRY_BOTH("h maupun c tidak dibawa: setiap langkah mulai lagi dari h0, c0", "neither h nor c is carried: every step starts again from h0, c0"),
        IGNORED_INITIAL_STATE("h0/c0 yang diberikan tidak dipakai (mulai dari nol?)", "the given h0/c0 are not used (started from zeros?)"),
        STORED_PREVIOUS_STATE("posisi t berisi state SEBELUM langkah t; simpan h sesudah memanggil sel",
                "position t holds the state BEFORE step t; store h after calling the cell"),
        STORED_C("yang disimpan c_t, bukan h_t. Keluaran LSTM per langkah adalah h_t", "c_t is stored instead of h_t. The LSTM's output at each step is h_t"),
        UNKNOWN("nilai salah dan tidak cocok dengan kesalahan yang umum. Urutannya: h = h0, c = c0; untuk t = 0..T-1: "
                + "s = cell(x_t, h, c); h = s.h(); c = s.c(); simpan h di posisi t",
                "wrong values that match no common mistake. The order: h = h0, c = c0; for t = 0..T-1: "
                        + "s = cell(x_t, h, c); h = s.h(); c = s.c(); store h at position t");

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

    static final double TOL = 1e-6;

    // ------------------------------------------------------------------------------------------ 5.1

    /** Runs the student's LSTM step and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkLstmCellForward(CellForward f) {
        Exercise.report("Latihan 5.1", evaluateLstmCellForward(f));
    }

    /** The verdict of exercise 5.1 without printing or throwing (for tests and demos). */
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
            boolean shape = shapeError(e);
            return fail(shape ? Mistake.MATRIX_PRODUCT_FOR_GATE : Mistake.EXCEPTION, log, threwText(e, c, shape));
        }
        if (changedInput(in, before, new String[] {"x_t", "h_prev", "c_prev", "W", "b"}) != null) {
            return fail(Mistake.CHANGED_INPUT, log, null);
        }
        if (got == null || got.h() == null || got.c() == null) {
            return fail(Mistake.NULL_RESULT, log, null);
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
        log.append(String.format("Latihan 5.1 — B=%d, I=%d, H=%d: h %s (rel err %.1e), c %s (rel err %.1e)%n",
                c.B, c.I, c.H, eh < TOL ? "✓" : "✗", eh, ec < TOL ? "✓" : "✗", ec));
        if (eh < TOL && ec < TOL) {
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        if (relErr(h, ref[1]) < TOL && relErr(cc, ref[0]) < TOL) {
            return fail(Mistake.H_AND_C_SWAPPED, log, null);
        }
        for (Variant v : Variant.singleMistakes(c.B == c.H)) {
            double[][][] w = cell(c.x[0], c.h0, c.c0, c.W, c.b, v);
            if (relErr(h, w[0]) < TOL && relErr(cc, w[1]) < TOL) {
                return fail(v.mistake(), log, null);
            }
        }
        return fail(Mistake.UNKNOWN, log, null);
    }

    // ------------------------------------------------------------------------------------------ 5.2

    /**
     * The student's loop over time. {@code cell} is a correct LSTM step given by the check (so the loop is
     * checked on its own); {@code x [T, B, I]}, {@code h0, c0 [B, H]}; returns every {@code h_t} as {@code [T, B, H]}.
     */
    @FunctionalInterface
    public interface SequenceForward {
        INDArray apply(INDArray x, INDArray h0, INDArray c0, INDArray W, INDArray b, CellForward cell);
    }

    /** Runs the student's loop over time and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkLstmForward(SequenceForward f) {
        Exercise.report("Latihan 5.2", evaluateLstmForward(f));
    }

    /** The verdict of exercise 5.2 without printing or throwing (for tests and demos). */
    public static Verdict<LoopMistake> evaluateLstmForward(SequenceForward f) {
        if (f == null) {
            return new Verdict<>(false, LoopMistake.NULL_RESULT, Exercise.noFunction());
        }
        int[][] sizes = {{2, 3, 4, 5}, {3, 1, 2, 1}}; // B, I, H, T (T = 1 second)
        long[] seeds = {5050, 5051};
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            Case c = new Case(new NumpyRandom(seeds[k]), sizes[k][0], sizes[k][1], sizes[k][2], sizes[k][3]);
            Verdict<LoopMistake> v = loopCase(f, c, log);
            if (!v.passed()) {
                return v;
            }
        }
        return new Verdict<>(true, LoopMistake.NONE, log + Msg.of(
                "✓ Benar! Loop Anda membawa h dan c dari langkah ke langkah, mulai dari h0 dan c0, dan menyimpan setiap h_t.",
                "✓ Correct! Your loop carries h and c from step to step, starts from h0 and c0, and stores every h_t."));
    }

    /** The correct step handed to the student's loop. */
    static final CellForward REFERENCE_CELL = (x, h, c, W, b) -> {
        int B = (int) x.size(0), H = (int) h.size(1);
        double[][][] r = cell(toMatrix(x, B, (int) x.size(1)), toMatrix(h, B, H), toMatrix(c, B, H),
                toMatrix(W, (int) W.size(0), (int) W.size(1)), toMatrix(b, 1, 4 * H), Variant.RIGHT);
        return State.of(nd(r[0]), nd(r[1]));
    };

    private static Verdict<LoopMistake> loopCase(SequenceForward f, Case c, StringBuilder log) {
        INDArray x = Nd4j.create(c.x).castTo(DataType.DOUBLE); // [T, B, I]
        INDArray[] in = {nd(c.h0), nd(c.c0), nd(c.W), nd(c.b)};
        double[] xBefore = x.dup().data().asDouble();
        double[][][] before = copies(in);
        INDArray got;
        try {
            got = f.apply(x, in[0], in[1], in[2], in[3], REFERENCE_CELL);
        } catch (RuntimeException e) {
            return new Verdict<>(false, LoopMistake.EXCEPTION, log + Msg.of(
                    "✗ Fungsi Anda melempar " + Exercise.threw(e) + " (T=" + c.T + ", B=" + c.B + ", I=" + c.I + ", H=" + c.H + ").",
                    "✗ Your function threw " + Exercise.threw(e) + " (T=" + c.T + ", B=" + c.B + ", I=" + c.I + ", H=" + c.H + ").")
                    + "\n" + Exercise.likelyMistake(LoopMistake.EXCEPTION.indonesian(), LoopMistake.EXCEPTION.english()));
        }
        if (!Arrays.equals(xBefore, x.data().asDouble()) || changedInput(in, before, new String[] {"h0", "c0", "W", "b"}) != null) {
            return failLoop(LoopMistake.CHANGED_INPUT, log);
        }
        if (got == null) {
            return failLoop(LoopMistake.NULL_RESULT, log);
        }
        long[] want = {c.T, c.B, c.H};
        if (!Arrays.equals(got.shape(), want)) {
            String a = Arrays.toString(got.shape()).replace(" ", ""), w = Arrays.toString(want).replace(" ", "");
            return new Verdict<>(false, LoopMistake.WRONG_SHAPE, log + Msg.of(
                    "✗ Hasil berbentuk " + a + ", seharusnya [T, B, H] = " + w + ": satu h_t [B, H] per langkah waktu.",
                    "✗ The result has shape " + a + ", expected [T, B, H] = " + w + ": one h_t [B, H] per time step."));
        }
        double[][][] mine = new double[c.T][][];
        for (int t = 0; t < c.T; t++) {
            mine[t] = toMatrix(got.slice(t), c.B, c.H);
        }
        double err = relErr3(mine, loop(c, Loop.RIGHT));
        log.append(String.format("Latihan 5.2 — T=%d, B=%d, I=%d, H=%d: h_1..h_T %s (rel err %.1e)%n",
                c.T, c.B, c.I, c.H, err < TOL ? "✓" : "✗", err));
        if (err < TOL) {
            return new Verdict<>(true, LoopMistake.NONE, log.toString());
        }
        for (Loop l : Loop.values()) {
            if (l != Loop.RIGHT && relErr3(mine, loop(c, l)) < TOL) {
                return failLoop(l.mistake, log);
            }
        }
        return failLoop(LoopMistake.UNKNOWN, log);
    }

    private static Verdict<Mistake> fail(Mistake m, StringBuilder log, String extra) {
        return new Verdict<>(false, m, log + (extra == null ? "" : extra + "\n") + Exercise.likelyMistake(m.indonesian(), m.english()));
    }

    private static Verdict<LoopMistake> failLoop(LoopMistake m, StringBuilder log) {
        return new Verdict<>(false, m, log + Exercise.likelyMistake(m.indonesian(), m.english()));
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
        RIGHT(LoopMistake.NONE), C_NOT_CARRIED(LoopMistake.FORGOT_TO_CARRY_C), H_NOT_CARRIED(LoopMistake.FORGOT_TO_CARRY_H),
        BOTH_NOT_CARRIED(LoopMistake.FORGOT_TO_CARRY_BOTH), ZERO_START(LoopMistake.IGNORED_INITIAL_STATE),
        ZERO_C_START(LoopMistake.IGNORED_INITIAL_STATE), SHIFTED(LoopMistake.STORED_PREVIOUS_STATE), STORED_C(LoopMistake.STORED_C);

        final LoopMistake mistake;

        Loop(LoopMistake m) {
            mistake = m;
        }
    }

    /** The whole sequence in plain Java, written the way {@code l} says: {@code [T][B][H]}. */
    static double[][][] loop(Case c, Loop l) {
        double[][] zeros = new double[c.B][c.H];
        double[][] h = l == Loop.ZERO_START ? zeros : c.h0;
        double[][] cs = l == Loop.ZERO_START || l == Loop.ZERO_C_START ? zeros : c.c0;
        double[][][] out = new double[c.T][][];
        for (int t = 0; t < c.T; t++) {
            double[][] hIn = l == Loop.H_NOT_CARRIED || l == Loop.BOTH_NOT_CARRIED ? c.h0 : h;
            double[][] cIn = l == Loop.C_NOT_CARRIED || l == Loop.BOTH_NOT_CARRIED ? c.c0 : cs;
            double[][][] s = cell(c.x[t], hIn, cIn, c.W, c.b, Variant.RIGHT);
            out[t] = l == Loop.SHIFTED ? hIn : l == Loop.STORED_C ? s[1] : s[0];
            h = s[0];
            cs = s[1];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ messages

    private static boolean shapeError(RuntimeException e) {
        String lower = String.valueOf(e.getMessage()).toLowerCase();
        return lower.contains("mmul") || lower.contains("gemm") || lower.contains("matrix") || lower.contains("shape");
    }

    private static String threwText(RuntimeException e, Case c, boolean shape) {
        return Msg.of("✗ Fungsi Anda melempar " + Exercise.threw(e) + " (B=" + c.B + ", I=" + c.I + ", H=" + c.H + ")."
                        + (shape ? " Kesalahan bentuk: mungkin mmul dipakai untuk perkalian gerbang, atau [h_{t-1}, x_t] salah dibentuk." : ""),
                "✗ Your function threw " + Exercise.threw(e) + " (B=" + c.B + ", I=" + c.I + ", H=" + c.H + ")."
                        + (shape ? " A shape error: perhaps mmul was used for a gate product, or [h_{t-1}, x_t] was built wrongly." : ""));
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
