package kursus.rnn.metrics;

import java.util.Locale;

/**
 * Per-class precision, recall, F1 and support, with macro and support-weighted averages and the
 * accuracy, computed from a confusion matrix (rows = true class, columns = predicted class).
 *
 * <p>Conventions as scikit-learn's {@code classification_report}: a class never predicted has
 * precision 0, a class that never occurs has recall 0, and F1 is 0 when precision + recall is 0.
 * {@code toString()} prints the same table layout.
 */
public final class ClassReport {
    private final String[] names;
    private final int[][] confusion;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final int[] support;

    ClassReport(int[][] confusion, String[] names) {
        this.confusion = confusion;
        this.names = names;
        int k = confusion.length;
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new int[k];
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += confusion[j][c];
                actual += confusion[c][j];
            }
            support[c] = actual;
            precision[c] = predicted == 0 ? 0.0 : (double) tp / predicted;
            recall[c] = actual == 0 ? 0.0 : (double) tp / actual;
            f1[c] = Metrics.f1(precision[c], recall[c]);
        }
    }

    /** Number of classes. */
    public int numClasses() {
        return confusion.length;
    }

    /** Class names (given, or "0", "1", ...). */
    public String[] names() {
        return names.clone();
    }

    /** The confusion matrix {@code [true][predicted]} (a copy). */
    public int[][] confusionMatrix() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** Precision of class c: of everything predicted as c, the fraction that really is c. */
    public double precision(int c) {
        return precision[c];
    }

    /** Recall of class c: of everything that really is c, the fraction predicted as c. */
    public double recall(int c) {
        return recall[c];
    }

    /** F1 of class c: harmonic mean of its precision and recall. */
    public double f1(int c) {
        return f1[c];
    }

    /** Number of examples whose true class is c. */
    public int support(int c) {
        return support[c];
    }

    /** Total number of examples. */
    public int total() {
        int n = 0;
        for (int s : support) {
            n += s;
        }
        return n;
    }

    /** Fraction of examples classified correctly. */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return total() == 0 ? 0.0 : (double) correct / total();
    }

    /** Unweighted mean of the per-class precisions (every class counts the same). */
    public double macroPrecision() {
        return mean(precision);
    }

    /** Unweighted mean of the per-class recalls. */
    public double macroRecall() {
        return mean(recall);
    }

    /** Unweighted mean of the per-class F1 scores (scikit-learn's {@code f1_score(average='macro')}). */
    public double macroF1() {
        return mean(f1);
    }

    /** Support-weighted mean of the per-class F1 scores. */
    public double weightedF1() {
        return weighted(f1);
    }

    /** Support-weighted mean of the per-class precisions. */
    public double weightedPrecision() {
        return weighted(precision);
    }

    /** Support-weighted mean of the per-class recalls. */
    public double weightedRecall() {
        return weighted(recall);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0.0 : s / v.length;
    }

    private double weighted(double[] v) {
        double s = 0;
        for (int c = 0; c < v.length; c++) {
            s += v[c] * support[c];
        }
        return total() == 0 ? 0.0 : s / total();
    }

    /** The report as a table (like scikit-learn's {@code classification_report}). */
    @Override
    public String toString() {
        int w = 12;
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        StringBuilder sb = new StringBuilder();
        String head = "%" + w + "s %10s %10s %10s %10s%n";
        String row = "%" + w + "s %10.2f %10.2f %10.2f %10d%n";
        sb.append(String.format(Locale.ROOT, head, "", "precision", "recall", "f1-score", "support"));
        for (int c = 0; c < names.length; c++) {
            sb.append(String.format(Locale.ROOT, row, names[c], precision[c], recall[c], f1[c], support[c]));
        }
        sb.append(String.format(Locale.ROOT, "%" + w + "s %10s %10s %10.2f %10d%n", "accuracy", "", "", accuracy(), total()));
        sb.append(String.format(Locale.ROOT, row, "macro avg", macroPrecision(), macroRecall(), macroF1(), total()));
        sb.append(String.format(Locale.ROOT, row, "weighted avg", weightedPrecision(), weightedRecall(), weightedF1(), total()));
        return sb.toString();
    }
}
