package kursus.rnn.train;

import kursus.rnn.core.Msg;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.SequenceRegressor;
import kursus.rnn.optim.Adam;
import kursus.rnn.prep.Forecast;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One seeded training run of lesson 10's forecaster: an LSTM ({@code hidden} units, float32) reading a
 * window of the {@link Forecast} series, a {@link Dense} head predicting the next value, mean squared
 * error, Adam, shuffled mini-batches, and early stopping on the validation loss (the best weights are
 * kept). The lecture's Keras model also had dropout 0.2; early stopping plays that role here.
 *
 * <p>One seed fixes the initial weights (Xavier uniform) and the batch order.
 *
 * <pre>
 * ForecastExperiment e = ForecastExperiment.of(forecast).hidden(50).epochs(15);
 * ForecastExperiment.Result r = e.run(1);     // r.predicted() in prices, r.scores(), r.history()
 * </pre>
 * Instances are immutable; every setter returns a changed copy.
 */
public final class ForecastExperiment {
    private final Forecast data;
    private final int hidden;
    private final int epochs;
    private final int batch;
    private final double learningRate;
    private final int patience;

    private ForecastExperiment(Forecast data, int hidden, int epochs, int batch, double learningRate, int patience) {
        this.data = data;
        this.hidden = hidden;
        this.epochs = epochs;
        this.batch = batch;
        this.learningRate = learningRate;
        this.patience = patience;
    }

    /** Defaults: 32 hidden units, 12 epochs, batch 64, Adam 0.003, patience 3 epochs. */
    public static ForecastExperiment of(Forecast data) {
        if (data == null) {
            throw Msg.badInput("ForecastExperiment: data null; buat dengan Forecast.of(...).",
                    "ForecastExperiment: data is null; make it with Forecast.of(...).");
        }
        return new ForecastExperiment(data, 32, 12, 64, 0.003, 3);
    }

    public ForecastExperiment hidden(int h) {
        positive(h, "hidden");
        return new ForecastExperiment(data, h, epochs, batch, learningRate, patience);
    }

    public ForecastExperiment epochs(int e) {
        positive(e, "epochs");
        return new ForecastExperiment(data, hidden, e, batch, learningRate, patience);
    }

    public ForecastExperiment batch(int b) {
        positive(b, "batch");
        return new ForecastExperiment(data, hidden, epochs, b, learningRate, patience);
    }

    public ForecastExperiment learningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw Msg.badInput("learningRate harus > 0, didapat " + lr, "learningRate must be > 0, got " + lr);
        }
        return new ForecastExperiment(data, hidden, epochs, batch, lr, patience);
    }

    public ForecastExperiment patience(int p) {
        positive(p, "patience");
        return new ForecastExperiment(data, hidden, epochs, batch, learningRate, p);
    }

    /** The outcome of one seed: the test predictions in prices, their scores, and the training history. */
    public record Result(int seed, double[] predicted, Forecast.Scores scores, History history) {}

    /** Trains with {@code seed} and forecasts the test period. */
    public Result run(int seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        SequenceRegressor model = new SequenceRegressor(
                new LstmCell(1, hidden, DataType.FLOAT, Init.xavierUniform(rng)),
                new Dense(hidden, 1, DataType.FLOAT, Init.xavierUniform(rng)));
        var val = data.val();
        History h = new Trainer(model.params(), new Adam(learningRate))
                .progress(false)
                .validation(() -> model.loss(val))
                .earlyStopping(patience)
                .fit(epochs, epoch -> data.train().shuffledBatches(batch, rng), model::forwardBackward);
        var test = data.test();
        double[] predicted = data.toPrices(test, model.predictValues(test));
        return new Result(seed, predicted, Forecast.score(data.actual(test), data.naive(test), predicted), h);
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw Msg.badInput(name + " harus ≥ 1, didapat " + v, name + " must be ≥ 1, got " + v);
        }
    }
}
