package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.core.Tensors;
import kursus.rnn.loss.LossResult;
import kursus.rnn.loss.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Many-to-many, aligned: one output per input step (sequence tagging, e.g. BIO tags for names).
 *
 * <pre>
 * x_t  = [ E[id_t] ; f_t ]             [batch, dim + features]   (word vector and/or extra features, e.g. "is capitalised")
 * h_t  = cell(x_t, h_{t-1})            [batch, hidden]
 * z_t  = h_t · W_hy + b_y              [batch, tags]            (a {@link Dense}, the same at every step)
 * loss = mean over real (unmasked) steps of −log softmax(z_t)[tag_t]
 * </pre>
 *
 * Unidirectional: the tag of step {@code t} sees only {@code x_1..x_t} (a bidirectional tagger, lesson
 * 11, would also see the words after it). Either part of {@code x_t} may be absent: no embedding
 * (dense features only) or no features (word vectors only).
 */
public final class SequenceTagger {
    private final Embedding embedding;
    private final int featureSize;
    private final RecurrentCell cell;
    private final Recurrent rnn;
    private final Dense out;
    private final Params params = new Params();

    /**
     * @param embedding lookup of the token ids, or null (features only)
     * @param featureSize size of the extra features per step (0 = none)
     * @param cell any recurrent cell with {@code inputSize = dim + featureSize}
     * @param out read-out {@code hidden → number of tags}
     */
    public SequenceTagger(Embedding embedding, int featureSize, RecurrentCell cell, Dense out) {
        this.embedding = embedding;
        this.cell = Checks.notNull("cell", cell);
        this.out = Checks.notNull("out", out);
        if (featureSize < 0) {
            throw Msg.badInput("featureSize harus >= 0, ternyata " + featureSize, "featureSize must be >= 0, got " + featureSize);
        }
        this.featureSize = featureSize;
        int dim = embedding == null ? 0 : embedding.dim();
        if (dim + featureSize == 0) {
            throw Msg.badInput("SequenceTagger: butuh embedding atau fitur (featureSize > 0)",
                    "SequenceTagger: needs an embedding or features (featureSize > 0)");
        }
        if (cell.inputSize() != dim + featureSize) {
            throw Msg.badInput(
                    "cell: ukuran masukan harus dim embedding + featureSize = " + dim + " + " + featureSize + ", ternyata " + cell.inputSize(),
                    "cell: expected input size = embedding dim + featureSize = " + dim + " + " + featureSize + ", got " + cell.inputSize());
        }
        if (out.inputSize() != cell.hiddenSize()) {
            throw Msg.badInput(
                    "out: ukuran masukan harus hidden=" + cell.hiddenSize() + ", ternyata " + out.inputSize(),
                    "out: expected input size hidden=" + cell.hiddenSize() + ", got " + out.inputSize());
        }
        this.rnn = new Recurrent(cell);
        if (embedding != null) {
            params.addAll("embedding", embedding.params());
        }
        params.addAll("cell", cell.params()).addAll("out", out.params());
    }

    /** All parameters: {@code embedding.*} (if any), {@code cell.*}, {@code out.*}. */
    public Params params() {
        return params;
    }

    public RecurrentCell cell() {
        return cell;
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
     * One training pass: zeroes the gradients, mean cross-entropy over the real steps, BPTT, fills the
     * gradients of {@link #params()}.
     *
     * @param ids token ids {@code [T][batch]} (null when there is no embedding)
     * @param features {@code [T, batch, featureSize]} (null when featureSize is 0)
     * @param mask {@code [T, batch]} 0/1 for right-padded batches, or null
     * @param tags the true tag per step {@code [T][batch]} (any valid index at padded steps)
     * @return mean loss per real token
     */
    public double forwardBackward(int[][] ids, INDArray features, INDArray mask, int[][] tags) {
        params.zeroGrad();
        Pass p = forward(ids, features, mask);
        LossResult loss = loss(p, tags, mask);
        INDArray dH2 = out.backward(p.h2, loss.grad()); // [T·B, hidden]
        Recurrent.Gradients g = rnn.backward(p.out, dH2.reshape('c', p.T, p.B, cell.hiddenSize()), null);
        if (embedding != null) {
            INDArray dE = g.dX().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, embedding.dim())).dup('c');
            embedding.backward(ids, dE);
        }
        p.out.cache().recycle(); // nothing of this pass is used any more: its buffers serve the next one
        return loss.loss();
    }

    /** The mean loss, without gradients. */
    public double loss(int[][] ids, INDArray features, INDArray mask, int[][] tags) {
        return loss(forward(ids, features, mask), tags, mask).loss();
    }

    /** Tag probabilities {@code [T, batch, tags]}. */
    public INDArray probabilities(int[][] ids, INDArray features, INDArray mask) {
        Pass p = forward(ids, features, mask);
        return Activations.softmax(out.forward(p.h2)).reshape('c', p.T, p.B, tagCount());
    }

    /** The most likely tag per step {@code [T][batch]} (padded steps included; ignore them). */
    public int[][] predict(int[][] ids, INDArray features, INDArray mask) {
        Pass p = forward(ids, features, mask);
        INDArray z = out.forward(p.h2); // [T·B, tags]
        double[][] zz = z.toDoubleMatrix();
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

    private static final class Pass {
        Recurrent.Output out;
        INDArray h2;
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
                x = Nd4j.concat(2, x, features.castTo(cell.dataType())); // [T, B, dim + F]
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
            x = features;
        }
        Pass p = new Pass();
        p.out = rnn.forward(x, null, mask);
        p.T = p.out.length();
        p.B = p.out.batch();
        p.h2 = Tensors.contiguous(p.out.h()).reshape('c', (long) p.T * p.B, cell.hiddenSize()); // [T·B, H]
        return p;
    }

    private LossResult loss(Pass p, int[][] tags, INDArray mask) {
        Checks.notNull("tags", tags);
        if (tags.length != p.T) {
            throw Msg.badInput("tags: panjang harus T=" + p.T + " (satu tag per langkah), ternyata " + tags.length,
                    "tags: expected length T=" + p.T + " (one tag per step), got " + tags.length);
        }
        int[] y = Recurrent.flatten("tags", tags, p.B, tagCount());
        INDArray logits = out.forward(p.h2); // [T·B, tags]
        return SoftmaxCrossEntropy.compute(logits, y, mask == null ? null : mask.reshape('c', new long[] {(long) p.T * p.B}));
    }
}
