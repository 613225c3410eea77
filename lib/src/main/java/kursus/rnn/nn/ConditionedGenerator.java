package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-to-many: one input vector (a condition) in, a whole sequence out.
 *
 * <pre>
 * h_0 = tanh(cond · W_c + b_c)        [batch, hidden]   (c_0 = 0 for an LSTM)   the one input
 * then a {@link Decoder} (context size 0) generates y_1, y_2, ... , each fed back as the next input
 * </pre>
 *
 * For example {@code cond} = one-hot(language) ⊕ one-hot(first letter) and the output a name. Training
 * uses teacher forcing; {@link #generate} samples (temperature &gt; 0) or decodes greedily
 * (temperature 0). Backward: {@code dL/da = dL/dh_0 ∘ (1 − h_0²)} into the {@link Dense} {@code init}.
 */
public final class ConditionedGenerator {
    private final Dense init;
    private final Decoder decoder;
    private final Params params = new Params();

    /**
     * @param init {@code conditionSize → hidden}
     * @param decoder the generator (its context size must be 0)
     */
    public ConditionedGenerator(Dense init, Decoder decoder) {
        this.init = Checks.notNull("init", init);
        this.decoder = Checks.notNull("decoder", decoder);
        if (init.outputSize() != decoder.cell().hiddenSize()) {
            throw Msg.badInput(
                    "init: ukuran keluaran harus hidden decoder = " + decoder.cell().hiddenSize() + ", ternyata " + init.outputSize(),
                    "init: expected output size = decoder hidden " + decoder.cell().hiddenSize() + ", got " + init.outputSize());
        }
        if (decoder.contextSize() != 0) {
            throw Msg.badInput("decoder: untuk ConditionedGenerator contextSize harus 0 (kondisi masuk lewat h_0)",
                    "decoder: for a ConditionedGenerator contextSize must be 0 (the condition enters through h_0)");
        }
        params.addAll("init", init.params()).addAll("decoder", decoder.params());
    }

    /** All parameters: {@code init.*}, {@code decoder.*}. */
    public Params params() {
        return params;
    }

    public Decoder decoder() {
        return decoder;
    }

    public Dense init() {
        return init;
    }

    /** {@code h_0 = tanh(cond · W_c + b_c)} (with {@code c_0 = 0} for an LSTM) for {@code cond [batch, conditionSize]}. */
    public State initialState(INDArray cond) {
        return decoder.stateFrom(Activations.tanh(init.forward(cond)));
    }

    /**
     * One training pass: zeroes the gradients, teacher-forced loss, backward into decoder and {@code init}.
     *
     * @param cond {@code [batch, conditionSize]}
     * @param inputs {@code [T][batch]} (start symbol, then the true previous symbols)
     * @param targets {@code [T][batch]} (ending with the end symbol)
     * @param mask {@code [T, batch]} or null
     * @return mean loss per generated symbol
     */
    public double forwardBackward(INDArray cond, int[][] inputs, int[][] targets, INDArray mask) {
        params.zeroGrad();
        INDArray h0 = Activations.tanh(init.forward(cond)); // [batch, hidden]
        Decoder.Result r = decoder.forwardBackward(inputs, targets, mask, decoder.stateFrom(h0), null);
        INDArray da = r.dH0().h().castTo(h0.dataType()).mul(Activations.tanhDerivative(h0)); // [batch, hidden]
        init.backward(cond, da);
        return r.loss();
    }

    /** The mean teacher-forced loss, without gradients. */
    public double loss(INDArray cond, int[][] inputs, int[][] targets, INDArray mask) {
        return decoder.loss(inputs, targets, mask, initialState(cond), null);
    }

    /**
     * Generates one sequence per row of {@code cond}: sampled with {@code temperature} and {@code rng},
     * or greedy when {@code temperature == 0} (then {@code rng} may be null).
     *
     * @return the symbols of each sequence, without start and end symbols
     */
    public int[][] generate(INDArray cond, int start, int end, int maxLen, double temperature, NumpyRandom rng) {
        return decoder.sample(initialState(cond), null, start, end, maxLen, temperature, rng);
    }

    /**
     * Conditions made of one-hot blocks: row {@code n} is {@code onehot(parts[0][n], sizes[0]) ⊕ onehot(parts[1][n], sizes[1]) ⊕ ...}.
     * E.g. {@code oneHots(dt, new int[] {2, 26}, languages, firstLetters)} gives {@code [batch, 28]}.
     */
    public static INDArray oneHots(DataType dt, int[] sizes, int[]... parts) {
        Checks.notNull("sizes", sizes);
        Checks.notNull("parts", parts);
        if (parts.length != sizes.length || parts.length == 0) {
            throw Msg.badInput("oneHots: butuh satu daftar indeks per ukuran (" + sizes.length + "), ternyata " + parts.length,
                    "oneHots: expected one index list per size (" + sizes.length + "), got " + parts.length);
        }
        int B = Checks.notNull("parts[0]", parts[0]).length;
        int width = 0;
        for (int s : sizes) {
            width += Checks.positive("sizes[i]", s);
        }
        INDArray c = Nd4j.zeros(dt, B, width); // [batch, Σ sizes]
        int off = 0;
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null || parts[k].length != B) {
                throw Msg.badInput("oneHots: parts[" + k + "] harus sepanjang batch=" + B, "oneHots: parts[" + k + "] must have length batch=" + B);
            }
            for (int n = 0; n < B; n++) {
                c.putScalar(n, off + Checks.index("parts[" + k + "][" + n + "]", parts[k][n], sizes[k]), 1.0);
            }
            off += sizes[k];
        }
        return c;
    }
}
