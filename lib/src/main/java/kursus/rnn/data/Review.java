package kursus.rnn.data;

import java.util.Arrays;

/**
 * One sentence of the Indonesian review set {@code data/sentiment-id/ulasan-id.csv}.
 *
 * @param id         stable id, e.g. {@code id0042}
 * @param text       the review sentence (UTF-8 Indonesian)
 * @param label      1 positive, 0 negative
 * @param domain     {@code film}, {@code makanan}, {@code produk} or {@code layanan}
 * @param phenomenon {@code plain}, or tags joined by "+" from {@code negation}, {@code contrast},
 *                   {@code intensifier} (computed from the words of the sentence)
 * @param pair       minimal-pair id such as {@code p017} (the other sentence of the pair has the same
 *                   words in another order and the opposite label), or "" if the sentence has no pair
 * @param split      {@code train} or {@code test} (fixed; both sentences of a pair share the split)
 */
public record Review(String id, String text, int label, String domain, String phenomenon, String pair,
                     String split) {

    /** True if the label is 1 (positive). */
    public boolean isPositive() {
        return label == 1;
    }

    /** True if {@code phenomenon} contains the tag, e.g. {@code has("negation")}. */
    public boolean has(String tag) {
        return Arrays.asList(phenomenon.split("\\+")).contains(tag);
    }

    /** True if this sentence belongs to a minimal pair. */
    public boolean inPair() {
        return !pair.isEmpty();
    }

    /** True if this sentence is in the held-out test split. */
    public boolean isTest() {
        return "test".equals(split);
    }
}
