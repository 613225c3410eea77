package kursus.rnn.latihan;

import static kursus.rnn.latihan.Matrices.add;
import static kursus.rnn.latihan.Matrices.mm;
import static kursus.rnn.latihan.Matrices.nd;
import static kursus.rnn.latihan.Matrices.relErr;
import static kursus.rnn.latihan.Matrices.scale;
import static kursus.rnn.latihan.Matrices.tanh;
import static kursus.rnn.latihan.Matrices.toMatrix;
import static kursus.rnn.latihan.Matrices.tr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kursus.rnn.core.Msg;
import java.util.function.Function;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exercise 3 (lesson 03, BPTT): the backward pass of one vanilla RNN cell, in the library's
 * row-vector layout.
 *
 * <pre>
 * forward   h_t = tanh(x_t · W_xh + h_{t-1} · W_hh + b_h)              x_t [B, I], h [B, H]
 * backward  dh_total = dh + dh_next                                    (loss at step t + step t+1)
 *           da       = dh_total ∘ (1 − h_t²)
 *           dx_t     = da · W_xhᵀ          dh_prev = da · W_hhᵀ
 *           dW_xh    = x_tᵀ · da           dW_hh   = h_{t-1}ᵀ · da     db_h = Σ_batch da   [1, H]
 * </pre>
 *
 * Exercise 3.1: the student writes a {@link CellBackward}; {@link #checkRnnCellBackward} runs it on fresh
 * random inputs (seeded), compares every result with central finite differences of the forward rule,
 * prints a bilingual verdict and, on failure, names the likely mistake and throws.
 *
 * <p>Exercise 3.2: the backward loop through time ({@link #checkRnnBackward}): for {@code t = T-1 … 0}
 * call a given one-step backward with {@code dh[t]} and the {@code dh_next} that came back from step
 * {@code t+1}, SUM the weight gradients over the steps, store {@code dx[t]}, and return the gradient
 * that reaches {@code h_0}. Checked with {@link ExerciseCheck}; the typical mistakes (dh_next never
 * passed, gradients not summed over time, the steps walked in forward order, dx stacked in reverse,
 * a wrong dh0) are named.
 *
 * <pre>{@code
 * Latihan03.checkRnnCellBackward(Solution03::rnnCellBackward);
 * Latihan03.checkRnnBackward(Solution03::rnnBackward);
 * }</pre>
 */
public final class Latihan03 {
    private Latihan03() {}

    /**
     * What the forward step kept for the backward step (the lecture's {@code cache}).
     *
     * @param x input {@code x_t [B, I]}
     * @param hPrev previous state {@code h_{t-1} [B, H]}
     * @param h the step's output {@code h_t [B, H]}
     * @param W_xh {@code [I, H]}
     * @param W_hh {@code [H, H]}
     * @param b_h {@code [1, H]}
     */
    public record Cache(INDArray x, INDArray hPrev, INDArray h, INDArray W_xh, INDArray W_hh, INDArray b_h) {}

    /**
     * The gradients of one backward step.
     *
     * @param dx {@code dL/dx_t [B, I]}
     * @param dhPrev {@code dL/dh_{t-1} [B, H]} (what flows to the step before)
     * @param dW_xh {@code [I, H]}
     * @param dW_hh {@code [H, H]}
     * @param db_h {@code [1, H]} (a vector {@code [H]} is accepted too)
     */
    public record Grads(INDArray dx, INDArray dhPrev, INDArray dW_xh, INDArray dW_hh, INDArray db_h) {}

    /** The student's function: {@code dh} from the output at step t, {@code dhNext} from step t+1. */
    @FunctionalInterface
    public interface CellBackward {
        Grads apply(INDArray dh, INDArray dhNext, Cache cache);
    }

    /** The mistakes exercise 3.1 ({@code rnnCellBackward}) recognises. */
    public enum Mistake implements Explained {
        /** Everything correct. */
        NONE("benar", "correct"),
        /** The function returned null, or a null gradient. */
        NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
        /** The function threw an exception. */
        EXCEPTION("fungsi melempar exception", "the function threw an exception"),
        /** {@code da = dh_total} without the factor {@code (1 − h_t²)}. */
        NO_TANH_DERIVATIVE("faktor turunan tanh (1 − h²) hilang", "the tanh derivative factor (1 − h²) is missing"),
        /** {@code (1 − tanh(h_t)²)}: tanh applied again to {@code h_t}, which is already a tanh output. */
        TANH_APPLIED_TWICE("tanh diterapkan lagi pada h_t", "tanh applied again to h_t"),
        /** {@code (1 − h_{t-1}²)} instead of {@code (1 − h_t²)}. */
        DERIVATIVE_OF_HPREV("turunan tanh memakai h_{t-1}", "the tanh derivative uses h_{t-1}"),
        /** Only one of {@code dh} and {@code dh_next} used: the two must be added. */
        FORGOT_DH_NEXT("hanya satu dari dh dan dh_next yang dipakai", "only one of dh and dh_next is used"),
        /** A product with the wrong side transposed (e.g. {@code da · W_hh} instead of {@code da · W_hhᵀ}). */
        TRANSPOSED_PRODUCT("perkalian dengan sisi yang salah ditranspos", "a product with the wrong side transposed"),
        /** {@code db_h} summed over the wrong axis, not summed, or averaged instead of summed over the batch. */
        BIAS_SUM_WRONG("db_h tidak dijumlahkan atas batch", "db_h is not summed over the batch"),
        /** A result with a shape that does not fit. */
        WRONG_SHAPE("bentuk hasil salah", "a result has the wrong shape"),
        /** Wrong values that match none of the known mistakes. */
        UNKNOWN("nilai salah yang tidak cocok dengan kesalahan umum", "wrong values that match no common mistake");

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

    static final String[] FIELDS = {"dx", "dh_prev", "dW_xh", "dW_hh", "db_h"};
    static final double TOL = 1e-6;

    /** The exercise id of {@code rnnCellBackward}. */
    static final String CELL = "Latihan 3.1";

    /** Exercise 3.1: runs the student's function and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkRnnCellBackward(CellBackward f) {
        Exercise.report(CELL, evaluateRnnCellBackward(f));
    }

    /**
     * Runs the checks of exercise 3.1 without printing or throwing (used by the tests): whether it
     * passed, the diagnosed mistake and a bilingual message.
     */
    public static Verdict<Mistake> evaluateRnnCellBackward(CellBackward f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Exercise.noFunction());
        }
        // two fresh cases with different sizes, so that hard-coded sizes or I == H coincidences show up
        int[][] sizes = {{4, 3, 5}, {2, 6, 4}};
        long[] seeds = {2026, 7};
        StringBuilder table = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            Case c = new Case(new NumpyRandom(seeds[k]), sizes[k][0], sizes[k][1], sizes[k][2]);
            Verdict<Mistake> v = evaluateCase(f, c, table);
            if (!v.passed()) {
                return v;
            }
        }
        return new Verdict<>(true, Mistake.NONE, table + Msg.of(
                "✓ Benar! Backward sel RNN Anda cocok dengan turunan numerik (beda hingga) pada dua kasus acak.",
                "✓ Correct! Your RNN cell backward matches the numerical (finite-difference) gradients on two random cases."));
    }

    // ------------------------------------------------------------------------------------------ one case

    /** A random set-up: inputs, weights, upstream gradients, and the reference gradients. */
    static final class Case {
        final int B, I, H;
        final double[][] x, hPrev, Wxh, Whh, b, dh, dhNext, h;
        final double[][][] fd; // finite-difference gradients: dx, dhPrev, dWxh, dWhh, db

        Case(NumpyRandom rng, int B, int I, int H) {
            this.B = B;
            this.I = I;
            this.H = H;
            x = randn(rng, B, I, 1.0);
            hPrev = tanh(randn(rng, B, H, 1.0));
            Wxh = randn(rng, I, H, 0.5);
            Whh = randn(rng, H, H, 0.5);
            b = randn(rng, 1, H, 0.5);
            dh = randn(rng, B, H, 1.0);
            dhNext = randn(rng, B, H, 1.0);
            h = forward(x, hPrev, Wxh, Whh, b);
            fd = finiteDifferences();
        }

        double loss(double[][] x, double[][] hPrev, double[][] Wxh, double[][] Whh, double[][] b) {
            double[][] hh = forward(x, hPrev, Wxh, Whh, b);
            double s = 0;
            for (int n = 0; n < B; n++) {
                for (int j = 0; j < H; j++) {
                    s += (dh[n][j] + dhNext[n][j]) * hh[n][j];
                }
            }
            return s;
        }

        private double[][][] finiteDifferences() {
            double[][][] args = {x, hPrev, Wxh, Whh, b};
            double[][][] out = new double[5][][];
            double eps = 1e-6;
            for (int a = 0; a < 5; a++) {
                double[][] m = args[a];
                out[a] = new double[m.length][m[0].length];
                for (int i = 0; i < m.length; i++) {
                    for (int j = 0; j < m[0].length; j++) {
                        double old = m[i][j];
                        m[i][j] = old + eps;
                        double lp = loss(x, hPrev, Wxh, Whh, b);
                        m[i][j] = old - eps;
                        double lm = loss(x, hPrev, Wxh, Whh, b);
                        m[i][j] = old;
                        out[a][i][j] = (lp - lm) / (2 * eps);
                    }
                }
            }
            return out;
        }

        /** The analytic gradients for a given {@code da} (the correct one or a mistaken one). */
        double[][][] fromDa(double[][] da) {
            double[][] db = new double[1][H];
            for (double[] row : da) {
                for (int j = 0; j < H; j++) {
                    db[0][j] += row[j];
                }
            }
            return new double[][][] {mm(da, tr(Wxh)), mm(da, tr(Whh)), mm(tr(x), da), mm(tr(hPrev), da), db};
        }

        double[][] da(double[][] dTotal, double[][] act) {
            double[][] r = new double[B][H];
            for (int n = 0; n < B; n++) {
                for (int j = 0; j < H; j++) {
                    r[n][j] = dTotal[n][j] * (1 - act[n][j] * act[n][j]);
                }
            }
            return r;
        }

        double[][] total() {
            return add(dh, dhNext);
        }

        Cache cache() {
            return new Cache(nd(x), nd(hPrev), nd(h), nd(Wxh), nd(Whh), nd(b));
        }
    }

    private static Verdict<Mistake> evaluateCase(CellBackward f, Case c, StringBuilder table) {
        Grads g;
        try {
            g = f.apply(nd(c.dh), nd(c.dhNext), c.cache());
        } catch (RuntimeException e) {
            String lower = String.valueOf(e.getMessage()).toLowerCase();
            boolean shape = lower.contains("matrix multiplication") || lower.contains("mmul") || lower.contains("gemm");
            String hintId = shape ? " Kesalahan bentuk pada perkalian matriks biasanya berarti satu faktor perlu/tidak perlu ditranspos: "
                    + "ingat dx = da·W_xhᵀ [B,I], dW_xh = xᵀ·da [I,H]." : "";
            String hintEn = shape ? " A shape error in a matrix product usually means a factor is transposed when it should not be (or the reverse): "
                    + "remember dx = da·W_xhᵀ [B,I], dW_xh = xᵀ·da [I,H]." : "";
            return new Verdict<>(false, shape ? Mistake.TRANSPOSED_PRODUCT : Mistake.EXCEPTION, Msg.of(
                    "✗ Fungsi Anda melempar " + Exercise.threw(e) + "." + hintId,
                    "✗ Your function threw " + Exercise.threw(e) + "." + hintEn));
        }
        if (g == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Msg.of(
                    "✗ Fungsi mengembalikan null; kembalikan new Latihan03.Grads(dx, dhPrev, dW_xh, dW_hh, db_h).",
                    "✗ The function returned null; return new Latihan03.Grads(dx, dhPrev, dW_xh, dW_hh, db_h)."));
        }
        INDArray[] got = {g.dx(), g.dhPrev(), g.dW_xh(), g.dW_hh(), g.db_h()};
        long[][] expectShape = {{c.B, c.I}, {c.B, c.H}, {c.I, c.H}, {c.H, c.H}, {1, c.H}};
        for (int k = 0; k < 5; k++) {
            if (got[k] == null) {
                return new Verdict<>(false, Mistake.NULL_RESULT, Msg.of(
                        "✗ " + FIELDS[k] + " bernilai null; semua lima gradien harus dihitung.",
                        "✗ " + FIELDS[k] + " is null; all five gradients must be computed."));
            }
        }
        double[][][] ref = c.fromDa(c.da(c.total(), c.h));
        // the reference formula must agree with finite differences (guards the check itself)
        for (int k = 0; k < 5; k++) {
            if (relErr(ref[k], c.fd[k]) > 1e-5) {
                throw new IllegalStateException("Latihan03: internal reference disagrees with finite differences for " + FIELDS[k]);
            }
        }
        double[][][] mine = new double[5][][];
        boolean[] ok = new boolean[5];
        boolean allOk = true;
        table.append(String.format("Latihan 3.1 — B=%d, I=%d, H=%d  (dibandingkan dengan beda hingga / compared with finite differences)%n",
                c.B, c.I, c.H));
        for (int k = 0; k < 5; k++) {
            long[] s = got[k].shape();
            boolean shapeOk = Arrays.equals(s, expectShape[k]) || (k == 4 && s.length == 1 && s[0] == c.H);
            double err = Double.NaN;
            if (shapeOk) {
                mine[k] = toMatrix(got[k], (int) expectShape[k][0], (int) expectShape[k][1]);
                err = relErr(mine[k], c.fd[k]); // shown: the distance to the finite differences
                ok[k] = relErr(mine[k], ref[k]) < TOL; // decided against the formula that matches them (checked above)
            }
            allOk &= ok[k];
            table.append(String.format("  %-8s %-8s %s  %s%n", FIELDS[k], Arrays.toString(s).replace(" ", ""),
                    ok[k] ? "✓" : "✗",
                    shapeOk ? String.format("rel err %.1e", err) : "bentuk/shape harus/must be " + Arrays.toString(expectShape[k]).replace(" ", "")));
        }
        if (allOk) {
            return new Verdict<>(true, Mistake.NONE, table.toString());
        }
        Verdict<Mistake> d = diagnose(c, got, mine, ok, expectShape);
        return new Verdict<>(false, d.mistake(), table + d.message());
    }

    private static Verdict<Mistake> diagnose(Case c, INDArray[] got, double[][][] mine, boolean[] ok, long[][] expectShape) {
        // 1. mistakes in da: compare every wrong field with what that mistake would give
        double[][] dTotal = c.total();
        double[][] tanhH = tanh(c.h);
        Object[][] variants = {
            {Mistake.FORGOT_DH_NEXT, c.fromDa(c.da(c.dh, c.h))},
            {Mistake.FORGOT_DH_NEXT, c.fromDa(c.da(c.dhNext, c.h))},
            {Mistake.NO_TANH_DERIVATIVE, c.fromDa(dTotal)},
            {Mistake.TANH_APPLIED_TWICE, c.fromDa(c.da(dTotal, tanhH))},
            {Mistake.DERIVATIVE_OF_HPREV, c.fromDa(c.da(dTotal, c.hPrev))},
        };
        for (Object[] v : variants) {
            double[][][] w = (double[][][]) v[1];
            boolean explains = true;
            int matched = 0;
            for (int k = 0; k < 5; k++) {
                if (!ok[k]) {
                    if (mine[k] != null && relErr(mine[k], w[k]) < TOL) {
                        matched++;
                    } else {
                        explains = false;
                    }
                }
            }
            if (explains && matched > 0) {
                return new Verdict<>(false, (Mistake) v[0], advice((Mistake) v[0], null));
            }
        }
        // 2. transposed products
        double[][] da = c.da(dTotal, c.h);
        for (int k = 0; k < 5; k++) {
            if (ok[k]) {
                continue;
            }
            double[][] ref = c.fromDa(da)[k];
            long[] s = got[k].shape();
            boolean trShape = s.length == 2 && s[0] == expectShape[k][1] && s[1] == expectShape[k][0] && s[0] != s[1];
            if (trShape && relErr(toMatrix(got[k], (int) s[0], (int) s[1]), tr(ref)) < TOL) {
                return new Verdict<>(false, Mistake.TRANSPOSED_PRODUCT, advice(Mistake.TRANSPOSED_PRODUCT, FIELDS[k]));
            }
            if (mine[k] != null && (k == 3 || k == 2) && mine[k].length == mine[k][0].length && relErr(mine[k], tr(ref)) < TOL) {
                return new Verdict<>(false, Mistake.TRANSPOSED_PRODUCT, advice(Mistake.TRANSPOSED_PRODUCT, FIELDS[k]));
            }
            if (k == 1 && mine[k] != null && relErr(mine[k], mm(da, c.Whh)) < TOL) {
                return new Verdict<>(false, Mistake.TRANSPOSED_PRODUCT, advice(Mistake.TRANSPOSED_PRODUCT, FIELDS[k]));
            }
        }
        // 3. the bias gradient
        if (!ok[4]) {
            double[][] db = c.fromDa(da)[4];
            long[] s = got[4].shape();
            boolean batchAxis = (s.length == 1 && s[0] == c.B) || (s.length == 2 && s[0] == c.B && s[1] == 1)
                    || (s.length == 2 && s[0] == 1 && s[1] == c.B);
            boolean notSummed = s.length == 2 && s[0] == c.B && s[1] == c.H;
            boolean mean = mine[4] != null && relErr(mine[4], scale(db, 1.0 / c.B)) < TOL;
            if (batchAxis || notSummed || mean) {
                return new Verdict<>(false, Mistake.BIAS_SUM_WRONG, advice(Mistake.BIAS_SUM_WRONG,
                        notSummed ? "not-summed" : mean ? "mean" : "axis"));
            }
        }
        // 4. shapes
        for (int k = 0; k < 5; k++) {
            if (mine[k] == null) {
                String exp = Arrays.toString(expectShape[k]).replace(" ", "");
                String act = Arrays.toString(got[k].shape()).replace(" ", "");
                return new Verdict<>(false, Mistake.WRONG_SHAPE, Msg.of(
                        "✗ " + FIELDS[k] + " berbentuk " + act + ", seharusnya " + exp + " (bentuknya sama dengan yang diturunkan).",
                        "✗ " + FIELDS[k] + " has shape " + act + ", expected " + exp + " (a gradient has the shape of what it differentiates)."));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            if (!ok[k]) {
                wrong.add(FIELDS[k]);
            }
        }
        return new Verdict<>(false, Mistake.UNKNOWN, Msg.of(
                "✗ Nilai " + wrong + " salah dan tidak cocok dengan kesalahan yang umum. Periksa urutannya: "
                        + "dh_total = dh + dh_next; da = dh_total ∘ (1 − h²); lalu kelima perkalian.",
                "✗ " + wrong + " have wrong values that match no common mistake. Check the order: "
                        + "dh_total = dh + dh_next; da = dh_total ∘ (1 − h²); then the five products."));
    }

    static String advice(Mistake m, String detail) {
        return switch (m) {
            case FORGOT_DH_NEXT -> Exercise.likelyMistake(
                    "hanya satu gradien yang dipakai. h_t memengaruhi loss lewat dua jalan — keluaran "
                            + "langkah t (dh) dan langkah berikutnya (dh_next) — jadi keduanya dijumlahkan: dh_total = dh + dh_next.",
                    "only one of the gradients is used. h_t reaches the loss along two paths — the output "
                            + "at step t (dh) and the next step (dh_next) — so add them: dh_total = dh + dh_next.");
            case NO_TANH_DERIVATIVE -> Exercise.likelyMistake(
                    "faktor turunan tanh (1 − h²) hilang. da = dh_total ∘ (1 − h_t²), "
                            + "perkalian elemen demi elemen, sebelum perkalian matriks.",
                    "the tanh derivative factor (1 − h²) is missing. da = dh_total ∘ (1 − h_t²), "
                            + "element-wise, before the matrix products.");
            case TANH_APPLIED_TWICE -> Exercise.likelyMistake(
                    "Anda menghitung 1 − tanh(h)². Padahal h_t sudah keluaran tanh, "
                            + "jadi turunannya cukup 1 − h_t² (tanpa tanh lagi).",
                    "you computed 1 − tanh(h)². h_t is already the tanh output, so the derivative "
                            + "is simply 1 − h_t² (no second tanh).");
            case DERIVATIVE_OF_HPREV -> Exercise.likelyMistake(
                    "turunan tanh memakai h_{t-1}. Pakai keluaran langkah ini: (1 − h_t²).",
                    "the tanh derivative uses h_{t-1}. Use this step's output: (1 − h_t²).");
            case TRANSPOSED_PRODUCT -> Exercise.likelyMistake(
                    "perkalian yang ditranspos salah pada " + detail + ". Dengan baris sebagai contoh: "
                            + "dx = da·W_xhᵀ, dh_prev = da·W_hhᵀ, dW_xh = xᵀ·da, dW_hh = h_prevᵀ·da.",
                    "a product with the wrong side transposed in " + detail + ". With one row per example: "
                            + "dx = da·W_xhᵀ, dh_prev = da·W_hhᵀ, dW_xh = xᵀ·da, dW_hh = h_prevᵀ·da.");
            case BIAS_SUM_WRONG -> {
                String id = switch (String.valueOf(detail)) {
                    case "not-summed" -> "db_h belum dijumlahkan atas batch (masih [B,H]).";
                    case "mean" -> "db_h dirata-rata atas batch; seharusnya dijumlahkan (loss-nya jumlah, bukan rata-rata).";
                    default -> "db_h dijumlahkan atas sumbu yang salah (atas unit tersembunyi, bukan atas batch).";
                };
                String en = switch (String.valueOf(detail)) {
                    case "not-summed" -> "db_h is not summed over the batch (still [B,H]).";
                    case "mean" -> "db_h is averaged over the batch; it must be summed (the loss is a sum, not a mean).";
                    default -> "db_h is summed over the wrong axis (over hidden units instead of over the batch).";
                };
                yield Exercise.likelyMistake(id + " Pakai da.sum(true, 0) → [1,H].", en + " Use da.sum(true, 0) → [1,H].");
            }
            default -> Msg.of("✗ Salah.", "✗ Wrong.");
        };
    }

    // ------------------------------------------------------------------------------------------ small maths

    static double[][] randn(NumpyRandom rng, int r, int c, double scale) {
        return scale(rng.randn(DataType.DOUBLE, r, c).toDoubleMatrix(), scale);
    }

    static double[][] forward(double[][] x, double[][] hPrev, double[][] Wxh, double[][] Whh, double[][] b) {
        double[][] a = add(mm(x, Wxh), mm(hPrev, Whh));
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.tanh(row[j] + b[0][j]);
            }
        }
        return a;
    }

    // ================================================================================== exercise 3.2

    /**
     * The gradients of a whole sequence.
     *
     * @param dx {@code dL/dx [T, B, I]} ({@code dx[t]} for step {@code t}, in time order)
     * @param dh0 {@code dL/dh_0 [B, H]}: what reaches the initial state
     * @param dW_xh {@code [I, H]}, summed over all steps
     * @param dW_hh {@code [H, H]}, summed over all steps
     * @param db_h {@code [1, H]}, summed over all steps (a vector {@code [H]} is accepted too)
     */
    public record SequenceGrads(INDArray dx, INDArray dh0, INDArray dW_xh, INDArray dW_hh, INDArray db_h) {}

    /**
     * The student's backward loop: {@code dh [T, B, H]} is the gradient from each step's output,
     * {@code caches.get(t)} the cache of step {@code t}, {@code cell} a correct one-step backward.
     */
    @FunctionalInterface
    public interface SequenceBackward {
        SequenceGrads apply(INDArray dh, List<Cache> caches, CellBackward cell);
    }

    /** The mistakes exercise 3.2 ({@code rnnBackward}) recognises. */
    public enum LoopMistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("baca pesannya. dh.slice(t) memberi dh_t [B, H]; caches.get(t) adalah cache langkah t",
                "read its message. dh.slice(t) gives dh_t [B, H]; caches.get(t) is the cache of step t"),
        NULL_RESULT("fungsi mengembalikan null (atau salah satu gradiennya null)", "the function returned null (or one of its gradients is null)"),
        FORGOT_DH_NEXT("gradien dari langkah t+1 tidak pernah sampai ke langkah t. h_t memengaruhi loss lewat keluarannya "
                + "DAN lewat langkah berikutnya: dh_prev yang dikembalikan langkah t+1 harus masuk sebagai dh_next di langkah t",
                "the gradient from step t+1 never reaches step t. h_t affects the loss through its output AND through "
                        + "the next step: the dh_prev returned by step t+1 must go in as dh_next at step t"),
        NOT_SUMMED_OVER_TIME("gradien bobot hanya dari satu langkah. Bobot yang sama dipakai di setiap langkah, jadi "
                + "sumbangan semua langkah dijumlahkan (mulai dari nol, lalu tambahkan di setiap iterasi)",
                "the weight gradients come from one step only. The same weights are used at every step, so the "
                        + "contributions of all steps are summed (start from zero, add at every iteration)"),
        WRONG_TIME_ORDER("langkah-langkah dijalani maju (t = 0 … T-1). Gradien mengalir mundur: dh_next langkah t "
                + "baru ada setelah langkah t+1 selesai, jadi mulailah dari langkah terakhir",
                "the steps are walked forwards (t = 0 … T-1). Gradients flow backwards: the dh_next of step t only "
                        + "exists once step t+1 is done, so start from the last step"),
        WRONG_STACK_ORDER("dx benar tetapi tersusun terbalik dalam waktu (urutan pemrosesan, bukan urutan waktu). "
                + "dx[t] harus milik langkah t",
                "dx is right but stacked in reverse time order (processing order, not time order). dx[t] must belong to step t"),
        WRONG_DH0("dh0 salah. Gradien yang sampai ke h_0 adalah dh_prev dari langkah pertama (t = 0), yang terakhir diproses",
                "dh0 is wrong. The gradient reaching h_0 is the dh_prev of the first step (t = 0), the last one processed"),
        WRONG_SHAPE("bentuk salah: dx [T, B, I], dh0 [B, H], dW_xh [I, H], dW_hh [H, H], db_h [1, H]",
                "wrong shape: dx [T, B, I], dh0 [B, H], dW_xh [I, H], dW_hh [H, H], db_h [1, H]"),
        UNKNOWN("nilai salah dan tidak cocok dengan kesalahan umum. Periksa: arah loop, dh_next yang diteruskan, "
                + "penjumlahan gradien bobot, posisi dx[t], dan dh0",
                "wrong values that match no common mistake. Check: the loop direction, the dh_next passed on, "
                        + "the summing of the weight gradients, where dx[t] goes, and dh0");

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

    /** One case of exercise 3.2: a forward pass already run, and the upstream gradients {@code dh}. */
    record LoopCase(int T, int B, int I, int H, double[][][] x, double[][] h0, double[][] Wxh, double[][] Whh,
            double[][] b, double[][][] h, double[][][] dh) {

        static LoopCase draw(long seed) {
            int[][] sizes = {{4, 3, 2, 5}, {1, 2, 3, 2}, {3, 1, 4, 3}};
            int[] s = sizes[(int) Math.floorMod(seed, (long) sizes.length)];
            int T = s[0], B = s[1], I = s[2], H = s[3];
            NumpyRandom rng = new NumpyRandom(3000 + seed);
            double[][][] x = new double[T][][];
            for (int t = 0; t < T; t++) {
                x[t] = randn(rng, B, I, 1.0);
            }
            double[][] h0 = tanh(randn(rng, B, H, 1.0));
            double[][] Wxh = randn(rng, I, H, 0.6), Whh = randn(rng, H, H, 0.6), b = randn(rng, 1, H, 0.5);
            double[][][] h = new double[T][][];
            double[][] prev = h0;
            for (int t = 0; t < T; t++) {
                h[t] = forward(x[t], prev, Wxh, Whh, b);
                prev = h[t];
            }
            double[][][] dh = new double[T][][];
            for (int t = 0; t < T; t++) {
                dh[t] = randn(rng, B, H, 1.0);
            }
            return new LoopCase(T, B, I, H, x, h0, Wxh, Whh, b, h, dh);
        }

        String shapes() {
            return "T=" + T + ", B=" + B + ", I=" + I + ", H=" + H;
        }

        double[][] hPrev(int t) {
            return t == 0 ? h0 : h[t - 1];
        }

        Cache cache(int t) {
            return new Cache(nd(x[t]), nd(hPrev(t)), nd(h[t]), nd(Wxh), nd(Whh), nd(b));
        }

        List<Cache> caches() {
            List<Cache> c = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                c.add(cache(t));
            }
            return c;
        }

        INDArray dhArray() {
            return stack(dh);
        }
    }

    /** The right one-step backward (plain Java maths), the {@code cell} the student's loop is given. */
    static Grads cellBackward(INDArray dh, INDArray dhNext, Cache c) {
        if (c == null || dh == null || dhNext == null) {
            throw Msg.badInput("cell: dh, dhNext dan cache tidak boleh null.", "cell: dh, dhNext and cache must not be null.");
        }
        int B = (int) c.h().size(0), H = (int) c.h().size(1), I = (int) c.x().size(1);
        long[] bh = {B, H};
        if (!Arrays.equals(dh.shape(), bh) || !Arrays.equals(dhNext.shape(), bh)) {
            throw Msg.badInput("cell: dh dan dhNext harus berbentuk [B, H] = " + Arrays.toString(bh) + ", didapat "
                            + Arrays.toString(dh.shape()) + " dan " + Arrays.toString(dhNext.shape()) + ". dh.slice(t) memberi dh_t [B, H].",
                    "cell: dh and dhNext must have shape [B, H] = " + Arrays.toString(bh) + ", got "
                            + Arrays.toString(dh.shape()) + " and " + Arrays.toString(dhNext.shape()) + ". dh.slice(t) gives dh_t [B, H].");
        }
        double[][] h = toMatrix(c.h(), B, H);
        double[][] total = add(toMatrix(dh, B, H), toMatrix(dhNext, B, H));
        double[][] da = new double[B][H];
        for (int n = 0; n < B; n++) {
            for (int j = 0; j < H; j++) {
                da[n][j] = total[n][j] * (1 - h[n][j] * h[n][j]);
            }
        }
        double[][] db = new double[1][H];
        for (double[] row : da) {
            for (int j = 0; j < H; j++) {
                db[0][j] += row[j];
            }
        }
        double[][] Wxh = toMatrix(c.W_xh(), I, H), Whh = toMatrix(c.W_hh(), H, H);
        return new Grads(nd(mm(da, tr(Wxh))), nd(mm(da, tr(Whh))), nd(mm(tr(toMatrix(c.x(), B, I)), da)),
                nd(mm(tr(toMatrix(c.hPrev(), B, H)), da)), nd(db));
    }

    /** Which steps' weight gradients a (possibly wrong) loop keeps. */
    enum Keep {
        ALL, LAST_PROCESSED, FIRST_PROCESSED
    }

    /**
     * The backward loop, right or with a typical mistake: {@code forwardOrder} walks t = 0..T-1;
     * {@code passNext == false} always passes zeros as dh_next; {@code updateNext == false} never
     * stores the returned dh_prev (so dh0 stays zero); {@code keep} which steps' weight gradients are
     * kept; {@code dxReversed} stacks dx in processing order.
     */
    static SequenceGrads loop(LoopCase c, boolean forwardOrder, boolean passNext, boolean updateNext, Keep keep, boolean dxReversed) {
        List<Cache> caches = c.caches();
        INDArray dhNext = Nd4j.zeros(DataType.DOUBLE, c.B, c.H);
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, c.B, c.H);
        INDArray[] dx = new INDArray[c.T];
        INDArray dWxh = Nd4j.zeros(DataType.DOUBLE, c.I, c.H), dWhh = Nd4j.zeros(DataType.DOUBLE, c.H, c.H);
        INDArray db = Nd4j.zeros(DataType.DOUBLE, 1, c.H);
        for (int k = 0; k < c.T; k++) {
            int t = forwardOrder ? k : c.T - 1 - k;
            Grads g = cellBackward(nd(c.dh[t]), passNext ? dhNext : zeros, caches.get(t));
            dx[dxReversed ? k : t] = g.dx();
            boolean take = keep == Keep.ALL || (keep == Keep.LAST_PROCESSED && k == c.T - 1) || (keep == Keep.FIRST_PROCESSED && k == 0);
            if (take) {
                dWxh.addi(g.dW_xh());
                dWhh.addi(g.dW_hh());
                db.addi(g.db_h());
            }
            if (updateNext) {
                dhNext = g.dhPrev();
            }
        }
        return new SequenceGrads(Nd4j.stack(0, dx), dhNext, dWxh, dWhh, db);
    }

    static INDArray[] fields(SequenceGrads g) {
        return new INDArray[] {g.dx(), g.dh0(), g.dW_xh(), g.dW_hh(), g.db_h()};
    }

    static double distance(SequenceGrads a, SequenceGrads b) {
        return ExerciseCheck.relErr(fields(a), fields(b));
    }

    private static INDArray stack(double[][][] m) {
        INDArray[] a = new INDArray[m.length];
        for (int t = 0; t < m.length; t++) {
            a[t] = nd(m[t]);
        }
        return Nd4j.stack(0, a);
    }

    /** Field-level diagnosis when no wrong loop matches: nulls, shapes, or only dh0 wrong. */
    static LoopMistake diagnoseLoop(LoopCase c, SequenceGrads got) {
        INDArray[] g = fields(got);
        for (INDArray a : g) {
            if (a == null) {
                return LoopMistake.NULL_RESULT;
            }
        }
        long[][] shapes = {{c.T, c.B, c.I}, {c.B, c.H}, {c.I, c.H}, {c.H, c.H}, {1, c.H}};
        for (int k = 0; k < 5; k++) {
            boolean vector = k == 4 && g[k].rank() == 1 && g[k].size(0) == c.H;
            if (!vector && !Arrays.equals(g[k].shape(), shapes[k])) {
                return LoopMistake.WRONG_SHAPE;
            }
        }
        INDArray[] want = fields(loop(c, false, true, true, Keep.ALL, false));
        boolean othersRight = true;
        for (int k = 0; k < 5; k++) {
            if (k != 1 && ExerciseCheck.relErr(want[k], g[k]) > TOL) {
                othersRight = false;
            }
        }
        return othersRight ? LoopMistake.WRONG_DH0 : null;
    }

    static final ExerciseCheck<LoopCase, SequenceGrads, LoopMistake> LOOP = ExerciseCheck
            .<LoopCase, SequenceGrads, LoopMistake>builder("Latihan 3.2", "rnnBackward")
            .mistakes(LoopMistake.NONE, LoopMistake.EXCEPTION, LoopMistake.NULL_RESULT, LoopMistake.UNKNOWN)
            .inputs(LoopCase::draw, 0, 1, 2)
            .describe(LoopCase::shapes)
            .precheck((c, got) -> {
                for (INDArray a : fields(got)) {
                    if (a == null) {
                        return LoopMistake.NULL_RESULT;
                    }
                }
                return null;
            })
            .reference(c -> loop(c, false, true, true, Keep.ALL, false))
            .distance(Latihan03::distance, TOL)
            .wrong(LoopMistake.FORGOT_DH_NEXT, c -> loop(c, false, false, true, Keep.ALL, false))
            .wrong(LoopMistake.FORGOT_DH_NEXT, c -> loop(c, false, true, false, Keep.ALL, false))
            .wrong(LoopMistake.NOT_SUMMED_OVER_TIME, c -> loop(c, false, true, true, Keep.LAST_PROCESSED, false))
            .wrong(LoopMistake.NOT_SUMMED_OVER_TIME, c -> loop(c, false, true, true, Keep.FIRST_PROCESSED, false))
            .wrong(LoopMistake.WRONG_TIME_ORDER, c -> loop(c, true, true, true, Keep.ALL, false))
            .wrong(LoopMistake.WRONG_TIME_ORDER, c -> loop(c, true, true, true, Keep.ALL, true))
            .wrong(LoopMistake.WRONG_STACK_ORDER, c -> loop(c, false, true, true, Keep.ALL, true))
            .diagnose(Latihan03::diagnoseLoop)
            .passedNote("(termasuk T = 1 dan B = 1)", "(including T = 1 and B = 1)")
            .build();

    /**
     * Exercise 3.2: runs the student's {@code rnnBackward} on fresh random sequences with a correct
     * one-step backward as {@code cell}, compares every gradient with the reference loop, prints a
     * bilingual verdict naming the likely mistake and throws {@link ExerciseFailedException} if wrong.
     */
    public static void checkRnnBackward(SequenceBackward f) {
        LOOP.check(adapt(f));
    }

    /** The verdict of {@link #checkRnnBackward} without printing or throwing. */
    public static Verdict<LoopMistake> evaluateRnnBackward(SequenceBackward f) {
        return LOOP.evaluate(adapt(f));
    }

    private static Function<LoopCase, SequenceGrads> adapt(SequenceBackward f) {
        if (f == null) {
            return null;
        }
        return c -> f.apply(c.dhArray(), c.caches(), Latihan03::cellBackward);
    }
}
