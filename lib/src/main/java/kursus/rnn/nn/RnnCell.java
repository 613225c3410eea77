package kursus.rnn.nn;

import static kursus.rnn.core.Nonlinear.tanh;

import kursus.rnn.core.F32;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The vanilla (Elman) RNN cell of the lecture:
 *
 * <pre>
 * h_t = tanh(x_t · W_xh + h_{t-1} · W_hh + b_h)      [batch, hidden]
 * </pre>
 *
 * Parameters {@code W_xh [input, hidden]}, {@code W_hh [hidden, hidden]}, {@code b_h [1, hidden]}.
 */
public final class RnnCell extends BaseCell {
    private final Param Wxh;
    private final Param Whh;
    private final Param bh;

    /**
     * @param inputSize size of {@code x_t}
     * @param hiddenSize size of {@code h_t}
     * @param dtype FLOAT for training, DOUBLE for gradient checks
     * @param init how to draw {@code W_xh} and {@code W_hh} ({@code b_h} starts at 0)
     */
    public RnnCell(int inputSize, int hiddenSize, DataType dtype, Init init) {
        super(inputSize, hiddenSize, dtype);
        Wxh = params.add("W_xh", init.weights(dtype, inputSize, hiddenSize, Init.Fans.of(inputSize, hiddenSize).scale(hiddenSize)));
        Whh = params.add("W_hh", init.weights(dtype, hiddenSize, hiddenSize, Init.Fans.of(hiddenSize, hiddenSize).scale(hiddenSize)));
        bh = params.add("b_h", Tensors.zeros(dtype, 1, hiddenSize));
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    /** Input-to-hidden weights {@code W_xh [input, hidden]}. */
    public Param W_xh() {
        return Wxh;
    }

    /** Hidden-to-hidden weights {@code W_hh [hidden, hidden]}. */
    public Param W_hh() {
        return Whh;
    }

    /** Bias {@code b_h [1, hidden]}. */
    public Param b_h() {
        return bh;
    }

    @Override
    SeqCache forwardSeq(SequenceInput in, State s0) {
        if (dtype == DataType.FLOAT) {
            return forwardF32(in, s0);
        }
        final int T = in.T, B = in.B, H = hiddenSize;
        INDArray xw = Tensors.zeros(dtype, (long) T * B, H);
        in.project(Wxh.value(), xw); // x_t·W_xh for every step at once
        INDArray hBuf = Tensors.zeros(dtype, (long) (T + 1) * B, H);
        putRows(hBuf, s0.h(), B);
        INDArray hPrev = copyOrZeros(s0.h(), B);
        INDArray rec = Tensors.zeros(dtype, B, H); // h_{t-1}·W_hh
        Flat a = Flat.of(xw), hb = Flat.of(hBuf), hp = Flat.of(hPrev), r = Flat.of(rec);
        double[] bias = Flat.of(bh.value()).toArray();
        for (int t = 0; t < T; t++) {
            Tensors.gemm(hPrev, false, Whh.value(), false, rec, 0.0);
            for (int n = 0; n < B; n++) {
                boolean on = in.on(t, n);
                int row = (t * B + n) * H, next = ((t + 1) * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    // forward rule: h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h); masked step: h carried
                    double h = on ? tanh(a.get(row + j) + r.get(rh + j) + bias[j]) : hb.get(row + j);
                    hb.set(next + j, h);
                    hp.set(rh + j, h);
                }
            }
        }
        return new SeqCache(this, in, hBuf, null);
    }

    @Override
    Recurrent.Gradients backwardSeq(INDArray dH, State dLast, SeqCache cache) {
        if (dtype == DataType.FLOAT) {
            return backwardF32(dH, dLast, (F32Cache) cache);
        }
        final int T = cache.T, B = cache.B, H = hiddenSize;
        INDArray dA = scratch(0, (long) T * B, H); // dL/da_t, a_t the pre-activation (every entry written below)
        INDArray dRec = Tensors.zeros(dtype, B, H);
        INDArray dh = copyOrZeros(dLast == null ? null : dLast.h(), B);
        Flat hb = Flat.of(cache.hBuf), da = Flat.of(dA), dr = Flat.of(dRec), dhf = Flat.of(dh);
        Flat dHf = dH == null ? null : Flat.of(dH);
        double[] db = new double[H];
        for (int t = T - 1; t >= 0; t--) {
            for (int n = 0; n < B; n++) {
                boolean on = cache.on(t, n);
                int row = (t * B + n) * H, next = ((t + 1) * B + n) * H, rh = n * H;
                for (int j = 0; j < H; j++) {
                    double dhv = dhf.get(rh + j) + (dHf == null ? 0.0 : dHf.get(row + j));
                    if (!on) {
                        da.set(row + j, 0.0);
                        dr.set(rh + j, 0.0);
                        dhf.set(rh + j, dhv);
                        continue;
                    }
                    // backward rule: tanh'(a) = 1 − h_t²
                    double h = hb.get(next + j);
                    double g = dhv * (1 - h * h);
                    da.set(row + j, g);
                    dr.set(rh + j, g);
                    db[j] += g;
                    dhf.set(rh + j, 0.0);
                }
            }
            Tensors.gemm(dRec, false, Whh.value(), true, dh, 1.0); // dh_{t-1} += da_t · W_hhᵀ
        }
        Tensors.gemm(cache.hPrevRows(), true, dA, false, Whh.grad(), 1.0); // dW_hh = Σ_t h_{t-1}ᵀ·da_t
        cache.input.accumulateWeightGrad(dA, Wxh.grad()); // dW_xh = Σ_t x_tᵀ·da_t
        addInto(bh.grad(), db);
        INDArray dX = cache.input.inputGrad(dA, Wxh.value(), null);
        return gradients(cache, dX, new State(dh, null));
    }

    // ---------------------------------------------------------------- float32: the training path

    /** Workspace slots of the float32 pass. */
    private static final int WS_A = 0, WS_H = 1, WS_H_NATIVE = 2, WS_DA = 3, WS_DH_IN = 4;

    /** The float32 pass keeps every h_t on the heap too (tanh' = 1 − h_t²); arrays from the cell's {@link Workspace}. */
    static final class F32Cache extends SeqCache {
        /** {@code [(T+1)·B, H]}: h_0 .. h_T. */
        final float[] h;

        F32Cache(RnnCell owner, SequenceInput in, INDArray hBuf, float[] h) {
            super(owner, in, hBuf, null);
            this.h = h;
        }

        @Override
        void release() {
            Workspace ws = ((RnnCell) cell()).ws;
            ws.give(WS_H, h);
            ws.give(WS_H_NATIVE, hBuf);
        }
    }

    /** {@code h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h)} over all steps, float32 (input products before the loop). */
    private SeqCache forwardF32(SequenceInput in, State s0) {
        final int T = in.T, B = in.B, H = hiddenSize, BH = B * H;
        float[] a = in.projectF32(F32.of(Wxh.value()), 0, H, ws.floats(WS_A, T * BH)); // x_t·W_xh, every step
        float[] bias = F32.of(bh.value()).toArray();
        F32 whh = F32.of(Whh.value());
        float[] h = ws.floats(WS_H, (T + 1) * BH), rec = new float[BH];
        System.arraycopy(floats(s0.h(), B, H), 0, h, 0, BH);
        F32 hBuf = ws.rows(WS_H_NATIVE, (long) (T + 1) * B, H), recN = F32.of(scratch(1, B, H));
        hBuf.put(0, h, 0, BH);
        for (int t = 0; t < T; t++) {
            F32.gemm(false, false, B, H, H, hBuf, t * BH, H, whh, 0, H, 0f, recN, 0, H); // h_{t-1}·W_hh
            recN.get(0, rec, 0, BH);
            for (int n = 0; n < B; n++) {
                int prev = t * BH + n * H, next = prev + BH, ra = prev, rr = n * H;
                if (!in.on(t, n)) { // padded step: h carried
                    System.arraycopy(h, prev, h, next, H);
                    continue;
                }
                forwardRow(a, ra, rec, rr, bias, h, next, H);
            }
            hBuf.put((t + 1) * BH, h, (t + 1) * BH, BH);
        }
        ws.give(WS_A, a);
        return new F32Cache(this, in, hBuf.array, h);
    }

    /** Backward rule {@code da_t = dh_t ∘ (1 − h_t²)}, float32; weight gradients as one product over all steps. */
    private Recurrent.Gradients backwardF32(INDArray dH, State dLast, F32Cache cache) {
        final int T = cache.T, B = cache.B, H = hiddenSize, BH = B * H;
        SequenceInput in = cache.input;
        float[] h = cache.h;
        F32 dHn = dH == null ? null : F32.of(Tensors.asContiguous(DataType.FLOAT, dH)); // dL/dh_t from outside
        float[] dHin = ws.floats(WS_DH_IN, BH); // its rows for step t
        float[] dh = floats(dLast == null ? null : dLast.h(), B, H), carried = new float[BH];
        float[] dA = ws.floats(WS_DA, T * BH), db = new float[H]; // every row of dA written below
        F32 whh = F32.of(Whh.value()), dAn = F32.of(scratch(0, (long) T * B, H)), dhN = F32.of(scratch(1, B, H));
        for (int t = T - 1; t >= 0; t--) {
            rowsOfStep(dHn, t, dHin);
            for (int n = 0; n < B; n++) {
                int row = t * BH + n * H, next = row + BH, rh = n * H;
                if (!in.on(t, n)) { // padded: h was copied, so is its gradient
                    for (int j = 0; j < H; j++) {
                        carried[rh + j] = dh[rh + j] + dHin[rh + j];
                    }
                    java.util.Arrays.fill(dA, row, row + H, 0f);
                    continue;
                }
                backwardRow(h, next, dh, dHin, rh, dA, row, db, H);
                java.util.Arrays.fill(carried, rh, rh + H, 0f);
            }
            dAn.put(t * BH, dA, t * BH, BH);
            F32.gemm(false, true, B, H, H, dAn, t * BH, H, whh, 0, H, 0f, dhN, 0, H); // dh_{t-1} = da_t · W_hhᵀ
            dhN.get(0, dh, 0, BH);
            for (int k = 0; k < BH; k++) {
                dh[k] += carried[k];
            }
        }
        F32.gemm(true, false, H, H, T * B, F32.of(cache.hBuf), 0, H, dAn, 0, H, 1f, F32.of(Whh.grad()), 0, H); // dW_hh = Σ h_{t-1}ᵀ·da_t
        in.weightGradF32(dA, dAn, F32.of(Wxh.grad()), 0, H); // dW_xh = Σ x_tᵀ·da_t
        ws.give(WS_DA, dA);
        ws.give(WS_DH_IN, dHin);
        F32.of(bh.grad()).addFrom(0, db, H);
        INDArray dX = in.inputGradF32(dAn, F32.of(Wxh.value()), 0, H, null);
        return new Recurrent.Gradients(dX == null ? null : dX.reshape('c', T, B, inputSize), () -> new State(matrix(dh, B, H), null));
    }

    /** The forward rule for one sequence at one step: {@code h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h)} (a method of its own: the JIT compiles it once). */
    private static void forwardRow(float[] a, int ra, float[] rec, int rr, float[] bias, float[] h, int next, int H) {
        for (int j = 0; j < H; j++) {
            h[next + j] = a[ra + j] + rec[rr + j] + bias[j];
        }
        F32.tanh(h, next, next + H);
    }

    /** The backward rule for one sequence at one step: {@code da_t = dh_t ∘ (1 − h_t²)}, summed into {@code db}. */
    private static void backwardRow(float[] h, int next, float[] dh, float[] dHin, int rh, float[] dA, int row, float[] db, int H) {
        for (int j = 0; j < H; j++) {
            float hv = h[next + j];
            float g = (dh[rh + j] + dHin[rh + j]) * (1 - hv * hv); // tanh'(a) = 1 − h_t²
            dA[row + j] = g;
            db[j] += g;
        }
    }
}
