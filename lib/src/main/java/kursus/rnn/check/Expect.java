package kursus.rnn.check;

import java.util.Arrays;
import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares a number the notebook just computed with the value printed in the lecture material,
 * prints both side by side, and throws when they differ. Notebooks use it for worked examples, so
 * that executing the notebooks in the test suite fails if a result ever drifts from the lecture.
 */
public final class Expect {
    private Expect() {}

    /**
     * Checks {@code |actual - expected| <= tol}; prints one line "label: computed … / lecture …  ✓"
     * and returns {@code actual}. Throws a bilingual {@link IllegalStateException} otherwise.
     */
    public static double near(String label, double actual, double expected, double tol) {
        boolean ok = Math.abs(actual - expected) <= tol && Double.isFinite(actual);
        System.out.println(String.format("%-28s hitung/computed %12.6f | materi/lecture %12.6f  %s",
                label, actual, expected, ok ? "✓" : "✗"));
        if (!ok) {
            throw Msg.badState(
                    label + ": hasil " + actual + " berbeda dari nilai materi " + expected + " (toleransi " + tol + ")",
                    label + ": result " + actual + " differs from the lecture value " + expected + " (tolerance " + tol + ")");
        }
        return actual;
    }

    /**
     * Element-wise version for arrays: {@code expected} is given in C order and must have as many
     * entries as {@code actual}. Prints the largest difference and returns {@code actual}.
     */
    public static INDArray near(String label, INDArray actual, double[] expected, double tol) {
        if (actual == null || actual.length() != expected.length) {
            throw Msg.badInput(
                    label + ": jumlah elemen berbeda, diharapkan " + expected.length + ", ternyata "
                            + (actual == null ? "null" : actual.length() + " " + Arrays.toString(actual.shape())),
                    label + ": element count differs, expected " + expected.length + ", got "
                            + (actual == null ? "null" : actual.length() + " " + Arrays.toString(actual.shape())));
        }
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double worst = 0;
        int at = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Double.isFinite(a[i]) ? Math.abs(a[i] - expected[i]) : Double.POSITIVE_INFINITY;
            if (d > worst || Double.isInfinite(d)) {
                worst = d;
                at = i;
            }
        }
        boolean ok = worst <= tol;
        System.out.println(String.format("%-28s selisih maks/max diff %.2e (toleransi/tol %.0e)  %s",
                label, worst, tol, ok ? "✓" : "✗"));
        if (!ok) {
            throw Msg.badState(
                    label + ": elemen ke-" + at + " = " + a[at] + ", nilai materi " + expected[at] + " (selisih " + worst + ")",
                    label + ": element " + at + " = " + a[at] + ", lecture value " + expected[at] + " (difference " + worst + ")");
        }
        return actual;
    }

    /** Throws a bilingual error with both messages when {@code condition} is false; prints ✓ otherwise. */
    public static void that(boolean condition, String indonesian, String english) {
        if (!condition) {
            throw Msg.badState(indonesian, english);
        }
        System.out.println("✓ " + indonesian + " / " + english);
    }
}
