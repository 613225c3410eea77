package kursus.rnn.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Diagnostic for the DL4J peer: are the gradients DL4J computes under {@code BackpropType.TruncatedBPTT}
 * those of each chunk's loss with the carried state held fixed (what the library and the numpy peers
 * compute)? Tiny float64 network (B = 3 streams, V = 5, H = 6, two chunks of T = 4), one {@code fit}
 * over the 8-step sequence with tBPTT length 4 and SGD lr 0 (parameters unchanged), the raw gradient of
 * each chunk captured in {@code onGradientCalculation} (divided by B: DL4J's updater does the same).
 * Reference: central differences (ε = 1e-5) of the chunk's cross-entropy (summed over its steps,
 * averaged over the streams, DL4J's score) computed with {@code rnnTimeStep} from the state stored
 * after chunk 1 ({@code rnnSetPreviousState}).
 *
 * <p>Result with DL4J 1.0.0-M2.1 (see lib/BENCHMARKS.md "DL4J peer"): chunk 1 (zero initial state) agrees to
 * ~1e-10; chunk 2 (carried state): the read-out gradients agree to ~1e-10, the LSTM's (input weights, recurrent
 * weights, biases) differ by up to ~0.06; in a first probe some forget-gate input-weight gradients were exactly
 * 0 where the reference was not (consistent with a backward pass that takes the previous cell state as 0). The
 * forward pass (the scores) is right.
 *
 * <pre>
 * java -cp bench-dl4j/target/classes:$(cat /tmp/dl4j-cp.txt) kursus.rnn.bench.Dl4jTbpttGradientCheck
 * </pre>
 */
public final class Dl4jTbpttGradientCheck {
    static final int B = 3, V = 5, T = 4, H = 6;

    private Dl4jTbpttGradientCheck() {}

    /** Result: max |DL4J − finite difference| per parameter block, for each chunk. */
    public record Result(String[] blocks, double[] chunk1, double[] chunk2) {
        double max(double[] a) {
            double m = 0;
            for (double v : a) {
                m = Math.max(m, v);
            }
            return m;
        }

        public double maxChunk1() {
            return max(chunk1);
        }

        public double maxChunk2() {
            return max(chunk2);
        }

        /** Max difference of the read-out layer's parameters (the last two blocks) in chunk 2. */
        public double maxChunk2ReadOut() {
            return Math.max(chunk2[3], chunk2[4]);
        }
    }

    static MultiLayerNetwork network(INDArray params) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(0.0))
                .list()
                .layer(new LSTM.Builder().nIn(V).nOut(H).activation(Activation.TANH)
                        .gateActivationFunction(Activation.SIGMOID).forgetGateBiasInit(1.0).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(H).nOut(V).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(T).tBPTTBackwardLength(T)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (params != null) {
            net.setParams(params.dup());
        }
        return net;
    }

    /** Per-sequence cross-entropy of one chunk (summed over its T steps, mean over the B streams). */
    static double crossEntropy(INDArray probs, INDArray labels) {
        double c = 0;
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                for (int v = 0; v < V; v++) {
                    c -= labels.getDouble(b, v, t) * Math.log(probs.getDouble(b, v, t));
                }
            }
        }
        return c / B;
    }

    static INDArray chunk(INDArray a, int c) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval((long) c * T, (long) (c + 1) * T)).dup();
    }

    static Map<String, INDArray> copy(Map<String, INDArray> m) {
        Map<String, INDArray> r = new HashMap<>();
        m.forEach((k, v) -> r.put(k, v.dup()));
        return r;
    }

    public static Result check(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MultiLayerNetwork net = network(null);
        double[] p = new double[(int) net.numParams()];
        for (int i = 0; i < p.length; i++) {
            p[i] = -0.8 + 1.6 * rng.nextDouble();
        }
        INDArray theta = Nd4j.createFromArray(p).reshape(1, p.length);
        net.setParams(theta.dup());
        INDArray x = Nd4j.zeros(DataType.DOUBLE, B, V, 2 * T), y = Nd4j.zeros(DataType.DOUBLE, B, V, 2 * T);
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < 2 * T; t++) {
                x.putScalar(new long[] {b, rng.nextInt(V), t}, 1.0);
                y.putScalar(new long[] {b, rng.nextInt(V), t}, 1.0);
            }
        }
        INDArray x1 = chunk(x, 0), x2 = chunk(x, 1), y1 = chunk(y, 0), y2 = chunk(y, 1);
        // the state after chunk 1, from DL4J's own stateful forward
        net.rnnClearPreviousState();
        net.rnnTimeStep(x1);
        Map<String, INDArray> state = copy(net.rnnGetPreviousState(0));
        net.rnnClearPreviousState();

        List<INDArray> raw = new ArrayList<>();
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                raw.add(((MultiLayerNetwork) model).getFlattenedGradients().dup().reshape(-1).div(B));
            }
        });
        net.fit(x, y);
        if (raw.size() != 2) {
            throw new IllegalStateException("expected 2 tBPTT updates, got " + raw.size());
        }
        long nW = net.getLayer(0).getParam("W").length(), nRW = net.getLayer(0).getParam("RW").length();
        long nb = net.getLayer(0).getParam("b").length(), nOutW = net.getLayer(1).getParam("W").length();
        long[] ends = {nW, nW + nRW, nW + nRW + nb, nW + nRW + nb + nOutW, p.length};
        String[] names = {"LSTM W (input)", "LSTM RW (recurrent)", "LSTM b", "read-out W", "read-out b"};
        double[] d1 = new double[5], d2 = new double[5];
        MultiLayerNetwork probe = network(theta);
        double eps = 1e-5;
        for (int i = 0; i < p.length; i++) {
            double[] s1 = new double[2], s2 = new double[2];
            for (int k = 0; k < 2; k++) {
                INDArray th = theta.dup();
                th.putScalar(0, i, p[i] + (k == 0 ? eps : -eps));
                probe.setParams(th);
                probe.rnnClearPreviousState();
                s1[k] = crossEntropy(probe.rnnTimeStep(x1), y1);
                probe.rnnClearPreviousState();
                probe.rnnSetPreviousState(0, copy(state));
                s2[k] = crossEntropy(probe.rnnTimeStep(x2), y2);
            }
            int blk = 0;
            while (i >= ends[blk]) {
                blk++;
            }
            d1[blk] = Math.max(d1[blk], Math.abs((s1[0] - s1[1]) / (2 * eps) - raw.get(0).getDouble(i)));
            d2[blk] = Math.max(d2[blk], Math.abs((s2[0] - s2[1]) / (2 * eps) - raw.get(1).getDouble(i)));
        }
        return new Result(names, d1, d2);
    }

    public static void main(String[] args) {
        Result r = check(args.length > 0 ? Long.parseLong(args[0]) : 1);
        System.out.println("max |DL4J tBPTT gradient - finite difference| (float64, seed " + (args.length > 0 ? args[0] : "1") + ")");
        System.out.println("block                  chunk 1 (zero state)   chunk 2 (carried state)");
        for (int b = 0; b < r.blocks().length; b++) {
            System.out.println(String.format(Locale.ROOT, "%-22s %-22.3e %.3e", r.blocks()[b], r.chunk1()[b], r.chunk2()[b]));
        }
    }
}
