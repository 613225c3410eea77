package kursus.rnn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void accuracyCountsMatches() {
        assertEquals(0.6, Metrics.accuracy(new int[] {0, 1, 2, 2, 2}, new int[] {0, 0, 2, 2, 1}), 1e-12);
    }

    @Test
    void maskedAccuracyIgnoresPadding() {
        int[][] a = {{1, 2}, {3, 0}};
        int[][] p = {{1, 0}, {3, 9}};
        double[][] m = {{1, 1}, {1, 0}}; // the 0-vs-9 mismatch is padding
        assertEquals(2.0 / 3.0, Metrics.accuracy(a, p, m), 1e-12);
    }

    @Test
    void confusionMatrixMatchesScikitLearnDocs() {
        // sklearn.metrics.confusion_matrix docs: y_true=[2,0,2,2,0,1], y_pred=[0,0,2,2,0,2]
        int[][] cm = Metrics.confusionMatrix(new int[] {2, 0, 2, 2, 0, 1}, new int[] {0, 0, 2, 2, 0, 2}, 3);
        assertArrayEquals(new int[][] {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}}, cm);
    }

    @Test
    void classificationReportMatchesScikitLearnDocs() {
        // sklearn.metrics.classification_report docs: y_true=[0,1,2,2,2], y_pred=[0,0,2,2,1]
        ClassReport r = Metrics.classification(new int[] {0, 1, 2, 2, 2}, new int[] {0, 0, 2, 2, 1},
                "class 0", "class 1", "class 2");
        assertEquals(0.50, r.precision(0), 1e-12);
        assertEquals(1.00, r.recall(0), 1e-12);
        assertEquals(0.67, r.f1(0), 0.005);
        assertEquals(0.0, r.f1(1), 0);
        assertEquals(1.00, r.precision(2), 1e-12);
        assertEquals(0.67, r.recall(2), 0.005);
        assertEquals(0.80, r.f1(2), 1e-12);
        assertEquals(3, r.support(2));
        assertEquals(0.60, r.accuracy(), 1e-12);
        assertEquals(0.50, r.macroPrecision(), 1e-12);
        assertEquals(0.56, r.macroRecall(), 0.005);
        assertEquals(0.49, r.macroF1(), 0.005);
        assertEquals(0.70, r.weightedPrecision(), 1e-12);
        assertEquals(0.61, r.weightedF1(), 0.005);
        assertTrue(r.toString().contains("macro avg"));
    }

    @Test
    void classOutsideRangeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.confusionMatrix(new int[] {0, 3}, new int[] {0, 1}, 2));
        assertTrue(e.getMessage().contains("actual[1] = 3"), e.getMessage());
    }

    @Test
    void regressionErrorsMatchScikitLearnDocs() {
        // sklearn docs: y_true=[3,-0.5,2,7], y_pred=[2.5,0.0,2,8]: MSE 0.375, MAE 0.5, MAPE 0.3273 (as a fraction)
        double[] y = {3, -0.5, 2, 7};
        double[] p = {2.5, 0.0, 2, 8};
        assertEquals(0.375, Metrics.mse(y, p), 1e-12);
        assertEquals(Math.sqrt(0.375), Metrics.rmse(y, p), 1e-12);
        assertEquals(0.5, Metrics.mae(y, p), 1e-12);
        assertEquals(32.738, Metrics.mape(y, p), 0.001); // sklearn prints 0.3273809...
    }

    @Test
    void mapeRefusesZeroActualValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mape(new double[] {1, 0}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("actual[1] = 0"), e.getMessage());
    }

    @Test
    void directionalAccuracyComparesMovesFromToday() {
        double[] actual = {10, 11, 10, 12, 12};
        // moves: up, down, up, flat.  predicted moves vs yesterday's actual: up(10.5>10), up(11.5>11: wrong),
        // up(10.2>10), down(11>12: wrong)
        double[] predicted = {0, 10.5, 11.5, 10.2, 11};
        assertEquals(0.5, Metrics.directionalAccuracy(actual, predicted), 1e-12);
    }

    @Test
    void directionalAccuracyWithExplicitToday() {
        assertEquals(1.0 / 3.0, Metrics.directionalAccuracy(new double[] {1, 1, 1}, new double[] {2, 0, 2},
                new double[] {3, 2, 0}), 1e-12);
    }

    @Test
    void uniformGuessOverVTokensHasPerplexityV() {
        assertEquals(27.0, Metrics.perplexity(Math.log(27)), 1e-9);
    }

    @Test
    void bitsPerCharacterConvertsNatsToBits() {
        assertEquals(1.0, Metrics.bitsPerCharacter(Math.log(2)), 1e-12);
        assertEquals(Math.log(27) / Math.log(2), Metrics.bitsPerCharacter(Math.log(27)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.perplexity(Double.NaN));
    }

    @Test
    void lengthMismatchIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.rmse(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("actual 2, predicted 1"), e.getMessage());
    }
}
