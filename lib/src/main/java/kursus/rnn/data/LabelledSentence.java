package kursus.rnn.data;

/**
 * One English sentence of the UCI "Sentiment Labelled Sentences" set
 * ({@code data/sentiment-en/uci-sentiment.csv}; Kotzias et al., KDD 2015).
 *
 * @param source {@code amazon}, {@code imdb} or {@code yelp}
 * @param text   the sentence
 * @param label  1 positive, 0 negative
 */
public record LabelledSentence(String source, String text, int label) {}
