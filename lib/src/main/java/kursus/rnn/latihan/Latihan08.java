package kursus.rnn.latihan;

import java.util.Arrays;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * Exercise 8 (lesson 08): the sampling step of text generation.
 *
 * <pre>
 * p_i  = exp((z_i − max z) / T) / Σ_j exp((z_j − max z) / T)     softmax of the logits divided by T
 * next = rng.choice(V, p)                                          one draw from p with the given generator
 * </pre>
 *
 * {@link #checkSampleNext} calls the student's function thousands of times on fresh seeded logits at
 * three temperatures (1.0, 0.5, 1.7), each case with one generator seeded like the reference's, and
 * compares every drawn index with the reference. When they differ it recognises the usual mistakes by
 * replaying them with the same generator (temperature forgotten or multiplied, logits divided after
 * the softmax, argmax, probabilities not normalised) or, failing that, by the frequencies of the draws
 * (the right distribution from another generator). It prints a bilingual verdict and throws on failure.
 */
public final class Latihan08 {
    private Latihan08() {}

    /** The student's function: the index of the next token drawn from softmax(logits / temperature) with {@code rng}. */
    @FunctionalInterface
    public interface SampleFunction {
        int sample(double[] logits, double temperature, NumpyRandom rng);
    }

    /** The mistakes the check recognises. */
    public enum Mistake {
        /** Everything correct. */
        NONE,
        /** The function threw an exception (other than a probability-sum error, which is diagnosed). */
        EXCEPTION,
        /** The temperature is ignored: draws from softmax(z). */
        FORGOT_TEMPERATURE,
        /** The logits are multiplied by T instead of divided. */
        MULTIPLIED_BY_TEMPERATURE,
        /** softmax(z) / T: the temperature applied after the softmax (the result no longer sums to 1). */
        DIVIDED_AFTER_SOFTMAX,
        /** Always the most likely token: argmax instead of a draw. */
        ARGMAX,
        /** exp(z / T) used as probabilities without dividing by their sum. */
        NOT_NORMALISED,
        /** The right distribution, but drawn with another generator than the one given (not reproducible). */
        OWN_RANDOM,
        /** An index outside 0..V−1. */
        INDEX_OUT_OF_RANGE,
        /** Wrong draws that match none of the known mistakes. */
        UNKNOWN
    }

    static final int DRAWS = 2000;
    /** Total-variation distance below which two distributions count as the same for 2000 draws. */
    static final double TV_TOL = 0.05;

    private record Case(String name, int vocab, double temperature, long logitSeed, long drawSeed) {}

    private static final Case[] CASES = {
        new Case("A", 6, 1.0, 801, 811),
        new Case("B", 8, 0.5, 802, 812),
        new Case("C", 5, 1.7, 803, 813),
    };

    /** Runs the student's function and prints the verdict; throws {@link ExerciseFailedException} ("Latihan 8.1: MISTAKE") on failure. */
    public static void checkSampleNext(SampleFunction f) {
        Exercise.report("Latihan 8.1", evaluateSampleNext(f));
    }

    /** Runs the checks without printing or throwing (used by the tests and to show a wrong answer). */
    public static Verdict<Mistake> evaluateSampleNext(SampleFunction f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.EXCEPTION, Exercise.noFunction());
        }
        StringBuilder log = new StringBuilder();
        boolean temperatureOnePassed = false;
        for (Case c : CASES) {
            Verdict<Mistake> v = runCase(f, c, log, temperatureOnePassed);
            if (!v.passed()) {
                return v;
            }
            if (c.temperature() == 1.0) {
                temperatureOnePassed = true;
            }
        }
        return new Verdict<>(true, Mistake.NONE, log + Msg.of(
                "✓ Benar! Skor dibagi T sebelum softmax, peluangnya dinormalkan, dan setiap token diambil dengan "
                        + "generator yang diberikan: hasil Anda sama persis dengan acuan untuk " + (3 * DRAWS) + " pengambilan.",
                "✓ Correct! The scores are divided by T before the softmax, the probabilities are normalised, and every "
                        + "token is drawn with the given generator: your results equal the reference for all "
                        + (3 * DRAWS) + " draws."));
    }

    /** Logits of a case: NumPy {@code randn(V)} with the case's seed. */
    static double[] logits(Case c) {
        NumpyRandom r = new NumpyRandom(c.logitSeed());
        double[] z = new double[c.vocab()];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.randn();
        }
        return z;
    }

    /** softmax(scale · z), computed stably. */
    static double[] softmax(double[] z, double scale) {
        double max = Arrays.stream(z).map(v -> v * scale).max().getAsDouble();
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] * scale - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The reference answer. */
    static int reference(double[] z, double temperature, NumpyRandom rng) {
        double[] p = softmax(z, 1.0 / temperature);
        return rng.choice(p.length, p);
    }

    /** A draw by walking the cumulative sum of possibly unnormalised weights: the first i with cumsum &gt; u (else the last). */
    static int walk(double[] w, NumpyRandom rng) {
        double u = rng.rand();
        double cum = 0;
        for (int i = 0; i < w.length; i++) {
            cum += w[i];
            if (cum > u) {
                return i;
            }
        }
        return w.length - 1;
    }

    private static int[] draws(SampleFunction f, double[] z, double temperature, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int[] out = new int[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            out[i] = f.sample(z.clone(), temperature, rng);
        }
        return out;
    }

    private static Verdict<Mistake> runCase(SampleFunction f, Case c, StringBuilder log, boolean temperatureOnePassed) {
        double[] z = logits(c);
        double T = c.temperature();
        double[] p = softmax(z, 1.0 / T);
        String head = String.format("Latihan 8, kasus/case %s (V = %d, T = %.1f): ", c.name(), c.vocab(), T);
        int[] got;
        try {
            got = draws(f, z, T, c.drawSeed());
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            boolean sumError = msg.contains("sum to 1") || msg.contains("jumlah p");
            log.append(head).append("✗\n");
            if (sumError) {
                Mistake m = T != 1.0 && temperatureOnePassed ? Mistake.DIVIDED_AFTER_SOFTMAX : Mistake.NOT_NORMALISED;
                return new Verdict<>(false, m, log + advice(m));
            }
            return new Verdict<>(false, Mistake.EXCEPTION, log + Msg.of(
                    "✗ Fungsi Anda melempar " + Exercise.threw(e), "✗ Your function threw " + Exercise.threw(e)));
        }
        for (int g : got) {
            if (g < 0 || g >= c.vocab()) {
                log.append(head).append("✗\n");
                return new Verdict<>(false, Mistake.INDEX_OUT_OF_RANGE, log + advice(Mistake.INDEX_OUT_OF_RANGE)
                        + "\n" + Msg.of("Indeks yang dikembalikan: " + g + " (harus 0.." + (c.vocab() - 1) + ").",
                        "Index returned: " + g + " (must be 0.." + (c.vocab() - 1) + ")."));
            }
        }
        int[] ref = draws(Latihan08::reference, z, T, c.drawSeed());
        double[] freq = frequencies(got, c.vocab());
        log.append(head).append(String.format("p acuan/reference %s | frekuensi Anda/your frequencies %s  ",
                fmt(p), fmt(freq)));
        if (Arrays.equals(got, ref)) {
            log.append("✓\n");
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        log.append("✗\n");
        Mistake m = diagnose(got, z, T, c);
        return new Verdict<>(false, m, log + advice(m));
    }

    static Mistake diagnose(int[] got, double[] z, double T, Case c) {
        // replay the typical mistakes with the same generator
        int argmax = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[argmax]) {
                argmax = i;
            }
        }
        final int am = argmax;
        if (T != 1.0 && matches(got, (zz, t, r) -> reference(zz, 1.0, r), z, T, c)) {
            return Mistake.FORGOT_TEMPERATURE;
        }
        if (T != 1.0 && matches(got, (zz, t, r) -> reference(zz, 1.0 / t, r), z, T, c)) {
            return Mistake.MULTIPLIED_BY_TEMPERATURE;
        }
        if (T != 1.0 && matches(got, (zz, t, r) -> walk(scale(softmax(zz, 1.0), 1.0 / t), r), z, T, c)) {
            return Mistake.DIVIDED_AFTER_SOFTMAX;
        }
        if (matches(got, (zz, t, r) -> walk(expOf(zz, t, true), r), z, T, c)
                || matches(got, (zz, t, r) -> walk(expOf(zz, t, false), r), z, T, c)) {
            return Mistake.NOT_NORMALISED;
        }
        if (Arrays.stream(got).allMatch(g -> g == am)) {
            return Mistake.ARGMAX;
        }
        // not a replay: compare the distribution of the draws
        double[] freq = frequencies(got, z.length);
        if (tv(freq, softmax(z, 1.0 / T)) < TV_TOL) {
            return Mistake.OWN_RANDOM;
        }
        if (T != 1.0 && tv(freq, softmax(z, 1.0)) < TV_TOL) {
            return Mistake.FORGOT_TEMPERATURE;
        }
        if (T != 1.0 && tv(freq, softmax(z, T)) < TV_TOL) {
            return Mistake.MULTIPLIED_BY_TEMPERATURE;
        }
        return Mistake.UNKNOWN;
    }

    private static boolean matches(int[] got, SampleFunction variant, double[] z, double T, Case c) {
        return Arrays.equals(got, draws(variant, z, T, c.drawSeed()));
    }

    private static double[] scale(double[] v, double s) {
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= s;
        }
        return r;
    }

    private static double[] expOf(double[] z, double T, boolean subtractMax) {
        double max = subtractMax ? Arrays.stream(z).max().getAsDouble() : 0;
        double[] w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            w[i] = Math.exp((z[i] - max) / T);
        }
        return w;
    }

    static double[] frequencies(int[] draws, int vocab) {
        double[] f = new double[vocab];
        for (int d : draws) {
            if (d >= 0 && d < vocab) {
                f[d] += 1.0 / draws.length;
            }
        }
        return f;
    }

    static double tv(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / 2;
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%.2f", v[i]));
        }
        return sb.append(']').toString();
    }

    static String advice(Mistake m) {
        return switch (m) {
            case FORGOT_TEMPERATURE -> Exercise.likelyMistake(
                    "temperatur tidak dipakai: hasil Anda mengikuti softmax(z), padahal T ≠ 1. Bagi setiap skor "
                            + "dengan T sebelum exp: exp((z_i − max) / T).",
                    "the temperature is not used: your draws follow softmax(z) although T ≠ 1. Divide every score "
                            + "by T before exp: exp((z_i − max) / T).");
            case MULTIPLIED_BY_TEMPERATURE -> Exercise.likelyMistake(
                    "skor dikalikan dengan T, bukan dibagi. T < 1 harus mempertajam distribusi (membagi dengan "
                            + "bilangan kecil membuat selisih skor lebih besar).",
                    "the scores are multiplied by T instead of divided. T < 1 must sharpen the distribution "
                            + "(dividing by a small number makes the differences between scores larger).");
            case DIVIDED_AFTER_SOFTMAX -> Exercise.likelyMistake(
                    "temperatur dipakai SETELAH softmax (softmax(z) / T). Hasilnya tidak lagi berjumlah 1 dan "
                            + "bentuk distribusinya tidak berubah. Bagi skor z dengan T SEBELUM softmax.",
                    "the temperature is applied AFTER the softmax (softmax(z) / T). The result no longer sums to 1 "
                            + "and the shape of the distribution does not change. Divide the scores z by T BEFORE the softmax.");
            case ARGMAX -> Exercise.likelyMistake(
                    "selalu token dengan skor tertinggi (argmax). Itu pembangkitan greedy: setiap nama menjadi sama. "
                            + "Ambil sampel dari distribusi: rng.choice(V, p).",
                    "always the token with the highest score (argmax). That is greedy generation: every name becomes "
                            + "the same. Sample from the distribution: rng.choice(V, p).");
            case NOT_NORMALISED -> Exercise.likelyMistake(
                    "exp(z / T) dipakai sebagai peluang tanpa dibagi jumlahnya. Peluang harus berjumlah 1: "
                            + "p_i = e_i / Σ_j e_j.",
                    "exp(z / T) is used as probabilities without dividing by their sum. Probabilities must sum to 1: "
                            + "p_i = e_i / Σ_j e_j.");
            case OWN_RANDOM -> Exercise.likelyMistake(
                    "distribusinya benar, tetapi tokennya tidak diambil dengan generator rng yang diberikan (generator "
                            + "baru, Math.random, atau cara lain memakai rng). Hasilnya tidak bisa diulang dengan seed. "
                            + "Pakai rng.choice(p.length, p).",
                    "the distribution is right, but the tokens are not drawn with the given generator rng (a new "
                            + "generator, Math.random, or another way of using rng). The results cannot be repeated with "
                            + "a seed. Use rng.choice(p.length, p).");
            case INDEX_OUT_OF_RANGE -> Exercise.likelyMistake(
                    "indeks di luar 0..V−1. Kembalikan indeks token (posisi di dalam logits), bukan peluang atau panjangnya.",
                    "an index outside 0..V−1. Return the index of the token (its position in logits), not a "
                            + "probability or the length.");
            case EXCEPTION, NONE -> Msg.of("✗ Salah.", "✗ Wrong.");
            case UNKNOWN -> Msg.of(
                    "✗ Hasilnya salah dan tidak cocok dengan kesalahan yang umum. Langkahnya: max = maks(z); "
                            + "e_i = exp((z_i − max) / T); p_i = e_i / Σ e; kembalikan rng.choice(V, p).",
                    "✗ The result is wrong and matches no common mistake. The steps: max = max(z); "
                            + "e_i = exp((z_i − max) / T); p_i = e_i / Σ e; return rng.choice(V, p).");
        };
    }
}
