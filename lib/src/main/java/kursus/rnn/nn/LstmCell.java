package kursus.rnn.nn;

import static kursus.rnn.core.Nonlinear.sigmoid;
import static kursus.rnn.core.Nonlinear.tanh;

import kursus.rnn.core.F32;
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
        W = params.add("W", init.weights(dtype, rows, 4 * H, Init.Fans.of(rows, H).scale(H)));
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
        if (dtype == DataType.FLOAT) {
            return forwardF32(in, s0);
        }
        final int T = in.T, B = in.B, H = hiddenSize, K = 4 * H;
        final int F = FORGET * H, I = INPUT * H, G = CANDIDATE * H, O = OUTPUT * H; // gate column blocks
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
                    double f = sigmoid(a.get(ra + F + j) + r.get(rr + F + j) + bias[F + j]);
                    double i = sigmoid(a.get(ra + I + j) + r.get(rr + I + j) + bias[I + j]);
                    double g = tanh(a.get(ra + G + j) + r.get(rr + G + j) + bias[G + j]);
                    double o = sigmoid(a.get(ra + O + j) + r.get(rr + O + j) + bias[O + j]);
                    a.set(ra + F + j, f);
                    a.set(ra + I + j, i);
                    a.set(ra + G + j, g);
                    a.set(ra + O + j, o);
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
        if (dtype == DataType.FLOAT) {
            return backwardF32(dH, dLast, (F32Cache) sc);
        }
        Cache cache = (Cache) sc;
        final int T = cache.T, B = cache.B, H = hiddenSize, K = 4 * H;
        final int F = FORGET * H, I = INPUT * H, G = CANDIDATE * H, O = OUTPUT * H;
        INDArray dGates = scratch(0, (long) T * B, K); // dL/da for every step (every entry written below)
        INDArray dRec = Tensors.zeros(dtype, B, K); // dL/da_t of the current step
        INDArray dh = copyOrZeros(dLast == null ? null : dLast.h(), B); // gradient reaching h_t through the recurrence
        INDArray dc = copyOrZeros(dLast == null ? null : dLast.c(), B); // gradient reaching c_t
        Flat a = Flat.of(cache.gates), cb = Flat.of(cache.cBuf()), tc = Flat.of(cache.tanhC);
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
                        dA.set(ra + F + j, 0.0);
                        dA.set(ra + I + j, 0.0);
                        dA.set(ra + G + j, 0.0);
                        dA.set(ra + O + j, 0.0);
                        dr.set(rr + F + j, 0.0);
                        dr.set(rr + I + j, 0.0);
                        dr.set(rr + G + j, 0.0);
                        dr.set(rr + O + j, 0.0);
                        dhf.set(rh + j, dhv);
                        continue;
                    }
                    // backward rule (derivatives of the forward rule above)
                    double f = a.get(ra + F + j), i = a.get(ra + I + j), g = a.get(ra + G + j), o = a.get(ra + O + j);
                    double tanhc = tc.get(prev + j);
                    double cPrev = cb.get(prev + j);
                    dcv += dhv * o * (1 - tanhc * tanhc); // h = o·tanh(c)
                    double daF = dcv * cPrev * f * (1 - f);
                    double daI = dcv * g * i * (1 - i);
                    double daG = dcv * i * (1 - g * g);
                    double daO = dhv * tanhc * o * (1 - o);
                    dA.set(ra + F + j, daF);
                    dA.set(ra + I + j, daI);
                    dA.set(ra + G + j, daG);
                    dA.set(ra + O + j, daO);
                    dr.set(rr + F + j, daF);
                    dr.set(rr + I + j, daI);
                    dr.set(rr + G + j, daG);
                    dr.set(rr + O + j, daO);
                    db[F + j] += daF;
                    db[I + j] += daI;
                    db[G + j] += daG;
                    db[O + j] += daO;
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

    // ---------------------------------------------------------------- float32: the training path

    /** Workspace slots of the float32 pass. */
    private static final int WS_GATES = 0, WS_C = 1, WS_TANH_C = 2, WS_H = 3, WS_DA = 4, WS_DH_IN = 5;

    /**
     * What the float32 pass keeps: gate values, cell states and tanh(c_t) on the heap, the hidden
     * states in native memory (the products read them there); all from the cell's {@link Workspace}.
     */
    static final class F32Cache extends SeqCache {
        /** {@code [T·B, 4H]}: f, i, c̃, o per row. */
        final float[] gates;
        /** {@code [(T+1)·B, H]}: c_0 .. c_T. */
        final float[] c;
        /** {@code [T·B, H]}: tanh(c_t). */
        final float[] tanhC;
        private INDArray cNative;

        F32Cache(LstmCell owner, SequenceInput in, INDArray hBuf, float[] gates, float[] c, float[] tanhC) {
            super(owner, in, hBuf, null);
            this.gates = gates;
            this.c = c;
            this.tanhC = tanhC;
        }

        /** The cell states in native memory, made only when asked for ({@code c()} in a lesson), not per training step. */
        @Override
        INDArray cBuf() {
            if (cNative == null) {
                cNative = matrix(c, (T + 1) * B, H);
            }
            return cNative;
        }

        @Override
        INDArray lastC() {
            return matrix(c, T * B * H, B, H);
        }

        @Override
        void release() {
            Workspace ws = ((LstmCell) cell()).ws;
            ws.give(WS_GATES, gates);
            ws.give(WS_C, c);
            ws.give(WS_TANH_C, tanhC);
            ws.give(WS_H, hBuf);
        }
    }

    /**
     * The forward rule of the class comment over all {@code T} steps, float32: the input part
     * {@code x_t·W_x} of every step in one product (or row copy) before the loop, then per step one
     * product {@code h_{t-1}·W_h} and short loops over the gates that the JIT vectorises. The array
     * {@code gates} first holds the pre-activations {@code a_t}, then, in place, the gate values.
     */
    private SeqCache forwardF32(SequenceInput in, State s0) {
        final int T = in.T, B = in.B, H = hiddenSize, K = 4 * H, BH = B * H;
        final int F = FORGET * H, I = INPUT * H, G = CANDIDATE * H, O = OUTPUT * H; // gate column blocks
        F32 w = F32.of(W.value());
        float[] gates = in.projectF32(w, H, K, ws.floats(WS_GATES, T * B * K)); // x_t·W_x, every step
        float[] bias = F32.of(b.value()).toArray();
        float[] c = ws.floats(WS_C, (T + 1) * BH);
        float[] tanhC = ws.floats(WS_TANH_C, T * BH);
        float[] rec = new float[B * K];
        float[] hPrev = floats(s0.h(), B, H), h = new float[BH];
        if (s0.c() == null) {
            java.util.Arrays.fill(c, 0, BH, 0f);
        } else {
            F32.of(Tensors.asContiguous(DataType.FLOAT, s0.c())).get(0, c, 0, BH);
        }
        F32 hBuf = ws.rows(WS_H, (long) (T + 1) * B, H), recN = F32.of(scratch(2, B, K));
        hBuf.put(0, hPrev, 0, BH);
        for (int t = 0; t < T; t++) {
            F32.gemm(false, false, B, K, H, hBuf, t * BH, H, w, 0, K, 0f, recN, 0, K); // h_{t-1}·W_h
            recN.get(0, rec, 0, B * K);
            for (int n = 0; n < B; n++) {
                int ra = (t * B + n) * K, rr = n * K, rh = n * H, cPrev = t * BH + rh, cNext = cPrev + BH;
                if (!in.on(t, n)) { // padded step: state carried unchanged
                    System.arraycopy(c, cPrev, c, cNext, H);
                    System.arraycopy(hPrev, rh, h, rh, H);
                    continue;
                }
                forwardRow(gates, ra, rec, rr, bias, c, cPrev, cNext, tanhC, h, rh, H);
            }
            hBuf.put((t + 1) * BH, h, 0, BH);
            float[] swap = hPrev;
            hPrev = h;
            h = swap;
        }
        return new F32Cache(this, in, hBuf.array, gates, c, tanhC);
    }

    /**
     * The forward rule for one sequence at one step (float32): {@code gates[ra..ra+4H)} holds
     * {@code x_t·W_x} and becomes f, i, c̃, o; {@code c_t}, {@code tanh(c_t)} and {@code h_t} are
     * written. A method of its own, so the JIT compiles these short vectorised loops once and the
     * loops over time and batch stay small (C2 compile time of the whole pass was ~1 CPU-s).
     */
    private static void forwardRow(float[] gates, int ra, float[] rec, int rr, float[] bias, float[] c, int cPrev, int cNext,
            float[] tanhC, float[] h, int rh, int H) {
        final int K = 4 * H, F = FORGET * H, I = INPUT * H, G = CANDIDATE * H, O = OUTPUT * H;
        for (int k = 0; k < K; k++) { // a_t = x_t·W_x + h_{t−1}·W_h + b, all gates
            gates[ra + k] = gates[ra + k] + rec[rr + k] + bias[k]; // (x·W_x + h·W_h) + b, the order the tests and lessons were measured with
        }
        F32.sigmoid(gates, ra + F, ra + F + H); // f_t = σ(a_f)
        F32.sigmoid(gates, ra + I, ra + I + H); // i_t = σ(a_i)
        F32.tanh(gates, ra + G, ra + G + H); //    c̃_t = tanh(a_c)
        F32.sigmoid(gates, ra + O, ra + O + H); // o_t = σ(a_o)
        for (int j = 0; j < H; j++) { //          c_t = f∘c_{t−1} + i∘c̃
            c[cNext + j] = gates[ra + F + j] * c[cPrev + j] + gates[ra + I + j] * gates[ra + G + j];
        }
        System.arraycopy(c, cNext, tanhC, cPrev, H);
        F32.tanh(tanhC, cPrev, cPrev + H);
        for (int j = 0; j < H; j++) { //          h_t = o∘tanh(c_t)
            h[rh + j] = gates[ra + O + j] * tanhC[cPrev + j];
        }
    }

    /** The backward rule (derivatives of the forward rule), float32; weight gradients as one product over all steps. */
    private Recurrent.Gradients backwardF32(INDArray dH, State dLast, F32Cache cache) {
        final int T = cache.T, B = cache.B, H = hiddenSize, K = 4 * H, BH = B * H;
        final int F = FORGET * H, I = INPUT * H, G = CANDIDATE * H, O = OUTPUT * H;
        SequenceInput in = cache.input;
        F32 w = F32.of(W.value()), gw = F32.of(W.grad());
        float[] gates = cache.gates, c = cache.c, tanhC = cache.tanhC;
        F32 dHn = dH == null ? null : F32.of(Tensors.asContiguous(DataType.FLOAT, dH)); // dL/dh_t from outside
        float[] dHin = ws.floats(WS_DH_IN, BH); // its rows for step t
        float[] dh = floats(dLast == null ? null : dLast.h(), B, H); // dL/dh_t through the recurrence
        float[] dc = floats(dLast == null ? null : dLast.c(), B, H); // dL/dc_t
        float[] dA = ws.floats(WS_DA, T * B * K); // dL/d(pre-activations), every step (every row written below)
        float[] db = new float[K];
        float[] carried = in.hasMask() ? new float[BH] : null;
        F32 dAn = F32.of(scratch(0, (long) T * B, K)), dhN = F32.of(scratch(1, B, H));
        for (int t = T - 1; t >= 0; t--) {
            rowsOfStep(dHn, t, dHin);
            for (int n = 0; n < B; n++) {
                int ra = (t * B + n) * K, rh = n * H, cPrev = t * BH + rh;
                if (!in.on(t, n)) { // padded: h and c were copied, so are their gradients
                    for (int j = 0; j < H; j++) {
                        carried[rh + j] = dh[rh + j] + dHin[rh + j];
                    }
                    java.util.Arrays.fill(dA, ra, ra + K, 0f);
                    continue;
                }
                if (carried != null) {
                    java.util.Arrays.fill(carried, rh, rh + H, 0f);
                }
                backwardRow(gates, ra, tanhC, c, cPrev, dh, dc, dHin, rh, dA, db, H);
            }
            dAn.put(t * B * K, dA, t * B * K, B * K);
            F32.gemm(false, true, B, H, K, dAn, t * B * K, K, w, 0, K, 0f, dhN, 0, H); // dh_{t−1} = da_t · W_hᵀ
            dhN.get(0, dh, 0, BH);
            if (carried != null) {
                for (int k = 0; k < BH; k++) {
                    dh[k] += carried[k];
                }
            }
        }
        // weight gradients summed over all steps: one product each
        F32.gemm(true, false, H, K, T * B, F32.of(cache.hBuf), 0, H, dAn, 0, K, 1f, gw, 0, K);
        in.weightGradF32(dA, dAn, gw, H, K);
        ws.give(WS_DA, dA);
        ws.give(WS_DH_IN, dHin);
        F32.of(b.grad()).addFrom(0, db, K);
        INDArray dX = in.inputGradF32(dAn, w, H, K, null);
        return new Recurrent.Gradients(dX == null ? null : dX.reshape('c', T, B, inputSize), () -> new State(matrix(dh, B, H), matrix(dc, B, H)));
    }
    /**
     * The backward rule for one sequence at one step (float32): from {@code dL/dh_t} (recurrence
     * {@code dh} plus outside {@code dHin}) and {@code dL/dc_t} to {@code dL/da_t} (written to
     * {@code dA}, summed into {@code db}) and {@code dL/dc_{t−1}} (in place in {@code dc}).
     */
    private static void backwardRow(float[] gates, int ra, float[] tanhC, float[] c, int cPrev, float[] dh, float[] dc,
            float[] dHin, int rh, float[] dA, float[] db, int H) {
        final int F = FORGET * H, I = INPUT * H, G = CANDIDATE * H, O = OUTPUT * H;
        for (int j = 0; j < H; j++) {
            float f = gates[ra + F + j], i = gates[ra + I + j], g = gates[ra + G + j], o = gates[ra + O + j];
            float tc = tanhC[cPrev + j];
            float dhv = dh[rh + j] + dHin[rh + j];
            float dcv = dc[rh + j] + dhv * o * (1 - tc * tc); // h = o∘tanh(c)
            float daF = dcv * c[cPrev + j] * f * (1 - f); //     c = f∘c_{t−1} + i∘c̃
            float daI = dcv * g * i * (1 - i);
            float daG = dcv * i * (1 - g * g);
            float daO = dhv * tc * o * (1 - o);
            dc[rh + j] = dcv * f; //                               dL/dc_{t−1} (direct path)
            dA[ra + F + j] = daF;
            dA[ra + I + j] = daI;
            dA[ra + G + j] = daG;
            dA[ra + O + j] = daO;
            db[F + j] += daF;
            db[I + j] += daI;
            db[G + j] += daG;
            db[O + j] += daO;
        }
    }
}
