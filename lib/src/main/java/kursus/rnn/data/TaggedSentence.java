package kursus.rnn.data;

import java.util.List;

/**
 * A tokenised sentence with one BIO tag per token ({@code B-PER}, {@code I-PER}, {@code O}, ...), for
 * many-to-many sequence tagging (named-entity recognition).
 *
 * @param line   1-based line of the source file the sentence came from
 * @param tokens the tokens
 * @param tags   the tags, same length as {@code tokens}
 */
public record TaggedSentence(int line, List<String> tokens, List<String> tags) {
    public TaggedSentence {
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
        if (tokens.size() != tags.size()) {
            throw kursus.rnn.core.Msg.badInput(
                    "Jumlah token (" + tokens.size() + ") harus sama dengan jumlah tag (" + tags.size() + ").",
                    "The number of tokens (" + tokens.size() + ") must equal the number of tags ("
                            + tags.size() + ").");
        }
    }

    /** The tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }
}
