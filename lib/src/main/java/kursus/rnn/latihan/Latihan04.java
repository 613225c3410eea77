package kursus.rnn.latihan;

import static kursus.rnn.latihan.Matrices.map;
import static kursus.rnn.latihan.Matrices.nd;
import static kursus.rnn.latihan.Matrices.relErr;
import static kursus.rnn.latihan.Matrices.scale;
import static kursus.rnn.latihan.Matrices.toMatrix;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exercise 4 (lesson 04): gradient clipping by global norm, in place.
 *
 * <pre>
 * ‖g‖ = sqrt( Σ over all parameters p, Σ over entries of g_p² )      one norm for ALL gradients together
 * if ‖g‖ &gt; maxNorm:  every g_p ← g_p · maxNorm / ‖g‖                  same factor for all, in place
 * otherwise:         nothing changes
 * </pre>
 *
 * {@link #checkClipByGlobalNorm} runs the student's function on fresh random gradients (seeded):
 * one set above the threshold (with one parameter alone above it and others below) and one set
 * below it. It prints a bilingual verdict, names the likely mistake and throws on failure.
 */
public final class Latihan04 {
    private Latihan04() {}

    /** The student's function: clip {@code grads} in place so that their global norm is at most {@code maxNorm}. */
    @FunctionalInterface
    public interface GlobalNormClipper {
        void clip(List<INDArray> grads, double maxNorm);
    }

    /** The mistakes the check recognises (their full hints are in {@code advice}). */
    public enum Mistake implements Explained {
        /** Everything correct. */
        NONE("benar", "correct"),
        /** The function threw an exception. */
        EXCEPTION("fungsi melempar exception", "the function threw an exception"),
        /** Each parameter clipped by its own norm instead of one global norm. */
        PER_PARAMETER_NORM("setiap parameter dipotong dengan normanya sendiri", "each parameter is clipped by its own norm"),
        /** Gradients scaled even though the norm was already below the threshold. */
        SCALES_BELOW_THRESHOLD("gradien diskalakan padahal normanya di bawah ambang", "gradients scaled although the norm is below the threshold"),
        /** The arrays in the list were not changed (a new array was made and thrown away). */
        NOT_IN_PLACE("array di dalam list tidak berubah", "the arrays in the list did not change"),
        /** The "norm" is the sum of squares: the square root is missing. */
        NO_SQRT("akar kuadrat lupa", "the square root is missing"),
        /** The entries (or the per-parameter norms) were summed without squaring them first. */
        NO_SQUARE("yang dijumlahkan bukan kuadrat", "what is summed is not squared"),
        /** The factor is upside down: {@code ‖g‖ / maxNorm}. */
        INVERTED_SCALE("faktornya terbalik", "the factor is upside down"),
        /** Every entry clamped to ±maxNorm: that is clipping by value, another method. */
        CLIPS_BY_VALUE("clipping per nilai, bukan norma global", "clipping by value instead of by global norm"),
        /** The list was changed (elements replaced, added or removed) instead of the arrays. */
        LIST_CHANGED("elemen list diganti", "the list elements were replaced"),
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

    static final double MAX_NORM = 5.0;
    static final double TOL = 1e-5;

    /** The exercise id of {@code clipByGlobalNorm}. */
    static final String ID = "Latihan 4.1";

    /** Runs the student's function and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkClipByGlobalNorm(GlobalNormClipper f) {
        Exercise.report(ID, evaluateClipByGlobalNorm(f));
    }

    /**
     * Runs the checks without printing or throwing (used by the tests): whether it passed, the
     * diagnosed mistake and a bilingual message.
     */
    public static Verdict<Mistake> evaluateClipByGlobalNorm(GlobalNormClipper f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.EXCEPTION, Exercise.noFunction());
        }
        NumpyRandom rng = new NumpyRandom(2026);
        // case A: global norm 13 > 5; parameter norms 12, 3, 4 (only the first alone is above 5)
        double[][][] big = gradients(rng, new double[] {12, 3, 4});
        // case B: global norm 3 < 5
        double[][][] small = gradients(rng, new double[] {1, 2, 2});
        StringBuilder log = new StringBuilder();
        Verdict<Mistake> a = runCase(f, big, log, "A");
        if (!a.passed()) {
            return a;
        }
        Verdict<Mistake> b = runCase(f, small, log, "B");
        if (!b.passed()) {
            return b;
        }
        return new Verdict<>(true, Mistake.NONE, log + Msg.of(
                "✓ Benar! Norma global dipotong menjadi 5 dengan satu faktor untuk semua parameter, di tempat, "
                        + "dan gradien yang sudah kecil dibiarkan.",
                "✓ Correct! The global norm is clipped to 5 with one factor for every parameter, in place, "
                        + "and gradients that are already small are left alone."));
    }

    /** Random gradients of shapes [3,4], [4,4], [1,4] with the given Frobenius norms. */
    static double[][][] gradients(NumpyRandom rng, double[] norms) {
        int[][] shapes = {{3, 4}, {4, 4}, {1, 4}};
        double[][][] g = new double[3][][];
        for (int p = 0; p < 3; p++) {
            g[p] = rng.randn(DataType.DOUBLE, shapes[p][0], shapes[p][1]).toDoubleMatrix();
            double n = Math.sqrt(sumSq(g[p]));
            for (double[] row : g[p]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= norms[p] / n;
                }
            }
        }
        // make sure some entries exceed the threshold, so that clipping by value is visible
        if (norms[0] > MAX_NORM) {
            g[0][0][0] = 9.0;
        }
        return g;
    }

    private static Verdict<Mistake> runCase(GlobalNormClipper f, double[][][] g, StringBuilder log, String name) {
        List<INDArray> arrays = new ArrayList<>();
        for (double[][] m : g) {
            arrays.add(nd(m));
        }
        List<INDArray> given = new ArrayList<>(arrays);
        double norm = globalNorm(g);
        try {
            f.clip(given, MAX_NORM);
        } catch (RuntimeException e) {
            return new Verdict<>(false, Mistake.EXCEPTION, Msg.of(
                    "✗ Fungsi Anda melempar " + Exercise.threw(e), "✗ Your function threw " + Exercise.threw(e)));
        }
        boolean listChanged = given.size() != arrays.size();
        for (int p = 0; !listChanged && p < arrays.size(); p++) {
            listChanged = given.get(p) != arrays.get(p);
        }
        double[][][] out = new double[g.length][][];
        for (int p = 0; p < g.length; p++) {
            out[p] = toMatrix(arrays.get(p), g[p].length, g[p][0].length);
        }
        double after = globalNorm(out);
        double[][][] expected = norm > MAX_NORM ? scaled(g, MAX_NORM / norm) : g;
        boolean ok = maxRel(out, expected) < TOL;
        log.append(String.format("Latihan 4, kasus/case %s: norma global sebelum/global norm before %.4f → sesudah/after %.4f "
                + "(harus/must be %.4f)  %s%n", name, norm, after, Math.min(norm, MAX_NORM), ok ? "✓" : "✗"));
        if (ok) {
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        if (listChanged) {
            return new Verdict<>(false, Mistake.LIST_CHANGED, log + advice(Mistake.LIST_CHANGED));
        }
        Mistake m = diagnose(g, out, norm);
        return new Verdict<>(false, m, log + advice(m));
    }

    static Mistake diagnose(double[][][] g, double[][][] out, double norm) {
        if (maxRel(out, g) < TOL) {
            return norm > MAX_NORM ? Mistake.NOT_IN_PLACE : Mistake.UNKNOWN;
        }
        // per-parameter clipping: each array with its own norm
        double[][][] per = new double[g.length][][];
        for (int p = 0; p < g.length; p++) {
            double n = Math.sqrt(sumSq(g[p]));
            per[p] = n > MAX_NORM ? scaled(new double[][][] {g[p]}, MAX_NORM / n)[0] : g[p];
        }
        if (maxRel(out, per) < TOL) {
            return Mistake.PER_PARAMETER_NORM;
        }
        // clipping by value
        double[][][] clamped = new double[g.length][][];
        for (int p = 0; p < g.length; p++) {
            clamped[p] = map(g[p], v -> Math.max(-MAX_NORM, Math.min(MAX_NORM, v)));
        }
        if (maxRel(out, clamped) < TOL) {
            return Mistake.CLIPS_BY_VALUE;
        }
        // one common factor?  then which "norm" produced it
        double s = commonFactor(g, out);
        if (Double.isNaN(s)) {
            return Mistake.UNKNOWN;
        }
        if (norm <= MAX_NORM && close(s, MAX_NORM / norm)) {
            return Mistake.SCALES_BELOW_THRESHOLD;
        }
        if (close(s, norm / MAX_NORM)) {
            return Mistake.INVERTED_SCALE;
        }
        double sq = sumSq(g[0]) + sumSq(g[1]) + sumSq(g[2]);
        if (close(s, MAX_NORM / sq) || close(s, Math.min(1, MAX_NORM / sq))) {
            return Mistake.NO_SQRT;
        }
        double l1 = 0, sumNorms = 0, sumPlain = 0;
        for (double[][] m : g) {
            sumNorms += Math.sqrt(sumSq(m));
            for (double[] row : m) {
                for (double v : row) {
                    l1 += Math.abs(v);
                    sumPlain += v;
                }
            }
        }
        for (double wrong : new double[] {l1, Math.sqrt(l1), sumNorms, Math.abs(sumPlain), Math.sqrt(Math.abs(sumPlain))}) {
            if (close(s, MAX_NORM / wrong)) {
                return Mistake.NO_SQUARE;
            }
        }
        if (norm <= MAX_NORM) {
            return Mistake.SCALES_BELOW_THRESHOLD;
        }
        return Mistake.UNKNOWN;
    }

    static String advice(Mistake m) {
        return switch (m) {
            case NOT_IN_PLACE -> Exercise.likelyMistake(
                    "tidak di tempat. Array di dalam list tidak berubah — mungkin Anda menulis "
                            + "g = g.mul(skala) (array baru yang lalu dibuang). Pakai g.muli(skala).",
                    "not in place. The arrays in the list did not change — perhaps you wrote "
                            + "g = g.mul(scale) (a new array that is then thrown away). Use g.muli(scale).");
            case LIST_CHANGED -> Exercise.likelyMistake(
                    "elemen list diganti (grads.set(...)) atau list diubah. Optimizer memegang array "
                            + "yang lama, jadi ubah isi array itu sendiri dengan g.muli(skala).",
                    "the list's elements were replaced (grads.set(...)) or the list was changed. The optimizer "
                            + "holds the original arrays, so change their contents with g.muli(scale).");
            case PER_PARAMETER_NORM -> Exercise.likelyMistake(
                    "setiap parameter dipotong dengan normanya sendiri. Hitung SATU norma untuk "
                            + "semua gradien: sqrt(Σ_p Σ g_p²), lalu skala semuanya dengan faktor yang sama (arah gradien tetap).",
                    "each parameter is clipped by its own norm. Compute ONE norm over all gradients: "
                            + "sqrt(Σ_p Σ g_p²), then scale all of them by the same factor (the gradient keeps its direction).");
            case SCALES_BELOW_THRESHOLD -> Exercise.likelyMistake(
                    "gradien diskalakan padahal normanya sudah di bawah ambang (3 < 5). "
                            + "Skala hanya bila ‖g‖ > maxNorm.",
                    "the gradients were scaled although their norm is already below the threshold (3 < 5). "
                            + "Scale only when ‖g‖ > maxNorm.");
            case NO_SQRT -> Exercise.likelyMistake(
                    "akar kuadrat lupa. Σ g² adalah kuadrat norma; norma = sqrt(Σ g²).",
                    "the square root is missing. Σ g² is the squared norm; the norm is sqrt(Σ g²).");
            case NO_SQUARE -> Exercise.likelyMistake(
                    "yang dijumlahkan bukan kuadrat. Norma global = sqrt(Σ_p ‖g_p‖²): kuadratkan "
                            + "setiap entri (atau setiap norma parameter) sebelum menjumlah.",
                    "what is summed is not squared. Global norm = sqrt(Σ_p ‖g_p‖²): square every entry "
                            + "(or every per-parameter norm) before summing.");
            case INVERTED_SCALE -> Exercise.likelyMistake(
                    "faktornya terbalik. Kalikan dengan maxNorm / ‖g‖ (< 1), bukan ‖g‖ / maxNorm.",
                    "the factor is upside down. Multiply by maxNorm / ‖g‖ (< 1), not ‖g‖ / maxNorm.");
            case CLIPS_BY_VALUE -> Exercise.likelyMistake(
                    "setiap entri dipotong ke ±5 — itu clipping per nilai (cara lain, yang mengubah arah "
                            + "gradien). Di sini diminta clipping norma global.",
                    "every entry is clamped to ±5 — that is clipping by value (another method, which changes "
                            + "the gradient's direction). Clipping by global norm is asked for here.");
            case EXCEPTION, NONE -> Msg.of("✗ Salah.", "✗ Wrong.");
            case UNKNOWN -> Msg.of(
                    "✗ Hasilnya salah dan tidak cocok dengan kesalahan yang umum. Langkahnya: total = Σ_p Σ g_p²; "
                            + "norma = sqrt(total); bila norma > maxNorm, g_p.muli(maxNorm / norma) untuk setiap p.",
                    "✗ The result is wrong and matches no common mistake. The steps: total = Σ_p Σ g_p²; "
                            + "norm = sqrt(total); if norm > maxNorm, g_p.muli(maxNorm / norm) for every p.");
        };
    }

    // ------------------------------------------------------------------------------------------ helpers

    static double sumSq(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    static double globalNorm(double[][][] g) {
        double s = 0;
        for (double[][] m : g) {
            s += sumSq(m);
        }
        return Math.sqrt(s);
    }

    static double[][][] scaled(double[][][] g, double s) {
        double[][][] r = new double[g.length][][];
        for (int p = 0; p < g.length; p++) {
            r[p] = scale(g[p], s);
        }
        return r;
    }

    static double maxRel(double[][][] a, double[][][] b) {
        double w = 0;
        for (int p = 0; p < a.length; p++) {
            w = Math.max(w, relErr(a[p], b[p]));
        }
        return w;
    }

    /** The factor s with out = s·g for every entry, or NaN when there is none. */
    static double commonFactor(double[][][] g, double[][][] out) {
        double num = 0, den = 0;
        for (int p = 0; p < g.length; p++) {
            for (int i = 0; i < g[p].length; i++) {
                for (int j = 0; j < g[p][0].length; j++) {
                    num += g[p][i][j] * out[p][i][j];
                    den += g[p][i][j] * g[p][i][j];
                }
            }
        }
        double s = num / den;
        return maxRel(out, scaled(g, s)) < TOL ? s : Double.NaN;
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b));
    }
}
