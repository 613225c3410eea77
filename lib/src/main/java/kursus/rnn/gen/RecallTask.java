package kursus.rnn.gen;

import java.util.Arrays;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * The long-range "remember the first symbol" task of lessons 04–06: every sequence starts with one
 * of {@link #CLASSES} symbols (ids 0–3, the one to remember), followed by {@code gap} random
 * distractor symbols (ids 4–7); the label is the first symbol. Chance accuracy is 1/4.
 *
 * <pre>
 * ids    [gap + 1][n]   time-major: ids[t][b] is step t of sequence b
 * labels [n]            labels[b] == ids[0][b]
 * </pre>
 *
 * Drawn with {@link NumpyRandom#randint(long)}: per sequence, first the label, then the
 * {@code gap} distractors (so the same seed gives the same sequences as the code in notebook 04).
 *
 * @param ids time-major symbol ids {@code [gap + 1][n]}
 * @param labels the first symbol of each sequence {@code [n]}
 * @param gap number of distractor steps after the first symbol
 */
public record RecallTask(int[][] ids, int[] labels, int gap) {
    /** Symbols to remember (the classes). */
    public static final int CLASSES = 4;
    /** All symbols: 4 to remember + 4 distractors (the one-hot input size). */
    public static final int VOCAB = 8;

    /** {@code n} sequences with {@code gap} distractors each, drawn from {@code rng}. */
    public static RecallTask generate(NumpyRandom rng, int n, int gap) {
        if (rng == null) {
            throw Msg.badInput("rng bernilai null: beri new NumpyRandom(seed)", "rng is null: pass new NumpyRandom(seed)");
        }
        if (n < 1 || gap < 0) {
            throw Msg.badInput("n harus >= 1 dan gap >= 0, ternyata n=" + n + ", gap=" + gap,
                    "n must be >= 1 and gap >= 0, got n=" + n + ", gap=" + gap);
        }
        int[][] ids = new int[gap + 1][n];
        int[] y = new int[n];
        for (int b = 0; b < n; b++) {
            y[b] = (int) rng.randint(CLASSES);
            ids[0][b] = y[b];
            for (int t = 1; t <= gap; t++) {
                ids[t][b] = CLASSES + (int) rng.randint(VOCAB - CLASSES);
            }
        }
        return new RecallTask(ids, y, gap);
    }

    /** Number of sequences. */
    public int size() {
        return labels.length;
    }

    /** Steps per sequence ({@code gap + 1}). */
    public int length() {
        return ids.length;
    }

    /** Sequences {@code from .. to-1} (time-major {@code [gap + 1][to - from]}). */
    public int[][] idsOf(int from, int to) {
        checkRange(from, to);
        int[][] c = new int[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            c[t] = Arrays.copyOfRange(ids[t], from, to);
        }
        return c;
    }

    /** Labels of sequences {@code from .. to-1}. */
    public int[] labelsOf(int from, int to) {
        checkRange(from, to);
        return Arrays.copyOfRange(labels, from, to);
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > labels.length || from >= to) {
            throw Msg.badInput("rentang [" + from + ", " + to + ") di luar 0.." + labels.length,
                    "range [" + from + ", " + to + ") outside 0.." + labels.length);
        }
    }
}
