package kursus.rnn.nn;

import static kursus.rnn.core.Nonlinear.sigmoid;
import static kursus.rnn.core.Nonlinear.tanh;

import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Long Short-Term Memory cell, as in the lecture:
 *
 * <pre>
 * z_t = [h_{t-1}, x_t]                          [batch, hidden + input]
 * a_t = z_t · W + b                             [batch, 4·hidden]  (one product for all gates)
 * f_t = σ(a_f)   forget gate                    columns [0, H)
 * i_t = σ(a_i)   input gate                     columns [H, 2H)
 * c̃_t = tanh(a_c) candidate ("g")              columns [2H, 3H)
 * o_t = σ(a_o)   output gate                    columns [3H, 4H)
 * c_t = f_t ∘ c_{t-1} + i_t ∘ c̃_t
 * h_t = o_t ∘ tanh(c_t)
 * </pre>
 *
 * Parameters: {@code W [hidden + input, 4·hidden]} (rows for {@code h_{t-1}} first, then rows for
 * {@code x_t}; gate blocks of columns in the order f, i, c̃, o) and {@code b [1, 4·hidden]}, whose
 * forget-gate part starts at 1 so that the cell remembers by default. {@link #W_f()} and friends
 * are views of the gate blocks.
 */
public final class LstmCell extends BaseCell {
    /** Gate blocks, in column order. */
    public static final int FORGET = 0;
    public static final int INPUT = 1;
    public static final int CANDIDATE = 2;
    public static final int OUTPUT = 3;

    private final Param W;
    private final Param b;
    private final INDArray Wh;
    private final INDArray Wx;
    private final INDArray dWh;
    private final INDArray dWx;

    /**
     * @param inputSize size of {@code x_t}
     * @param hiddenSize size of {@code h_t} and {@code c_t}
     * @param dtype FLOAT for training, DOUBLE for gradient checks
     * @param init how to draw {@code W} (the bias is 0 except the forget gate's, which is 1)
     */
    public LstmCell(int inputSize, int hiddenSize, DataType dtype, Init init) {
        super(inputSize, hiddenSize, dtype);
        int H = hiddenSize;
        int rows = H + inputSize;
        W = params.add("W", init.weights(dtype, rows, 4 * H, rows, H, H));
        INDArray bias = Tensors.zeros(dtype, 1, 4 * H);
        bias.get(NDArrayIndex.all(), NDArrayIndex.interval(0, H)).assign(1.0);
        b = params.add("b", bias);
        Wh = Tensors.rows(W.value(), 0, H);
        Wx = Tensors.rows(W.value(), H, rows);
        dWh = Tensors.rows(W.grad(), 0, H);
        dWx = Tensors.rows(W.grad(), H, rows);
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    /** Fused weights {@code W [hidden + input, 4·hidden]}. */
    public Param W() {
        return W;
    }

    /** Fused bias {@code b [1, 4·hidden]}. */
    public Param b() {
        return b;
    }

    /** Rows of {@code W} that multiply {@code h_{t-1}}: {@code [hidden, 4·hidden]} (view). */
    public INDArray W_h() {
        return Wh;
    }

    /** Rows of {@code W} that multiply {@code x_t}: {@code [input, 4·hidden]} (view). */
    public INDArray W_x() {
        return Wx;
    }

    /** Gate block {@code gate} ({@link #FORGET}, ...) of {@code W}: {@code [hidden + input, hidden]} (view). */
    public INDArray gateWeights(int gate) {
        return W.value().get(NDArrayIndex.all(), NDArrayIndex.interval((long) gate * hiddenSize, (long) (gate + 1) * hiddenSize));
    }

    /** Gate block of {@code b}: {@code [1, hidden]} (view). */
    public INDArray gateBias(int gate) {
        return b.value().get(NDArrayIndex.all(), NDArrayIndex.interval((long) gate * hiddenSize, (long) (gate + 1) * hiddenSize));
    }

    /** Forget-gate weights {@code W_f} (view). */
    public INDArray W_f() {
        return gateWeights(FORGET);
    }

    /** Input-gate weights {@code W_i} (view). */
    public INDArray W_i() {
        return gateWeights(INPUT);
    }

    /** Candidate weights {@code W_c} (view; called {@code g} in some texts). */
    public INDArray W_c() {
        return gateWeights(CANDIDATE);
    }

    /** Output-gate weights {@code W_o} (view). */
    public INDArray W_o() {
        return gateWeights(OUTPUT);
    }

    public INDArray b_f() {
        return gateBias(FORGET);
    }

    public INDArray b_i() {
        return gateBias(INPUT);
    }

    public INDArray b_c() {
        return gateBias(CANDIDATE);
    }

    public INDArray b_o() {
        return gateBias(OUTPUT);
    }

    /** Cache: gate activations and tanh(c_t) per step. */
    static final class Cache extends SeqCache {
        /** {@code [T·B, 4H]}: f, i, c̃, o after their non-linearities. */
        final INDArray gates;
        /** {@code [T·B, H]}: tanh(c_t). */
        final INDArray tanhC;

        Cache(LstmCell owner, SequenceInput in, INDArray hBuf, INDArray cBuf, INDArray gates, INDArray tanhC) {
            super(owner, in, hBuf, cBuf);
            this.gates = gates;
            this.tanhC = tanhC;
        }
    }

    @Override
    SeqCache forwardSeq(SequenceInput in, State s0) {
        final int T = in.T, B = in.B, H = hiddenSize, K = 4 * H;
        INDArray gates = Tensors.zeros(dtype, (long) T * B, K);
        in.project(Wx, gates); // x_t·W_x for every step at once
        INDArray hBuf = Tensors.zeros(dtype, (long) (T + 1) * B, H);
        INDArray cBuf = Tensors.zeros(dtype, (long) (T + 1) * B, H);
        putRows(hBuf, s0.h(), B);
        putRows(cBuf, s0.c(), B);
        INDArray tanhC = Tensors.zeros(dtype, (long) T * B, H);
        INDArray hPrev = copyOrZeros(s0.h(), B); // h_{t-1} [B, H]
        INDArray rec = Tensors.zeros(dtype, B, K); // h_{t-1}·W_h [B, 4H]

        Flat a = Flat.of(gates), hb = Flat.of(hBuf), cb = Flat.of(cBuf), tc = Flat.of(tanhC);
        Flat hp = Flat.of(hPrev), r = Flat.of(rec);
        double[] bias = Flat.of(b.value()).toArray();
        for (int t = 0; t < T; t++) {
            Tensors.gemm(hPrev, false, Wh, false, rec, 0.0);
            for (int n = 0; n < B; n++) {
                boolean on = in.on(t, n);
                int ra = (t * B + n) * K, rr = n * K, prev = (t * B + n) * H, next = ((t + 1) * B + n) * H;
                for (int j = 0; j < H; j++) {
                    // forward rule
                    double f = sigmoid(a.get(ra + j) + r.get(rr + j) + bias[j]);
                    double i = sigmoid(a.get(ra + H + j) + r.get(rr + H + j) + bias[H + j]);
                    double g = tanh(a.get(ra + 2 * H + j) + r.get(rr + 2 * H + j) + bias[2 * H + j]);
                    double o = sigmoid(a.get(ra + 3 * H + j) + r.get(rr + 3 * H + j) + bias[3 * H + j]);
                    a.set(ra + j, f);
                    a.set(ra + H + j, i);
                    a.set(ra + 2 * H + j, g);
                    a.set(ra + 3 * H + j, o);
                    double cPrev = cb.get(prev + j);
                    double c = on ? f * cPrev + i * g : cPrev; // masked step: state carried unchanged
                    double tanhc = tanh(c);
                    double h = on ? o * tanhc : hb.get(prev + j);
                    cb.set(next + j, c);
                    hb.set(next + j, h);
                    tc.set(prev + j, tanhc);
                    hp.set(n * H + j, h);
                }
            }
        }
        return new Cache(this, in, hBuf, cBuf, gates, tanhC);
    }

    @Override
    Recurrent.Gradients backwardSeq(INDArray dH, State dLast, SeqCache sc) {
        Cache cache = (Cache) sc;
        final int T = cache.T, B = cache.B, H = hiddenSize, K = 4 * H;
        INDArray dGates = scratch(0, (long) T * B, K); // dL/da for every step (every entry written below)
        INDArray dRec = Tensors.zeros(dtype, B, K); // dL/da_t of the current step
        INDArray dh = copyOrZeros(dLast == null ? null : dLast.h(), B); // gradient reaching h_t through the recurrence
        INDArray dc = copyOrZeros(dLast == null ? null : dLast.c(), B); // gradient reaching c_t
        Flat a = Flat.of(cache.gates), cb = Flat.of(cache.cBuf), tc = Flat.of(cache.tanhC);
        Flat dA = Flat.of(dGates), dr = Flat.of(dRec), dhf = Flat.of(dh), dcf = Flat.of(dc);
        Flat dHf = dH == null ? null : Flat.of(dH);
        double[] db = new double[K];
        for (int t = T - 1; t >= 0; t--) {
            for (int n = 0; n < B; n++) {
                boolean on = cache.on(t, n);
                int ra = (t * B + n) * K, rr = n * K, prev = (t * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    double dhv = dhf.get(rh + j) + (dHf == null ? 0.0 : dHf.get(prev + j));
                    double dcv = dcf.get(rh + j);
                    if (!on) { // masked: h and c were copied, so are their gradients
                        dA.set(ra + j, 0.0);
                        dA.set(ra + H + j, 0.0);
                        dA.set(ra + 2 * H + j, 0.0);
                        dA.set(ra + 3 * H + j, 0.0);
                        dr.set(rr + j, 0.0);
                        dr.set(rr + H + j, 0.0);
                        dr.set(rr + 2 * H + j, 0.0);
                        dr.set(rr + 3 * H + j, 0.0);
                        dhf.set(rh + j, dhv);
                        continue;
                    }
                    // backward rule (derivatives of the forward rule above)
                    double f = a.get(ra + j), i = a.get(ra + H + j), g = a.get(ra + 2 * H + j), o = a.get(ra + 3 * H + j);
                    double tanhc = tc.get(prev + j);
                    double cPrev = cb.get(prev + j);
                    dcv += dhv * o * (1 - tanhc * tanhc); // h = o·tanh(c)
                    double daF = dcv * cPrev * f * (1 - f);
                    double daI = dcv * g * i * (1 - i);
                    double daG = dcv * i * (1 - g * g);
                    double daO = dhv * tanhc * o * (1 - o);
                    dA.set(ra + j, daF);
                    dA.set(ra + H + j, daI);
                    dA.set(ra + 2 * H + j, daG);
                    dA.set(ra + 3 * H + j, daO);
                    dr.set(rr + j, daF);
                    dr.set(rr + H + j, daI);
                    dr.set(rr + 2 * H + j, daG);
                    dr.set(rr + 3 * H + j, daO);
                    db[j] += daF;
                    db[H + j] += daI;
                    db[2 * H + j] += daG;
                    db[3 * H + j] += daO;
                    dcf.set(rh + j, dcv * f); // c_t = f·c_{t-1} + ...
                    dhf.set(rh + j, 0.0);
                }
            }
            Tensors.gemm(dRec, false, Wh, true, dh, 1.0); // dh_{t-1} += da_t · W_hᵀ
        }
        // weight gradients summed over all steps: one product each
        Tensors.gemm(cache.hPrevRows(), true, dGates, false, dWh, 1.0);
        cache.input.accumulateWeightGrad(dGates, dWx);
        addInto(b.grad(), db);
        INDArray dX = cache.input.inputGrad(dGates, Wx, null);
        return gradients(cache, dX, new State(dh, dc));
    }
}
