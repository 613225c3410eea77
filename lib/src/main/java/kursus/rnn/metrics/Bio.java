package kursus.rnn.metrics;

import java.util.ArrayList;
import java.util.List;

import kursus.rnn.core.Msg;

/**
 * BIO tags for named entities: {@code B-X} begins an entity of type X, {@code I-X} continues it,
 * {@code O} is outside any entity. {@code "Harry Potter tinggal di Bandung"} is
 * {@code B-PER I-PER O O B-LOC}.
 *
 * <p>{@link #spans} reads entities the way the CoNLL {@code conlleval} script does, including its
 * leniency for ill-formed predictions: an {@code I-X} that does not continue an X entity (after
 * {@code O} or after another type) starts a new entity.
 */
public final class Bio {
    private Bio() {}

    /** The tag outside any entity. */
    public static final String O = "O";

    /** One entity: its type and its tokens {@code start..end} (both inclusive). */
    public record Span(String type, int start, int end) {
        /** Number of tokens in the entity. */
        public int length() {
            return end - start + 1;
        }

        @Override
        public String toString() {
            return type + "[" + start + ".." + end + "]";
        }
    }

    /** The entities in one tagged sentence, left to right. */
    public static List<Span> spans(List<String> tags) {
        List<Span> out = new ArrayList<>();
        String type = null; // type of the open entity, null if none
        int start = -1;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            char p = prefix(tag, i);
            String t = p == 'O' ? null : tag.substring(2);
            boolean continues = p == 'I' && type != null && type.equals(t);
            if (type != null && !continues) {
                out.add(new Span(type, start, i - 1));
                type = null;
            }
            if (p == 'B' || (p == 'I' && !continues)) {
                type = t;
                start = i;
            }
        }
        if (type != null) {
            out.add(new Span(type, start, tags.size() - 1));
        }
        return out;
    }

    /**
     * Whether {@code tags} is strictly well formed: every {@code I-X} comes right after a
     * {@code B-X} or an {@code I-X} of the same type.
     */
    public static boolean isWellFormed(List<String> tags) {
        String prevType = null;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            char p = prefix(tag, i);
            String t = p == 'O' ? null : tag.substring(2);
            if (p == 'I' && (prevType == null || !prevType.equals(t))) {
                return false;
            }
            prevType = t;
        }
        return true;
    }

    /** The entity type of a tag ({@code "B-PER"} gives {@code "PER"}), or null for {@code O}. */
    public static String type(String tag) {
        return prefix(tag, -1) == 'O' ? null : tag.substring(2);
    }

    private static char prefix(String tag, int position) {
        if (O.equals(tag)) {
            return 'O';
        }
        if (tag != null && tag.length() > 2 && (tag.startsWith("B-") || tag.startsWith("I-"))) {
            return tag.charAt(0);
        }
        String at = position >= 0 ? " (posisi " + position + ")" : "";
        String atEn = position >= 0 ? " (position " + position + ")" : "";
        throw Msg.badInput("Tag '" + tag + "'" + at + " bukan tag BIO. Yang diharapkan: O, B-TIPE atau I-TIPE"
                        + " (mis. B-PER, I-LOC).",
                "Tag '" + tag + "'" + atEn + " is not a BIO tag. Expected O, B-TYPE or I-TYPE (e.g. B-PER, I-LOC).");
    }
}
