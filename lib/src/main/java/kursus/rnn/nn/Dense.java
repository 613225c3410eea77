package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fully connected (affine) layer: {@code y = x · W + b}, {@code x [batch, in] → y [batch, out]}.
 * Parameters {@code W [in, out]}, {@code b [1, out]} (starts at 0).
 */
public final class Dense {
    private final int in;
    private final int out;
    private final DataType dtype;
    private final Params params = new Params();
    private final Param W;
    private final Param b;

    public Dense(int inputSize, int outputSize, DataType dtype, Init init) {
        this.in = Checks.positive("inputSize", inputSize);
        this.out = Checks.positive("outputSize", outputSize);
        this.dtype = Checks.floating("dtype", dtype);
        W = params.add("W", init.weights(dtype, in, out, Init.Fans.of(in, out)));
        b = params.add("b", Tensors.zeros(dtype, 1, out));
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    public DataType dataType() {
        return dtype;
    }

    public Params params() {
        return params;
    }

    /** Weights {@code W [in, out]}. */
    public Param W() {
        return W;
    }

    /** Bias {@code b [1, out]}. */
    public Param b() {
        return b;
    }

    /** {@code y = x · W + b}: {@code [batch, in] → [batch, out]} (a new array). */
    public INDArray forward(INDArray x) {
        Checks.shape("x", x, "batch,in", Checks.ANY, in);
        Checks.nonEmptyBatch("x", x.size(0), x.shape());
        Checks.finite("x", x);
        x = Tensors.as(dtype, x);
        int N = (int) x.size(0);
        INDArray y = Tensors.zeros(dtype, N, out);
        Flat yf = Flat.of(y);
        Flat bf = Flat.of(b.value());
        for (int r = 0; r < N; r++) {
            for (int j = 0; j < out; j++) {
                yf.set(r * out + j, bf.get(j));
            }
        }
        return Tensors.gemm(x, false, W.value(), false, y, 1.0);
    }

    /**
     * Backward: ADDS {@code dW += xᵀ · dy} and {@code db += Σ_rows dy}; returns {@code dx = dy · Wᵀ}.
     *
     * @param x the input given to {@link #forward}
     * @param dy {@code dL/dy [batch, out]}
     */
    public INDArray backward(INDArray x, INDArray dy) {
        Checks.shape("x", x, "batch,in", Checks.ANY, in);
        Checks.shape("dy", dy, "batch,out", x.size(0), out);
        Checks.finite("dy", dy);
        x = Tensors.as(dtype, x);
        dy = Tensors.asContiguous(dtype, dy);
        Tensors.gemm(x, true, dy, false, W.grad(), 1.0);
        int N = (int) dy.size(0);
        double[] db = new double[out];
        Flat g = Flat.of(dy);
        for (int r = 0; r < N; r++) {
            for (int j = 0; j < out; j++) {
                db[j] += g.get(r * out + j);
            }
        }
        BaseCell.addInto(b.grad(), db);
        INDArray dx = Tensors.zeros(dtype, N, in);
        return Tensors.gemm(dy, false, W.value(), true, dx, 0.0);
    }
}
