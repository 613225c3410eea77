package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each answer is written the way a student would write it. */
class Latihan10Test {

    static double[][] right(double[] s, int w, int first, int end) {
        double[][] out = new double[end - first][w];
        for (int t = first; t < end; t++) {
            for (int k = 0; k < w; k++) {
                out[t - first][k] = s[t - w + k];
            }
        }
        return out;
    }

    @Test
    void theReferenceAnswerPasses() {
        var v = Latihan10.evaluateWindowsFor(Latihan10Test::right);
        assertTrue(v.passed(), v.message());
        Latihan10.checkWindowsFor(Latihan10Test::right); // prints, does not throw
    }

    @Test
    void windowEndingOnTheTargetIsLeakage() {
        var v = Latihan10.evaluateWindowsFor((s, w, first, end) -> {
            double[][] out = new double[end - first][w];
            for (int t = first; t < end; t++) {
                for (int k = 0; k < w; k++) {
                    out[t - first][k] = s[t - w + 1 + k];
                }
            }
            return out;
        });
        assertEquals(Latihan10.Mistake.INCLUDES_TARGET, v.mistake(), v.message());
    }

    @Test
    void windowOneDayTooEarly() {
        var v = Latihan10.evaluateWindowsFor((s, w, first, end) -> {
            double[][] out = new double[end - first][w];
            for (int t = first; t < end; t++) {
                for (int k = 0; k < w; k++) {
                    out[t - first][k] = s[t - w - 1 + k];
                }
            }
            return out;
        });
        assertEquals(Latihan10.Mistake.ONE_DAY_EARLY, v.mistake(), v.message());
    }

    @Test
    void reversedWindow() {
        var v = Latihan10.evaluateWindowsFor((s, w, first, end) -> {
            double[][] out = new double[end - first][w];
            for (int t = first; t < end; t++) {
                for (int k = 0; k < w; k++) {
                    out[t - first][k] = s[t - 1 - k];
                }
            }
            return out;
        });
        assertEquals(Latihan10.Mistake.REVERSED, v.mistake(), v.message());
    }

    @Test
    void endDayIncludedGivesOneWindowTooMany() {
        var v = Latihan10.evaluateWindowsFor((s, w, first, end) -> right(s, w, first, end + 1));
        assertEquals(Latihan10.Mistake.WRONG_COUNT, v.mistake(), v.message());
    }

    @Test
    void readingForwardFromTheTargetIsNamed() {
        var v = Latihan10.evaluateWindowsFor((s, w, first, end) -> {
            double[][] out = new double[end - first][w];
            for (int t = first; t < end; t++) {
                for (int k = 0; k < w; k++) {
                    out[t - first][k] = s[Math.min(t + k, s.length - 1)];
                }
            }
            return out;
        });
        assertFalse(v.passed());
        assertTrue(v.mistake() == Latihan10.Mistake.READS_FUTURE || v.mistake() == Latihan10.Mistake.UNKNOWN,
                v.message());
    }

    @Test
    void changingTheInputIsNamed() {
        var v = Latihan10.evaluateWindowsFor((s, w, first, end) -> {
            double[][] out = right(s, w, first, end);
            s[0] = -1;
            return out;
        });
        assertEquals(Latihan10.Mistake.CHANGED_INPUT, v.mistake(), v.message());
    }

    @Test
    void aWrongAnswerThrowsWithTheParsableFirstLine() {
        var e = assertThrows(ExerciseFailedException.class,
                () -> Latihan10.checkWindowsFor((s, w, first, end) -> right(s, w, first, end + 1)));
        assertTrue(e.getMessage().startsWith("Latihan 10.1: WRONG_COUNT"), e.getMessage());
    }
}
