package kursus.rnn.text;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * Parallel streams of (input, target) symbol ids for truncated BPTT: one long sequence is cut into
 * {@code B} streams of equal length {@code L}, stored time-major {@code [L][B]}; training walks them in
 * chunks of {@code k} steps, carrying the state from one chunk to the next.
 *
 * <pre>
 * ids  a b c d e f g h i          nextToken(ids, 2): L = (9 − 1) / 2 = 4
 * stream 0: inputs a b c d   targets b c d e
 * stream 1: inputs e f g h   targets f g h i
 * chunks(3): steps [0, 3) and [3, 4)
 * </pre>
 *
 * {@link #echo} builds the synthetic "echo" task: random symbols, and the target at step {@code t} is
 * the input at step {@code t − delay}, a dependency exactly {@code delay} steps long.
 */
public final class Streams {
    /** One chunk: steps {@code [start, start + inputs.length)} of every stream, time-major {@code [len][B]}. */
    public record Chunk(int start, int[][] inputs, int[][] targets) {
        /** Number of steps in the chunk. */
        public int length() {
            return inputs.length;
        }
    }

    private final int[][] inputs;
    private final int[][] targets;

    private Streams(int[][] inputs, int[][] targets) {
        this.inputs = inputs;
        this.targets = targets;
    }

    /**
     * Next-token streams: {@code ids} cut into {@code streams} pieces of {@code L = (ids.length − 1) / streams}
     * steps; stream {@code b} reads {@code ids[b·L + t]} and must predict {@code ids[b·L + t + 1]}.
     */
    public static Streams nextToken(int[] ids, int streams) {
        if (ids == null || streams <= 0 || (ids.length - 1) / streams < 1) {
            throw Msg.badInput("nextToken: perlu streams > 0 dan paling sedikit streams + 1 token, didapat streams = " + streams
                            + ", token = " + (ids == null ? "null" : ids.length),
                    "nextToken: needs streams > 0 and at least streams + 1 tokens, got streams = " + streams
                            + ", tokens = " + (ids == null ? "null" : ids.length));
        }
        int L = (ids.length - 1) / streams;
        int[][] x = new int[L][streams], y = new int[L][streams];
        for (int t = 0; t < L; t++) {
            for (int b = 0; b < streams; b++) {
                x[t][b] = ids[b * L + t];
                y[t][b] = ids[b * L + t + 1];
            }
        }
        return new Streams(x, y);
    }

    /**
     * The echo task: {@code streams} streams of {@code length} random symbols in {@code [0, symbols)}
     * (uniform, from {@code rng}); the target at step {@code t} is the input at step {@code t − delay}.
     * For the first {@code delay} steps of a stream the target is a symbol from before the stream's start,
     * which no model can know (so even a perfect model has loss {@code delay / length · ln(symbols)}).
     */
    public static Streams echo(int symbols, int delay, int streams, int length, NumpyRandom rng) {
        if (symbols < 2 || delay < 0 || streams <= 0 || length <= delay) {
            throw Msg.badInput("echo: perlu symbols >= 2, delay >= 0, streams > 0, length > delay; didapat " + symbols + ", "
                            + delay + ", " + streams + ", " + length,
                    "echo: needs symbols >= 2, delay >= 0, streams > 0, length > delay; got " + symbols + ", "
                            + delay + ", " + streams + ", " + length);
        }
        int[][] s = new int[length + delay][streams];
        for (int t = 0; t < length + delay; t++) {
            for (int b = 0; b < streams; b++) {
                s[t][b] = (int) rng.randint(symbols);
            }
        }
        int[][] x = new int[length][streams], y = new int[length][streams];
        for (int t = 0; t < length; t++) {
            for (int b = 0; b < streams; b++) {
                x[t][b] = s[t + delay][b];
                y[t][b] = s[t][b];
            }
        }
        return new Streams(x, y);
    }

    /** Steps per stream ({@code L}). */
    public int length() {
        return inputs.length;
    }

    /** Number of parallel streams ({@code B}). */
    public int streams() {
        return inputs[0].length;
    }

    /** Steps {@code [start, start + len)} of every stream (copies). */
    public Chunk chunk(int start, int len) {
        if (start < 0 || len <= 0 || start + len > length()) {
            throw Msg.badInput("chunk(" + start + ", " + len + ") di luar 0.." + length(),
                    "chunk(" + start + ", " + len + ") is outside 0.." + length());
        }
        int[][] x = new int[len][], y = new int[len][];
        for (int t = 0; t < len; t++) {
            x[t] = inputs[start + t].clone();
            y[t] = targets[start + t].clone();
        }
        return new Chunk(start, x, y);
    }

    /** The whole streams as one chunk. */
    public Chunk all() {
        return chunk(0, length());
    }

    /** Consecutive chunks of {@code k} steps covering every stream once (the last may be shorter). */
    public List<Chunk> chunks(int k) {
        if (k <= 0) {
            throw Msg.badInput("panjang potongan k harus > 0, didapat " + k, "chunk length k must be > 0, got " + k);
        }
        List<Chunk> list = new ArrayList<>();
        for (int s = 0; s < length(); s += k) {
            list.add(chunk(s, Math.min(k, length() - s)));
        }
        return list;
    }
}
