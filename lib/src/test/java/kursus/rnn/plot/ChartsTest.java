package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsTest {
    @TempDir
    Path dir;

    private static final double[] TRAIN = {2.0, 1.2, 0.8, 0.6, 0.5};
    private static final double[] VAL = {2.1, 1.4, 1.1, 1.0, 1.05};

    /** Writes the image as PNG, reads it back and checks the size, as a notebook would receive it. */
    private void assertPng(BufferedImage img, int w, int h) throws Exception {
        File f = dir.resolve("chart.png").toFile();
        assertTrue(ImageIO.write(img, "png", f));
        BufferedImage back = ImageIO.read(f);
        assertEquals(w, back.getWidth());
        assertEquals(h, back.getHeight());
        assertTrue(distinctColours(back) > 10, "the image should not be blank");
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }

    private static Charts.Frame frame() {
        return Charts.frame("Judul / Title", "x", "y");
    }

    @Test
    void lossCurveHasTrainAndValidationStartingAtEpochOne() throws Exception {
        XYChart c = Charts.lossCurveChart(frame(), Charts.series("latih", TRAIN), Charts.series("validasi", VAL));
        assertEquals(2, c.getSeriesCollection().size());
        XYSeries first = c.getSeriesCollection().iterator().next();
        assertEquals("latih", first.getName());
        assertEquals(1.0, first.getXData()[0]);
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void lossCurveShortcutWithoutValidationHasOneSeries() throws Exception {
        BufferedImage img = Charts.lossCurve("Loss", "epoch", "loss", "train", TRAIN, "val", null);
        assertPng(img, Charts.WIDTH, Charts.HEIGHT);
    }

    @Test
    void sizeIsConfigurable() throws Exception {
        assertPng(Charts.lossCurve(frame().size(800, 300).logY(), Charts.series("a", TRAIN)), 800, 300);
    }

    @Test
    void lineChartHasOneSeriesPerInputAndStartsAtZero() throws Exception {
        XYChart c = Charts.lineChart(frame(), Charts.series("a", TRAIN), Charts.series("b", VAL), Charts.series("c", new float[] {1f, 2f}));
        assertEquals(3, c.getSeriesCollection().size());
        assertEquals(0.0, c.getSeriesCollection().iterator().next().getXData()[0]);
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void gradientNormChartIsLogarithmicAndDropsZeros() throws Exception {
        double[] rnn = {0.0, 1e-6, 1e-4, 1e-2, 1};
        XYChart c = Charts.gradientNormChart(frame(), Charts.series("RNN", rnn), Charts.series("LSTM", VAL));
        assertTrue(!c.getStyler().isYAxisLogarithmic(), "6 decades: log10 values on a decade axis");
        XYSeries s = c.getSeriesCollection().iterator().next();
        assertEquals(4, s.getYData().length); // the zero cannot be drawn on a log axis
        assertEquals(-6.0, s.getYData()[0], 1e-12);
        assertArrayEquals(new double[] {2, 3, 4, 5}, s.getXData()); // time steps of the kept points
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void predictionChartDrawsActualThenPredictions() throws Exception {
        double[] actual = {1, 2, 3, 4, 5, 6};
        XYChart c = Charts.predictionChart(frame(), Charts.series("aktual", actual),
                Charts.series("prediksi", new int[] {4, 5}, new double[] {4.8, 6.2}));
        List<XYSeries> s = new ArrayList<>(c.getSeriesCollection());
        assertEquals(2, s.size());
        assertEquals("aktual", s.get(0).getName());
        assertEquals(Charts.ACTUAL, s.get(0).getLineColor());
        assertArrayEquals(new double[] {4, 5}, s.get(1).getXData());
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void barChartHasOneSeriesPerGroupMember() throws Exception {
        CategoryChart c = Charts.barChart(frame(), new String[] {"BoW", "RNN", "LSTM"},
                Charts.series("semua", new double[] {0.7, 0.72, 0.85}), Charts.series("negasi", new double[] {0.5, 0.6, 0.8}));
        assertEquals(2, c.getSeriesCollection().size());
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void barChartNeedsOneValuePerCategory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.barChart(frame(), new String[] {"a", "b"}, Charts.series("s", new double[] {1})));
        assertTrue(e.getMessage().contains("2 categories"), e.getMessage());
    }

    @Test
    void heatmapPutsRowZeroOnTopAndUsesADivergingScaleForSignedValues() throws Exception {
        double[][] h = {{-0.5, 0.2, 0.9}, {0.1, -0.8, 0.3}};
        HeatMapChart c = Charts.heatmapChart(frame(), h, new String[] {"h1", "h2"}, new String[] {"t1", "t2", "t3"});
        assertEquals(1, c.getSeriesCollection().size());
        List<?> ys = c.getHeatMapSeries().getYData();
        assertEquals("h1", ys.get(ys.size() - 1)); // XChart draws the last y category at the top
        assertEquals(3, c.getHeatMapSeries().getXData().size());
        assertEquals(6, c.getHeatMapSeries().getHeatData().size());
        assertEquals(-c.getStyler().getMax(), c.getStyler().getMin(), 1e-12);
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void heatmapKeepsRepeatedLabelsAsSeparateColumns() {
        // "hello" has two l's: both must stay columns of their own
        HeatMapChart c = Charts.heatmapChart(frame(), new double[][] {{1, 0, 0, 0, 0}}, null, "hello".split(""));
        assertEquals(5, c.getHeatMapSeries().getXData().size());
        assertEquals(5, new java.util.HashSet<>(c.getHeatMapSeries().getXData()).size());
    }

    @Test
    void heatmapColourRangeCanBeFixed() throws Exception {
        HeatMapChart c = Charts.heatmapChart(frame().colorRange(0, 1), new double[][] {{0.2, 0.4}}, null, null);
        assertEquals(0.0, c.getStyler().getMin());
        assertEquals(1.0, c.getStyler().getMax());
        assertPng(Charts.heatmap(frame().size(500, 300), new double[][] {{0.2, 0.4}}), 500, 300);
    }

    @Test
    void heatmapLabelCountMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.heatmapChart(frame(), new double[][] {{1, 2}}, null, new String[] {"a"}));
        assertTrue(e.getMessage().contains("1 column labels"), e.getMessage());
    }

    @Test
    void confusionMatrixShowsCountsWithTrueClassesAsRows() throws Exception {
        HeatMapChart c = Charts.confusionMatrixChart(frame(), new int[][] {{50, 10}, {7, 33}}, new String[] {"neg", "pos"});
        assertTrue(c.getStyler().isShowValue());
        assertEquals(4, c.getHeatMapSeries().getHeatData().size());
        assertEquals(50.0, c.getStyler().getMax());
        assertPng(Charts.render(c), 640, 400);
    }

    @Test
    void duplicateSeriesNamesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.lineChart(frame(), Charts.series("a", TRAIN), Charts.series("a", VAL)));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void indArrayInputsAreAccepted() throws Exception {
        org.nd4j.linalg.api.ndarray.INDArray h = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.1, 0.5}, {0.9, 0.3}, {0.2, 0.7}});
        assertPng(Charts.heatmap(frame(), h, null, null), 640, 400);
        XYChart c = Charts.lineChart(frame(), Charts.series("row 0", h.getRow(0)));
        assertArrayEquals(new double[] {0.1, 0.5}, c.getSeriesCollection().iterator().next().getYData(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Charts.series("3d", org.nd4j.linalg.factory.Nd4j.zeros(2, 2, 2)));
    }

    @Test
    void gradientNormChartLeavesTheCallersFrameLinear() {
        Charts.Frame f = frame();
        Charts.gradientNormChart(f, Charts.series("a", TRAIN));
        assertTrue(!Charts.lineChart(f, Charts.series("a", TRAIN)).getStyler().isYAxisLogarithmic());
    }

    @Test
    void logAxisNumbersAreCompact() {
        assertEquals("10⁻⁵", Charts.number(1e-5));
        assertEquals("2·10⁻⁷", Charts.number(2e-7));
        assertEquals("0.25", Charts.number(0.25));
        assertEquals("1,200", Charts.number(1200.0));
    }

    @Test
    void aLongLogAxisHasGridLinesAndLabelsAtWholeDecadesOnlyInOneFormat() {
        // 0.9^k, 1 and 1.1^k over 100 steps span 8.6 decades: XChart's own log axis would draw grid lines
        // at 2..9 of every decade and label 10,000 / 1,000 / ... / 0.001 / 10⁻⁴ in two formats
        double[] k = new double[101], p09 = new double[101], p11 = new double[101];
        for (int i = 0; i <= 100; i++) {
            k[i] = i;
            p09[i] = Math.pow(0.9, i);
            p11[i] = Math.pow(1.1, i);
        }
        XYChart c = Charts.gradientNormChart(frame(), Charts.series("0.9^k", k, p09), Charts.series("1.1^k", k, p11));
        assertTrue(!c.getStyler().isYAxisLogarithmic(), "plotted as log10 on a linear axis");
        XYSeries s = c.getSeriesCollection().iterator().next();
        assertEquals(Math.log10(Math.pow(0.9, 100)), s.getYData()[100], 1e-12);
        assertEquals(-5.0, c.getStyler().getYAxisMin(), "axis from the decade below the smallest value (2.7e-5)");
        assertEquals(5.0, c.getStyler().getYAxisMax(), "to the decade above the largest (1.4e4)");
        var label = c.getStyler().getYAxisTickLabelsFormattingFunction();
        assertEquals("10⁻⁵", label.apply(-5.0));
        assertEquals("10⁰", label.apply(0.0));
        assertEquals("10⁴", label.apply(4.0), "one format: powers for every label once one needs it");
        assertEquals("", label.apply(0.5), "no label between decades");
    }

    @Test
    void decadeLabelsAreDecimalsWhenEveryDecadeIsShortAndPowersOtherwise() {
        assertTrue(!Charts.usesPowers(-3, 5));
        assertTrue(Charts.usesPowers(-4, 2));
        assertTrue(Charts.usesPowers(0, 6));
        assertEquals("0.001", Charts.decadeTick(-3.0, false));
        assertEquals("100", Charts.decadeTick(2.0, false));
        assertEquals("10⁻²³", Charts.decadeTick(-23.0, true));
        assertEquals("", Charts.decadeTick(-2.5, true));
    }

    @Test
    void aShortLogAxisStaysAnXChartLogAxis() {
        XYChart c = Charts.gradientNormChart(frame(), Charts.series("a", TRAIN));
        assertTrue(c.getStyler().isYAxisLogarithmic(), "0.5..2 is less than one decade: in-between ticks help");
        assertEquals(2.0, c.getSeriesCollection().iterator().next().getYData()[0]);
    }

    @Test
    void denseEquallySpacedXValuesGetRoundTicksNotEveryKthPoint() {
        double[] y = new double[300];
        java.util.Arrays.fill(y, 1.0);
        XYChart c = Charts.lossCurveChart(frame(), Charts.series("loss", y)); // x = 1..300
        assertEquals(0.5, c.getStyler().getXAxisMin());
        assertEquals(300.5, c.getStyler().getXAxisMax());
        XYChart few = Charts.lossCurveChart(frame(), Charts.series("loss", TRAIN)); // 5 epochs: a tick per epoch
        assertEquals(null, few.getStyler().getXAxisMin());
    }
}
