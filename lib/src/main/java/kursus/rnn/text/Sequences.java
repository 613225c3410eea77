package kursus.rnn.text;

import kursus.rnn.core.Msg;

/**
 * Token ids of a batch of equally long sequences, stored <b>time-major</b> ({@code [T][B]}), with the
 * layout named at the call site so that {@code [B][T]} and {@code [T][B]} cannot be mixed up.
 *
 * <p>A plain {@code int[][]} does not say which axis is time: {@code {{1,2,3},{4,5,6}}} is a valid
 * batch either way (2 steps of 3 sequences, or 3 steps of 2 sequences) and a model silently learns
 * the wrong thing. Build the batch with the factory that names the layout you have:
 * <pre>{@code
 * int[][] rows = {vocab.encode("budi"), vocab.encode("sari")};     // one row per sequence: [B][T]
 * Sequences x = Sequences.batchMajor(rows);                       // steps() = 4, batchSize() = 2
 * Sequences y = Sequences.timeMajor(model.someTimeMajorIds());    // already [T][B]
 * double loss = model.forwardBackward(x, y, null);                // CharLanguageModel
 * }</pre>
 * The models' older {@code int[][]} entry points still take time-major {@code [T][B]} arrays.
 */
public final class Sequences {
    private final int[][] ids; // [T][B]

    private Sequences(int[][] ids) {
        this.ids = ids;
    }

    /**
     * Wraps time-major ids: {@code ids[t][b]} is the token of sequence {@code b} at step {@code t}.
     * The array is copied.
     */
    public static Sequences timeMajor(int[][] ids) {
        requireRectangular(ids, "timeMajor", "[T][B]", "T", "B");
        int[][] c = new int[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            c[t] = ids[t].clone();
        }
        return new Sequences(c);
    }

    /**
     * Converts batch-major ids: {@code ids[b][t]} is the token of sequence {@code b} at step
     * {@code t} (one row per sequence, as {@code vocab.encode(text)} gives it). All rows must have the
     * same length; pad different lengths first ({@link Padding} or {@link LanguageModelBatch}).
     */
    public static Sequences batchMajor(int[][] ids) {
        requireRectangular(ids, "batchMajor", "[B][T]", "B", "T");
        int B = ids.length, T = ids[0].length;
        int[][] c = new int[T][B];
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                c[t][b] = ids[b][t];
            }
        }
        return new Sequences(c);
    }

    /** One sequence (batch of 1): {@code ids[t]} is the token at step t. */
    public static Sequences single(int[] ids) {
        if (ids == null || ids.length == 0) {
            throw Msg.badInput("Sequences.single: sekuens kosong atau null; perlu minimal satu token.",
                    "Sequences.single: the sequence is empty or null; it needs at least one token.");
        }
        return batchMajor(new int[][] {ids});
    }

    /** Number of time steps T. */
    public int steps() {
        return ids.length;
    }

    /** Number of sequences B. */
    public int batchSize() {
        return ids[0].length;
    }

    /** Token of sequence {@code b} at step {@code t}. */
    public int id(int t, int b) {
        return ids[t][b];
    }

    /** The ids time-major {@code [T][B]} (a copy), the layout the models read. */
    public int[][] timeMajor() {
        int[][] c = new int[ids.length][];
        for (int t = 0; t < c.length; t++) {
            c[t] = ids[t].clone();
        }
        return c;
    }

    /** The ids batch-major {@code [B][T]} (a copy): row b is sequence b. */
    public int[][] batchMajor() {
        int T = steps(), B = batchSize();
        int[][] c = new int[B][T];
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                c[b][t] = ids[t][b];
            }
        }
        return c;
    }

    /** Sequence {@code b} as its ids in time order (a copy). */
    public int[] sequence(int b) {
        if (b < 0 || b >= batchSize()) {
            throw Msg.badInput("Sequences.sequence: indeks " + b + " di luar 0.." + (batchSize() - 1) + ".",
                    "Sequences.sequence: index " + b + " is outside 0.." + (batchSize() - 1) + ".");
        }
        int[] s = new int[steps()];
        for (int t = 0; t < s.length; t++) {
            s[t] = ids[t][b];
        }
        return s;
    }

    private static void requireRectangular(int[][] ids, String op, String layout, String outer, String inner) {
        if (ids == null || ids.length == 0 || ids[0] == null || ids[0].length == 0) {
            throw Msg.badInput("Sequences." + op + ": id " + layout + " kosong atau null; perlu " + outer + " >= 1 dan "
                            + inner + " >= 1.",
                    "Sequences." + op + ": the ids " + layout + " are empty or null; need " + outer + " >= 1 and "
                            + inner + " >= 1.");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || ids[i].length != ids[0].length) {
                throw Msg.badInput("Sequences." + op + ": baris " + i + " panjangnya "
                                + (ids[i] == null ? "null" : ids[i].length) + ", baris 0 panjangnya " + ids[0].length
                                + ". Semua baris " + layout + " harus sama panjang; samakan panjangnya dulu dengan"
                                + " Padding.pad atau LanguageModelBatch.of.",
                        "Sequences." + op + ": row " + i + " has length " + (ids[i] == null ? "null" : ids[i].length)
                                + ", row 0 has " + ids[0].length + ". All rows of " + layout + " must be equally long;"
                                + " pad them first with Padding.pad or LanguageModelBatch.of.");
            }
        }
    }

    @Override
    public String toString() {
        return "Sequences(T=" + steps() + ", B=" + batchSize() + ", time-major)";
    }
}
