package kursus.rnn.text;

import kursus.rnn.core.Msg;

/**
 * One long text (e.g. Moby-Dick) as {@code B} parallel streams for truncated BPTT: the ids are cut
 * into {@code B} contiguous pieces of {@link #streamLength()} tokens, and chunk {@code i} holds
 * steps {@code i·k .. i·k+k-1} of every stream (inputs) and the next token of each (targets), both
 * time-major {@code [k][B]}. Consecutive chunks continue each other, so the model carries its
 * state from one chunk to the next; a new pass over the text must start from zeros.
 *
 * <pre>
 * ids  = a b c d e f g h i j k l m      (13 tokens, B = 2 streams of L = (13-1)/2 = 6)
 * stream 0: a b c d e f   targets b c d e f g
 * stream 1: g h i j k l   targets h i j k l m
 * chunk 0 (k = 3): inputs [[a, g], [b, h], [c, i]]   chunk 1: [[d, j], [e, k], [f, l]]
 * </pre>
 *
 * {@code CharLanguageModel.forwardBackward(Chunk)} resets the state by itself at the first chunk of
 * every pass, so it cannot be forgotten:
 * <pre>{@code
 * TextStreams train = TextStreams.of(vocab.encode(text), 16);
 * TextStreams.Chunk val = TextStreams.of(vocab.encode(valText), 16).whole();
 * History h = new Trainer(model.params(), new Adam(0.005)).clipGlobalNorm(5)
 *         .validation(() -> model.loss(val.inputs(), val.targets(), null, null))
 *         .fitSteps(2000, step -> train.chunkAt(step, 50), model::forwardBackward);
 * }</pre>
 */
public final class TextStreams {
    private final int[] ids;
    private final int streams;
    private final int length;

    private TextStreams(int[] ids, int streams, int length) {
        this.ids = ids;
        this.streams = streams;
        this.length = length;
    }

    /** Cuts {@code ids} into {@code streams} parallel streams of {@code (ids.length - 1) / streams} tokens. */
    public static TextStreams of(int[] ids, int streams) {
        if (ids == null || streams < 1) {
            throw Msg.badInput("TextStreams.of: ids tidak boleh null dan streams harus >= 1, ternyata " + streams,
                    "TextStreams.of: ids must not be null and streams must be >= 1, got " + streams);
        }
        int L = (ids.length - 1) / streams;
        if (L < 1) {
            throw Msg.badInput("TextStreams.of: " + ids.length + " token terlalu sedikit untuk " + streams
                            + " aliran (tiap aliran perlu minimal 1 token + 1 target). Kurangi streams atau pakai teks"
                            + " yang lebih panjang.",
                    "TextStreams.of: " + ids.length + " tokens are too few for " + streams + " streams (each stream"
                            + " needs at least 1 token + 1 target). Use fewer streams or a longer text.");
        }
        return new TextStreams(ids.clone(), streams, L);
    }

    /** Number of parallel streams B (the batch size). */
    public int streams() {
        return streams;
    }

    /** Tokens per stream L. */
    public int streamLength() {
        return length;
    }

    /** Number of whole chunks of {@code k} steps in one pass: {@code L / k}. */
    public int chunkCount(int k) {
        if (k < 1 || k > length) {
            throw Msg.badInput("TextStreams: panjang potongan k harus 1.." + length + " (panjang aliran), ternyata " + k,
                    "TextStreams: the chunk length k must be 1.." + length + " (the stream length), got " + k);
        }
        return length / k;
    }

    /** Chunk {@code i} (0-based) of {@code k} steps: inputs and targets {@code [k][B]}. */
    public Chunk chunk(int i, int k) {
        int n = chunkCount(k);
        if (i < 0 || i >= n) {
            throw Msg.badInput("TextStreams: potongan " + i + " di luar 0.." + (n - 1) + " (k = " + k + ")",
                    "TextStreams: chunk " + i + " is outside 0.." + (n - 1) + " (k = " + k + ")");
        }
        return cut(i, i * k, k);
    }

    /**
     * The chunk for training step {@code step}: {@code chunk(step % chunkCount(k), k)}, so steps walk
     * through the text again and again; {@link Chunk#startsPass()} is true at the start of each pass.
     */
    public Chunk chunkAt(int step, int k) {
        if (step < 0) {
            throw Msg.badInput("TextStreams.chunkAt: step harus >= 0, ternyata " + step,
                    "TextStreams.chunkAt: step must be >= 0, got " + step);
        }
        return chunk(step % chunkCount(k), k);
    }

    /** All {@code L} steps at once (e.g. a validation or test loss from the zero state). */
    public Chunk whole() {
        return cut(0, 0, length);
    }

    private Chunk cut(int index, int from, int k) {
        int[][] x = new int[k][streams], y = new int[k][streams];
        for (int t = 0; t < k; t++) {
            for (int b = 0; b < streams; b++) {
                x[t][b] = ids[b * length + from + t];
                y[t][b] = ids[b * length + from + t + 1];
            }
        }
        return new Chunk(index, Sequences.timeMajor(x), Sequences.timeMajor(y));
    }

    /**
     * One chunk: inputs and targets time-major {@code [k][B]}; {@code index} 0 starts a pass over the
     * text (the carried state must be reset there).
     */
    public record Chunk(int index, Sequences inputs, Sequences targets) {
        /** True for the first chunk of a pass: the model must start from the zero state. */
        public boolean startsPass() {
            return index == 0;
        }
    }

    @Override
    public String toString() {
        return "TextStreams(streams=" + streams + ", streamLength=" + length + ")";
    }
}
