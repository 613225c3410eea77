package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import kursus.rnn.loss.LossResult;
import kursus.rnn.loss.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A bidirectional sequence tagger (lesson 11): two recurrent cells read the sentence, one from left to
 * right and one from right to left, and the tag of step {@code t} is read from both of their states.
 *
 * <pre>
 * x_t   = [ E[id_t] ; f_t ]                       [batch, dim + features]
 * h→_t  = cellF(x_t, h→_{t-1})                    [batch, hidden]   left to right, h→_0 = 0
 * h←_t  = cellB(x_t, h←_{t+1})                    [batch, hidden]   right to left, h←_{len+1} = 0
 * z_t   = [ h→_t ; h←_t ] · W_hy + b_y            [batch, tags]     (a {@link Dense} of input 2·hidden)
 * loss  = mean over real (unmasked) steps of −log softmax(z_t)[tag_t]
 * </pre>
 *
 * The two cells have their own weights (never pass the same cell twice). Compared with
 * {@link SequenceTagger}, the tag of step {@code t} sees the whole sentence {@code x_1..x_len}, not only
 * {@code x_1..x_t}.
 *
 * <p>Padding: batches are right-padded ({@code mask [T, batch]}: every row of a sequence is
 * {@code 1…1 0…0}). The backward cell starts at each sequence's own last real step: each sequence is
 * reversed within its length ({@code t ↦ len − 1 − t}, padded steps stay where they are), run through
 * the cell with the same mask, and its states are put back in the original order. Padded steps
 * carry no loss.
 */
public final class BidirectionalTagger {
    private final Embedding embedding;
    private final int featureSize;
    private final RecurrentCell forwardCell;
    private final RecurrentCell backwardCell;
    private final Recurrent rnnF;
    private final Recurrent rnnB;
    private final Dense out;
    private final Params params = new Params();

    /**
     * @param embedding lookup of the token ids, or null (features only)
     * @param featureSize size of the extra features per step (0 = none)
     * @param forwardCell the left-to-right cell, {@code inputSize = dim + featureSize}
     * @param backwardCell the right-to-left cell: same kind of sizes, its own weights
     * @param out read-out {@code 2·hidden → number of tags}
     */
    public BidirectionalTagger(Embedding embedding, int featureSize, RecurrentCell forwardCell,
                               RecurrentCell backwardCell, Dense out) {
        this.embedding = embedding;
        this.forwardCell = Checks.notNull("forwardCell", forwardCell);
        this.backwardCell = Checks.notNull("backwardCell", backwardCell);
        this.out = Checks.notNull("out", out);
        if (forwardCell == backwardCell) {
            throw Msg.badInput(
                    "backwardCell: harus sel lain dengan bobotnya sendiri, bukan objek yang sama dengan forwardCell",
                    "backwardCell: must be another cell with its own weights, not the same object as forwardCell");
        }
        if (featureSize < 0) {
            throw Msg.badInput("featureSize harus >= 0, ternyata " + featureSize, "featureSize must be >= 0, got " + featureSize);
        }
        this.featureSize = featureSize;
        int dim = embedding == null ? 0 : embedding.dim();
        if (dim + featureSize == 0) {
            throw Msg.badInput("BidirectionalTagger: butuh embedding atau fitur (featureSize > 0)",
                    "BidirectionalTagger: needs an embedding or features (featureSize > 0)");
        }
        for (RecurrentCell c : new RecurrentCell[] {forwardCell, backwardCell}) {
            String name = c == forwardCell ? "forwardCell" : "backwardCell";
            if (c.inputSize() != dim + featureSize) {
                throw Msg.badInput(
                        name + ": ukuran masukan harus dim embedding + featureSize = " + dim + " + " + featureSize + ", ternyata " + c.inputSize(),
                        name + ": expected input size = embedding dim + featureSize = " + dim + " + " + featureSize + ", got " + c.inputSize());
            }
        }
        if (backwardCell.hiddenSize() != forwardCell.hiddenSize()) {
            throw Msg.badInput(
                    "backwardCell: hidden harus sama dengan forwardCell (" + forwardCell.hiddenSize() + "), ternyata " + backwardCell.hiddenSize(),
                    "backwardCell: expected the same hidden size as forwardCell (" + forwardCell.hiddenSize() + "), got " + backwardCell.hiddenSize());
        }
        if (out.inputSize() != 2 * forwardCell.hiddenSize()) {
            throw Msg.badInput(
                    "out: ukuran masukan harus 2·hidden = " + 2 * forwardCell.hiddenSize() + " (kedua arah digabung), ternyata " + out.inputSize(),
                    "out: expected input size 2·hidden = " + 2 * forwardCell.hiddenSize() + " (both directions joined), got " + out.inputSize());
        }
        this.rnnF = new Recurrent(forwardCell);
        this.rnnB = new Recurrent(backwardCell);
        if (embedding != null) {
            params.addAll("embedding", embedding.params());
        }
        params.addAll("fwd", forwardCell.params()).addAll("bwd", backwardCell.params()).addAll("out", out.params());
    }

    /** All parameters: {@code embedding.*} (if any), {@code fwd.*}, {@code bwd.*}, {@code out.*}. */
    public Params params() {
        return params;
    }

    public RecurrentCell forwardCell() {
        return forwardCell;
    }

    public RecurrentCell backwardCell() {
        return backwardCell;
    }

    public Embedding embedding() {
        return embedding;
    }

    public Dense out() {
        return out;
    }

    public int featureSize() {
        return featureSize;
    }

    /** Number of tags (classes per step). */
    public int tagCount() {
        return out.outputSize();
    }

    /**
     * One training pass: zeroes the gradients, mean cross-entropy over the real steps, BPTT through both
     * directions, fills the gradients of {@link #params()}.
     *
     * @param ids token ids {@code [T][batch]} (null when there is no embedding)
     * @param features {@code [T, batch, featureSize]} (null when featureSize is 0)
     * @param mask {@code [T, batch]} 0/1, right-padded, or null
     * @param tags the true tag per step {@code [T][batch]} (any valid index at padded steps)
     * @return mean loss per real token
     */
    public double forwardBackward(int[][] ids, INDArray features, INDArray mask, int[][] tags) {
        params.zeroGrad();
        Pass p = forward(ids, features, mask);
        LossResult loss = loss(p, tags, mask);
        int H = forwardCell.hiddenSize();
        INDArray dHcat = out.backward(p.hcat, loss.grad()); // [T·B, 2H]
        INDArray dHf = dHcat.get(NDArrayIndex.all(), NDArrayIndex.interval(0, H)).dup('c'); // [T·B, H]
        INDArray dHb = dHcat.get(NDArrayIndex.all(), NDArrayIndex.interval(H, 2 * H)).dup('c'); // [T·B, H]
        dHb = permuteRows(dHb, p.rev); // back to the reversed order of the backward cell
        Recurrent.Gradients gf = rnnF.backward(p.outF, dHf.reshape('c', p.T, p.B, H), null);
        Recurrent.Gradients gb = rnnB.backward(p.outB, dHb.reshape('c', p.T, p.B, H), null);
        if (embedding != null) {
            int I = forwardCell.inputSize();
            INDArray dXb = permuteRows(Tensors.contiguous(gb.dX()).reshape('c', (long) p.T * p.B, I), p.rev); // [T·B, I] original order
            INDArray dX = Tensors.contiguous(gf.dX()).reshape('c', (long) p.T * p.B, I).add(dXb).reshape('c', p.T, p.B, I); // [T, B, I]
            INDArray dE = dX.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, embedding.dim())).dup('c');
            embedding.backward(ids, dE);
        }
        p.outF.cache().recycle(); // nothing of either pass is used any more: their buffers serve the next step
        p.outB.cache().recycle();
        return loss.loss();
    }

    /** The mean loss, without gradients. */
    public double loss(int[][] ids, INDArray features, INDArray mask, int[][] tags) {
        return loss(forward(ids, features, mask), tags, mask).loss();
    }

    /** Tag probabilities {@code [T, batch, tags]}. */
    public INDArray probabilities(int[][] ids, INDArray features, INDArray mask) {
        Pass p = forward(ids, features, mask);
        return Activations.softmax(out.forward(p.hcat)).reshape('c', p.T, p.B, tagCount());
    }

    /** The most likely tag per step {@code [T][batch]} (padded steps included; ignore them). */
    public int[][] predict(int[][] ids, INDArray features, INDArray mask) {
        Pass p = forward(ids, features, mask);
        double[][] zz = out.forward(p.hcat).toDoubleMatrix(); // [T·B, tags]
        int[][] y = new int[p.T][p.B];
        int K = tagCount();
        for (int t = 0; t < p.T; t++) {
            for (int n = 0; n < p.B; n++) {
                double[] row = zz[t * p.B + n];
                int best = 0;
                for (int k = 1; k < K; k++) {
                    if (row[k] > row[best]) {
                        best = k;
                    }
                }
                y[t][n] = best;
            }
        }
        return y;
    }

    /**
     * The row order that reverses each sequence within its length: row {@code r = t·B + n} of a
     * {@code [T·B, …]} array goes to row {@code rev[r] = (len_n − 1 − t)·B + n} for real steps and stays
     * for padded ones. Applying it twice gives the original order.
     *
     * @param mask {@code [T, batch]} right-padded 0/1 mask, or null (all steps real)
     */
    public static int[] reversalOrder(INDArray mask, int T, int B) {
        int[] len = new int[B];
        if (mask == null) {
            java.util.Arrays.fill(len, T);
        } else {
            Checks.mask("mask", mask, T, B);
            double[][] m = mask.castTo(DataType.DOUBLE).toDoubleMatrix();
            for (int n = 0; n < B; n++) {
                int l = 0;
                while (l < T && m[l][n] == 1.0) {
                    l++;
                }
                for (int t = l; t < T; t++) {
                    if (m[t][n] != 0.0) {
                        throw Msg.badInput(
                                "mask: urutan " + n + " tidak di-padding di kanan (ada 1 pada langkah " + t + " setelah 0 pada langkah " + l
                                        + "); arah mundur butuh urutan 1…1 0…0 per kolom",
                                "mask: sequence " + n + " is not right-padded (a 1 at step " + t + " after a 0 at step " + l
                                        + "); the backward direction needs 1…1 0…0 in every column");
                    }
                }
                len[n] = l;
            }
        }
        int[] rev = new int[T * B];
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < B; n++) {
                int tt = t < len[n] ? len[n] - 1 - t : t;
                rev[t * B + n] = tt * B + n;
            }
        }
        return rev;
    }

    /** {@code y[r] = x[order[r]]} for the rows of a {@code [N, K]} array (a new contiguous array, same type). */
    static INDArray permuteRows(INDArray x, int[] order) {
        INDArray xc = Tensors.contiguous(x);
        int N = (int) xc.size(0), K = (int) xc.size(1);
        double[] src = new double[N * K], dst = new double[N * K];
        Flat.of(xc).copyTo(src);
        for (int r = 0; r < N; r++) {
            System.arraycopy(src, order[r] * K, dst, r * K, K);
        }
        INDArray y = Tensors.zeros(xc.dataType(), N, K); // [N, K]
        Flat.of(y).copyFrom(dst);
        return y;
    }

    private static final class Pass {
        Recurrent.Output outF;
        Recurrent.Output outB;
        INDArray hcat;
        int[] rev;
        int T;
        int B;
    }

    private Pass forward(int[][] ids, INDArray features, INDArray mask) {
        INDArray x;
        if (embedding != null) {
            Checks.notNull("ids", ids);
            x = embedding.forward(ids); // [T, B, dim]
            if (featureSize > 0) {
                Checks.notNull("features", features);
                Checks.shape("features", features, "time,batch,features", x.size(0), x.size(1), featureSize);
                x = Nd4j.concat(2, x, features.castTo(forwardCell.dataType())); // [T, B, dim + F]
            } else if (features != null) {
                throw Msg.badInput("features: tagger ini dibuat dengan featureSize = 0; berikan null",
                        "features: this tagger was built with featureSize = 0; pass null");
            }
        } else {
            if (ids != null) {
                throw Msg.badInput("ids: tagger ini tidak punya embedding; berikan null dan pakai features",
                        "ids: this tagger has no embedding; pass null and use features");
            }
            Checks.notNull("features", features);
            Checks.shape("features", features, "time,batch,features", Checks.ANY, Checks.ANY, featureSize);
            x = features;
        }
        Pass p = new Pass();
        p.T = (int) x.size(0);
        p.B = (int) x.size(1);
        Checks.nonEmptySequence("x", p.T, x.shape());
        Checks.nonEmptyBatch("x", p.B, x.shape());
        p.rev = reversalOrder(mask, p.T, p.B);
        int I = forwardCell.inputSize(), H = forwardCell.hiddenSize();
        INDArray x2 = Tensors.asContiguous(forwardCell.dataType(), x).reshape('c', (long) p.T * p.B, I); // [T·B, I]
        INDArray xr = permuteRows(x2, p.rev).reshape('c', p.T, p.B, I); // [T, B, I] each sequence reversed
        p.outF = rnnF.forward(x2.reshape('c', p.T, p.B, I), null, mask);
        p.outB = rnnB.forward(xr, null, mask);
        INDArray hF = Tensors.contiguous(p.outF.h()).reshape('c', (long) p.T * p.B, H); // [T·B, H]
        INDArray hB = Tensors.contiguous(p.outB.h()).reshape('c', (long) p.T * p.B, H);
        hB = permuteRows(hB, p.rev); // [T·B, H] original order
        p.hcat = Nd4j.concat(1, hF, hB.castTo(hF.dataType())); // [T·B, 2H]
        return p;
    }

    private LossResult loss(Pass p, int[][] tags, INDArray mask) {
        Checks.notNull("tags", tags);
        if (tags.length != p.T) {
            throw Msg.badInput("tags: panjang harus T=" + p.T + " (satu tag per langkah), ternyata " + tags.length,
                    "tags: expected length T=" + p.T + " (one tag per step), got " + tags.length);
        }
        int[] y = Recurrent.flatten("tags", tags, p.B, tagCount());
        INDArray logits = out.forward(p.hcat); // [T·B, tags]
        return SoftmaxCrossEntropy.compute(logits, y, mask == null ? null : mask.reshape('c', new long[] {(long) p.T * p.B}));
    }
}
