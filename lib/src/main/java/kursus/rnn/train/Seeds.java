package kursus.rnn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import kursus.rnn.core.Msg;

/**
 * Runs one experiment over several seeds and summarises a number it returns: the median, how many
 * seeds "succeeded" (a predicate on the number, e.g. test accuracy ≥ 0.9), the range, and every
 * value. The course states training results this way (at least 5 seeds, median + successes),
 * never from one run.
 *
 * <pre>
 * Seeds.Summary s = Seeds.run(Seeds.range(1, 5), seed -&gt; experiment.run(seed).accuracy(), acc -&gt; acc &gt;= 0.9);
 * s.median();      // middle value (mean of the two middle values for an even count)
 * s.successes();   // seeds whose value passed the predicate
 * </pre>
 */
public final class Seeds {
    private Seeds() {}

    /** {@code count} consecutive seeds starting at {@code first}: {@code {first, first + 1, …}}. */
    public static int[] range(int first, int count) {
        if (count < 1) {
            throw Msg.badInput("count harus >= 1, ternyata " + count, "count must be >= 1, got " + count);
        }
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = first + i;
        }
        return s;
    }

    /** Runs {@code experiment} once per seed, in order, and returns the results in the same order. */
    public static <R> List<R> runAll(int[] seeds, IntFunction<R> experiment) {
        requireSeeds(seeds);
        if (experiment == null) {
            throw Msg.badInput("experiment bernilai null", "experiment is null");
        }
        List<R> out = new ArrayList<>(seeds.length);
        for (int seed : seeds) {
            stopIfInterrupted(out.size(), seeds.length);
            out.add(experiment.apply(seed));
        }
        return out;
    }

    /**
     * Runs {@code metric} once per seed and summarises the values; a seed succeeded when
     * {@code success} accepts its value (NaN never succeeds).
     */
    public static Summary run(int[] seeds, IntToDoubleFunction metric, DoublePredicate success) {
        requireSeeds(seeds);
        if (metric == null) {
            throw Msg.badInput("metric bernilai null", "metric is null");
        }
        double[] v = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            stopIfInterrupted(i, seeds.length);
            v[i] = metric.applyAsDouble(seeds[i]);
        }
        return summarize(seeds, v, success);
    }

    /**
     * Kernel → Interrupt: the thread was interrupted (a {@link Trainer} inside the experiment has already stopped
     * early), so the remaining seeds are not started; a median over partly trained runs would mislead.
     */
    private static void stopIfInterrupted(int done, int total) {
        if (Thread.currentThread().isInterrupted()) {
            throw Msg.badState("dihentikan (interrupt) setelah " + done + " dari " + total
                            + " seed; ringkasan tidak dibuat karena run terakhir tidak selesai.",
                    "interrupted after " + done + " of " + total
                            + " seeds; no summary, because the last run did not finish.");
        }
    }

    /** The summary of values already measured, {@code values[i]} belonging to {@code seeds[i]}. */
    public static Summary summarize(int[] seeds, double[] values, DoublePredicate success) {
        requireSeeds(seeds);
        if (values == null || values.length != seeds.length) {
            throw Msg.badInput(
                    "values: harus satu nilai per seed (" + seeds.length + "), ternyata " + (values == null ? "null" : values.length),
                    "values: expected one value per seed (" + seeds.length + "), got " + (values == null ? "null" : values.length));
        }
        if (success == null) {
            throw Msg.badInput("success bernilai null (mis. acc -> acc >= 0.9)", "success is null (e.g. acc -> acc >= 0.9)");
        }
        boolean[] ok = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            ok[i] = !Double.isNaN(values[i]) && success.test(values[i]);
        }
        return new Summary(seeds.clone(), values.clone(), ok);
    }

    /** The median of {@code values} (mean of the two middle values for an even count; NaN sorts last). */
    public static double median(double[] values) {
        if (values == null || values.length == 0) {
            throw Msg.badInput("median: tidak ada nilai", "median: no values");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void requireSeeds(int[] seeds) {
        if (seeds == null || seeds.length == 0) {
            throw Msg.badInput("seeds kosong: beri minimal satu seed, mis. Seeds.range(1, 5)",
                    "seeds is empty: give at least one seed, e.g. Seeds.range(1, 5)");
        }
    }

    /**
     * Values of one experiment over seeds.
     *
     * @param seeds the seeds, in run order
     * @param values {@code values[i]} measured with {@code seeds[i]}
     * @param succeeded whether {@code values[i]} passed the success predicate
     */
    public record Summary(int[] seeds, double[] values, boolean[] succeeded) {
        /** Number of seeds. */
        public int count() {
            return values.length;
        }

        /** Number of seeds whose value passed the success predicate. */
        public int successes() {
            int n = 0;
            for (boolean b : succeeded) {
                n += b ? 1 : 0;
            }
            return n;
        }

        public double median() {
            return Seeds.median(values);
        }

        public double min() {
            return Arrays.stream(values).min().getAsDouble();
        }

        public double max() {
            return Arrays.stream(values).max().getAsDouble();
        }

        public double mean() {
            return Arrays.stream(values).average().getAsDouble();
        }

        /** E.g. {@code "median 0.985 | 4/5 ok | [0.99, 1.00, 0.26, 0.98, 1.00]"} with {@code format = "%.2f"} for the list. */
        public String describe(String format) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(format, values[i]));
            }
            return String.format("median " + format + " | %d/%d ok | [%s]", median(), successes(), count(), sb);
        }

        @Override
        public String toString() {
            return describe("%.3f");
        }
    }
}
