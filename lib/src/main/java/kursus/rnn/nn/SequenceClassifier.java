package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.loss.LossResult;
import kursus.rnn.loss.MeanSquaredError;
import kursus.rnn.loss.SigmoidBinaryCrossEntropy;
import kursus.rnn.loss.SoftmaxCrossEntropy;
import kursus.rnn.text.Padding;
import kursus.rnn.text.Sequences;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Many-to-one model: read a whole sequence, then predict from the last state.
 *
 * <pre>
 * h_T = cell unrolled over x_1..x_T          (padded steps carry the state, so for padded batches
 *                                             h_T is the state after each sequence's last real step)
 * z   = h_T · W + b                          [batch, outputs]   (a {@link Dense} "head")
 * </pre>
 * The loss depends on the {@link Task}: softmax cross-entropy over classes, sigmoid binary
 * cross-entropy, or mean squared error (regression, e.g. the next value of a time series).
 *
 * <p>For regression on sliding windows prefer {@link SequenceRegressor}, which takes the
 * {@code prep.Windows.Samples} object itself, so the time-major layout cannot be wrong. The dense
 * entry points here take time-major inputs {@code [T, batch, input]}: a batch-major
 * {@code [N, T, F]} array from {@code Samples.x()} is refused with a hint when {@code N != T}, but
 * cannot be detected when {@code N == T}.
 */
public final class SequenceClassifier {
    /** What the head predicts. */
    public enum Task {
        /** One class per sequence (int labels); loss softmax cross-entropy; predictions are probabilities. */
        CLASSES,
        /** Independent yes/no outputs (targets 0/1); loss sigmoid BCE; predictions are probabilities. */
        BINARY,
        /** Real values; loss mean squared error; predictions are the values. */
        REGRESSION
    }

    private final Embedding embedding;
    private final RecurrentCell cell;
    private final Recurrent rnn;
    private final Dense head;
    private final Task task;
    private final Params params = new Params();

    /**
     * @param embedding index lookup for {@code int[][]} inputs, or null (dense inputs, or one-hot indices)
     * @param cell any recurrent cell
     * @param head {@code hidden → outputs}
     * @param task the loss to use
     */
    public SequenceClassifier(Embedding embedding, RecurrentCell cell, Dense head, Task task) {
        this.embedding = embedding;
        this.cell = Checks.notNull("cell", cell);
        this.head = Checks.notNull("head", head);
        this.task = Checks.notNull("task", task);
        if (head.inputSize() != cell.hiddenSize()) {
            throw Msg.badInput(
                    "head: ukuran masukan harus hidden=" + cell.hiddenSize() + ", ternyata " + head.inputSize(),
                    "head: expected input size hidden=" + cell.hiddenSize() + ", got " + head.inputSize());
        }
        if (embedding != null && embedding.dim() != cell.inputSize()) {
            throw Msg.badInput(
                    "cell: ukuran masukan harus dim embedding=" + embedding.dim() + ", ternyata " + cell.inputSize(),
                    "cell: expected input size = embedding dim " + embedding.dim() + ", got " + cell.inputSize());
        }
        this.rnn = new Recurrent(cell);
        if (embedding != null) {
            params.addAll("embedding", embedding.params());
        }
        params.addAll("cell", cell.params()).addAll("head", head.params());
    }

    public Params params() {
        return params;
    }

    public Task task() {
        return task;
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Dense head() {
        return head;
    }

    public Embedding embedding() {
        return embedding;
    }

    /** Training pass on dense inputs {@code x [T, batch, input]} with class labels {@code [batch]} (task CLASSES). */
    public double forwardBackward(INDArray x, INDArray mask, int[] labels) {
        requireTask(Task.CLASSES);
        return run(rnn.forward(x, null, mask), null, labels, null);
    }

    /** Training pass on dense inputs with targets {@code [batch, outputs]} (tasks BINARY, REGRESSION). */
    public double forwardBackward(INDArray x, INDArray mask, INDArray targets) {
        requireTargets();
        return run(rnn.forward(x, null, mask), null, null, targets);
    }

    /**
     * Training pass on index inputs {@code ids [T][batch]}, time-major (embedding, or one-hot when there
     * is none), CLASSES. When your rows are sequences ({@code [batch][T]}), use the {@link Sequences}
     * overload with {@code Sequences.batchMajor(rows)}.
     */
    public double forwardBackward(int[][] ids, INDArray mask, int[] labels) {
        requireTask(Task.CLASSES);
        return run(forwardIds(ids, mask), ids, labels, null);
    }

    /** Training pass on index inputs with targets {@code [batch, outputs]} (BINARY, REGRESSION). */
    public double forwardBackward(int[][] ids, INDArray mask, INDArray targets) {
        requireTargets();
        return run(forwardIds(ids, mask), ids, null, targets);
    }

    /** Training pass on token ids whose time axis is named by {@link Sequences}, with class labels (CLASSES). */
    public double forwardBackward(Sequences ids, INDArray mask, int[] labels) {
        return forwardBackward(Checks.notNull("ids", ids).timeMajor(), mask, labels);
    }

    /** Training pass on token ids named by {@link Sequences}, with targets {@code [batch, outputs]} (BINARY, REGRESSION). */
    public double forwardBackward(Sequences ids, INDArray mask, INDArray targets) {
        return forwardBackward(Checks.notNull("ids", ids).timeMajor(), mask, targets);
    }

    /** Predictions for token ids named by {@link Sequences}. */
    public INDArray predict(Sequences ids, INDArray mask) {
        return predict(Checks.notNull("ids", ids).timeMajor(), mask);
    }

    /**
     * Training pass on a padded batch of token ids (from {@link Padding#pad}) with one class label per
     * sequence (CLASSES): the ids and the mask come from the batch itself, so neither the time axis nor
     * the mask can be mixed up. Padded steps carry the state, so the prediction reads the state after
     * each sequence's last real token.
     * <pre>{@code
     * Padding.Batch b = Padding.pad(List.of(vocab.encode(List.of("film", "ini", "bagus")), ...), vocab.indexOf(Special.PAD));
     * double loss = model.forwardBackward(b, labels);      // labels [batch]
     * INDArray p = model.predict(b);                       // [batch, classes]
     * }</pre>
     */
    public double forwardBackward(Padding.Batch batch, int[] labels) {
        Checks.notNull("batch", batch);
        return forwardBackward(batch.indices(), batch.mask(cell.dataType()), labels);
    }

    /** Like {@link #forwardBackward(Padding.Batch, int[])} with targets {@code [batch, outputs]} (BINARY, REGRESSION). */
    public double forwardBackward(Padding.Batch batch, INDArray targets) {
        Checks.notNull("batch", batch);
        return forwardBackward(batch.indices(), batch.mask(cell.dataType()), targets);
    }

    /** Predictions {@code [batch, outputs]} for a padded batch of token ids (mask applied). */
    public INDArray predict(Padding.Batch batch) {
        Checks.notNull("batch", batch);
        return predict(batch.indices(), batch.mask(cell.dataType()));
    }

    /** Predictions {@code [batch, outputs]} for dense inputs: probabilities (CLASSES, BINARY) or values. */
    public INDArray predict(INDArray x, INDArray mask) {
        return activate(head.forward(rnn.forward(x, null, mask).last().h()));
    }

    /** Predictions for index inputs, time-major {@code ids [T][batch]} (see {@link Sequences} for rows). */
    public INDArray predict(int[][] ids, INDArray mask) {
        return activate(head.forward(forwardIds(ids, mask).last().h()));
    }

    private Recurrent.Output forwardIds(int[][] ids, INDArray mask) {
        if (embedding == null) {
            return rnn.forwardOneHot(ids, null, mask);
        }
        return rnn.forward(embedding.forward(ids), null, mask);
    }

    private INDArray activate(INDArray z) {
        return switch (task) {
            case CLASSES -> Activations.softmax(z);
            case BINARY -> Activations.sigmoid(z);
            case REGRESSION -> z;
        };
    }

    private double run(Recurrent.Output o, int[][] ids, int[] labels, INDArray targets) {
        int B = o.batch(), C = head.outputSize();
        long given = task == Task.CLASSES ? (labels == null ? -1 : labels.length)
                : (targets == null || targets.rank() == 0 ? -1 : targets.size(0));
        if (given != B && given == o.length()) {
            throw Msg.badInput(
                    "x tampaknya berurutan batch-dulu [N=" + given + ", T=" + B + ", F] padahal yang diharapkan"
                            + " waktu-dulu [T, N, F]: targets punya " + given + " baris = panjang sumbu pertama x."
                            + " Perbaikan: pakai samples.xTimeMajor() (bukan samples.x()), atau SequenceRegressor"
                            + ".forwardBackward(samples) yang menerima objek Windows.Samples langsung; untuk id token"
                            + " [B][T] pakai Sequences.batchMajor(baris).",
                    "x looks batch-major [N=" + given + ", T=" + B + ", F] where time-major [T, N, F] is expected:"
                            + " the targets have " + given + " rows = the size of x's first axis. Fix: use"
                            + " samples.xTimeMajor() (not samples.x()), or SequenceRegressor.forwardBackward(samples),"
                            + " which takes the Windows.Samples object itself; for token ids [B][T] use"
                            + " Sequences.batchMajor(rows).");
        }
        if (task == Task.CLASSES) {
            Checks.notNull("labels", labels);
            if (labels.length != B) {
                throw Msg.badInput(
                        "labels: panjang harus batch=" + B + " (satu label per urutan), ternyata " + labels.length,
                        "labels: expected length batch=" + B + " (one label per sequence), got " + labels.length);
            }
            for (int n = 0; n < B; n++) {
                Checks.index("labels[" + n + "]", labels[n], C);
            }
        } else {
            Checks.shape("targets", targets, "batch,outputs", B, C);
        }
        params.zeroGrad();
        INDArray hT = o.last().h(); // [batch, hidden]
        INDArray z = head.forward(hT);
        LossResult loss = switch (task) {
            case CLASSES -> SoftmaxCrossEntropy.compute(z, labels);
            case BINARY -> SigmoidBinaryCrossEntropy.compute(z, targets);
            case REGRESSION -> MeanSquaredError.compute(z, targets);
        };
        INDArray dh = head.backward(hT, loss.grad());
        State dLast = new State(dh, null);
        Recurrent.Gradients g = cell.backwardSequence(o.cache(), null, dLast);
        if (embedding != null && ids != null) {
            embedding.backward(ids, g.dX());
        }
        o.cache().recycle(); // nothing of this pass is used any more: its buffers serve the next one
        return loss.loss();
    }

    private void requireTask(Task t) {
        if (task != t) {
            throw Msg.badInput(
                    "label kelas (int[]) hanya untuk tugas CLASSES; model ini " + task + ": berikan targets INDArray",
                    "class labels (int[]) are for task CLASSES only; this model is " + task + ": pass an INDArray of targets");
        }
    }

    private void requireTargets() {
        if (task == Task.CLASSES) {
            throw Msg.badInput(
                    "tugas CLASSES butuh label kelas int[] [batch], bukan INDArray",
                    "task CLASSES needs int[] class labels [batch], not an INDArray");
        }
    }
}
