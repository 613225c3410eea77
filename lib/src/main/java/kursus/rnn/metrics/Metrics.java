package kursus.rnn.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import kursus.rnn.core.Msg;

/**
 * Evaluation metrics used in the lessons: classification (accuracy, confusion matrix,
 * precision/recall/F1), named entities (conlleval-style), regression (RMSE, MAE, MAPE, directional
 * accuracy) and language models (perplexity, bits per character).
 */
public final class Metrics {
    private Metrics() {}

    // ================================================================= classification

    /** Fraction of positions where {@code predicted[i] == actual[i]}. */
    public static double accuracy(int[] actual, int[] predicted) {
        sameLength(actual, predicted, "accuracy");
        int ok = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == predicted[i]) {
                ok++;
            }
        }
        return (double) ok / actual.length;
    }

    /**
     * Accuracy over a padded time-major batch {@code [T][batch]}, counting only positions where
     * {@code mask[t][b] != 0} (padding is not a prediction).
     */
    public static double accuracy(int[][] actual, int[][] predicted, double[][] mask) {
        if (actual == null || predicted == null || mask == null || actual.length != predicted.length
                || actual.length != mask.length) {
            throw Msg.badInput("accuracy: actual, predicted dan mask harus berukuran sama [T][batch].",
                    "accuracy: actual, predicted and mask must have the same shape [T][batch].");
        }
        int ok = 0, n = 0;
        for (int t = 0; t < actual.length; t++) {
            if (actual[t].length != predicted[t].length || actual[t].length != mask[t].length) {
                throw Msg.badInput("accuracy: baris t=" + t + " berbeda panjang antara actual ("
                                + actual[t].length + "), predicted (" + predicted[t].length + ") dan mask ("
                                + mask[t].length + ").",
                        "accuracy: row t=" + t + " differs in length between actual (" + actual[t].length
                                + "), predicted (" + predicted[t].length + ") and mask (" + mask[t].length + ").");
            }
            for (int b = 0; b < actual[t].length; b++) {
                if (mask[t][b] != 0.0) {
                    n++;
                    if (actual[t][b] == predicted[t][b]) {
                        ok++;
                    }
                }
            }
        }
        if (n == 0) {
            throw Msg.badInput("accuracy: mask bernilai 0 di semua posisi; tidak ada yang bisa dinilai.",
                    "accuracy: the mask is 0 everywhere; there is nothing to score.");
        }
        return (double) ok / n;
    }

    /**
     * Confusion matrix {@code [numClasses][numClasses]}: entry {@code [i][j]} counts examples of
     * true class i predicted as class j (rows = truth, as scikit-learn).
     */
    public static int[][] confusionMatrix(int[] actual, int[] predicted, int numClasses) {
        sameLength(actual, predicted, "confusionMatrix");
        if (numClasses < 1) {
            throw Msg.badInput("confusionMatrix: numClasses harus >= 1, didapat " + numClasses + ".",
                    "confusionMatrix: numClasses must be >= 1, got " + numClasses + ".");
        }
        int[][] m = new int[numClasses][numClasses];
        for (int i = 0; i < actual.length; i++) {
            checkClass(actual[i], numClasses, "actual[" + i + "]");
            checkClass(predicted[i], numClasses, "predicted[" + i + "]");
            m[actual[i]][predicted[i]]++;
        }
        return m;
    }

    /** Per-class precision/recall/F1 report with class names "0", "1", .... */
    public static ClassReport classification(int[] actual, int[] predicted, int numClasses) {
        String[] names = new String[numClasses < 1 ? 0 : numClasses];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.valueOf(i);
        }
        return new ClassReport(confusionMatrix(actual, predicted, numClasses), names);
    }

    /** Per-class precision/recall/F1 report; class i is called {@code classNames[i]}. */
    public static ClassReport classification(int[] actual, int[] predicted, String... classNames) {
        if (classNames == null || classNames.length == 0) {
            throw Msg.badInput("classification: berikan minimal satu nama kelas.",
                    "classification: pass at least one class name.");
        }
        return new ClassReport(confusionMatrix(actual, predicted, classNames.length), classNames.clone());
    }

    /** Harmonic mean {@code 2PR/(P+R)}, 0 when both are 0. */
    public static double f1(double precision, double recall) {
        return precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    // ================================================================= named entities (BIO)

    /**
     * Entity-level precision/recall/F1 per type and overall, conlleval style (exact span and type
     * match), over a list of sentences. {@code actual.get(s)} and {@code predicted.get(s)} are the
     * BIO tags of sentence s and must have the same length.
     */
    public static EntityReport entities(List<List<String>> actual, List<List<String>> predicted) {
        if (actual == null || predicted == null || actual.size() != predicted.size()) {
            throw Msg.badInput("entities: jumlah kalimat berbeda: actual " + (actual == null ? "null" : actual.size())
                            + ", predicted " + (predicted == null ? "null" : predicted.size()) + ".",
                    "entities: different numbers of sentences: actual " + (actual == null ? "null" : actual.size())
                            + ", predicted " + (predicted == null ? "null" : predicted.size()) + ".");
        }
        Map<String, int[]> counts = new TreeMap<>();
        int correctTokens = 0, tokens = 0;
        for (int s = 0; s < actual.size(); s++) {
            List<String> a = actual.get(s), p = predicted.get(s);
            if (a.size() != p.size()) {
                throw Msg.badInput("entities: kalimat " + s + " punya " + a.size() + " tag asli tetapi " + p.size()
                                + " tag prediksi. Harus satu tag per token.",
                        "entities: sentence " + s + " has " + a.size() + " true tags but " + p.size()
                                + " predicted tags. There must be one tag per token.");
            }
            for (int i = 0; i < a.size(); i++) {
                tokens++;
                if (a.get(i).equals(p.get(i))) {
                    correctTokens++;
                }
            }
            List<Bio.Span> as = Bio.spans(a), ps = Bio.spans(p);
            Set<Bio.Span> trueSet = new HashSet<>(as);
            for (Bio.Span sp : as) {
                counts.computeIfAbsent(sp.type(), k -> new int[3])[2]++;
            }
            for (Bio.Span sp : ps) {
                int[] c = counts.computeIfAbsent(sp.type(), k -> new int[3]);
                c[1]++;
                if (trueSet.contains(sp)) {
                    c[0]++;
                }
            }
        }
        return new EntityReport(counts, correctTokens, tokens);
    }

    /** Token-level accuracy over tagged sentences (all tags, {@code O} included). */
    public static double tagAccuracy(List<List<String>> actual, List<List<String>> predicted) {
        return entities(actual, predicted).tokenAccuracy();
    }

    // ================================================================= regression

    /** Root mean squared error {@code sqrt(mean((y - ŷ)²))}. */
    public static double rmse(double[] actual, double[] predicted) {
        return Math.sqrt(mse(actual, predicted));
    }

    /** Mean squared error {@code mean((y - ŷ)²)}. */
    public static double mse(double[] actual, double[] predicted) {
        sameLength(actual, predicted, "mse");
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - predicted[i];
            s += d * d;
        }
        return s / actual.length;
    }

    /** Mean absolute error {@code mean(|y - ŷ|)}. */
    public static double mae(double[] actual, double[] predicted) {
        sameLength(actual, predicted, "mae");
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - predicted[i]);
        }
        return s / actual.length;
    }

    /**
     * Mean absolute percentage error <b>in percent</b>: {@code 100 · mean(|y - ŷ| / |y|)}. Fails if an
     * actual value is 0 (compute it on the original scale, not on min-max scaled values).
     */
    public static double mape(double[] actual, double[] predicted) {
        sameLength(actual, predicted, "mape");
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0.0) {
                throw Msg.badInput("mape: actual[" + i + "] = 0, jadi persentase galatnya tak terdefinisi."
                                + " Hitung MAPE pada skala asli (inverseTransform), bukan pada nilai yang di-skala ke [0, 1].",
                        "mape: actual[" + i + "] = 0, so its percentage error is undefined."
                                + " Compute MAPE on the original scale (inverseTransform), not on values scaled to [0, 1].");
            }
            s += Math.abs((actual[i] - predicted[i]) / actual[i]);
        }
        return 100.0 * s / actual.length;
    }

    /**
     * Directional accuracy of one-step-ahead forecasts: the fraction of steps t &ge; 1 where the
     * predicted move {@code predicted[t] - actual[t-1]} ("tomorrow's prediction vs today's value")
     * has the same sign as the real move {@code actual[t] - actual[t-1]}. A flat move (sign 0) only
     * matches a flat prediction. About 0.5 is coin-flipping.
     */
    public static double directionalAccuracy(double[] actual, double[] predicted) {
        sameLength(actual, predicted, "directionalAccuracy");
        if (actual.length < 2) {
            throw Msg.badInput("directionalAccuracy: butuh minimal 2 nilai (hari ini dan besok), didapat "
                            + actual.length + ".",
                    "directionalAccuracy: needs at least 2 values (today and tomorrow), got " + actual.length + ".");
        }
        double[] today = new double[actual.length - 1];
        double[] a = new double[today.length];
        double[] p = new double[today.length];
        for (int t = 1; t < actual.length; t++) {
            today[t - 1] = actual[t - 1];
            a[t - 1] = actual[t];
            p[t - 1] = predicted[t];
        }
        return directionalAccuracy(today, a, p);
    }

    /**
     * Directional accuracy with the reference values given explicitly: the fraction of i where
     * {@code sign(actualNext[i] - today[i]) == sign(predictedNext[i] - today[i])}.
     */
    public static double directionalAccuracy(double[] today, double[] actualNext, double[] predictedNext) {
        sameLength(today, actualNext, "directionalAccuracy");
        sameLength(today, predictedNext, "directionalAccuracy");
        int ok = 0;
        for (int i = 0; i < today.length; i++) {
            if (Math.signum(actualNext[i] - today[i]) == Math.signum(predictedNext[i] - today[i])) {
                ok++;
            }
        }
        return (double) ok / today.length;
    }

    // ================================================================= language models

    /**
     * Perplexity {@code exp(H)} from the mean cross-entropy H per token <b>in nats</b> (natural log,
     * what the softmax cross-entropy loss returns). A model that guesses uniformly among V tokens
     * has perplexity V.
     */
    public static double perplexity(double meanCrossEntropyNats) {
        requireLoss(meanCrossEntropyNats, "perplexity");
        return Math.exp(meanCrossEntropyNats);
    }

    /** Bits per character {@code H / ln 2} from the mean cross-entropy per character in nats. */
    public static double bitsPerCharacter(double meanCrossEntropyNats) {
        requireLoss(meanCrossEntropyNats, "bitsPerCharacter");
        return meanCrossEntropyNats / Math.log(2.0);
    }

    // ================================================================= helpers

    /** Concatenates sequences of labels into one array (e.g. to score all tokens of all sentences). */
    public static int[] flatten(List<int[]> sequences) {
        List<Integer> all = new ArrayList<>();
        for (int[] s : sequences) {
            for (int v : s) {
                all.add(v);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void requireLoss(double h, String op) {
        if (!(h >= 0.0) || Double.isInfinite(h)) {
            throw Msg.badInput(op + ": cross-entropy harus bilangan >= 0 yang berhingga (dalam nat), didapat " + h + ".",
                    op + ": the cross-entropy must be a finite number >= 0 (in nats), got " + h + ".");
        }
    }

    private static void checkClass(int c, int k, String name) {
        if (c < 0 || c >= k) {
            throw Msg.badInput(name + " = " + c + " bukan kelas yang valid (0.." + (k - 1) + ").",
                    name + " = " + c + " is not a valid class (0.." + (k - 1) + ").");
        }
    }

    private static void sameLength(int[] a, int[] p, String op) {
        if (a == null || p == null) {
            throw Msg.badInput(op + ": actual atau predicted bernilai null.", op + ": actual or predicted is null.");
        }
        check(a.length, p.length, op);
    }

    private static void sameLength(double[] a, double[] p, String op) {
        if (a == null || p == null) {
            throw Msg.badInput(op + ": actual atau predicted bernilai null.", op + ": actual or predicted is null.");
        }
        check(a.length, p.length, op);
    }

    private static void check(int na, int np, String op) {
        if (na != np) {
            throw Msg.badInput(op + ": panjang berbeda: actual " + na + ", predicted " + np
                            + ". Berikan satu prediksi untuk setiap nilai asli.",
                    op + ": lengths differ: actual " + na + ", predicted " + np
                            + ". Give one prediction for every actual value.");
        }
        if (na == 0) {
            throw Msg.badInput(op + ": data kosong (0 nilai).", op + ": the data is empty (0 values).");
        }
    }
}
