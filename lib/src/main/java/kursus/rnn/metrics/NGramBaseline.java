package kursus.rnn.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * A character (or token) n-gram language model with add-k smoothing: the baseline a neural
 * language model has to beat.
 *
 * <pre>
 * P(c | h) = (count(h, c) + k) / (count(h) + k · |outcomes|)
 * </pre>
 *
 * where {@code h} is the context, the previous {@code n − 1} symbols (order {@code n}: 1 = unigram,
 * 2 = bigram, 3 = trigram), and {@code outcomes} are the symbols the model may predict. A context
 * never seen in training gives the uniform distribution {@code 1 / |outcomes|}; {@code k = 0} is
 * the maximum-likelihood model (an unseen pair then has probability 0 and the cross-entropy is
 * infinite).
 *
 * <p>Two kinds of data:
 * <ul>
 *   <li><b>independent sequences</b> (e.g. names), {@link #fit}: each sequence is read with
 *       {@code n − 1} copies of a start symbol in front, and every symbol of the sequence is
 *       predicted (put the end symbol last so the model also learns where names stop). The start
 *       symbol is never an outcome;</li>
 *   <li><b>one long text</b>, {@link #fitText}: every symbol after the first is predicted from
 *       the (up to) {@code n − 1} symbols before it.</li>
 * </ul>
 * {@link #crossEntropy} and {@link #crossEntropyText} return the mean {@code −ln P} per predicted
 * symbol in nats, the unit of the softmax cross-entropy loss, so the numbers compare directly with
 * a neural model's loss; {@link Metrics#bitsPerCharacter} converts them.
 */
public final class NGramBaseline {
    private final int order;
    private final double k;
    private final int vocabSize;
    private final int start;
    private final boolean[] outcome;
    private final int numOutcomes;
    private final Map<String, double[]> counts = new HashMap<>();
    private final Map<String, Double> totals = new HashMap<>();

    private NGramBaseline(int order, double k, int vocabSize, int start, int[] excluded) {
        if (order < 1) {
            throw Msg.badInput("order harus >= 1 (1 = unigram, 2 = bigram, 3 = trigram), ternyata " + order,
                    "order must be >= 1 (1 = unigram, 2 = bigram, 3 = trigram), got " + order);
        }
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw Msg.badInput("k (add-k) harus >= 0 dan berhingga, ternyata " + k + "; biasanya 0,01 sampai 1",
                    "k (add-k) must be >= 0 and finite, got " + k + "; usually 0.01 to 1");
        }
        if (vocabSize < 1) {
            throw Msg.badInput("vocabSize harus >= 1, ternyata " + vocabSize, "vocabSize must be >= 1, got " + vocabSize);
        }
        this.order = order;
        this.k = k;
        this.vocabSize = vocabSize;
        this.start = start;
        this.outcome = new boolean[vocabSize];
        Arrays.fill(outcome, true);
        if (start >= 0) {
            checkSymbol("start", start);
            outcome[start] = false;
        }
        for (int e : excluded == null ? new int[0] : excluded) {
            checkSymbol("excluded", e);
            outcome[e] = false;
        }
        int n = 0;
        for (boolean b : outcome) {
            n += b ? 1 : 0;
        }
        if (n == 0) {
            throw Msg.badInput("tidak ada simbol yang boleh diprediksi (semua dikecualikan)",
                    "no symbol is left to predict (all were excluded)");
        }
        this.numOutcomes = n;
    }

    /**
     * Fits on independent sequences (e.g. names, each ending with an end symbol).
     *
     * @param sequences symbol ids, each predicted in full from a context that starts with
     *                  {@code order − 1} copies of {@code start}
     * @param order n (1 = unigram, 2 = bigram, 3 = trigram, ...)
     * @param k add-k smoothing constant (&gt;= 0)
     * @param vocabSize ids are {@code 0..vocabSize−1}
     * @param start the start symbol (never predicted)
     * @param excluded further symbols that are never predicted (e.g. padding)
     */
    public static NGramBaseline fit(List<int[]> sequences, int order, double k, int vocabSize, int start,
                                    int... excluded) {
        if (start < 0) {
            throw Msg.badInput("start harus id simbol awal (>= 0), ternyata " + start
                            + "; untuk satu teks panjang pakai fitText",
                    "start must be the id of the start symbol (>= 0), got " + start + "; for one long text use fitText");
        }
        NGramBaseline m = new NGramBaseline(order, k, vocabSize, start, excluded);
        requireSequences(sequences);
        for (int[] s : sequences) {
            int[] padded = m.withStart(s);
            for (int i = order - 1; i < padded.length; i++) {
                m.count(padded, i);
            }
        }
        return m;
    }

    /** Fits on one long text: every symbol after the first is counted after its (up to) {@code order − 1} predecessors. */
    public static NGramBaseline fitText(int[] text, int order, double k, int vocabSize) {
        NGramBaseline m = new NGramBaseline(order, k, vocabSize, -1, null);
        if (text == null || text.length < 2) {
            throw Msg.badInput("teks terlalu pendek: perlu minimal 2 simbol", "the text is too short: at least 2 symbols are needed");
        }
        for (int i = 1; i < text.length; i++) {
            m.count(text, i);
        }
        return m;
    }

    public int order() {
        return order;
    }

    public double k() {
        return k;
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** How many symbols the model may predict (the vocabulary minus the start and excluded symbols). */
    public int numOutcomes() {
        return numOutcomes;
    }

    /** Number of distinct contexts seen in training. */
    public int contexts() {
        return counts.size();
    }

    /**
     * P(next | history). {@code history} holds the symbols before {@code next}, most recent last;
     * only the last {@code order − 1} are used. For sequence models, a history shorter than
     * {@code order − 1} is filled with start symbols in front.
     */
    public double probability(int[] history, int next) {
        checkSymbol("next", next);
        return prob(contextKey(history == null ? new int[0] : history, history == null ? 0 : history.length), next);
    }

    /** The whole distribution P(· | history) over {@code vocabSize} ids (0 for symbols that are not outcomes). */
    public double[] probabilities(int[] history) {
        int[] h = history == null ? new int[0] : history;
        String key = contextKey(h, h.length);
        double[] p = new double[vocabSize];
        for (int c = 0; c < vocabSize; c++) {
            p[c] = prob(key, c);
        }
        return p;
    }

    /** Mean −ln P per predicted symbol (nats) over independent sequences, read as in {@link #fit}. */
    public double crossEntropy(List<int[]> sequences) {
        requireSequences(sequences);
        if (start < 0) {
            throw Msg.badState("model ini dilatih dengan fitText: pakai crossEntropyText",
                    "this model was fitted with fitText: use crossEntropyText");
        }
        double sum = 0;
        long n = 0;
        for (int[] s : sequences) {
            int[] padded = withStart(s);
            for (int i = order - 1; i < padded.length; i++) {
                sum -= Math.log(prob(contextKey(padded, i), padded[i]));
                n++;
            }
        }
        return sum / n;
    }

    /** Mean −ln P per predicted symbol (nats) of {@code text[1..]}, each from the (up to) {@code order − 1} symbols before it. */
    public double crossEntropyText(int[] text) {
        if (text == null || text.length < 2) {
            throw Msg.badInput("teks terlalu pendek: perlu minimal 2 simbol", "the text is too short: at least 2 symbols are needed");
        }
        double sum = 0;
        for (int i = 1; i < text.length; i++) {
            sum -= Math.log(prob(contextKey(text, i), text[i]));
        }
        return sum / (text.length - 1);
    }

    /**
     * Draws one sequence (sequence models only): start from the start context, draw each next
     * symbol from P(· | last n − 1 symbols) with {@code rng}, stop after {@code end} (included) or
     * after {@code maxLength} symbols.
     */
    public int[] sample(NumpyRandom rng, int end, int maxLength) {
        if (start < 0) {
            throw Msg.badState("sample butuh model urutan (fit dengan simbol awal)",
                    "sample needs a sequence model (fit with a start symbol)");
        }
        checkSymbol("end", end);
        List<Integer> out = new ArrayList<>();
        int[] h = new int[0];
        while (out.size() < maxLength) {
            int c = rng.choice(vocabSize, probabilities(h));
            out.add(c);
            if (c == end) {
                break;
            }
            h = out.stream().mapToInt(Integer::intValue).toArray();
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "NGramBaseline(order=" + order + ", k=" + k + ", outcomes=" + numOutcomes + ", contexts=" + counts.size() + ")";
    }

    // ------------------------------------------------------------------------------------ internals

    private double prob(String key, int c) {
        if (!outcome[c]) {
            return 0;
        }
        double[] row = counts.get(key);
        if (row == null) {
            return 1.0 / numOutcomes;
        }
        double total = totals.get(key);
        if (k == 0) {
            return row[c] / total;
        }
        return (row[c] + k) / (total + k * numOutcomes);
    }

    private void count(int[] seq, int i) {
        int c = seq[i];
        checkSymbol("symbol", c);
        if (!outcome[c]) {
            throw Msg.badInput("simbol " + c + " muncul sebagai simbol yang diprediksi, padahal ia simbol awal/dikecualikan",
                    "symbol " + c + " occurs as a predicted symbol, but it is the start symbol or excluded");
        }
        String key = contextKey(seq, i);
        counts.computeIfAbsent(key, x -> new double[vocabSize])[c] += 1;
        totals.merge(key, 1.0, Double::sum);
    }

    /** Key of the (up to) order−1 symbols before position i of seq; for sequence models short histories get start symbols in front. */
    private String contextKey(int[] seq, int i) {
        int want = order - 1;
        StringBuilder sb = new StringBuilder(want);
        int from = i - want;
        for (int j = from; j < i; j++) {
            if (j < 0) {
                if (start >= 0) {
                    sb.append((char) start);
                }
            } else {
                checkSymbol("history", seq[j]);
                sb.append((char) seq[j]);
            }
        }
        return sb.toString();
    }

    private int[] withStart(int[] s) {
        if (s == null || s.length == 0) {
            throw Msg.badInput("urutan kosong: setiap urutan perlu minimal satu simbol (mis. simbol akhir)",
                    "empty sequence: every sequence needs at least one symbol (e.g. the end symbol)");
        }
        int[] p = new int[order - 1 + s.length];
        Arrays.fill(p, 0, order - 1, start);
        System.arraycopy(s, 0, p, order - 1, s.length);
        return p;
    }

    private void checkSymbol(String what, int id) {
        if (id < 0 || id >= vocabSize) {
            throw Msg.badInput(what + ": id " + id + " di luar 0.." + (vocabSize - 1) + " (vocabSize salah?)",
                    what + ": id " + id + " is outside 0.." + (vocabSize - 1) + " (wrong vocabSize?)");
        }
    }

    private static void requireSequences(List<int[]> sequences) {
        if (sequences == null || sequences.isEmpty()) {
            throw Msg.badInput("daftar urutan kosong", "the list of sequences is empty");
        }
    }
}
