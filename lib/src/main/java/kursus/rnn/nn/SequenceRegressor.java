package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Params;
import kursus.rnn.prep.Windows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Many-to-one regression on sliding windows (lesson 10): read a window of T steps, predict the
 * next value(s) from the last hidden state, trained with mean squared error.
 *
 * <pre>
 * h_T  = cell unrolled over x_1..x_T                 x_t: [N, F]
 * ŷ    = h_T · W + b                                 [N, Tout]  (a {@link Dense} head, Tout = samples.outputLength())
 * loss = mean over windows and outputs of (ŷ − y)²
 * </pre>
 *
 * It takes the {@link Windows.Samples} object itself, so the layout cannot be wrong: the model
 * reads {@code samples.xTimeMajor()} ({@code [T, N, F]}) and {@code samples.y()} ({@code [N, Tout]})
 * in the cell's data type.
 * <pre>{@code
 * Windows.Samples all = Windows.seqToOne(scaledClose, 30);
 * Windows.Samples train = all.range(0, 3000), val = all.range(3000, 3500);
 * SequenceRegressor model = new SequenceRegressor(
 *         new LstmCell(1, 50, DataType.FLOAT, Init.xavierUniform(rng)), new Dense(50, 1, DataType.FLOAT, Init.xavierUniform(rng)));
 * History h = new Trainer(model.params(), new Adam(0.003)).validation(() -> model.loss(val))
 *         .fit(20, epoch -> train.shuffledBatches(64, rng), model::forwardBackward);
 * double[] predicted = model.predictValues(val);   // one value per window
 * }</pre>
 */
public final class SequenceRegressor {
    private final SequenceClassifier inner;

    /**
     * @param cell any recurrent cell; its input size is the number of features F per step
     * @param head {@code hidden → Tout} (1 for predicting the next value)
     */
    public SequenceRegressor(RecurrentCell cell, Dense head) {
        this.inner = new SequenceClassifier(null, cell, head, SequenceClassifier.Task.REGRESSION);
    }

    /** All parameters: {@code cell.*}, {@code head.*}. */
    public Params params() {
        return inner.params();
    }

    public RecurrentCell cell() {
        return inner.cell();
    }

    public Dense head() {
        return inner.head();
    }

    /** One training pass on a batch of windows: zeroes and fills the gradients, returns the MSE. */
    public double forwardBackward(Windows.Samples batch) {
        check(batch);
        DataType dt = cell().dataType();
        return inner.forwardBackward(batch.xTimeMajor(dt), null, batch.y(dt));
    }

    /** MSE on {@code samples} without touching the gradients (e.g. the validation loss). */
    public double loss(Windows.Samples samples) {
        INDArray p = predict(samples); // [N, Tout]
        INDArray d = p.sub(samples.y(p.dataType()));
        return d.mul(d).meanNumber().doubleValue();
    }

    /** Predictions {@code [N, Tout]}, in the scale of the targets (e.g. still min-max scaled). */
    public INDArray predict(Windows.Samples samples) {
        check(samples);
        return inner.predict(samples.xTimeMajor(cell().dataType()), null);
    }

    /** The one predicted value of every window (only for one-step targets, Tout = 1). */
    public double[] predictValues(Windows.Samples samples) {
        if (samples != null && samples.outputLength() != 1) {
            throw Msg.badInput("predictValues: target punya " + samples.outputLength() + " langkah, bukan 1;"
                            + " pakai predict(samples) yang memberi [N, Tout].",
                    "predictValues: the target has " + samples.outputLength() + " steps, not 1;"
                            + " use predict(samples), which gives [N, Tout].");
        }
        return predict(samples).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private void check(Windows.Samples s) {
        Checks.notNull("samples", s);
        if (s.features() != cell().inputSize()) {
            throw Msg.badInput("jendela punya F=" + s.features() + " fitur per langkah, sel butuh masukan "
                            + cell().inputSize() + ". Perbaikan: buat sel dengan inputSize = " + s.features() + ".",
                    "the windows have F=" + s.features() + " features per step, the cell expects input size "
                            + cell().inputSize() + ". Fix: build the cell with inputSize = " + s.features() + ".");
        }
        if (s.outputLength() != head().outputSize()) {
            throw Msg.badInput("target tiap jendela punya " + s.outputLength() + " nilai, head memberi "
                            + head().outputSize() + ". Perbaikan: new Dense(hidden, " + s.outputLength() + ", ...).",
                    "each window's target has " + s.outputLength() + " values, the head gives "
                            + head().outputSize() + ". Fix: new Dense(hidden, " + s.outputLength() + ", ...).");
        }
    }
}
