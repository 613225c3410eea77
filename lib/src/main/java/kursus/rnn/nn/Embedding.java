package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Embedding lookup: index {@code k} → row {@code k} of the table {@code E [vocab, dim]}. The same as
 * multiplying the one-hot vector of {@code k} by {@code E}, without building it. The backward pass
 * adds each output row's gradient into the row it came from (a scatter-add: an index that occurs
 * several times collects several gradients).
 */
public final class Embedding {
    private final int vocab;
    private final int dim;
    private final DataType dtype;
    private final Params params = new Params();
    private final Param E;

    public Embedding(int vocabSize, int dim, DataType dtype, Init init) {
        this.vocab = Checks.positive("vocabSize", vocabSize);
        this.dim = Checks.positive("dim", dim);
        this.dtype = Checks.floating("dtype", dtype);
        E = params.add("E", init.weights(dtype, vocab, dim, Init.Fans.of(vocab, dim).scale(dim)));
    }

    public int vocabSize() {
        return vocab;
    }

    public int dim() {
        return dim;
    }

    public DataType dataType() {
        return dtype;
    }

    public Params params() {
        return params;
    }

    /** The table {@code E [vocab, dim]}. */
    public Param E() {
        return E;
    }

    /** Rows of {@code E} for {@code ids [N]}: {@code [N, dim]} (a new array). */
    public INDArray forward(int[] ids) {
        Checks.notNull("ids", ids);
        for (int r = 0; r < ids.length; r++) {
            Checks.index("ids[" + r + "]", ids[r], vocab);
        }
        return gather(ids, ids.length);
    }

    /** Time-major lookup: {@code ids [T][batch]} → {@code [T, batch, dim]}. */
    public INDArray forward(int[][] ids) {
        Checks.notNull("ids", ids);
        Checks.nonEmptySequence("ids", ids.length, new long[] {ids.length});
        int B = Checks.positive("ids batch", ids[0] == null ? 0 : ids[0].length);
        int[] flat = Recurrent.flatten("ids", ids, B, vocab);
        return gather(flat, flat.length).reshape('c', ids.length, B, dim);
    }

    INDArray gather(int[] ids, int n) {
        INDArray out = Tensors.zeros(dtype, Math.max(n, 0), dim);
        Flat e = Flat.of(E.value());
        Flat o = Flat.of(out);
        for (int r = 0; r < n; r++) {
            int src = ids[r] * dim;
            for (int j = 0; j < dim; j++) {
                o.set(r * dim + j, e.get(src + j));
            }
        }
        return out;
    }

    /** Scatter-add: {@code dE[ids[r]] += dOut[r]} for every row {@code r} of {@code dOut [N, dim]}. */
    public void backward(int[] ids, INDArray dOut) {
        Checks.notNull("ids", ids);
        Checks.shape("dOut", dOut, "rows,dim", ids.length, dim);
        for (int r = 0; r < ids.length; r++) {
            Checks.index("ids[" + r + "]", ids[r], vocab);
        }
        scatterAdd(ids, Tensors.asContiguous(dtype, dOut));
    }

    /** Time-major backward: {@code ids [T][batch]}, {@code dOut [T, batch, dim]}. */
    public void backward(int[][] ids, INDArray dOut) {
        Checks.notNull("ids", ids);
        Checks.nonEmptySequence("ids", ids.length, new long[] {ids.length});
        int B = Checks.positive("ids batch", ids[0] == null ? 0 : ids[0].length);
        Checks.shape("dOut", dOut, "time,batch,dim", ids.length, B, dim);
        int[] flat = Recurrent.flatten("ids", ids, B, vocab);
        scatterAdd(flat, Tensors.asContiguous(dtype, dOut));
    }

    void scatterAdd(int[] ids, INDArray dOut) {
        Flat g = Flat.of(E.grad());
        Flat d = Flat.of(dOut);
        for (int r = 0; r < ids.length; r++) {
            int dst = ids[r] * dim;
            for (int j = 0; j < dim; j++) {
                g.add(dst + j, d.get(r * dim + j));
            }
        }
    }
}
