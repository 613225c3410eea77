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
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * The student writes a {@link CellBackward}; {@link #checkRnnCellBackward} runs it on fresh random
 * inputs (seeded), compares every result with central finite differences of the forward rule, prints
 * a bilingual verdict and, on failure, names the likely mistake and throws.
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

    /** The mistakes the check recognises. */
    public enum Mistake {
        /** Everything correct. */
        NONE,
        /** The function returned null, or a null gradient. */
        NULL_RESULT,
        /** The function threw an exception. */
        EXCEPTION,
        /** {@code da = dh_total} without the factor {@code (1 − h_t²)}. */
        NO_TANH_DERIVATIVE,
        /** {@code (1 − tanh(h_t)²)}: tanh applied again to {@code h_t}, which is already a tanh output. */
        TANH_APPLIED_TWICE,
        /** {@code (1 − h_{t-1}²)} instead of {@code (1 − h_t²)}. */
        DERIVATIVE_OF_HPREV,
        /** Only one of {@code dh} and {@code dh_next} used: the two must be added. */
        FORGOT_DH_NEXT,
        /** A product with the wrong side transposed (e.g. {@code da · W_hh} instead of {@code da · W_hhᵀ}). */
        TRANSPOSED_PRODUCT,
        /** {@code db_h} summed over the wrong axis, not summed, or averaged instead of summed over the batch. */
        BIAS_SUM_WRONG,
        /** A result with a shape that does not fit. */
        WRONG_SHAPE,
        /** Wrong values that match none of the known mistakes. */
        UNKNOWN
    }

    static final String[] FIELDS = {"dx", "dh_prev", "dW_xh", "dW_hh", "db_h"};
    static final double TOL = 1e-6;

    /** Runs the student's function and prints the verdict; throws {@link IllegalStateException} on failure. */
    public static void checkRnnCellBackward(CellBackward f) {
        Exercise.printOrThrow("Latihan 3", evaluate(f));
    }

    /**
     * Runs the checks without printing or throwing (used by the tests): whether it passed, the
     * diagnosed mistake and a bilingual message.
     */
    public static Verdict<Mistake> evaluate(CellBackward f) {
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
        table.append(String.format("Latihan 3 — B=%d, I=%d, H=%d  (dibandingkan dengan beda hingga / compared with finite differences)%n",
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
}
