package kursus.rnn.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kursus.rnn.core.Msg;

/**
 * Bag-of-words logistic regression: the baseline a sequence classifier has to beat. It sees which
 * words a sentence contains and how often, never their order.
 *
 * <pre>
 * x    = word counts of the sentence (+ a constant 1 for the bias)        features known from training
 * P(1) = σ(x · w)
 * loss = mean BCE + (λ/2)·‖w without bias‖²                               fitted by full-batch gradient descent from w = 0
 * </pre>
 *
 * Training starts from zero and uses every sentence at every step, so the result is deterministic:
 * no seed is involved. With {@code bigrams} the features also include adjacent word pairs
 * ("tidak_enak"), which see a little word order. The defaults (λ = 0.01, learning rate 0.5, 3,000
 * steps, unigrams) are those of {@code data/sentiment-id/bow_baseline.py}, whose numbers the tests
 * reproduce.
 */
public final class BagOfWordsBaseline {
    private final Map<String, Integer> index;
    private final double[] w; // [features + 1], bias last
    private final boolean bigrams;
    private final double trainAccuracy;

    private BagOfWordsBaseline(Map<String, Integer> index, double[] w, boolean bigrams, double trainAccuracy) {
        this.index = index;
        this.w = w;
        this.bigrams = bigrams;
        this.trainAccuracy = trainAccuracy;
    }

    /** {@link #fit(List, int[], boolean, double, double, int)} with unigrams, λ = 0.01, learning rate 0.5, 3,000 steps. */
    public static BagOfWordsBaseline fit(List<List<String>> sentences, int[] labels) {
        return fit(sentences, labels, false, 0.01, 0.5, 3000);
    }

    /**
     * Fits the model.
     *
     * @param sentences tokenized training sentences (e.g. {@code Tokenizer.tokenize(text)})
     * @param labels 0/1, one per sentence
     * @param bigrams also use adjacent word pairs as features
     * @param l2 λ of the L2 penalty on the weights (not on the bias)
     * @param learningRate gradient-descent step size
     * @param steps full-batch gradient steps
     */
    public static BagOfWordsBaseline fit(List<List<String>> sentences, int[] labels, boolean bigrams, double l2,
                                         double learningRate, int steps) {
        if (sentences == null || labels == null || sentences.isEmpty() || sentences.size() != labels.length) {
            throw Msg.badInput("perlu kalimat dan label dengan jumlah sama (minimal satu), ternyata "
                            + (sentences == null ? "null" : sentences.size()) + " kalimat, " + (labels == null ? "null" : labels.length) + " label",
                    "sentences and labels must have the same count (at least one), got "
                            + (sentences == null ? "null" : sentences.size()) + " sentences, " + (labels == null ? "null" : labels.length) + " labels");
        }
        if (!(l2 >= 0) || !(learningRate > 0) || steps < 1) {
            throw Msg.badInput("l2 >= 0, learningRate > 0 dan steps >= 1 diperlukan, ternyata " + l2 + ", " + learningRate + ", " + steps,
                    "l2 >= 0, learningRate > 0 and steps >= 1 are required, got " + l2 + ", " + learningRate + ", " + steps);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (List<String> s : sentences) {
            for (String f : features(s, bigrams)) {
                index.putIfAbsent(f, index.size());
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw Msg.badInput("label ke-" + i + " harus 0 atau 1, ternyata " + labels[i],
                        "label " + i + " must be 0 or 1, got " + labels[i]);
            }
        }
        int n = sentences.size(), d = index.size();
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            Map<Integer, Double> counts = sparse(sentences.get(i), bigrams, index);
            cols[i] = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
            vals[i] = counts.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] w = new double[d + 1];
        double[] grad = new double[d + 1];
        for (int step = 0; step < steps; step++) {
            java.util.Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double z = w[d];
                for (int k = 0; k < cols[i].length; k++) {
                    z += w[cols[i][k]] * vals[i][k];
                }
                double r = (sigmoid(z) - labels[i]) / n;
                for (int k = 0; k < cols[i].length; k++) {
                    grad[cols[i][k]] += vals[i][k] * r;
                }
                grad[d] += r;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= learningRate * (grad[j] + l2 * w[j]);
            }
            w[d] -= learningRate * grad[d];
        }
        BagOfWordsBaseline m = new BagOfWordsBaseline(index, w, bigrams, 0);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += m.predict(sentences.get(i)) == labels[i] ? 1 : 0;
        }
        return new BagOfWordsBaseline(index, w, bigrams, right / (double) n);
    }

    /** P(label = 1) for a tokenized sentence; words never seen in training are ignored. */
    public double probability(List<String> sentence) {
        return sigmoid(score(sentence));
    }

    /** The score x · w (log-odds of label 1). */
    public double score(List<String> sentence) {
        int d = index.size();
        double z = w[d];
        for (Map.Entry<Integer, Double> e : sparse(sentence, bigrams, index).entrySet()) {
            z += w[e.getKey()] * e.getValue();
        }
        return z;
    }

    /** 1 when the score is &gt; 0, else 0. */
    public int predict(List<String> sentence) {
        return score(sentence) > 0 ? 1 : 0;
    }

    /** Predictions for many sentences. */
    public int[] predictAll(List<List<String>> sentences) {
        int[] p = new int[sentences.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = predict(sentences.get(i));
        }
        return p;
    }

    /** Accuracy on the training sentences. */
    public double trainAccuracy() {
        return trainAccuracy;
    }

    /** Number of features (distinct words, and word pairs with bigrams). */
    public int features() {
        return index.size();
    }

    /** The learned weight of a feature (a word, or "a_b" for a pair), 0 when unknown. */
    public double weight(String feature) {
        Integer i = index.get(feature);
        return i == null ? 0 : w[i];
    }

    /** The {@code k} features with the largest weights (most positive) or the smallest ({@code positive = false}). */
    public List<String> topFeatures(int k, boolean positive) {
        List<String> names = new ArrayList<>(index.keySet());
        names.sort((a, b) -> positive ? Double.compare(weight(b), weight(a)) : Double.compare(weight(a), weight(b)));
        return names.subList(0, Math.min(k, names.size()));
    }

    private static List<String> features(List<String> tokens, boolean bigrams) {
        if (tokens == null) {
            throw Msg.badInput("kalimat (daftar token) bernilai null", "a sentence (token list) is null");
        }
        List<String> out = new ArrayList<>(tokens);
        if (bigrams) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                out.add(tokens.get(i) + "_" + tokens.get(i + 1));
            }
        }
        return out;
    }

    private static Map<Integer, Double> sparse(List<String> tokens, boolean bigrams, Map<String, Integer> index) {
        Map<Integer, Double> counts = new LinkedHashMap<>();
        for (String f : features(tokens, bigrams)) {
            Integer j = index.get(f);
            if (j != null) {
                counts.merge(j, 1.0, Double::sum);
            }
        }
        return counts;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
