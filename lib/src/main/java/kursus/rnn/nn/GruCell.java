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
 * Gated Recurrent Unit in the lecture's classic form:
 *
 * <pre>
 * z_t = σ([h_{t-1}, x_t] · W_z + b_z)              update gate   [batch, hidden]
 * r_t = σ([h_{t-1}, x_t] · W_r + b_r)              reset gate
 * h̃_t = tanh([r_t ∘ h_{t-1}, x_t] · W_h + b_h)     candidate (reset applied BEFORE the product)
 * h_t = z_t ∘ h_{t-1} + (1 − z_t) ∘ h̃_t
 * </pre>
 *
 * Parameters: {@code W_zr [hidden + input, 2·hidden]} (columns: z block, then r block; one
 * product for both gates), {@code b_zr [1, 2·hidden]}, {@code W_h [hidden + input, hidden]},
 * {@code b_h [1, hidden]}. Rows for {@code h_{t-1}} come first, then rows for {@code x_t}.
 * The candidate needs {@code r_t} first, so a GRU step takes two products.
 */
public final class GruCell extends BaseCell {
    private final Param Wzr;
    private final Param bzr;
    private final Param Wh;
    private final Param bh;
    private final INDArray WzrH, WzrX, WhH, WhX;
    private final INDArray dWzrH, dWzrX, dWhH, dWhX;

    /**
     * @param inputSize size of {@code x_t}
     * @param hiddenSize size of {@code h_t}
     * @param dtype FLOAT for training, DOUBLE for gradient checks
     * @param init how to draw the weights (biases start at 0)
     */
    public GruCell(int inputSize, int hiddenSize, DataType dtype, Init init) {
        super(inputSize, hiddenSize, dtype);
        int H = hiddenSize;
        int rows = H + inputSize;
        Wzr = params.add("W_zr", init.weights(dtype, rows, 2 * H, Init.Fans.of(rows, H).scale(H)));
        bzr = params.add("b_zr", Tensors.zeros(dtype, 1, 2 * H));
        Wh = params.add("W_h", init.weights(dtype, rows, H, Init.Fans.of(rows, H).scale(H)));
        bh = params.add("b_h", Tensors.zeros(dtype, 1, H));
        WzrH = Tensors.rows(Wzr.value(), 0, H);
        WzrX = Tensors.rows(Wzr.value(), H, rows);
        WhH = Tensors.rows(Wh.value(), 0, H);
        WhX = Tensors.rows(Wh.value(), H, rows);
        dWzrH = Tensors.rows(Wzr.grad(), 0, H);
        dWzrX = Tensors.rows(Wzr.grad(), H, rows);
        dWhH = Tensors.rows(Wh.grad(), 0, H);
        dWhX = Tensors.rows(Wh.grad(), H, rows);
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    /** Fused gate weights {@code W_zr [hidden + input, 2·hidden]}. */
    public Param W_zr() {
        return Wzr;
    }

    /** Fused gate bias {@code b_zr [1, 2·hidden]}. */
    public Param b_zr() {
        return bzr;
    }

    /** Candidate weights {@code W_h [hidden + input, hidden]}. */
    public Param W_h() {
        return Wh;
    }

    /** Candidate bias {@code b_h [1, hidden]}. */
    public Param b_h() {
        return bh;
    }

    /** Update-gate weights {@code W_z [hidden + input, hidden]} (view of {@code W_zr}). */
    public INDArray W_z() {
        return Wzr.value().get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize));
    }

    /** Reset-gate weights {@code W_r [hidden + input, hidden]} (view of {@code W_zr}). */
    public INDArray W_r() {
        return Wzr.value().get(NDArrayIndex.all(), NDArrayIndex.interval(hiddenSize, 2L * hiddenSize));
    }

    public INDArray b_z() {
        return bzr.value().get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize));
    }

    public INDArray b_r() {
        return bzr.value().get(NDArrayIndex.all(), NDArrayIndex.interval(hiddenSize, 2L * hiddenSize));
    }

    /** Cache: gates z, r; candidate h̃; and r ∘ h_{t-1} per step. */
    static final class Cache extends SeqCache {
        final INDArray zr; // [T·B, 2H] z then r, after σ
        final INDArray cand; // [T·B, H] h̃ after tanh
        final INDArray rh; // [T·B, H] r ∘ h_{t-1}

        Cache(GruCell owner, SequenceInput in, INDArray hBuf, INDArray zr, INDArray cand, INDArray rh) {
            super(owner, in, hBuf, null);
            this.zr = zr;
            this.cand = cand;
            this.rh = rh;
        }
    }

    @Override
    SeqCache forwardSeq(SequenceInput in, State s0) {
        if (dtype == DataType.FLOAT) {
            return forwardF32(in, s0);
        }
        final int T = in.T, B = in.B, H = hiddenSize, K = 2 * H;
        final int Z = 0, R = H; // gate column blocks of W_zr: update z, reset r
        INDArray zr = Tensors.zeros(dtype, (long) T * B, K);
        INDArray cand = Tensors.zeros(dtype, (long) T * B, H);
        in.project(WzrX, zr); // x_t·W_zr_x, all steps
        in.project(WhX, cand); // x_t·W_h_x, all steps
        INDArray hBuf = Tensors.zeros(dtype, (long) (T + 1) * B, H);
        putRows(hBuf, s0.h(), B);
        INDArray rhAll = Tensors.zeros(dtype, (long) T * B, H);
        INDArray hPrev = copyOrZeros(s0.h(), B);
        INDArray rhStep = Tensors.zeros(dtype, B, H);
        INDArray rec1 = Tensors.zeros(dtype, B, K); // h_{t-1}·W_zr_h
        INDArray rec2 = Tensors.zeros(dtype, B, H); // (r∘h_{t-1})·W_h_h
        Flat a = Flat.of(zr), ac = Flat.of(cand), hb = Flat.of(hBuf), rha = Flat.of(rhAll);
        Flat hp = Flat.of(hPrev), rhs = Flat.of(rhStep), r1 = Flat.of(rec1), r2 = Flat.of(rec2);
        double[] bg = Flat.of(bzr.value()).toArray();
        double[] bc = Flat.of(bh.value()).toArray();
        for (int t = 0; t < T; t++) {
            Tensors.gemm(hPrev, false, WzrH, false, rec1, 0.0);
            for (int n = 0; n < B; n++) {
                int ra = (t * B + n) * K, rr = n * K, row = (t * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    double z = sigmoid(a.get(ra + Z + j) + r1.get(rr + Z + j) + bg[Z + j]);
                    double r = sigmoid(a.get(ra + R + j) + r1.get(rr + R + j) + bg[R + j]);
                    a.set(ra + Z + j, z);
                    a.set(ra + R + j, r);
                    double v = r * hb.get(row + j); // reset applied to h_{t-1}
                    rha.set(row + j, v);
                    rhs.set(rh + j, v);
                }
            }
            Tensors.gemm(rhStep, false, WhH, false, rec2, 0.0);
            for (int n = 0; n < B; n++) {
                boolean on = in.on(t, n);
                int ra = (t * B + n) * K, row = (t * B + n) * H, next = ((t + 1) * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    double hc = tanh(ac.get(row + j) + r2.get(rh + j) + bc[j]);
                    ac.set(row + j, hc);
                    double z = a.get(ra + Z + j);
                    double hPrevV = hb.get(row + j);
                    double h = on ? z * hPrevV + (1 - z) * hc : hPrevV; // masked step: h carried
                    hb.set(next + j, h);
                    hp.set(rh + j, h);
                }
            }
        }
        return new Cache(this, in, hBuf, zr, cand, rhAll);
    }

    @Override
    Recurrent.Gradients backwardSeq(INDArray dH, State dLast, SeqCache sc) {
        if (dtype == DataType.FLOAT) {
            return backwardF32(dH, dLast, (F32Cache) sc);
        }
        Cache cache = (Cache) sc;
        final int T = cache.T, B = cache.B, H = hiddenSize, K = 2 * H;
        final int Z = 0, R = H;
        INDArray dZr = scratch(0, (long) T * B, K); // dL/d(pre-activations of z, r) (every entry written below)
        INDArray dCand = scratch(1, (long) T * B, H); // dL/d(pre-activation of h̃)
        INDArray dRec1 = Tensors.zeros(dtype, B, K);
        INDArray dRec2 = Tensors.zeros(dtype, B, H);
        INDArray dRh = Tensors.zeros(dtype, B, H); // dL/d(r∘h_{t-1})
        INDArray dh = copyOrZeros(dLast == null ? null : dLast.h(), B);
        Flat a = Flat.of(cache.zr), ac = Flat.of(cache.cand), hb = Flat.of(cache.hBuf);
        Flat dz = Flat.of(dZr), dcn = Flat.of(dCand), d1 = Flat.of(dRec1), d2 = Flat.of(dRec2);
        Flat drh = Flat.of(dRh), dhf = Flat.of(dh);
        Flat dHf = dH == null ? null : Flat.of(dH);
        double[] dbg = new double[K];
        double[] dbc = new double[H];
        for (int t = T - 1; t >= 0; t--) {
            for (int n = 0; n < B; n++) {
                boolean on = cache.on(t, n);
                int ra = (t * B + n) * K, rr = n * K, row = (t * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    double dhv = dhf.get(rh + j) + (dHf == null ? 0.0 : dHf.get(row + j));
                    if (!on) {
                        dz.set(ra + Z + j, 0.0);
                        dcn.set(row + j, 0.0);
                        d1.set(rr + Z + j, 0.0);
                        d2.set(rh + j, 0.0);
                        dhf.set(rh + j, dhv);
                        continue;
                    }
                    // backward of h = z∘h_{t-1} + (1−z)∘h̃
                    double z = a.get(ra + Z + j), hc = ac.get(row + j), hPrevV = hb.get(row + j);
                    double daz = dhv * (hPrevV - hc) * z * (1 - z);
                    double dac = dhv * (1 - z) * (1 - hc * hc);
                    dz.set(ra + Z + j, daz);
                    d1.set(rr + Z + j, daz);
                    dcn.set(row + j, dac);
                    d2.set(rh + j, dac);
                    dbg[Z + j] += daz;
                    dbc[j] += dac;
                    dhf.set(rh + j, dhv * z); // direct path h_{t-1} → h_t
                }
            }
            Tensors.gemm(dRec2, false, WhH, true, dRh, 0.0); // d(r∘h_{t-1}) = dã · W_h_hᵀ
            for (int n = 0; n < B; n++) {
                boolean on = cache.on(t, n);
                int ra = (t * B + n) * K, rr = n * K, row = (t * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    if (!on) {
                        dz.set(ra + R + j, 0.0);
                        d1.set(rr + R + j, 0.0);
                        continue;
                    }
                    double r = a.get(ra + R + j), hPrevV = hb.get(row + j), g = drh.get(rh + j);
                    double dar = g * hPrevV * r * (1 - r);
                    dz.set(ra + R + j, dar);
                    d1.set(rr + R + j, dar);
                    dbg[R + j] += dar;
                    dhf.add(rh + j, g * r); // path through the reset gate's product
                }
            }
            Tensors.gemm(dRec1, false, WzrH, true, dh, 1.0); // path through the gates
        }
        Tensors.gemm(cache.hPrevRows(), true, dZr, false, dWzrH, 1.0);
        Tensors.gemm(cache.rh, true, dCand, false, dWhH, 1.0);
        cache.input.accumulateWeightGrad(dZr, dWzrX);
        cache.input.accumulateWeightGrad(dCand, dWhX);
        addInto(bzr.grad(), dbg);
        addInto(bh.grad(), dbc);
        INDArray dX = null;
        {
            dX = cache.input.inputGrad(dZr, WzrX, null);
            if (dX != null) {
                cache.input.inputGrad(dCand, WhX, dX);
            }
        }
        return gradients(cache, dX, new State(dh, null));
    }

    // ---------------------------------------------------------------- float32: the training path

    /** Workspace slots of the float32 pass. */
    private static final int WS_ZR = 0, WS_CAND = 1, WS_H = 2, WS_RH = 3, WS_H_NATIVE = 4, WS_RH_NATIVE = 5, WS_DZR = 6, WS_DCAND = 7;

    /** What the float32 pass keeps: gates, candidate and every h_t on the heap; h and r∘h_{t-1} in native memory. */
    static final class F32Cache extends SeqCache {
        final float[] zr; // [T·B, 2H] z then r
        final float[] cand; // [T·B, H] h̃
        final float[] h; // [(T+1)·B, H] h_0 .. h_T
        final float[] rhHeap; // [T·B, H] r ∘ h_{t-1}
        final INDArray rh; // the same in native memory

        F32Cache(GruCell owner, SequenceInput in, INDArray hBuf, float[] zr, float[] cand, float[] h, float[] rhHeap, INDArray rh) {
            super(owner, in, hBuf, null);
            this.zr = zr;
            this.cand = cand;
            this.h = h;
            this.rhHeap = rhHeap;
            this.rh = rh;
        }

        @Override
        void release() {
            Workspace ws = ((GruCell) cell()).ws;
            ws.give(WS_ZR, zr);
            ws.give(WS_CAND, cand);
            ws.give(WS_H, h);
            ws.give(WS_RH, rhHeap);
            ws.give(WS_H_NATIVE, hBuf);
            ws.give(WS_RH_NATIVE, rh);
        }
    }

    /** The rule of the class comment over all steps, float32 (input products before the loop, two products per step). */
    private SeqCache forwardF32(SequenceInput in, State s0) {
        final int T = in.T, B = in.B, H = hiddenSize, K = 2 * H, BH = B * H; // W_zr's columns: z then r
        F32 wzr = F32.of(Wzr.value()), wh = F32.of(Wh.value());
        float[] zr = in.projectF32(wzr, H, K, ws.floats(WS_ZR, T * B * K)); // x_t·W_zr_x, every step
        float[] cand = in.projectF32(wh, H, H, ws.floats(WS_CAND, T * BH)); // x_t·W_h_x, every step
        float[] bg = F32.of(bzr.value()).toArray(), bc = F32.of(bh.value()).toArray();
        float[] h = ws.floats(WS_H, (T + 1) * BH), rh = ws.floats(WS_RH, T * BH), rec1 = new float[B * K], rec2 = new float[BH];
        System.arraycopy(floats(s0.h(), B, H), 0, h, 0, BH);
        F32 hBuf = ws.rows(WS_H_NATIVE, (long) (T + 1) * B, H), rhN = ws.rows(WS_RH_NATIVE, (long) T * B, H);
        F32 rec1N = F32.of(scratch(2, B, K)), rec2N = F32.of(scratch(3, B, H));
        hBuf.put(0, h, 0, BH);
        for (int t = 0; t < T; t++) {
            F32.gemm(false, false, B, K, H, hBuf, t * BH, H, wzr, 0, K, 0f, rec1N, 0, K); // h_{t-1}·W_zr_h
            rec1N.get(0, rec1, 0, B * K);
            for (int n = 0; n < B; n++) {
                int ra = (t * B + n) * K, row = t * BH + n * H;
                gatesRow(zr, ra, rec1, n * K, bg, rh, h, row, H);
            }
            rhN.put(t * BH, rh, t * BH, BH);
            F32.gemm(false, false, B, H, H, rhN, t * BH, H, wh, 0, H, 0f, rec2N, 0, H); // (r∘h_{t-1})·W_h_h
            rec2N.get(0, rec2, 0, BH);
            for (int n = 0; n < B; n++) {
                int ra = (t * B + n) * K, row = t * BH + n * H;
                candidateRow(cand, row, rec2, n * H, bc, zr, ra, h, row + BH, in.on(t, n), H);
            }
            hBuf.put((t + 1) * BH, h, (t + 1) * BH, BH);
        }
        return new F32Cache(this, in, hBuf.array, zr, cand, h, rh, rhN.array);
    }

    /** Backward rule, float32; weight gradients as one product over all steps. */
    private Recurrent.Gradients backwardF32(INDArray dH, State dLast, F32Cache cache) {
        final int T = cache.T, B = cache.B, H = hiddenSize, K = 2 * H, BH = B * H;
        SequenceInput in = cache.input;
        float[] zr = cache.zr, cand = cache.cand, h = cache.h;
        F32 dHn = dH == null ? null : F32.of(Tensors.asContiguous(DataType.FLOAT, dH)); // dL/dh_t from outside
        float[] dHin = new float[BH]; // its rows for step t
        float[] dh = floats(dLast == null ? null : dLast.h(), B, H), dhNext = new float[BH], dRh = new float[BH];
        // every row of dZr and dCand is written below
        float[] dZr = ws.floats(WS_DZR, T * B * K), dCand = ws.floats(WS_DCAND, T * BH), dbg = new float[K], dbc = new float[H];
        F32 wzr = F32.of(Wzr.value()), wh = F32.of(Wh.value());
        F32 dZrN = F32.of(scratch(0, (long) T * B, K)), dCandN = F32.of(scratch(1, (long) T * B, H));
        F32 dRhN = F32.of(scratch(3, B, H)), dhN = F32.of(scratch(4, B, H));
        for (int t = T - 1; t >= 0; t--) {
            rowsOfStep(dHn, t, dHin);
            for (int n = 0; n < B; n++) {
                int ra = (t * B + n) * K, row = t * BH + n * H, rh = n * H;
                if (!in.on(t, n)) { // padded: h was copied, so is its gradient
                    for (int j = 0; j < H; j++) {
                        dhNext[rh + j] = dh[rh + j] + dHin[rh + j];
                    }
                    java.util.Arrays.fill(dZr, ra, ra + K, 0f);
                    java.util.Arrays.fill(dCand, row, row + H, 0f);
                    continue;
                }
                backwardUpdateRow(dh, dHin, rh, zr, ra, cand, h, row, dZr, dCand, dbg, dbc, dhNext, H);
            }
            dCandN.put(t * BH, dCand, t * BH, BH);
            F32.gemm(false, true, B, H, H, dCandN, t * BH, H, wh, 0, H, 0f, dRhN, 0, H); // d(r∘h_{t-1}) = dã·W_h_hᵀ
            dRhN.get(0, dRh, 0, BH);
            for (int n = 0; n < B; n++) {
                if (!in.on(t, n)) {
                    continue;
                }
                backwardResetRow(dRh, n * H, zr, (t * B + n) * K, h, t * BH + n * H, dZr, dbg, dhNext, H);
            }
            dZrN.put(t * B * K, dZr, t * B * K, B * K);
            F32.gemm(false, true, B, H, K, dZrN, t * B * K, K, wzr, 0, K, 0f, dhN, 0, H); // path through the gates
            dhN.get(0, dh, 0, BH);
            for (int k = 0; k < BH; k++) {
                dh[k] += dhNext[k];
            }
        }
        F32 gwzr = F32.of(Wzr.grad()), gwh = F32.of(Wh.grad());
        F32.gemm(true, false, H, K, T * B, F32.of(cache.hBuf), 0, H, dZrN, 0, K, 1f, gwzr, 0, K);
        F32.gemm(true, false, H, H, T * B, F32.of(cache.rh), 0, H, dCandN, 0, H, 1f, gwh, 0, H);
        in.weightGradF32(dZr, dZrN, gwzr, H, K);
        in.weightGradF32(dCand, dCandN, gwh, H, H);
        ws.give(WS_DZR, dZr);
        ws.give(WS_DCAND, dCand);
        F32.of(bzr.grad()).addFrom(0, dbg, K);
        F32.of(bh.grad()).addFrom(0, dbc, H);
        INDArray dX = in.inputGradF32(dZrN, wzr, H, K, null);
        if (dX != null) {
            in.inputGradF32(dCandN, wh, H, H, dX);
        }
        return new Recurrent.Gradients(dX == null ? null : dX.reshape('c', T, B, inputSize), () -> new State(matrix(dh, B, H), null));
    }

    // The rules for one sequence at one step, as methods of their own (the JIT compiles each once).

    /** {@code z_t, r_t = σ(x_t·W_zr_x + h_{t-1}·W_zr_h + b_zr)} in place in {@code zr[ra..ra+2H)}; {@code r∘h_{t-1}} into {@code rh}. */
    private static void gatesRow(float[] zr, int ra, float[] rec, int rr, float[] bg, float[] rh, float[] h, int row, int H) {
        final int K = 2 * H, R = H;
        for (int k = 0; k < K; k++) {
            zr[ra + k] += rec[rr + k] + bg[k];
        }
        F32.sigmoid(zr, ra, ra + K); // z_t = σ(·), r_t = σ(·)
        for (int j = 0; j < H; j++) { // reset applied to h_{t-1}
            rh[row + j] = zr[ra + R + j] * h[row + j];
        }
    }

    /** {@code h̃_t = tanh(x_t·W_h_x + (r∘h_{t-1})·W_h_h + b_h)} in place in {@code cand}; {@code h_t = z∘h_{t-1} + (1 − z)∘h̃} (carried when padded). */
    private static void candidateRow(float[] cand, int row, float[] rec, int rr, float[] bc, float[] zr, int ra, float[] h, int next,
            boolean on, int H) {
        final int Z = 0;
        for (int j = 0; j < H; j++) {
            cand[row + j] += rec[rr + j] + bc[j];
        }
        F32.tanh(cand, row, row + H); // h̃_t = tanh(·)
        if (!on) { // padded step: h carried
            System.arraycopy(h, row, h, next, H);
            return;
        }
        for (int j = 0; j < H; j++) { // h_t = z∘h_{t-1} + (1 − z)∘h̃
            float z = zr[ra + Z + j];
            h[next + j] = z * h[row + j] + (1 - z) * cand[row + j];
        }
    }

    /** Backward of {@code h = z∘h_{t-1} + (1−z)∘h̃}: {@code dL/da_z}, {@code dL/da_h̃}, and the direct path to {@code h_{t-1}}. */
    private static void backwardUpdateRow(float[] dh, float[] dHin, int rh, float[] zr, int ra, float[] cand, float[] h, int row,
            float[] dZr, float[] dCand, float[] dbg, float[] dbc, float[] dhNext, int H) {
        final int Z = 0;
        for (int j = 0; j < H; j++) {
            float dhv = dh[rh + j] + dHin[rh + j];
            float z = zr[ra + Z + j], hc = cand[row + j], hPrev = h[row + j];
            float daz = dhv * (hPrev - hc) * z * (1 - z);
            float dac = dhv * (1 - z) * (1 - hc * hc);
            dZr[ra + Z + j] = daz;
            dCand[row + j] = dac;
            dbg[Z + j] += daz;
            dbc[j] += dac;
            dhNext[rh + j] = dhv * z; // direct path h_{t-1} → h_t
        }
    }

    /** Backward through {@code r∘h_{t-1}}: {@code dL/da_r} and the path to {@code h_{t-1}} through the reset gate's product. */
    private static void backwardResetRow(float[] dRh, int rh, float[] zr, int ra, float[] h, int row, float[] dZr, float[] dbg,
            float[] dhNext, int H) {
        final int R = H;
        for (int j = 0; j < H; j++) {
            float r = zr[ra + R + j], g = dRh[rh + j];
            float dar = g * h[row + j] * r * (1 - r);
            dZr[ra + R + j] = dar;
            dbg[R + j] += dar;
            dhNext[rh + j] += g * r; // path through the reset gate's product
        }
    }
}
