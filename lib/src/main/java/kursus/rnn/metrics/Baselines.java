package kursus.rnn.metrics;

import kursus.rnn.core.Msg;

/**
 * Context-free baselines for next-symbol prediction, the honest comparison for a sequence model:
 * the unigram model (letter frequencies only), "always the most frequent symbol", and the bigram
 * table (the most frequent successor of the current symbol).
 */
public final class Baselines {
    private Baselines() {}

    /**
     * The cross-entropy, in nats per symbol, of the unigram model fitted on {@code ids} and measured on
     * the same ids: {@code −Σ_k p_k ln p_k} with {@code p_k} the frequency of symbol {@code k}.
     */
    public static double unigramLoss(int[] ids, int vocabSize) {
        int[] c = counts(ids, vocabSize);
        double h = 0;
        for (int k : c) {
            if (k > 0) {
                double p = (double) k / ids.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** The symbol that occurs most often in {@code ids} (the smallest id on a tie). */
    public static int mostFrequent(int[] ids, int vocabSize) {
        int[] c = counts(ids, vocabSize);
        int best = 0;
        for (int k = 1; k < vocabSize; k++) {
            if (c[k] > c[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The bigram baseline's predictions: for every {@code inputs[i]}, the symbol that most often follows it
     * in the training pairs {@code (inputs[j], targets[j])} (the smallest id on a tie).
     */
    public static int[] bigramPredictions(int[] inputs, int[] targets, int vocabSize) {
        if (inputs == null || targets == null || inputs.length != targets.length) {
            throw Msg.badInput("bigram: inputs dan targets harus sama panjang", "bigram: inputs and targets must have the same length");
        }
        int[][] table = new int[vocabSize][vocabSize];
        for (int j = 0; j < inputs.length; j++) {
            table[check(inputs[j], vocabSize)][check(targets[j], vocabSize)]++;
        }
        int[] pred = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int[] row = table[inputs[i]];
            int best = 0;
            for (int k = 1; k < vocabSize; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            pred[i] = best;
        }
        return pred;
    }

    private static int[] counts(int[] ids, int vocabSize) {
        if (ids == null || ids.length == 0) {
            throw Msg.badInput("ids kosong", "ids is empty");
        }
        int[] c = new int[vocabSize];
        for (int id : ids) {
            c[check(id, vocabSize)]++;
        }
        return c;
    }

    private static int check(int id, int vocabSize) {
        if (id < 0 || id >= vocabSize) {
            throw Msg.badInput("id " + id + " di luar 0.." + (vocabSize - 1), "id " + id + " is outside 0.." + (vocabSize - 1));
        }
        return id;
    }
}
