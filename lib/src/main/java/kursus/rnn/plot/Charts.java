package kursus.rnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import kursus.rnn.core.Msg;

/**
 * Charts for the lessons, drawn with XChart and returned as {@link BufferedImage}, so a notebook
 * cell that ends with {@code Charts.lossCurve(...)} shows the picture inline.
 *
 * <p>Every chart exists twice: {@code xxxChart(...)} returns the XChart object (to inspect or tweak
 * it), {@code xxx(...)} returns the rendered image. All text (title, axis labels, series names) is
 * given by the caller, so the caller picks the language. Sizes default to 640×400 pixels; change
 * them with {@link Frame#size(int, int)}. Colours come from one colour-blind-safe palette
 * (Okabe–Ito), fonts are DejaVu Sans; everything works headless.
 *
 * <pre>{@code
 * Charts.lossCurve(Charts.frame("Kurva loss / Loss curve", "epoch", "loss"),
 *                  Charts.series("latih / train", trainLoss),
 *                  Charts.series("validasi / validation", valLoss));
 * }</pre>
 */
public final class Charts {
    /** Default width in pixels. */
    public static final int WIDTH = 640;
    /** Default height in pixels. */
    public static final int HEIGHT = 400;

    /** The series colours, in order (Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black). */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xB8A200), new Color(0x000000),
    };

    /** Colour of "actual" data (a dark grey, so predictions in colour stand out against it). */
    public static final Color ACTUAL = new Color(0x333333);

    /** Sequential colour map (viridis stops), for values on one side of zero. */
    static final Color[] SEQUENTIAL = {
        new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962), new Color(0xFDE725),
    };

    /** Diverging colour map (blue - white - red), for values around zero such as tanh states. */
    static final Color[] DIVERGING = {
        new Color(0x2166AC), new Color(0x92C5DE), new Color(0xF7F7F7), new Color(0xF4A582), new Color(0xB2182B),
    };

    /** White to medium blue, for counts (confusion matrices): black numbers stay readable on every cell. */
    static final Color[] BLUES = {
        new Color(0xF7FBFF), new Color(0xDEEBF7), new Color(0xC6DBEF), new Color(0x9ECAE1), new Color(0x6BAED6),
    };

    /** Light sequential map (yellow - green), used instead of viridis when values are written into the cells. */
    static final Color[] SEQUENTIAL_LIGHT = {
        new Color(0xFFFFE5), new Color(0xD9F0A3), new Color(0xADDD8E), new Color(0x78C679), new Color(0x41AB5D),
    };

    /** Light diverging map, used when values are written into the cells. */
    static final Color[] DIVERGING_LIGHT = {
        new Color(0x6BAED6), new Color(0xC6DBEF), new Color(0xF7F7F7), new Color(0xFDDBC7), new Color(0xF4A582),
    };

    static final String FONT = "DejaVu Sans";

    private Charts() {}

    // ================================================================= frame and series

    /** Starts the text and size settings of a chart: title and axis labels (any may be empty). */
    public static Frame frame(String title, String xLabel, String yLabel) {
        return new Frame(title, xLabel, yLabel);
    }

    /**
     * Title, axis labels and options of one chart. Change options fluently, e.g.
     * {@code Charts.frame("Loss", "epoch", "loss").logY().size(800, 500)}.
     */
    public static final class Frame {
        final String title;
        final String xLabel;
        final String yLabel;
        int width = WIDTH;
        int height = HEIGHT;
        boolean logY;
        boolean legend = true;
        boolean markers;
        Double yMin;
        Double yMax;
        Double colorMin;
        Double colorMax;
        Boolean showValues;

        Frame(String title, String xLabel, String yLabel) {
            this.title = title == null ? "" : title;
            this.xLabel = xLabel == null ? "" : xLabel;
            this.yLabel = yLabel == null ? "" : yLabel;
        }

        Frame copy() {
            Frame c = new Frame(title, xLabel, yLabel);
            c.width = width;
            c.height = height;
            c.logY = logY;
            c.legend = legend;
            c.markers = markers;
            c.yMin = yMin;
            c.yMax = yMax;
            c.colorMin = colorMin;
            c.colorMax = colorMax;
            c.showValues = showValues;
            return c;
        }

        /** Image size in pixels (default 640×400). */
        public Frame size(int width, int height) {
            if (width < 100 || height < 100 || width > 8000 || height > 8000) {
                throw Msg.badInput("Charts: ukuran " + width + "×" + height + " tidak masuk akal; pakai 100..8000 piksel.",
                        "Charts: size " + width + "×" + height + " is not sensible; use 100..8000 pixels.");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Logarithmic y axis (values must be &gt; 0; others are left out of the picture). */
        public Frame logY() {
            this.logY = true;
            return this;
        }

        /** Linear or logarithmic y axis. */
        public Frame logY(boolean on) {
            this.logY = on;
            return this;
        }

        /** Fixes the y range instead of fitting it to the data. */
        public Frame yRange(double min, double max) {
            checkRange("yRange", min, max);
            this.yMin = min;
            this.yMax = max;
            return this;
        }

        /** Shows or hides the legend (shown by default when there is more than one series). */
        public Frame legend(boolean on) {
            this.legend = on;
            return this;
        }

        /** Draws a marker at every data point (default: lines only, except short loss curves). */
        public Frame markers(boolean on) {
            this.markers = on;
            return this;
        }

        /** Heatmaps: fixes the colour scale to {@code [min, max]} (e.g. 0..1 for gate activations). */
        public Frame colorRange(double min, double max) {
            checkRange("colorRange", min, max);
            this.colorMin = min;
            this.colorMax = max;
            return this;
        }

        private static void checkRange(String what, double min, double max) {
            if (!(min < max)) {
                throw Msg.badInput("Charts: " + what + " butuh min < max, didapat [" + min + ", " + max + "].",
                        "Charts: " + what + " needs min < max, got [" + min + ", " + max + "].");
            }
        }

        /** Heatmaps: writes each cell's value into it (default: only for small matrices). */
        public Frame showValues(boolean on) {
            this.showValues = on;
            return this;
        }
    }

    /** A named data series. {@code x} may be null: the chart then numbers the points itself. */
    public record Series(String name, double[] x, double[] y) {}

    /** A series with y values only (x = 1, 2, ... for loss curves and time steps; 0, 1, ... for lines). */
    public static Series series(String name, double[] y) {
        return new Series(name, null, y);
    }

    /** A series with explicit x values. */
    public static Series series(String name, double[] x, double[] y) {
        return new Series(name, x, y);
    }

    /** A series with integer x values (e.g. {@code Windows.Samples.targetPositions()}). */
    public static Series series(String name, int[] x, double[] y) {
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dx[i] = x[i];
        }
        return new Series(name, dx, y);
    }

    /** A series from a vector INDArray (any shape with one non-1 axis, e.g. {@code [T]} or {@code [1, T]}). */
    public static Series series(String name, org.nd4j.linalg.api.ndarray.INDArray y) {
        if (y == null || !(y.isVector() || y.isScalar())) {
            throw Msg.badInput("Charts.series: '" + name + "' harus vektor, didapat bentuk "
                            + (y == null ? "null" : java.util.Arrays.toString(y.shape())) + ". Pilih satu baris/kolom dulu.",
                    "Charts.series: '" + name + "' must be a vector, got shape "
                            + (y == null ? "null" : java.util.Arrays.toString(y.shape())) + ". Select one row/column first.");
        }
        return new Series(name, null, y.toDoubleVector());
    }

    /** A series from float values (e.g. read out of a FLOAT INDArray). */
    public static Series series(String name, float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return new Series(name, null, d);
    }

    // ================================================================= line charts

    /**
     * Training curves: one line per series, x starting at 1 (epoch or step). Typical use: train
     * and validation loss. With {@link Frame#logY()} small late improvements stay visible.
     */
    public static XYChart lossCurveChart(Frame f, Series... series) {
        XYChart c = xy(f, series, 1, "lossCurve");
        if (!f.markers) {
            for (XYSeries s : c.getSeriesCollection()) {
                s.setMarker(s.getXData().length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
        return c;
    }

    /** Image of {@link #lossCurveChart}. */
    public static BufferedImage lossCurve(Frame f, Series... series) {
        return render(lossCurveChart(f, series));
    }

    /** Shortcut: train and validation loss per epoch; {@code val} may be null. */
    public static BufferedImage lossCurve(String title, String xLabel, String yLabel,
                                          String trainName, double[] train, String valName, double[] val) {
        return val == null ? lossCurve(frame(title, xLabel, yLabel), series(trainName, train))
                : lossCurve(frame(title, xLabel, yLabel), series(trainName, train), series(valName, val));
    }

    /** Several series as lines (x from 0 when not given). */
    public static XYChart lineChart(Frame f, Series... series) {
        return xy(f, series, 0, "lineChart");
    }

    /** Image of {@link #lineChart}. */
    public static BufferedImage lines(Frame f, Series... series) {
        return render(lineChart(f, series));
    }

    /**
     * The vanishing-gradient picture: the norm of {@code ∂L/∂h_t} for every time step t = 1..T on a
     * logarithmic axis, one series per model (e.g. vanilla RNN vs LSTM). Zero norms cannot be drawn
     * on a log axis and are left out.
     */
    public static XYChart gradientNormChart(Frame f, Series... series) {
        requireFrame(f, "gradientNorm");
        Frame log = f.copy();
        log.logY = true;
        XYChart c = xy(log, series, 1, "gradientNorm");
        for (XYSeries s : c.getSeriesCollection()) {
            s.setMarker(s.getXData().length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return c;
    }

    /** Image of {@link #gradientNormChart}. */
    public static BufferedImage gradientNorms(Frame f, Series... series) {
        return render(gradientNormChart(f, series));
    }

    /**
     * Time-series prediction: the actual series as a dark line, each prediction series in colour
     * on top. Give predictions their real x positions (e.g. {@code Windows.Samples.targetPositions()})
     * so they line up with the actual values.
     */
    public static XYChart predictionChart(Frame f, Series actual, Series... predictions) {
        if (actual == null) {
            throw Msg.badInput("Charts.prediction: seri 'actual' bernilai null.", "Charts.prediction: the 'actual' series is null.");
        }
        Series[] all = new Series[1 + predictions.length];
        all[0] = actual;
        System.arraycopy(predictions, 0, all, 1, predictions.length);
        XYChart c = xy(f, all, 0, "prediction");
        List<XYSeries> list = new ArrayList<>(c.getSeriesCollection());
        list.get(0).setLineColor(ACTUAL);
        list.get(0).setLineWidth(1.6f);
        for (int i = 1; i < list.size(); i++) {
            list.get(i).setLineColor(PALETTE[i % PALETTE.length]); // one colour per prediction
            list.get(i).setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6f, 3f}, 0f));
        }
        return c;
    }

    /** Image of {@link #predictionChart}. */
    public static BufferedImage prediction(Frame f, Series actual, Series... predictions) {
        return render(predictionChart(f, actual, predictions));
    }

    /**
     * Decimal years of {@code dates} (2000-01-01 → 2000.0, 2000-07-02 → ≈ 2000.5): the x values of a chart
     * over calendar time ({@link #byDateChart}), so thousands of daily points get a few year ticks instead of
     * crowded day numbers.
     */
    public static double[] years(java.time.LocalDate[] dates) {
        if (dates == null || dates.length == 0) {
            throw Msg.badInput("Charts.years: tidak ada tanggal.", "Charts.years: no dates.");
        }
        double[] x = new double[dates.length];
        for (int i = 0; i < dates.length; i++) {
            java.time.LocalDate d = dates[i];
            x[i] = d.getYear() + (d.getDayOfYear() - 1) / (double) d.lengthOfYear();
        }
        return x;
    }

    /**
     * A line chart over calendar time: each series' x values are decimal years ({@link #years}); tick
     * labels are whole years ({@code 2005}) when the data span three years or more, else year-month
     * ({@code 2018-07}). Use {@link #prediction}-style colours with {@link #predictionByDate}.
     */
    public static XYChart byDateChart(Frame f, Series... series) {
        return dateAxis(lineChart(f, series), series);
    }

    /** Image of {@link #byDateChart}. */
    public static BufferedImage byDate(Frame f, Series... series) {
        return render(byDateChart(f, series));
    }

    /** {@link #predictionChart} over calendar time (x values from {@link #years}). */
    public static BufferedImage predictionByDate(Frame f, Series actual, Series... predictions) {
        Series[] all = new Series[1 + predictions.length];
        all[0] = actual;
        System.arraycopy(predictions, 0, all, 1, predictions.length);
        return render(dateAxis(predictionChart(f, actual, predictions), all));
    }

    /** The tick-label function of a date axis spanning {@code span} years. */
    static java.util.function.Function<Double, String> yearLabels(double span) {
        // XChart sizes the axis from the labels of the data's ends, so no value may get an empty label
        // (with empty ones it draws no ticks at all); a label is always the true date of its position.
        java.util.function.Function<Double, String> yearMonth = v -> {
            long year = (long) Math.floor(v + 1e-9);
            int month = (int) Math.floor((v - year) * 12 + 1e-6) + 1;
            return String.format("%d-%02d", year, Math.min(12, Math.max(1, month)));
        };
        if (span >= 3) {
            return v -> Math.abs(v - Math.rint(v)) < 1e-6 ? String.valueOf((long) Math.rint(v)) : yearMonth.apply(v);
        }
        return yearMonth;
    }

    private static XYChart dateAxis(XYChart c, Series[] series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s == null || s.x() == null) {
                throw Msg.badInput("Charts.byDate: setiap seri butuh nilai x = Charts.years(tanggal).",
                        "Charts.byDate: every series needs x values = Charts.years(dates).");
            }
            for (double v : s.x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        c.getStyler().setxAxisTickLabelsFormattingFunction(yearLabels(hi - lo));
        return c;
    }

    private static XYChart xy(Frame f, Series[] series, int firstX, String op) {
        requireFrame(f, op);
        if (series == null || series.length == 0) {
            throw Msg.badInput("Charts." + op + ": berikan minimal satu seri (Charts.series(nama, nilai)).",
                    "Charts." + op + ": pass at least one series (Charts.series(name, values)).");
        }
        XYChart c = new XYChart(f.width, f.height);
        c.setTitle(f.title);
        c.setXAxisTitle(f.xLabel);
        c.setYAxisTitle(f.yLabel);
        style(c.getStyler(), f);
        c.getStyler().setLegendVisible(f.legend && series.length > 1);
        // Over more than two decades XChart's own log axis draws a grid line at 2..9 of every decade
        // (setYAxisLogarithmicDecadeOnly hides only their labels): over 20 decades they merge into a grey
        // bar. There the chart plots log10(y) on a linear axis instead, with grid lines and labels at whole
        // decades only (1, 2 or 5 decades apart, as many as fit), all labels in one format.
        boolean decadeAxis = f.logY && decades(series) > 2.0;
        c.getStyler().setYAxisLogarithmic(f.logY && !decadeAxis);
        if (f.logY && !decadeAxis) {
            c.getStyler().setYAxisTickLabelsFormattingFunction(Charts::number);
        }
        if (decadeAxis) {
            double[] range = positiveRange(series);
            int lo = (int) Math.floor(Math.log10(f.yMin != null && f.yMin > 0 ? f.yMin : range[0]) + 1e-9);
            int hi = (int) Math.ceil(Math.log10(f.yMax != null && f.yMax > 0 ? f.yMax : range[1]) - 1e-9);
            boolean powers = usesPowers(lo, hi);
            c.getStyler().setYAxisMin((double) lo);
            c.getStyler().setYAxisMax((double) Math.max(hi, lo + 1));
            c.getStyler().setYAxisTickLabelsFormattingFunction(v -> decadeTick(v, powers));
        } else {
            c.getStyler().setYAxisMin(f.yMin);
            c.getStyler().setYAxisMax(f.yMax);
        }
        c.getStyler().setXAxisDecimalPattern(DECIMAL_PATTERN);
        if (!f.logY) {
            c.getStyler().setYAxisDecimalPattern(DECIMAL_PATTERN);
        }
        spreadXTicks(c, series, firstX);
        c.getStyler().setMarkerSize(5);
        Set<String> names = new HashSet<>();
        for (int k = 0; k < series.length; k++) {
            Series s = series[k];
            checkSeries(s, k, names, op);
            double[] x = s.x() != null ? s.x() : range(firstX, s.y().length);
            double[] y = s.y();
            if (f.logY) { // a log axis cannot show values <= 0: leave those points out
                List<double[]> kept = positive(x, y);
                x = kept.get(0);
                y = kept.get(1);
                if (y.length == 0) {
                    throw Msg.badInput("Charts." + op + ": seri '" + s.name() + "' tidak punya nilai > 0, jadi tak"
                                    + " bisa digambar pada sumbu y logaritmik. Matikan logY.",
                            "Charts." + op + ": series '" + s.name() + "' has no value > 0, so it cannot be drawn"
                                    + " on a logarithmic y axis. Turn logY off.");
                }
            }
            if (decadeAxis) {
                double[] logs = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    logs[i] = Math.log10(y[i]);
                }
                y = logs;
            }
            XYSeries xs = c.addSeries(s.name(), x, y);
            xs.setMarker(f.markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            xs.setLineColor(PALETTE[k % PALETTE.length]);
            xs.setMarkerColor(PALETTE[k % PALETTE.length]);
            xs.setLineWidth(2.0f);
        }
        return c;
    }

    // ================================================================= bar chart

    /**
     * Bar chart: one group per category, one bar per series in each group ({@code series.y()[i]} is
     * the value for {@code categories[i]}; x values are ignored).
     */
    public static CategoryChart barChart(Frame f, String[] categories, Series... series) {
        requireFrame(f, "bar");
        if (categories == null || categories.length == 0) {
            throw Msg.badInput("Charts.bar: daftar kategori kosong.", "Charts.bar: the category list is empty.");
        }
        if (series == null || series.length == 0) {
            throw Msg.badInput("Charts.bar: berikan minimal satu seri.", "Charts.bar: pass at least one series.");
        }
        CategoryChart c = new CategoryChart(f.width, f.height);
        c.setTitle(f.title);
        c.setXAxisTitle(f.xLabel);
        c.setYAxisTitle(f.yLabel);
        style(c.getStyler(), f);
        c.getStyler().setLegendVisible(f.legend && series.length > 1);
        c.getStyler().setYAxisLogarithmic(f.logY);
        c.getStyler().setYAxisMin(f.yMin);
        c.getStyler().setYAxisMax(f.yMax);
        if (!f.logY) {
            c.getStyler().setYAxisDecimalPattern(DECIMAL_PATTERN);
        }
        c.getStyler().setAvailableSpaceFill(0.7);
        c.getStyler().setOverlapped(false);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        categoryLabels(c, f, categories);
        Set<String> names = new HashSet<>();
        List<String> cats = List.of(categories);
        for (int k = 0; k < series.length; k++) {
            Series s = series[k];
            checkSeries(s, k, names, "bar");
            if (s.y().length != categories.length) {
                throw Msg.badInput("Charts.bar: seri '" + s.name() + "' punya " + s.y().length + " nilai, tetapi ada "
                                + categories.length + " kategori. Berikan satu nilai per kategori.",
                        "Charts.bar: series '" + s.name() + "' has " + s.y().length + " values but there are "
                                + categories.length + " categories. Give one value per category.");
            }
            List<Double> ys = new ArrayList<>();
            for (double v : s.y()) {
                ys.add(v);
            }
            CategorySeries cs = c.addSeries(s.name(), cats, ys);
            cs.setFillColor(PALETTE[k % PALETTE.length]);
        }
        return c;
    }

    /**
     * Every category gets its label. XChart skips labels (shows every 2nd, 3rd, ...) when a category
     * is narrower than its tick spacing hint (74 px by default), so the hint is set to 1 px; the
     * labels are then kept readable by turning them (0°, 45° or 90°) and, when categories are very
     * narrow, by a smaller font.
     */
    private static void categoryLabels(CategoryChart c, Frame f, String[] categories) {
        int n = categories.length;
        double perCategory = Math.max(1.0, (f.width - 110.0) / n); // plot width ≈ frame minus y axis and margins
        int longest = Math.max(1, longest(categories));
        int fontSize = perCategory >= 13 ? 11 : Math.max(7, (int) perCategory - 2);
        double textWidth = longest * fontSize * 0.6; // DejaVu Sans: ~0.6 em per character
        int rotation = textWidth + 4 <= perCategory ? 0 : perCategory >= fontSize * 1.5 ? 45 : 90;
        c.getStyler().setXAxisTickMarkSpacingHint(1);
        c.getStyler().setXAxisLabelRotation(rotation);
        c.getStyler().setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, fontSize));
    }

    /** Image of {@link #barChart}. */
    public static BufferedImage bar(Frame f, String[] categories, Series... series) {
        return render(barChart(f, categories, series));
    }

    // ================================================================= heatmaps

    /**
     * Heatmap of a matrix {@code values[row][col]} with a colour bar, row 0 at the top (as the matrix
     * is printed). Typical uses: hidden states or gate activations over time (rows = units,
     * columns = time steps), a one-hot matrix, tag scores. Labels may be null (then 0, 1, ...).
     * The colour map is diverging (blue-white-red, symmetric around 0) when the values have both
     * signs, sequential (viridis) otherwise; {@link Frame#colorRange} fixes the scale.
     */
    public static HeatMapChart heatmapChart(Frame f, double[][] values, String[] rowLabels, String[] colLabels) {
        requireFrame(f, "heatmap");
        int rows = requireMatrix(values, "heatmap");
        int cols = values[0].length;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] r : values) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        Color[] colours;
        if (f.colorMin != null) {
            colours = f.colorMin < 0 && f.colorMax > 0 ? DIVERGING : SEQUENTIAL;
            lo = f.colorMin;
            hi = f.colorMax;
        } else if (lo < 0 && hi > 0) {
            colours = DIVERGING;
            double m = Math.max(-lo, hi);
            lo = -m;
            hi = m;
        } else {
            colours = SEQUENTIAL;
            if (lo == hi) {
                hi = lo + 1;
            }
        }
        boolean show = f.showValues != null ? f.showValues : rows * cols <= 64;
        if (show) {
            colours = colours == DIVERGING ? DIVERGING_LIGHT : SEQUENTIAL_LIGHT;
        }
        // whole numbers (a one-hot matrix, counts) are written without decimals: "1", not "1.00"
        return matrixChart(f, values, rowLabels, colLabels, colours, lo, hi, show, allWholeNumbers(values));
    }

    /** Whether every finite entry of {@code values} is a whole number of modest size. */
    static boolean allWholeNumbers(double[][] values) {
        for (double[] r : values) {
            for (double v : r) {
                if (Double.isFinite(v) && (v != Math.rint(v) || Math.abs(v) > 1e9)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Image of {@link #heatmapChart}. */
    public static BufferedImage heatmap(Frame f, double[][] values, String[] rowLabels, String[] colLabels) {
        return render(heatmapChart(f, values, rowLabels, colLabels));
    }

    /** Heatmap of a 2-D INDArray {@code [rows, cols]}, e.g. hidden states {@code [hidden, T]}. */
    public static BufferedImage heatmap(Frame f, org.nd4j.linalg.api.ndarray.INDArray values, String[] rowLabels,
                                        String[] colLabels) {
        if (values == null || values.rank() != 2) {
            throw Msg.badInput("Charts.heatmap: butuh matriks 2 dimensi [baris, kolom], didapat bentuk "
                            + (values == null ? "null" : java.util.Arrays.toString(values.shape()))
                            + ". Untuk [T, batch, hidden], pilih satu contoh dulu, mis. h.get(all(), point(0), all()).",
                    "Charts.heatmap: needs a 2-D matrix [rows, cols], got shape "
                            + (values == null ? "null" : java.util.Arrays.toString(values.shape()))
                            + ". For [T, batch, hidden], select one example first, e.g. h.get(all(), point(0), all()).");
        }
        return heatmap(f, values.toDoubleMatrix(), rowLabels, colLabels);
    }

    /** Heatmap without labels (rows and columns numbered from 0). */
    public static BufferedImage heatmap(Frame f, double[][] values) {
        return heatmap(f, values, null, null);
    }

    /**
     * Confusion matrix {@code counts[true][predicted]} with the count written in every cell; rows
     * are the true classes (top to bottom), columns the predicted classes. Put "predicted" in the
     * frame's x label and "true" in its y label, in the caller's language.
     */
    public static HeatMapChart confusionMatrixChart(Frame f, int[][] counts, String[] classNames) {
        requireFrame(f, "confusionMatrix");
        if (counts == null || counts.length == 0 || counts.length != counts[0].length) {
            throw Msg.badInput("Charts.confusionMatrix: matriks harus persegi [k][k] dan tidak kosong.",
                    "Charts.confusionMatrix: the matrix must be square [k][k] and not empty.");
        }
        double[][] v = new double[counts.length][];
        double hi = 1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw Msg.badInput("Charts.confusionMatrix: baris " + i + " punya " + counts[i].length + " kolom, bukan "
                                + counts.length + ".",
                        "Charts.confusionMatrix: row " + i + " has " + counts[i].length + " columns, not " + counts.length + ".");
            }
            v[i] = new double[counts.length];
            for (int j = 0; j < counts.length; j++) {
                v[i][j] = counts[i][j];
                hi = Math.max(hi, counts[i][j]);
            }
        }
        boolean show = f.showValues == null || f.showValues;
        return matrixChart(f, v, classNames, classNames, BLUES, 0, hi, show, true);
    }

    /** Image of {@link #confusionMatrixChart}. */
    public static BufferedImage confusionMatrix(Frame f, int[][] counts, String[] classNames) {
        return render(confusionMatrixChart(f, counts, classNames));
    }

    private static HeatMapChart matrixChart(Frame f, double[][] values, String[] rowLabels, String[] colLabels,
                                            Color[] colours, double lo, double hi, boolean show, boolean integers) {
        int rows = values.length, cols = values[0].length;
        List<String> xs = labels(colLabels, cols, "column", "kolom");
        List<String> ysTop = labels(rowLabels, rows, "row", "baris");
        // XChart draws the first y category at the bottom: reverse so row 0 is on top, as printed.
        List<String> ys = new ArrayList<>();
        for (int r = rows - 1; r >= 0; r--) {
            ys.add(ysTop.get(r));
        }
        List<Number[]> heat = new ArrayList<>();
        // XChart writes each shown value with getHeatMapValueDecimalPattern() (it never calls the
        // value formatter): set the pattern, and round the data to the same decimals so that no
        // "-0.00" appears and the numbers read like the printed matrix.
        double maxAbs = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
        }
        int decimals = integers ? 0 : valueDecimals(maxAbs);
        double scale = Math.pow(10, decimals);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = Double.isFinite(values[r][c]) ? values[r][c] : lo;
                if (show) {
                    v = Math.round(v * scale) / scale + 0.0; // + 0.0 turns -0.0 into 0.0
                }
                heat.add(new Number[] {c, rows - 1 - r, v});
            }
        }
        HeatMapChart ch = new HeatMapChart(f.width, f.height, Styler.ChartTheme.XChart); // (w, h) alone skips the theme: blank image
        ch.setTitle(f.title);
        ch.setXAxisTitle(f.xLabel);
        ch.setYAxisTitle(f.yLabel);
        style(ch.getStyler(), f);
        ch.getStyler().setLegendVisible(true);
        ch.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        ch.getStyler().setRangeColors(colours);
        ch.getStyler().setMin(integers ? lo : round2(lo));
        ch.getStyler().setMax(integers ? hi : round2(hi));
        ch.getStyler().setPlotGridLinesVisible(false);
        ch.getStyler().setShowValue(show);
        ch.getStyler().setValueFont(new Font(FONT, Font.PLAIN, cols > 8 ? 10 : 12));
        ch.getStyler().setValueFontColor(Color.BLACK);
        ch.getStyler().setHeatMapDecimalValueFormatter(v -> integers ? String.format(Locale.ROOT, "%.0f", v) : number(v));
        ch.getStyler().setHeatMapValueDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
        // one tick label per row/column as long as there are at least ~14 px per label
        ch.getStyler().setYAxisTickMarkSpacingHint(14);
        ch.getStyler().setXAxisTickMarkSpacingHint(cols > 6 ? 24 : 14);
        ch.getStyler().setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        ch.getStyler().setDrawBorder(cols <= 40 && rows <= 40);
        ch.getStyler().setGradientColorColumnHeight(Math.max(60, f.height - 140));
        ch.getStyler().setGradientColorColumnWeight(12);
        ch.getStyler().setXAxisLabelRotation(longest(xs.toArray(new String[0])) > 4 && cols > 6 ? 45 : 0);
        ch.addSeries(f.title.isEmpty() ? "heatmap" : f.title, xs, ys, heat);
        return ch;
    }

    // ================================================================= rendering and style

    /** Renders any XChart chart to an image (e.g. after changing a chart returned by {@code xxxChart}). */
    public static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void style(Styler s, Frame f) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xBBBBBB));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, titleFontSize(f.title, f.width)));
        s.setChartTitleVisible(!f.title.isEmpty());
        s.setChartTitleBoxVisible(false);
        s.setChartFontColor(new Color(0x222222));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        if (!(s instanceof org.knowm.xchart.style.HeatMapStyler)) {
            // below the plot: a legend inside the plot always ends up covering some data
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            s.setLegendLayout(Styler.LegendLayout.Horizontal);
        }
        s.setAntiAlias(true);
        s.setChartPadding(10);
        s.setSeriesColors(PALETTE);
        s.setLocale(Locale.ROOT);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
            a.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
            a.setAxisTickLabelsColor(new Color(0x333333));
            a.setPlotGridLinesColor(new Color(0xE5E5E5));
            a.setPlotGridLinesStroke(new BasicStroke(1f));
            a.setAxisTicksMarksVisible(true);
            a.setXAxisTitleVisible(!f.xLabel.isEmpty());
            a.setYAxisTitleVisible(!f.yLabel.isEmpty());
            a.setPlotMargin(4);
        }
    }

    /** Title font size: 15 pt, smaller (down to 10 pt) when the title would not fit into the chart's width. */
    static int titleFontSize(String title, int width) {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // XChart centres the title over the plot area, which starts right of the y axis (its title and
            // tick labels, ~80 px): the title fits when it is no wider than the chart minus twice that offset
            int available = width - 2 * 10 - 2 * 80;
            for (int size = 15; size > 10; size--) {
                java.awt.FontMetrics fm = g.getFontMetrics(new Font(FONT, Font.BOLD, size));
                if (fm.stringWidth(title) <= available) {
                    return size;
                }
            }
            return 10;
        } finally {
            g.dispose();
        }
    }

    /** The tick label pattern of linear value axes: {@code 0.05}, never XChart's {@code .05}. */
    static final String DECIMAL_PATTERN = "#,##0.###";

    private static void requireFrame(Frame f, String op) {
        if (f == null) {
            throw Msg.badInput("Charts." + op + ": frame bernilai null. Buat dengan Charts.frame(judul, labelX, labelY).",
                    "Charts." + op + ": the frame is null. Make one with Charts.frame(title, xLabel, yLabel).");
        }
    }

    private static void checkSeries(Series s, int k, Set<String> names, String op) {
        if (s == null || s.y() == null || s.y().length == 0) {
            throw Msg.badInput("Charts." + op + ": seri ke-" + k + " kosong atau null.",
                    "Charts." + op + ": series " + k + " is empty or null.");
        }
        if (s.name() == null || !names.add(s.name())) {
            throw Msg.badInput("Charts." + op + ": nama seri '" + s.name() + "' kosong atau dipakai dua kali. Setiap seri"
                            + " perlu nama unik (nama itu tampil di legenda).",
                    "Charts." + op + ": series name '" + s.name() + "' is null or used twice. Every series needs a"
                            + " unique name (it is shown in the legend).");
        }
        if (s.x() != null && s.x().length != s.y().length) {
            throw Msg.badInput("Charts." + op + ": seri '" + s.name() + "' punya " + s.x().length + " nilai x tetapi "
                            + s.y().length + " nilai y.",
                    "Charts." + op + ": series '" + s.name() + "' has " + s.x().length + " x values but " + s.y().length
                            + " y values.");
        }
    }

    private static int requireMatrix(double[][] v, String op) {
        if (v == null || v.length == 0 || v[0] == null || v[0].length == 0) {
            throw Msg.badInput("Charts." + op + ": matriks kosong atau null.", "Charts." + op + ": the matrix is empty or null.");
        }
        for (int r = 0; r < v.length; r++) {
            if (v[r] == null || v[r].length != v[0].length) {
                throw Msg.badInput("Charts." + op + ": baris " + r + " punya panjang berbeda dari baris 0 (" + v[0].length + ").",
                        "Charts." + op + ": row " + r + " has a different length than row 0 (" + v[0].length + ").");
            }
        }
        return v.length;
    }

    private static List<String> labels(String[] given, int n, String en, String id) {
        if (given != null && given.length != n) {
            throw Msg.badInput("Charts.heatmap: ada " + given.length + " label " + id + ", tetapi matriks punya " + n + " "
                            + id + ".",
                    "Charts.heatmap: there are " + given.length + " " + en + " labels but the matrix has " + n + " " + en
                            + "s.");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String l = given == null ? String.valueOf(i) : visible(given[i]);
            // XChart treats labels as categories: equal labels (e.g. the letter 'l' twice in "hello")
            // would collapse into one column, so make repeats distinct with invisible spaces.
            while (!seen.add(l)) {
                l = l + "\u200B";
            }
            out.add(l);
        }
        return out;
    }

    /**
     * XChart puts x ticks at the data points themselves when the x values are equally spaced, every k-th
     * point from the first, as densely as the longest label allows: 0 3 6 9 … over 100 steps, 1 15 29 …
     * over 300. For more than 12 points the axis is widened by half a step on each side, which makes XChart
     * choose round tick values (0 20 40 …) with room between the labels.
     */
    private static void spreadXTicks(XYChart c, Series[] series, int firstX) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (Series s : series) {
            if (s != null && s.y() != null) {
                double[] x = s.x() != null ? s.x() : range(firstX, s.y().length);
                for (double v : x) {
                    if (Double.isFinite(v)) {
                        xs.add(v);
                    }
                }
            }
        }
        if (xs.size() <= 12) {
            return;
        }
        double step = (xs.last() - xs.first()) / (xs.size() - 1);
        double prev = Double.NaN;
        for (double v : xs) {
            if (!Double.isNaN(prev) && Math.abs(v - prev - step) > 1e-6 * Math.max(1, Math.abs(step))) {
                return; // not equally spaced: XChart already picks round ticks
            }
            prev = v;
        }
        c.getStyler().setXAxisMin(xs.first() - step / 2);
        c.getStyler().setXAxisMax(xs.last() + step / 2);
    }

    /** Whether the decade labels from 10^lo to 10^hi are written as powers (10⁻⁶) rather than decimals (0.001). */
    static boolean usesPowers(int lo, int hi) {
        return lo < -3 || hi > 5;
    }

    /**
     * Tick label of the decade axis (values are log10 of the data): a whole decade k is written
     * {@code 10^k} with a superscript when {@code powers}, else as a plain number (0.01, 1, 1,000);
     * positions between decades get no label.
     */
    static String decadeTick(Double v, boolean powers) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        long k = Math.round(v);
        if (Math.abs(v - k) > 1e-9) {
            return "";
        }
        if (!powers) {
            return number(Math.pow(10, k));
        }
        StringBuilder exp = new StringBuilder();
        if (k < 0) {
            exp.append('⁻');
        }
        for (char ch : String.valueOf(Math.abs(k)).toCharArray()) {
            exp.append(SUPERSCRIPT.charAt(ch - '0'));
        }
        return "10" + exp;
    }

    /** Smallest and largest positive finite y value of {@code series} ({1, 10} when there is none). */
    private static double[] positiveRange(Series[] series) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Series s : series) {
            if (s != null && s.y() != null) {
                for (double v : s.y()) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return hi > 0 ? new double[] {lo, hi} : new double[] {1, 10};
    }

    /** How many powers of ten the positive y values of {@code series} span. */
    private static double decades(Series[] series) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Series s : series) {
            if (s != null && s.y() != null) {
                for (double v : s.y()) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return hi > 0 ? Math.log10(hi / lo) : 0;
    }

    /** Decimals shown in heatmap cells: 2 below 10, 1 below 100, none above. */
    static int valueDecimals(double maxAbs) {
        return maxAbs < 10 ? 2 : maxAbs < 100 ? 1 : 0;
    }

    /** Rounds away from zero to two significant digits, so the colour bar shows 0.91, not 0.9051455989976096. */
    private static double round2(double v) {
        if (v == 0.0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2, java.math.RoundingMode.UP)).doubleValue();
    }

    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** Compact number text: {@code 0.25}, {@code 1,200}, {@code 3·10⁻⁵}. */
    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        double a = Math.abs(v);
        if (a == 0.0) {
            return "0";
        }
        if (a >= 1e-3 && a < 1e6) {
            String pattern = a >= 100 ? "#,##0" : a >= 1 ? "#,##0.##" : "0.###";
            return new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
        }
        int e = (int) Math.floor(Math.log10(a));
        double m = v / Math.pow(10, e);
        StringBuilder exp = new StringBuilder();
        String digits = String.valueOf(Math.abs(e));
        if (e < 0) {
            exp.append('⁻');
        }
        for (char ch : digits.toCharArray()) {
            exp.append(SUPERSCRIPT.charAt(ch - '0'));
        }
        String mant = Math.abs(Math.abs(m) - 1.0) < 1e-9 ? (m < 0 ? "-" : "")
                : new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(m) + "·";
        return mant + "10" + exp;
    }

    /** Makes a blank or control character visible as a label (space as ␣, newline as ↵). */
    private static String visible(String l) {
        if (l == null || l.isEmpty()) {
            return "∅";
        }
        switch (l) {
            case " ": return "␣";
            case "\n": return "↵";
            case "\t": return "⇥";
            default: return l;
        }
    }

    private static int longest(String[] s) {
        int m = 0;
        for (String x : s) {
            m = Math.max(m, x == null ? 0 : x.length());
        }
        return m;
    }

    private static double[] range(int from, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i;
        }
        return x;
    }

    private static List<double[]> positive(double[] x, double[] y) {
        int n = 0;
        for (double v : y) {
            if (v > 0 && Double.isFinite(v)) {
                n++;
            }
        }
        double[] kx = new double[n], ky = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                kx[k] = x[i];
                ky[k++] = y[i];
            }
        }
        return List.of(kx, ky);
    }
}
