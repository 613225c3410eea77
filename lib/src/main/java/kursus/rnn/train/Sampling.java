package kursus.rnn.train;

import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Choosing the next token from a model's scores (logits): greedy, with a temperature, and top-k.
 *
 * <p>Temperature T divides the logits before the softmax: T &lt; 1 sharpens the distribution (safer,
 * more repetitive text), T &gt; 1 flattens it (more surprising, more mistakes). T = 0 means greedy and is
 * accepted by every method here; a negative, NaN or infinite T is an error.
 * Top-k keeps only the k highest scores. Draws come from {@link NumpyRandom}, so a seed gives the
 * same text every time.
 */
public final class Sampling {
    private Sampling() {}

    /** Index of the largest logit (ties: the first). {@code logits}: [V] or [1, V]. */
    public static int greedy(INDArray logits) {
        return argmax(row(logits));
    }

    /**
     * Softmax of {@code logits / temperature} restricted to the top {@code k} (k &lt;= 0: all).
     * {@code temperature = 0} is the limit T → 0: all probability on the largest logit (the first one on
     * a tie), the distribution {@link #sample} draws from greedily.
     */
    public static double[] probabilities(INDArray logits, double temperature, int topK) {
        double[] z = row(logits);
        checkTemperature(temperature);
        if (temperature == 0) {
            double[] p = new double[z.length];
            p[argmax(z)] = 1.0;
            return p;
        }
        double cut = Double.NEGATIVE_INFINITY;
        if (topK > 0 && topK < z.length) {
            double[] sorted = z.clone();
            java.util.Arrays.sort(sorted);
            cut = sorted[z.length - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = z[i] >= cut ? Math.exp((z[i] - max) / temperature) : 0;
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Draws one index: greedy when {@code temperature == 0}, otherwise from
     * {@link #probabilities(INDArray, double, int)} with {@code rng} (NumPy's {@code choice(V, p=...)}).
     */
    public static int sample(INDArray logits, double temperature, int topK, NumpyRandom rng) {
        checkTemperature(temperature);
        if (temperature == 0) {
            return greedy(logits);
        }
        return rng.choice((int) row(logits).length, probabilities(logits, temperature, topK));
    }

    /**
     * Like {@link #sample} but from probabilities {@code [V]} or {@code [1, V]} (e.g. a model's softmax
     * output): the temperature is applied as {@code log(p) / T}, which is the same as dividing logits.
     */
    public static int sampleFromProbabilities(INDArray probabilities, double temperature, int topK, NumpyRandom rng) {
        double[] p = row(probabilities);
        double[] logits = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            logits[i] = p[i] > 0 ? Math.log(p[i]) : Double.NEGATIVE_INFINITY;
        }
        return sample(org.nd4j.linalg.factory.Nd4j.create(logits), temperature, topK, rng);
    }

    /** T must be finite and >= 0 (0 = greedy); the same rule for every method of this class. */
    static void checkTemperature(double temperature) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw Msg.badInput("temperature harus >= 0 dan berhingga (0 = greedy, selalu token paling mungkin;"
                            + " 1 = distribusi model apa adanya), ternyata " + temperature,
                    "temperature must be >= 0 and finite (0 = greedy, always the most likely token;"
                            + " 1 = the model's own distribution), got " + temperature);
        }
    }

    private static double[] row(INDArray logits) {
        if (logits == null || logits.length() == 0 || (logits.rank() == 2 && logits.rows() != 1) || logits.rank() > 2) {
            throw Msg.badInput("logits harus berbentuk [V] atau [1, V], ternyata "
                            + (logits == null ? "null" : java.util.Arrays.toString(logits.shape())),
                    "logits must have shape [V] or [1, V], got "
                            + (logits == null ? "null" : java.util.Arrays.toString(logits.shape())));
        }
        double[] z = logits.dup().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
        for (double v : z) {
            if (Double.isNaN(v)) {
                throw Msg.badInput("logits berisi NaN: model sudah rusak (cek loss saat pelatihan)",
                        "logits contain NaN: the model is broken (check the training loss)");
            }
        }
        return z;
    }

    private static int argmax(double[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }
}
