package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChartsDateAxisTest {
    @Test
    void datesBecomeDecimalYears() {
        double[] x = Charts.years(new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2001, 7, 2)});
        assertEquals(2000.0, x[0], 1e-12);
        assertEquals(2001.5, x[1], 0.003);
    }

    @Test
    void longSpansAreLabelledWithWholeYearsOnly() {
        var f = Charts.yearLabels(20);
        assertEquals("2005", f.apply(2005.0));
        assertEquals("2002-07", f.apply(2002.5)); // never empty: XChart sizes the axis from these labels
    }

    @Test
    void shortSpansAreLabelledWithYearAndMonth() {
        var f = Charts.yearLabels(1.5);
        assertEquals("2018-07", f.apply(2018.5));
        assertEquals("2019-01", f.apply(2019.0));
    }

    @Test
    void twentyYearsOfDailyPricesGetYearTicks() {
        int n = 5000;
        LocalDate[] d = new LocalDate[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = LocalDate.of(2000, 1, 3).plusDays(i * 7L / 5);
            y[i] = 1000 + i;
        }
        var chart = Charts.byDateChart(Charts.frame("S&P 500", "tahun / year", "harga / price"),
                Charts.series("close", Charts.years(d), y));
        assertEquals("2010", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(2010.0));
        var img = Charts.render(chart);
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
    }

    @Test
    void theDataEndsGetNonEmptyLabelsSoXChartDrawsTicks() {
        var f = Charts.yearLabels(19.2);
        assertEquals("2000-01", f.apply(2000.0055));
        assertEquals("2019-03", f.apply(2019.2));
    }

    @Test
    void eachPredictionGetsItsOwnColour() {
        double[] y = {1, 2, 3};
        var chart = Charts.predictionChart(Charts.frame("t", "x", "y"), Charts.series("actual", y),
                Charts.series("model", y), Charts.series("naive", y));
        var s = new java.util.ArrayList<>(chart.getSeriesCollection());
        assertTrue(!s.get(1).getLineColor().equals(s.get(2).getLineColor()), "two predictions share a colour");
    }

    @Test
    void aSeriesWithoutDatesIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Charts.byDate(Charts.frame("t", "x", "y"), Charts.series("close", new double[] {1, 2})));
        assertTrue(e.getMessage().contains("Charts.years"), e.getMessage());
    }
}
