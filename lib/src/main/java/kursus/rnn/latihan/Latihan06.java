package kursus.rnn.latihan;

import static kursus.rnn.latihan.Matrices.mm;
import static kursus.rnn.latihan.Matrices.nd;
import static kursus.rnn.latihan.Matrices.relErr;
import static kursus.rnn.latihan.Matrices.toMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exercise 6 (lesson 06, GRU): one step of the GRU in the lecture's classic form and the library's
 * row layout (as {@link kursus.rnn.nn.GruCell}):
 *
 * <pre>
 * [z | r] = σ([h_{t-1}, x_t] · W_zr + b_zr)     W_zr [H + I, 2H]: columns 0..H-1 for z, H..2H-1 for r
 * h̃_t     = tanh([r ∘ h_{t-1}, x_t] · W_h + b_h) W_h [H + I, H]  (reset applied BEFORE the product)
 * h_t     = z ∘ h_{t-1} + (1 − z) ∘ h̃_t          (z = how much of the old state to keep)
 * </pre>
 *
 * The check runs the student's {@link CellForward} on fresh seeded inputs, compares with a plain-Java
 * reference (tested against {@code GruCell}), prints a bilingual verdict and names the likely mistake:
 * z and r blocks swapped, Coursera's convention {@code h = z∘h̃ + (1 − z)∘h} (Γu = 1 − z), reset applied
 * after the product (the cuDNN/PyTorch variant), reset forgotten, a matrix instead of an elementwise
 * product, tanh missing, concatenation order, missing bias.
 */
public final class Latihan06 {
    private Latihan06() {}

    /** The student's step: returns {@code h_t [B, H]}. */
    @FunctionalInterface
    public interface CellForward {
        INDArray apply(INDArray x_t, INDArray h_prev, INDArray W_zr, INDArray b_zr, INDArray W_h, INDArray b_h);
    }

    /** The mistakes exercise 6.1 recognises. */
    public enum Mistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("baca pesannya. Bentuknya: [h_{t-1}, x_t] [B, H+I]·W_zr [H+I, 2H]; [r∘h_{t-1}, x_t]·W_h [H+I, H]",
                "read its message. The shapes: [h_{t-1}, x_t] [B, H+I]·W_zr [H+I, 2H]; [r∘h_{t-1}, x_t]·W_h [H+I, H]"),
        NULL_RESULT("fungsi mengembalikan null; kembalikan h_t [B, H]", "the function returned null; return h_t [B, H]"),
        WRONG_SHAPE("bentuk h_t salah; seharusnya [B, H]", "wrong shape of h_t; expected [B, H]"),
        CHANGED_INPUT("fungsi mengubah masukannya di tempat (addi/muli/assign); pakai add/mul yang membuat array baru",
                "the function changed an input in place (addi/muli/assign); use add/mul, which make new arrays"),
        GATE_ORDER("blok z dan r tertukar. Di W_zr kolom 0..H-1 untuk gerbang pembaruan z, kolom H..2H-1 untuk gerbang reset r",
                "the z and r blocks are swapped. In W_zr columns 0..H-1 are the update gate z, columns H..2H-1 the reset gate r"),
        UPDATE_ROLES_SWAPPED("peran z terbalik: z dipakai untuk kandidat yang baru. Itu konvensi Coursera (Γu = 1 − z); "
                + "di pustaka ini z adalah bagian state LAMA yang dijaga",
                "the roles of z are reversed: z weighs the new candidate. That is Coursera's convention (Γu = 1 − z); "
                        + "in this library z is the share of the OLD state that is kept"),
        RESET_AFTER_PRODUCT("reset diterapkan setelah perkalian: r∘(h_{t-1}·W_hh). Itu varian cuDNN/PyTorch; "
                + "bentuk kuliah (dan pustaka ini) mereset h_{t-1} dulu, baru dikalikan",
                "the reset is applied after the product: r∘(h_{t-1}·W_hh). That is the cuDNN/PyTorch variant; "
                        + "the lecture's form (and this library) resets h_{t-1} first, then multiplies"),
        FORGOT_RESET("gerbang reset tidak dipakai: kandidat memakai h_{t-1} apa adanya",
                "the reset gate is not used: the candidate takes h_{t-1} as it is"),
        MATRIX_PRODUCT_FOR_GATE("perkalian matriks (mmul) dipakai untuk gerbang. Perkalian dengan r dan z per elemen (mul); "
                + "yang perkalian matriks hanya ·W_zr dan ·W_h",
                "a matrix product (mmul) is used for a gate. Products with r and z are elementwise (mul); "
                        + "only ·W_zr and ·W_h are matrix products"),
        NO_TANH("tanh pada kandidat h̃ hilang", "the tanh of the candidate h̃ is missing"),
        CONCAT_ORDER("urutan penggabungan terbalik: baris W untuk h_{t-1} ada di atas", "concatenation order reversed: the rows of W for h_{t-1} come first"),
        FORGOT_BIAS("bias b_zr atau b_h tidak ditambahkan", "the bias b_zr or b_h is not added"),
        UNKNOWN("nilai salah dan tidak cocok dengan kesalahan yang umum. Periksa satu per satu: z dan r, lalu kandidat h̃, lalu campurannya",
                "wrong values that match no common mistake. Check one by one: z and r, then the candidate h̃, then the mix");

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

    static final double TOL = 1e-6;

    /** Runs the student's GRU step and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkGruCellForward(CellForward f) {
        Exercise.report("Latihan 6.1", evaluateGruCellForward(f));
    }

    /** The verdict without printing or throwing (for tests). */
    public static Verdict<Mistake> evaluateGruCellForward(CellForward f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Exercise.noFunction());
        }
        int[][] sizes = {{3, 2, 3}, {2, 3, 4}, {5, 1, 2}}; // B, I, H; B == H first (mmul mistakes still run)
        long[] seeds = {606, 61, 62};
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            Verdict<Mistake> v = oneCase(f, new Case(new NumpyRandom(seeds[k]), sizes[k][0], sizes[k][1], sizes[k][2]), log);
            if (!v.passed()) {
                return v;
            }
        }
        return new Verdict<>(true, Mistake.NONE, log + Msg.of(
                "✓ Benar! Langkah GRU Anda sama dengan GruCell pustaka pada tiga kasus acak (z menjaga state lama, "
                        + "reset diterapkan pada h_{t-1} sebelum perkalian), dan masukannya tidak diubah.",
                "✓ Correct! Your GRU step matches the library's GruCell on three random cases (z keeps the old state, "
                        + "the reset is applied to h_{t-1} before the product), and leaves its inputs unchanged."));
    }

    /** Random inputs. */
    static final class Case {
        final int B, I, H;
        final double[][] x, h, Wzr, bzr, Wh, bh;

        Case(NumpyRandom rng, int B, int I, int H) {
            this.B = B;
            this.I = I;
            this.H = H;
            x = rng.randn(DataType.DOUBLE, B, I).toDoubleMatrix();
            h = Matrices.tanh(rng.randn(DataType.DOUBLE, B, H).toDoubleMatrix());
            Wzr = Matrices.scale(rng.randn(DataType.DOUBLE, H + I, 2 * H).toDoubleMatrix(), 0.8);
            bzr = Matrices.scale(rng.randn(DataType.DOUBLE, 1, 2 * H).toDoubleMatrix(), 0.5);
            Wh = Matrices.scale(rng.randn(DataType.DOUBLE, H + I, H).toDoubleMatrix(), 0.8);
            bh = Matrices.scale(rng.randn(DataType.DOUBLE, 1, H).toDoubleMatrix(), 0.5);
        }
    }

    /**
     * One way of computing the step; {@link #RIGHT} is the classic GRU.
     *
     * @param matrixAt which elementwise product was a matrix product: 0 none, 1 r·h_prev, 2 z·h_prev
     */
    record Variant(Mistake mistake, boolean swapBlocks, boolean rolesSwapped, boolean resetAfter, boolean noReset,
            int matrixAt, boolean noTanh, boolean xFirst, boolean bias) {
        static final Variant RIGHT = new Variant(Mistake.NONE, false, false, false, false, 0, false, false, true);

        static List<Variant> singleMistakes(boolean square) {
            List<Variant> v = new ArrayList<>();
            v.add(new Variant(Mistake.GATE_ORDER, true, false, false, false, 0, false, false, true));
            v.add(new Variant(Mistake.UPDATE_ROLES_SWAPPED, false, true, false, false, 0, false, false, true));
            v.add(new Variant(Mistake.RESET_AFTER_PRODUCT, false, false, true, false, 0, false, false, true));
            v.add(new Variant(Mistake.FORGOT_RESET, false, false, false, true, 0, false, false, true));
            v.add(new Variant(Mistake.NO_TANH, false, false, false, false, 0, true, false, true));
            v.add(new Variant(Mistake.CONCAT_ORDER, false, false, false, false, 0, false, true, true));
            v.add(new Variant(Mistake.FORGOT_BIAS, false, false, false, false, 0, false, false, false));
            if (square) {
                v.add(new Variant(Mistake.MATRIX_PRODUCT_FOR_GATE, false, false, false, false, 1, false, false, true));
                v.add(new Variant(Mistake.MATRIX_PRODUCT_FOR_GATE, false, false, false, false, 2, false, false, true));
            }
            return v;
        }
    }

    /** One GRU step in plain Java, computed the way {@code v} says. */
    static double[][] step(Case c, Variant v) {
        int B = c.B, H = c.H, I = c.I;
        double[][] zin = v.xFirst ? Latihan05.hcat(c.x, c.h) : Latihan05.hcat(c.h, c.x);
        double[][] a = mm(zin, c.Wzr);
        double[][] z = new double[B][H], r = new double[B][H];
        for (int n = 0; n < B; n++) {
            for (int j = 0; j < H; j++) {
                int zc = v.swapBlocks ? H + j : j, rc = v.swapBlocks ? j : H + j;
                z[n][j] = Latihan05.sigmoid(a[n][zc] + (v.bias ? c.bzr[0][zc] : 0));
                r[n][j] = Latihan05.sigmoid(a[n][rc] + (v.bias ? c.bzr[0][rc] : 0));
            }
        }
        double[][] Whh = Arrays.copyOfRange(c.Wh, 0, H), Whx = Arrays.copyOfRange(c.Wh, H, H + I);
        double[][] rec;
        if (v.noReset) {
            rec = mm(c.h, Whh);
        } else if (v.resetAfter) {
            rec = Matrices.zip(r, mm(c.h, Whh), (p, q) -> p * q);
        } else {
            double[][] rh = v.matrixAt == 1 ? mm(r, c.h) : Matrices.zip(r, c.h, (p, q) -> p * q);
            rec = v.xFirst ? mm(rh, Arrays.copyOfRange(c.Wh, I, I + H)) : mm(rh, Whh);
        }
        double[][] xin = v.xFirst ? mm(c.x, Arrays.copyOfRange(c.Wh, 0, I)) : mm(c.x, Whx);
        double[][] cand = new double[B][H];
        for (int n = 0; n < B; n++) {
            for (int j = 0; j < H; j++) {
                double s = xin[n][j] + rec[n][j] + (v.bias ? c.bh[0][j] : 0);
                cand[n][j] = v.noTanh ? s : Math.tanh(s);
            }
        }
        double[][] keep = v.matrixAt == 2 ? mm(z, c.h) : Matrices.zip(z, c.h, (p, q) -> p * q);
        double[][] out = new double[B][H];
        for (int n = 0; n < B; n++) {
            for (int j = 0; j < H; j++) {
                out[n][j] = v.rolesSwapped ? z[n][j] * cand[n][j] + (1 - z[n][j]) * c.h[n][j] : keep[n][j] + (1 - z[n][j]) * cand[n][j];
            }
        }
        return out;
    }

    private static Verdict<Mistake> oneCase(CellForward f, Case c, StringBuilder log) {
        INDArray[] in = {nd(c.x), nd(c.h), nd(c.Wzr), nd(c.bzr), nd(c.Wh), nd(c.bh)};
        double[][][] before = Latihan05.copies(in);
        INDArray got;
        try {
            got = f.apply(in[0], in[1], in[2], in[3], in[4], in[5]);
        } catch (RuntimeException e) {
            String lower = String.valueOf(e.getMessage()).toLowerCase();
            boolean shape = lower.contains("mmul") || lower.contains("gemm") || lower.contains("matrix") || lower.contains("shape");
            String id = "✗ Fungsi Anda melempar " + Exercise.threw(e) + " (B=" + c.B + ", I=" + c.I + ", H=" + c.H + ").";
            String en = "✗ Your function threw " + Exercise.threw(e) + " (B=" + c.B + ", I=" + c.I + ", H=" + c.H + ").";
            if (shape) {
                id += " Kesalahan bentuk biasanya berarti mmul dipakai untuk perkalian gerbang (r∘h, z∘h harus mul) "
                        + "atau gabungan [r∘h_{t-1}, x_t] salah dibentuk: [B, H+I]·W_h [H+I, H].";
                en += " A shape error usually means mmul was used for a gate product (r∘h, z∘h must be mul) "
                        + "or [r∘h_{t-1}, x_t] was built wrongly: [B, H+I]·W_h [H+I, H].";
            }
            return new Verdict<>(false, shape ? Mistake.MATRIX_PRODUCT_FOR_GATE : Mistake.EXCEPTION, Msg.of(id, en));
        }
        String changed = Latihan05.changedInput(in, before, new String[] {"x_t", "h_prev", "W_zr", "b_zr", "W_h", "b_h"});
        if (changed != null) {
            return new Verdict<>(false, Mistake.CHANGED_INPUT, Msg.of(
                    "✗ Fungsi mengubah argumen " + changed + " di tempat (addi/muli/assign); pakai add/mul yang membuat array baru.",
                    "✗ The function changed its argument " + changed + " in place (addi/muli/assign); use add/mul, which make new arrays."));
        }
        if (got == null) {
            return new Verdict<>(false, Mistake.NULL_RESULT, Msg.of("✗ Fungsi mengembalikan null; kembalikan h_t [B, H].",
                    "✗ The function returned null; return h_t [B, H]."));
        }
        if (!Arrays.equals(got.shape(), new long[] {c.B, c.H})) {
            String a = Arrays.toString(got.shape()).replace(" ", "");
            return new Verdict<>(false, Mistake.WRONG_SHAPE, Msg.of(
                    "✗ h_t berbentuk " + a + ", seharusnya [B, H] = [" + c.B + "," + c.H + "].",
                    "✗ h_t has shape " + a + ", expected [B, H] = [" + c.B + "," + c.H + "]."));
        }
        double[][] mine = toMatrix(got, c.B, c.H);
        double err = relErr(mine, step(c, Variant.RIGHT));
        log.append(String.format("Latihan 6.1 — B=%d, I=%d, H=%d: h_t %s (rel err %.1e)%n", c.B, c.I, c.H, err < TOL ? "✓" : "✗", err));
        if (err < TOL) {
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        for (Variant v : Variant.singleMistakes(c.B == c.H)) {
            if (relErr(mine, step(c, v)) < TOL) {
                return fail(v.mistake(), log);
            }
        }
        return fail(Mistake.UNKNOWN, log);
    }

    private static Verdict<Mistake> fail(Mistake m, StringBuilder log) {
        return new Verdict<>(false, m, log + Exercise.likelyMistake(m.indonesian(), m.english()));
    }
}
