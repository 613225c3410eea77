package kursus.rnn.prep;

import java.time.LocalDate;
import java.util.Arrays;
import kursus.rnn.core.Msg;

/**
 * Next-day forecasting data for lesson 10: sliding windows over a daily price series, split
 * chronologically <b>by target date</b>, scaled with statistics of the training period only.
 *
 * <p>Target index {@code t} (the day whose value is predicted) belongs to
 * <pre>
 *   train: window ≤ t &lt; valStart      validation: valStart ≤ t &lt; testStart      test: testStart ≤ t &lt; n
 * </pre>
 * and its window is days {@code t−window … t−1}: the target itself is never an input, and the
 * windows of validation/test targets may read training days (the past is known) but no training
 * target lies after a validation or test day.
 *
 * <p>Two ways of framing the task ({@link Target}):
 * <ul>
 *   <li>{@code PRICE}: inputs and target are prices scaled to [0, 1] by a {@link MinMaxScaler}
 *   fitted on days {@code 0 … valStart−1} (or, to demonstrate leakage, on every day);</li>
 *   <li>{@code RETURN}: inputs and target are daily log returns {@code r_t = ln(p_t / p_{t−1})},
 *   standardised with the training period's mean and standard deviation; a predicted return turns
 *   into a price as {@code p̂_t = p_{t−1}·exp(r̂_t)}.</li>
 * </ul>
 * Predictions of a model ({@code predictValues} on {@link #test()}) go back to prices with
 * {@link #toPrices(Windows.Samples, double[])}; {@link #naive(Windows.Samples)} ("tomorrow = today") and
 * {@link #movingAverage(Windows.Samples, int)} are the baselines.
 *
 * <pre>{@code
 * Forecast f = Forecast.of(close, 30, valStart, testStart, Forecast.Target.PRICE, false);
 * double[] predicted = f.toPrices(f.test(), model.predictValues(f.test()));
 * Forecast.Scores s = Forecast.score(f.actual(f.test()), f.naive(f.test()), predicted);
 * }</pre>
 */
public final class Forecast {
    /** What the model reads and predicts. */
    public enum Target {
        /** Min-max scaled prices. */
        PRICE,
        /** Standardised daily log returns. */
        RETURN
    }

    private final double[] prices;
    private final int window;
    private final int valStart;
    private final int testStart;
    private final Target target;
    private final boolean scalerOnAllDays;
    private final Scaler scaler; // fitted on the training period (or on every day, for the leakage demonstration)
    private final Windows.Samples train;
    private final Windows.Samples val;
    private final Windows.Samples test;

    private Forecast(double[] prices, int window, int valStart, int testStart, Target target, boolean scalerOnAllDays) {
        this.prices = prices.clone();
        this.window = window;
        this.valStart = valStart;
        this.testStart = testStart;
        this.target = target;
        this.scalerOnAllDays = scalerOnAllDays;
        int fitEnd = scalerOnAllDays ? prices.length : valStart; // days whose statistics scale the data
        // raw[k]: PRICE the price of day k; RETURN the log return r_{k+1} = ln(p_{k+1} / p_k) of day k + 1
        double[] raw;
        if (target == Target.PRICE) {
            raw = this.prices;
            scaler = new MinMaxScaler().fit(Arrays.copyOfRange(raw, 0, fitEnd));
        } else {
            raw = new double[prices.length - 1];
            for (int k = 0; k < raw.length; k++) {
                raw[k] = Math.log(prices[k + 1] / prices[k]);
            }
            scaler = new StandardScaler().fit(Arrays.copyOfRange(raw, 0, fitEnd - 1));
        }
        Windows.Samples all = Windows.seqToOne(scaler.transform(raw), window);
        int first = firstTarget(target, window);
        train = all.range(0, valStart - first);
        val = all.range(valStart - first, testStart - first);
        test = all.range(testStart - first, all.size());
        checkPositions(test, target == Target.RETURN ? testStart - 1 : testStart);
    }

    /** The first day that can be a target: it needs {@code window} inputs (returns start on day 1). */
    private static int firstTarget(Target target, int window) {
        return target == Target.RETURN ? window + 1 : window;
    }

    /**
     * Prepares the windows.
     *
     * @param prices daily prices (all &gt; 0), oldest first
     * @param window days per input window ({@code ≥ 1})
     * @param valStart first target day of the validation period
     * @param testStart first target day of the test period ({@code valStart < testStart < prices.length})
     * @param target what the model reads and predicts
     * @param scalerOnAllDays {@code false} (right): scaling statistics from the training period only;
     *        {@code true}: from every day, i.e. the future leaks into the inputs (for the demonstration)
     */
    public static Forecast of(double[] prices, int window, int valStart, int testStart, Target target,
            boolean scalerOnAllDays) {
        if (prices == null || prices.length == 0) {
            throw Msg.badInput("Forecast: deret harga kosong. Muat harga dulu, mis. Datasets.sp500Close().",
                    "Forecast: the price series is empty. Load prices first, e.g. Datasets.sp500Close().");
        }
        for (int t = 0; t < prices.length; t++) {
            if (!(prices[t] > 0) || !Double.isFinite(prices[t])) {
                throw Msg.badInput("Forecast: harga hari ke-" + t + " = " + prices[t] + "; semua harga harus positif dan terhingga.",
                        "Forecast: the price on day " + t + " is " + prices[t] + "; every price must be positive and finite.");
            }
        }
        if (target == null) {
            throw Msg.badInput("Forecast: target null; pilih Forecast.Target.PRICE atau RETURN.",
                    "Forecast: target is null; choose Forecast.Target.PRICE or RETURN.");
        }
        int first = firstTarget(target, window);
        if (window < 1 || valStart <= first || testStart <= valStart || testStart >= prices.length) {
            throw Msg.badInput("Forecast: butuh 1 ≤ window dan " + first + " < valStart < testStart < " + prices.length
                            + " (jumlah hari); didapat window = " + window + ", valStart = " + valStart + ", testStart = "
                            + testStart + ".",
                    "Forecast: needs 1 ≤ window and " + first + " < valStart < testStart < " + prices.length
                            + " (the number of days); got window = " + window + ", valStart = " + valStart
                            + ", testStart = " + testStart + ".");
        }
        return new Forecast(prices, window, valStart, testStart, target, scalerOnAllDays);
    }

    /** The index of the first day in {@code dates} that is on or after {@code day} (dates sorted, oldest first). */
    public static int firstDayFrom(LocalDate[] dates, LocalDate day) {
        for (int i = 0; i < dates.length; i++) {
            if (!dates[i].isBefore(day)) {
                return i;
            }
        }
        throw Msg.badInput("Forecast.firstDayFrom: tidak ada tanggal pada/sesudah " + day + " (terakhir " + dates[dates.length - 1] + ").",
                "Forecast.firstDayFrom: no date on or after " + day + " (last is " + dates[dates.length - 1] + ").");
    }

    /** Windows whose target is a training day. */
    public Windows.Samples train() {
        return train;
    }

    /** Windows whose target is a validation day. */
    public Windows.Samples val() {
        return val;
    }

    /** Windows whose target is a test day. */
    public Windows.Samples test() {
        return test;
    }

    public Target target() {
        return target;
    }

    public int window() {
        return window;
    }

    /** Whether the scaling statistics were taken from every day (leakage) instead of the training period. */
    public boolean scalerOnAllDays() {
        return scalerOnAllDays;
    }

    /** The day index (into the price series) of every target of {@code s}. */
    public int[] days(Windows.Samples s) {
        int[] pos = s.targetPositions().clone();
        if (target == Target.RETURN) {
            for (int i = 0; i < pos.length; i++) {
                pos[i] += 1;
            }
        }
        return pos;
    }

    /** The real price of every target day of {@code s}. */
    public double[] actual(Windows.Samples s) {
        int[] d = days(s);
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = prices[d[i]];
        }
        return out;
    }

    /** The price of the day before every target day ("today"): the naive forecast "tomorrow = today". */
    public double[] naive(Windows.Samples s) {
        int[] d = days(s);
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = prices[d[i] - 1];
        }
        return out;
    }

    /** The mean price of the {@code k} days before every target day. */
    public double[] movingAverage(Windows.Samples s, int k) {
        if (k < 1) {
            throw Msg.badInput("movingAverage: k harus ≥ 1, didapat " + k, "movingAverage: k must be ≥ 1, got " + k);
        }
        int[] d = days(s);
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, d[i] - k); j < d[i]; j++) {
                sum += prices[j];
                n++;
            }
            out[i] = sum / n;
        }
        return out;
    }

    /**
     * Model outputs (in the model's scale, one per window of {@code s}) as prices: the inverse min-max
     * transform for {@code PRICE}, {@code p_{t−1}·exp(r̂_t)} for {@code RETURN}.
     */
    public double[] toPrices(Windows.Samples s, double[] modelOutputs) {
        int[] d = days(s);
        if (modelOutputs == null || modelOutputs.length != d.length) {
            throw Msg.badInput("toPrices: butuh satu keluaran model per jendela (" + d.length + "), didapat "
                            + (modelOutputs == null ? "null" : modelOutputs.length) + ".",
                    "toPrices: needs one model output per window (" + d.length + "), got "
                            + (modelOutputs == null ? "null" : modelOutputs.length) + ".");
        }
        double[] values = scaler.inverseTransform(modelOutputs);
        if (target == Target.RETURN) {
            for (int i = 0; i < d.length; i++) {
                values[i] = prices[d[i] - 1] * Math.exp(values[i]);
            }
        }
        return values;
    }

    /** Error measures of one forecast, all in price units except MAPE (%) and direction (a fraction). */
    public record Scores(double rmse, double mae, double mape, double direction) {
        /** {@code "RMSE 31.2 | MAE 20.1 | MAPE 0.79 % | arah/direction 0.512"}. */
        @Override
        public String toString() {
            return String.format("RMSE %.1f | MAE %.1f | MAPE %.2f %% | arah/direction %.3f", rmse, mae, mape, direction);
        }
    }

    /**
     * Scores a forecast: RMSE, MAE, MAPE against {@code actual}, and the directional accuracy, the share
     * of days where {@code predicted − today} has the sign of {@code actual − today} (NaN for a forecast
     * that never moves, like "tomorrow = today").
     */
    public static Scores score(double[] actual, double[] today, double[] predicted) {
        if (actual == null || today == null || predicted == null || actual.length != today.length
                || actual.length != predicted.length || actual.length == 0) {
            throw Msg.badInput("Forecast.score: actual, today dan predicted harus sama panjang dan tidak kosong.",
                    "Forecast.score: actual, today and predicted must have the same, non-zero length.");
        }
        double se = 0;
        double ae = 0;
        double ape = 0;
        int dir = 0;
        int moves = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = predicted[i] - actual[i];
            se += e * e;
            ae += Math.abs(e);
            ape += Math.abs(e) / Math.abs(actual[i]);
            double predictedMove = Math.signum(predicted[i] - today[i]);
            if (predictedMove != 0) {
                moves++;
                if (predictedMove == Math.signum(actual[i] - today[i])) {
                    dir++;
                }
            }
        }
        int n = actual.length;
        return new Scores(Math.sqrt(se / n), ae / n, 100 * ape / n, moves == 0 ? Double.NaN : (double) dir / n);
    }

    /** The share of days in {@code actual} that closed above the day before ("always up" forecast's accuracy). */
    public static double upShare(double[] actual, double[] today) {
        int up = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] > today[i]) {
                up++;
            }
        }
        return (double) up / actual.length;
    }

    private static void checkPositions(Windows.Samples s, int firstExpected) {
        if (s.size() == 0 || s.targetPositions()[0] != firstExpected) {
            throw new IllegalStateException("Forecast: internal split error (first test position "
                    + (s.size() == 0 ? "none" : s.targetPositions()[0]) + ", expected " + firstExpected + ")");
        }
    }
}
