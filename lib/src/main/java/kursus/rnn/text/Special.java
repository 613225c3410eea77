package kursus.rnn.text;

/**
 * Special tokens a {@link Vocabulary} can reserve in front of the real tokens.
 *
 * <p>They always come first and always in this order (only the ones asked for), so {@code <pad>}
 * is index 0 whenever it is present: a padded position then reads as "token 0" everywhere.
 */
public enum Special {
    /** Padding: fills the positions after (or before) a short sequence in a batch. */
    PAD("<pad>"),
    /** Unknown: stands for any token that is not in the vocabulary. */
    UNK("<unk>"),
    /** Start of a sequence (e.g. the first decoder input in seq2seq). */
    BOS("<s>"),
    /** End of a sequence (e.g. tells a generator to stop). */
    EOS("</s>");

    private final String token;

    Special(String token) {
        this.token = token;
    }

    /** The text of the token, e.g. {@code "<pad>"}. */
    public String token() {
        return token;
    }
}
