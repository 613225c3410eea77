package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.DecimalFormat;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;

/** Cell values in heatmaps are rounded; bar charts label every category (XChart skips labels when crowded). */
class ChartsLabelsTest {
    private static Charts.Frame frame() {
        return Charts.frame("Judul / Title", "x", "y");
    }

    /** Encodes as PNG and decodes again (what a notebook gets), checking the size. */
    private static BufferedImage png(BufferedImage img, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "png", out));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(w, back.getWidth());
        assertEquals(h, back.getHeight());
        return back;
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        return Arrays.equals(pa, pb);
    }

    private static String[] categories(int n, int changed, String changedLabel) {
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            c[i] = i == changed ? changedLabel : String.format("k%02d", i);
        }
        return c;
    }

    private static double[] values(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1 + (i % 5);
        }
        return v;
    }

    @Test
    void heatmapShowsValuesRoundedToTwoDecimals() throws Exception {
        double[][] raw = {{0.123456789, -0.987654321}, {0.5, -0.0004}};
        HeatMapChart c = Charts.heatmapChart(frame().showValues(true), raw, null, null);
        String pattern = c.getStyler().getHeatMapValueDecimalPattern();
        assertEquals("0.00", pattern);
        DecimalFormat f = new DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        java.util.List<Number[]> heat = new java.util.ArrayList<>(c.getHeatMapSeries().getHeatData());
        assertEquals("0.12", f.format(heat.get(0)[2]));
        // the tiny negative value is rounded to 0 (no "-0.00" in the cell)
        double tiny = heat.stream()
                .filter(p -> p[0].intValue() == 1 && p[1].intValue() == 0).findFirst().orElseThrow()[2].doubleValue();
        assertEquals("0.00", f.format(tiny));
        assertEquals(1, c.getSeriesCollection().size());
        png(Charts.render(c), 640, 400);
    }

    @Test
    void heatmapCellTextDoesNotDependOnDigitsBeyondTheSecondDecimal() throws Exception {
        // With a fixed colour range, 0.123456789 and 0.12 must render to the same picture: same
        // colour after rounding, same text "0.12". (XChart's default pattern would print "0.123".)
        Charts.Frame f = frame().showValues(true).colorRange(0, 1);
        BufferedImage a = png(Charts.heatmap(f, new double[][] {{0.123456789, 0.5}}, null, null), 640, 400);
        BufferedImage b = png(Charts.heatmap(f, new double[][] {{0.12, 0.5}}, null, null), 640, 400);
        BufferedImage c = png(Charts.heatmap(f, new double[][] {{0.13, 0.5}}, null, null), 640, 400);
        assertTrue(samePixels(a, b), "0.123456789 and 0.12 must look identical");
        assertFalse(samePixels(a, c), "0.13 must look different (the test can see the text)");
    }

    @Test
    void aOneHotHeatmapShowsOnesAndZerosWithoutDecimals() {
        double[][] oneHot = {{0, 1, 0}, {1, 0, 0}};
        HeatMapChart c = Charts.heatmapChart(frame().showValues(true).colorRange(0, 1), oneHot, null, null);
        String pattern = c.getStyler().getHeatMapValueDecimalPattern();
        assertEquals("0", pattern, "a one-hot matrix reads 0/1, not 0.00/1.00");
        DecimalFormat f = new DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        assertEquals("1", f.format(1.0));
        assertTrue(Charts.allWholeNumbers(oneHot));
        assertFalse(Charts.allWholeNumbers(new double[][] {{0, 0.5}}), "one fraction keeps the decimals");
        assertEquals("0.00", Charts.heatmapChart(frame().showValues(true), new double[][] {{0, 0.5}}, null, null)
                .getStyler().getHeatMapValueDecimalPattern());
    }

    @Test
    void heatmapDecimalsFollowTheMagnitude() {
        assertEquals(2, Charts.valueDecimals(9.99));
        assertEquals(1, Charts.valueDecimals(42));
        assertEquals(0, Charts.valueDecimals(1234));
        HeatMapChart c = Charts.heatmapChart(frame().showValues(true), new double[][] {{12.345, 50}}, null, null);
        assertEquals("0.0", c.getStyler().getHeatMapValueDecimalPattern());
    }

    @Test
    void barChartLabelsEveryCategoryWhenCrowded() throws Exception {
        // 24 categories on 640 px: ~22 px each, below XChart's 74 px tick hint, which would print
        // only every 4th label. Changing the label of category 1 or 22 must change the picture.
        int n = 24;
        Charts.Frame f = frame();
        BufferedImage base = png(Charts.bar(f, categories(n, -1, ""), Charts.series("v", values(n))), 640, 400);
        for (int k : new int[] {1, 2, 3, 22}) {
            BufferedImage other = png(Charts.bar(f, categories(n, k, "zz" + k), Charts.series("v", values(n))), 640, 400);
            assertFalse(samePixels(base, other), "the label of category " + k + " is not drawn");
        }
        CategoryChart c = Charts.barChart(f, categories(n, -1, ""), Charts.series("v", values(n)), Charts.series("w", values(n)));
        assertEquals(2, c.getSeriesCollection().size());
        assertEquals(1, c.getStyler().getXAxisTickMarkSpacingHint());
    }

    @Test
    void barChartTurnsLongLabelsAndKeepsShortOnesFlat() {
        CategoryChart flat = Charts.barChart(frame(), new String[] {"BoW", "RNN", "LSTM"}, Charts.series("s", new double[] {1, 2, 3}));
        assertEquals(0, flat.getStyler().getXAxisLabelRotation());
        String[] longNames = categories(12, -1, "");
        for (int i = 0; i < longNames.length; i++) {
            longNames[i] = "kategori panjang " + i;
        }
        CategoryChart turned = Charts.barChart(frame(), longNames, Charts.series("s", values(12)));
        assertNotEquals(0, turned.getStyler().getXAxisLabelRotation());
        CategoryChart many = Charts.barChart(frame(), categories(80, -1, ""), Charts.series("s", values(80)));
        assertEquals(90, many.getStyler().getXAxisLabelRotation());
        assertTrue(many.getStyler().getAxisTickLabelsFont().getSize() < 11, "smaller font for 80 categories");
    }

    @Test
    void aLongTitleGetsASmallerFontSoItFitsAndAShortOneKeeps15pt() {
        assertEquals(15, Charts.titleFontSize("Judul / Title", 560));
        String longTitle = "Probabilitas huruf setelah \"he\" / Next-letter probabilities after \"he\"";
        int size = Charts.titleFontSize(longTitle, 560);
        assertTrue(size < 15 && size >= 10, "size " + size);
        // rendered: the title's last letters must not touch the right edge (the column of pixels there stays white)
        BufferedImage img = Charts.bar(Charts.frame(longTitle, "x", "p").size(560, 360), new String[] {"h", "e"},
                Charts.series("p", new double[] {0.4, 0.2}));
        for (int y = 0; y < 40; y++) {
            for (int x = 560 - 8; x < 560; x++) {
                assertEquals(0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, "title pixel at the right edge: (" + x + ", " + y + ")");
            }
        }
        java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int width = g.getFontMetrics(new java.awt.Font(Charts.FONT, java.awt.Font.BOLD, size)).stringWidth(longTitle);
        int wider = g.getFontMetrics(new java.awt.Font(Charts.FONT, java.awt.Font.BOLD, size + 1)).stringWidth(longTitle);
        g.dispose();
        assertTrue(width <= 560 - 180 && wider > 560 - 180, width + " / " + wider);
        CategoryChart c = Charts.barChart(Charts.frame(longTitle, "x", "p").size(560, 360), new String[] {"h", "e"},
                Charts.series("p", new double[] {0.4, 0.2}));
        assertEquals(size, c.getStyler().getChartTitleFont().getSize());
    }

    @Test
    void linearValueAxesWriteALeadingZero() {
        CategoryChart bar = Charts.barChart(frame(), new String[] {"a", "b"}, Charts.series("p", new double[] {0.42, 0.05}));
        String pattern = bar.getStyler().getYAxisDecimalPattern();
        assertEquals("0.05", new DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(0.05));
        assertEquals(pattern, Charts.lineChart(frame(), Charts.series("y", new double[] {0.05, 0.1})).getStyler().getYAxisDecimalPattern());
    }
}
