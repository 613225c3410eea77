package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Many-to-many with different lengths: an encoder–decoder ("sequence to sequence").
 *
 * <pre>
 * encoder:  h_t^enc = cell_enc(E_src[x_t], h_{t-1}^enc)        t = 1..T_x, from zeros
 *           s = h_{T_x}^enc  (and c for an LSTM)                the whole input squeezed into one state
 * decoder:  h_0^dec = s,  ctx = s.h (when the decoder has contextSize = hidden, else no context)
 *           then a {@link Decoder}: x_t = [E_tgt[y_{t-1}] ; ctx],  z_t = h_t^dec · W_hy + b_y
 * </pre>
 *
 * Feeding the encoder's summary {@code ctx} at every decoder step (as Cho et al., 2014 do) gives the
 * decoder a short path to the input; without it ({@code contextSize = 0}) the summary only enters
 * through {@code h_0} (Sutskever et al., 2014). Training uses teacher forcing (see {@link Decoder});
 * {@link #greedy} translates. Backward: the decoder's gradient with respect to {@code h_0} (plus the
 * summed context gradient) is the encoder's gradient on its last state.
 *
 * <p>Source sequences in a batch are right-padded with a mask: the encoder carries its state over
 * padded steps, so {@code s} is each sequence's state after its last real symbol.
 */
public final class Seq2Seq {
    private final Embedding source;
    private final RecurrentCell encoderCell;
    private final Recurrent encoder;
    private final Decoder decoder;
    private final Params params = new Params();

    /**
     * @param source lookup of the source symbols ({@code sourceVocab → dim})
     * @param encoderCell the encoder cell ({@code inputSize = dim})
     * @param decoder the decoder; its cell has the encoder's hidden size and kind, and its context size is 0 or the hidden size
     */
    public Seq2Seq(Embedding source, RecurrentCell encoderCell, Decoder decoder) {
        this.source = Checks.notNull("source", source);
        this.encoderCell = Checks.notNull("encoderCell", encoderCell);
        this.decoder = Checks.notNull("decoder", decoder);
        if (encoderCell.inputSize() != source.dim()) {
            throw Msg.badInput(
                    "encoderCell: ukuran masukan harus dim embedding sumber = " + source.dim() + ", ternyata " + encoderCell.inputSize(),
                    "encoderCell: expected input size = source embedding dim " + source.dim() + ", got " + encoderCell.inputSize());
        }
        RecurrentCell dc = decoder.cell();
        if (dc.hiddenSize() != encoderCell.hiddenSize() || dc.hasCellState() != encoderCell.hasCellState()) {
            throw Msg.badInput(
                    "decoder: sel decoder harus berukuran dan berjenis sama dengan encoder (hidden=" + encoderCell.hiddenSize()
                            + "), karena state terakhir encoder menjadi state awal decoder",
                    "decoder: the decoder cell must have the encoder's hidden size (" + encoderCell.hiddenSize()
                            + ") and kind, because the encoder's last state becomes the decoder's first state");
        }
        if (decoder.contextSize() != 0 && decoder.contextSize() != encoderCell.hiddenSize()) {
            throw Msg.badInput(
                    "decoder: contextSize harus 0 (tanpa konteks) atau hidden encoder = " + encoderCell.hiddenSize()
                            + ", ternyata " + decoder.contextSize(),
                    "decoder: contextSize must be 0 (no context) or the encoder's hidden size " + encoderCell.hiddenSize()
                            + ", got " + decoder.contextSize());
        }
        this.encoder = new Recurrent(encoderCell);
        params.addAll("source", source.params()).addAll("encoder", encoderCell.params()).addAll("decoder", decoder.params());
    }

    /** All parameters: {@code source.*}, {@code encoder.*}, {@code decoder.*}. */
    public Params params() {
        return params;
    }

    public Decoder decoder() {
        return decoder;
    }

    public RecurrentCell encoderCell() {
        return encoderCell;
    }

    public Embedding source() {
        return source;
    }

    /**
     * The encoder's summary of each source sequence: its state after the last real symbol.
     *
     * @param src source symbols {@code [T_x][batch]}
     * @param srcMask {@code [T_x, batch]} 0/1, or null
     */
    public State encode(int[][] src, INDArray srcMask) {
        return encoder.forward(source.forward(src), null, srcMask).last();
    }

    /**
     * One training pass: zeroes the gradients, encodes, decodes with teacher forcing, backpropagates
     * through decoder and encoder, fills the gradients of {@link #params()}.
     *
     * @param src source symbols {@code [T_x][batch]}; {@code srcMask} {@code [T_x, batch]} or null
     * @param targetIn decoder inputs {@code [T_y][batch]} (start symbol, then the true previous symbols)
     * @param targetOut decoder targets {@code [T_y][batch]} (ending with the end symbol)
     * @param targetMask {@code [T_y, batch]} or null
     * @return mean loss per target symbol
     */
    public double forwardBackward(int[][] src, INDArray srcMask, int[][] targetIn, int[][] targetOut, INDArray targetMask) {
        params.zeroGrad();
        Recurrent.Output enc = encoder.forward(source.forward(src), null, srcMask);
        State s = enc.last();
        INDArray ctx = decoder.contextSize() > 0 ? s.h() : null;
        Decoder.Result r = decoder.forwardBackward(targetIn, targetOut, targetMask, s, ctx);
        INDArray dh = r.dH0().h();
        if (r.dContext() != null) {
            dh = dh.add(r.dContext().castTo(dh.dataType()));
        }
        Recurrent.Gradients g = encoder.backward(enc, null, new State(dh, r.dH0().c()));
        source.backward(src, g.dX());
        enc.cache().recycle(); // nothing of the encoder's pass is used any more: its buffers serve the next step
        return r.loss();
    }

    /** The mean teacher-forced loss, without gradients. */
    public double loss(int[][] src, INDArray srcMask, int[][] targetIn, int[][] targetOut, INDArray targetMask) {
        State s = encode(src, srcMask);
        return decoder.loss(targetIn, targetOut, targetMask, s, decoder.contextSize() > 0 ? s.h() : null);
    }

    /**
     * Greedy translation: encode, then let the decoder feed back its own most likely symbol until
     * {@code end} or {@code maxLen}.
     *
     * @return the target symbols of each source sequence, without start and end symbols
     */
    public int[][] greedy(int[][] src, INDArray srcMask, int start, int end, int maxLen) {
        State s = encode(src, srcMask);
        return decoder.greedy(s, decoder.contextSize() > 0 ? s.h() : null, start, end, maxLen);
    }
}
