package kursus.rnn.latihan;

import java.util.Arrays;
import kursus.rnn.random.NumpyRandom;

/**
 * Exercise 10.1 (lesson 10, stock prediction): the windows of one period, without leakage. For every
 * target day {@code t} with {@code firstTarget ≤ t < endTarget}, the window is the {@code window} days
 * before it, oldest first:
 *
 * <pre>
 * windows[t − firstTarget] = [ series[t − window], …, series[t − 1] ]      (the target series[t] is NOT in it)
 * </pre>
 *
 * <p>Checked on random-walk series of several lengths (fresh seeds). Mistakes it names: the target day inside
 * its own window (the classic leak: the model would see tomorrow), windows read forward from the target
 * (the future), windows one day too early, the window reversed, the end day included or the first one
 * missing (wrong number of windows), and a changed input series.
 *
 * <pre>{@code
 * Latihan10.checkWindowsFor(Solution10::windowsFor);
 * }</pre>
 */
public final class Latihan10 {
    private Latihan10() {}

    /** The student's function: the windows {@code [endTarget − firstTarget][window]} of the target days. */
    @FunctionalInterface
    public interface WindowsFor {
        double[][] apply(double[] series, int window, int firstTarget, int endTarget);
    }

    /** Typical mistakes of exercise 10.1. */
    public enum Mistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("kode melempar pengecualian; baca pesannya (indeks di luar batas? periksa hari pertama dan terakhir yang dibaca)",
                "the code threw an exception; read its message (index out of bounds? check the first and last day read)"),
        NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
        INCLUDES_TARGET("hari target ikut masuk jendelanya sendiri: model akan melihat harga yang justru harus ditebak (kebocoran). "
                + "Jendela untuk hari t berakhir di hari sebelum t.",
                "the target day is inside its own window: the model would see the very price it must guess (leakage). "
                + "The window for day t ends on the day before t."),
        READS_FUTURE("jendela dibaca ke depan mulai dari hari target, jadi memakai hari-hari sesudahnya (masa depan). Jendela harus "
                + "berisi hari-hari SEBELUM target.",
                "the window is read forward from the target day, so it uses the days after it (the future). The window must "
                + "hold the days BEFORE the target."),
        ONE_DAY_EARLY("jendela bergeser satu hari terlalu awal: hari tepat sebelum target (informasi terbaru) terlewat",
                "the window is shifted one day too early: the day right before the target (the newest information) is missing"),
        REVERSED("urutan dalam jendela terbalik; yang terlama harus di depan (indeks 0)",
                "the order inside the window is reversed; the oldest day must come first (index 0)"),
        WRONG_COUNT("jumlah jendela salah: satu jendela per hari target, dari firstTarget sampai SEBELUM endTarget",
                "wrong number of windows: one window per target day, from firstTarget up to BEFORE endTarget"),
        CHANGED_INPUT("deret masukan diubah di tempat; jangan menulis ke series", "the input series was changed in place; do not write into series"),
        UNKNOWN("nilainya salah; tulis jendela untuk satu hari t dengan tangan dan bandingkan",
                "wrong values; write out the window of one day t by hand and compare");

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

    /** One test case: a random-walk price series and the period asked for. */
    record Case(double[] series, int window, int firstTarget, int endTarget) {}

    static Case draw(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int n = 40 + (int) (seed * 7 % 23);
        double[] s = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.02 * rng.randn(1, 1).getDouble(0));
            s[i] = Math.round(p * 100) / 100.0;
        }
        int window = 3 + (int) (seed % 5);
        int first = window + 2 + (int) (seed % 3);
        int end = n - 3 - (int) (seed % 4);
        return new Case(s, window, first, end);
    }

    static double[][] reference(Case c) {
        return windows(c, 0, false);
    }

    /** Windows ending {@code shift} days after the right end (shift 1 = includes the target). */
    private static double[][] windows(Case c, int shift, boolean reversed) {
        double[][] out = new double[c.endTarget - c.firstTarget][c.window];
        for (int t = c.firstTarget; t < c.endTarget; t++) {
            for (int k = 0; k < c.window; k++) {
                int day = t - c.window + k + shift;
                out[t - c.firstTarget][reversed ? c.window - 1 - k : k] = c.series[day];
            }
        }
        return out;
    }

    private static double[][] range(Case c, int first, int end) {
        return windows(new Case(c.series, c.window, first, end), 0, false);
    }

    private static double distance(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != b[i].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < a[i].length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return d;
    }

    private static final ExerciseCheck<Case, double[][], Mistake> CHECK = ExerciseCheck
            .<Case, double[][], Mistake>builder("Latihan 10.1", "windowsFor")
            .mistakes(Mistake.NONE, Mistake.EXCEPTION, Mistake.NULL_RESULT, Mistake.UNKNOWN)
            .inputs(Latihan10::draw, 1, 2, 3, 4)
            .describe(c -> "n = " + c.series.length + ", window = " + c.window + ", firstTarget = " + c.firstTarget
                    + ", endTarget = " + c.endTarget)
            .reference(Latihan10::reference)
            .distance(Latihan10::distance, 1e-12)
            .wrong(Mistake.INCLUDES_TARGET, c -> windows(c, 1, false))
            .wrong(Mistake.READS_FUTURE, c -> windows(c, c.window, false))
            .wrong(Mistake.ONE_DAY_EARLY, c -> windows(c, -1, false))
            .wrong(Mistake.REVERSED, c -> windows(c, 0, true))
            .wrong(Mistake.WRONG_COUNT, c -> range(c, c.firstTarget, c.endTarget + 1))
            .wrong(Mistake.WRONG_COUNT, c -> range(c, c.firstTarget + 1, c.endTarget))
            .diagnose((c, got) -> got.length != c.endTarget - c.firstTarget ? Mistake.WRONG_COUNT : Mistake.UNKNOWN)
            .build();

    /** Runs the student's {@code windowsFor} on fresh series, prints the bilingual verdict, throws when wrong. */
    public static void checkWindowsFor(WindowsFor f) {
        Exercise.report(CHECK.exercise(), evaluateWindowsFor(f));
    }

    /** The verdict of {@link #checkWindowsFor} as a value (for tests, or to show a wrong answer). */
    public static Verdict<Mistake> evaluateWindowsFor(WindowsFor f) {
        if (f == null) {
            return CHECK.evaluate(null);
        }
        Verdict<Mistake> v = CHECK.evaluate(c -> f.apply(c.series, c.window, c.firstTarget, c.endTarget));
        if (v.passed()) {
            // the check hands each call a fresh copy; here the student's function gets one series twice
            Case c = draw(9);
            double[] before = c.series.clone();
            f.apply(c.series, c.window, c.firstTarget, c.endTarget);
            if (!Arrays.equals(before, c.series)) {
                return Verdict.fail(Mistake.CHANGED_INPUT,
                        Exercise.likelyMistake(Mistake.CHANGED_INPUT.indonesian(), Mistake.CHANGED_INPUT.english()));
            }
        }
        return v;
    }
}
