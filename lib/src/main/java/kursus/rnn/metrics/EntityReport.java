package kursus.rnn.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entity-level scores for BIO tagging, as the CoNLL {@code conlleval} script computes them: an
 * entity counts as found only if its type, its first token and its last token all match exactly.
 *
 * <p>Precision = correct entities / predicted entities, recall = correct / true entities, F1 their
 * harmonic mean; "overall" pools all types (micro average, conlleval's headline number). A model
 * that tags "Harry" but misses "Potter" gets no credit for the person "Harry Potter".
 */
public final class EntityReport {
    private final Map<String, int[]> counts; // type -> {correct, predicted, true}
    private final int correctTokens;
    private final int tokens;

    EntityReport(Map<String, int[]> counts, int correctTokens, int tokens) {
        this.counts = counts;
        this.correctTokens = correctTokens;
        this.tokens = tokens;
    }

    /** Entity types seen in the true or predicted tags, sorted (e.g. {@code [LOC, PER]}). */
    public List<String> types() {
        return Collections.unmodifiableList(new ArrayList<>(counts.keySet()));
    }

    /** Number of exactly matching entities of {@code type}. */
    public int correct(String type) {
        return get(type)[0];
    }

    /** Number of predicted entities of {@code type}. */
    public int predicted(String type) {
        return get(type)[1];
    }

    /** Number of true entities of {@code type} (the support). */
    public int actual(String type) {
        return get(type)[2];
    }

    /** Precision for one entity type. */
    public double precision(String type) {
        int[] c = get(type);
        return c[1] == 0 ? 0.0 : (double) c[0] / c[1];
    }

    /** Recall for one entity type. */
    public double recall(String type) {
        int[] c = get(type);
        return c[2] == 0 ? 0.0 : (double) c[0] / c[2];
    }

    /** F1 for one entity type. */
    public double f1(String type) {
        return Metrics.f1(precision(type), recall(type));
    }

    /** Overall (micro) precision over all entity types. */
    public double precision() {
        int[] t = totals();
        return t[1] == 0 ? 0.0 : (double) t[0] / t[1];
    }

    /** Overall (micro) recall over all entity types. */
    public double recall() {
        int[] t = totals();
        return t[2] == 0 ? 0.0 : (double) t[0] / t[2];
    }

    /** Overall (micro) F1 over all entity types: conlleval's "FB1". */
    public double f1() {
        return Metrics.f1(precision(), recall());
    }

    /** Unweighted mean of the per-type F1 scores. */
    public double macroF1() {
        if (counts.isEmpty()) {
            return 0.0;
        }
        double s = 0;
        for (String t : counts.keySet()) {
            s += f1(t);
        }
        return s / counts.size();
    }

    /** Token-level accuracy (all tokens, {@code O} included), as conlleval's "accuracy". */
    public double tokenAccuracy() {
        return tokens == 0 ? 0.0 : (double) correctTokens / tokens;
    }

    private int[] totals() {
        int[] t = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }

    private int[] get(String type) {
        int[] c = counts.get(type);
        return c == null ? new int[3] : c;
    }

    /** The report in conlleval's layout (percentages). */
    @Override
    public String toString() {
        int[] t = totals();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.%n",
                tokens, t[2], t[1], t[0]));
        sb.append(String.format(Locale.ROOT,
                "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f%n",
                100 * tokenAccuracy(), 100 * precision(), 100 * recall(), 100 * f1()));
        for (String type : counts.keySet()) {
            sb.append(String.format(Locale.ROOT, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d%n",
                    type, 100 * precision(type), 100 * recall(type), 100 * f1(type), predicted(type)));
        }
        return sb.toString();
    }
}
