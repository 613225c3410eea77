package kursus.rnn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Benchmark peer (not a test): the character-level LSTM language model of the library's
 * {@code CharLstmBench} (lib/src/test/java/kursus/rnn/bench), trained with DL4J's own layers
 * ({@code deeplearning4j-nn}, same ND4J 1.0.0-M2.1 as the library). {@code lib/bench/run.sh} runs it
 * beside the library and the numpy peers when {@code DL4J=1}.
 *
 * <p>Same model and procedure as far as DL4J allows:
 *
 * <ul>
 *   <li>corpus {@code /usr/share/common-licenses/GPL-3}, vocabulary = sorted set of its code points
 *       (V = 76), the corpus cut into B contiguous streams of {@code length = n / B} chars;
 *   <li>one-hot inputs {@code [B, V, time]} → {@link LSTM} (H units, tanh, sigmoid gates, forget-gate
 *       bias 1, other biases 0) → {@link RnnOutputLayer} (softmax, MCXENT, bias 0); all weights
 *       (input, recurrent, read-out) U(−1/√H, 1/√H) via a {@link UniformDistribution} — and drawn again
 *       from {@code SplittableRandom(seed)} after {@code init()}, because DL4J 1.0.0-M2.1's draw is not
 *       reproducible from the seed; float32 network and data; Adam lr 0.003 (β 0.9/0.999, ε 1e-8, DL4J's
 *       form: ε added to √v, not to √v̂);
 *   <li>truncated BPTT the DL4J way: one {@code fit} per pass over the streams with the whole pass as
 *       one {@code [B, V, E·T]} sequence (E = ⌊(length − 1)/T⌋ chunks, exactly the chunks the library
 *       walks before it wraps around), {@code BackpropType.TruncatedBPTT} with forward and backward
 *       length T: one parameter update per T chars per stream, the LSTM state carried (detached)
 *       from chunk to chunk, and zeroed at the start of every {@code fit}, i.e. when the library
 *       zeroes it (its streams wrap). The last pass is cut to the remaining steps. Caveat: with a
 *       carried state DL4J's LSTM gradients are not those of the chunk's loss ({@link Dl4jTbpttGradientCheck});
 *       {@code --carry false} fits every chunk on its own (state zeroed before each chunk, right gradients,
 *       same work per update) for comparison;
 *   <li>gradient clipping: DL4J has no clip by the <em>global</em> norm. Default ({@code --clip-mode layer}):
 *       DL4J's {@code GradientNormalization.ClipL2PerLayer}, which clips each layer's gradient (LSTM: W, R,
 *       b together; read-out: W, b) by its own L2 norm. Its units (checked with a finite difference and
 *       an SGD step, see lib/BENCHMARKS.md): DL4J's score is the cross-entropy <em>summed</em> over the
 *       chunk's T time steps and averaged over the B streams, and the clipped gradient is the gradient of
 *       that score (the updater divides the raw sum over the streams by B before clipping), i.e. T times the
 *       gradient of the library's mean-per-char loss. The threshold is therefore {@code 5·T} (= 5 in the
 *       library's units), per layer. {@code --clip-mode global}: the library's exact rule instead (a
 *       listener's {@code onGradientCalculation} scales the raw flattened gradient when its global norm,
 *       converted to the library's units, exceeds 5; DL4J's own normalisation off). Adam does not care
 *       about the factor T otherwise (up to ε).
 * </ul>
 *
 * <p>Per-step loss: DL4J's score of each update's chunk (a listener), the MCXENT summed over the
 * chunk's time steps and averaged over the streams; divided by T here to give mean nats per char as
 * the library and the peers report. Prints one JSON line with the keys of {@code CharLstmBench}:
 * {@code wall_s} and the CPU times cover the {@code fit} calls only; {@code cpu_s} = CPU time of the training
 * thread ({@code ThreadMXBean}), {@code process_cpu_s} = CPU time of the whole JVM
 * ({@code OperatingSystemMXBean.getProcessCpuTime}: adds GC, JIT and ND4J's deallocator threads), the main rate
 * as for the library. Run with {@code OMP_NUM_THREADS=1} ({@code nd4j_threads} in the line). Only
 * {@code --cell lstm}: DL4J 1.0.0-M2.1 has no GRU layer, and the plain RNN ({@code SimpleRnn}) is not wired up.
 *
 * <pre>
 * mvn -B -ntp -q -Pdl4j-bench -pl bench-dl4j package -DskipTests
 * mvn -B -ntp -q -Pdl4j-bench -pl bench-dl4j dependency:build-classpath -Dmdep.outputFile=/tmp/dl4j-cp.txt
 * OMP_NUM_THREADS=1 java -cp bench-dl4j/target/classes:$(cat /tmp/dl4j-cp.txt) kursus.rnn.bench.Dl4jCharLstmBench \
 *     --hidden 128 --seq 32 --batch 32 --steps 600 --seed 0
 * </pre>
 */
public final class Dl4jCharLstmBench {
    private Dl4jCharLstmBench() {}

    public static void main(String[] args) throws IOException {
        System.out.println(run(args));
    }

    /** Trains as described above and returns the JSON line. */
    public static String run(String... args) throws IOException {
        String corpus = "/usr/share/common-licenses/GPL-3";
        String cellName = "lstm";
        int hidden = 128, seq = 32, batch = 32, steps = 100;
        double lr = 0.003;
        long seed = 0;
        double clip = 5.0;
        String clipMode = "layer";
        boolean carry = true;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--corpus" -> corpus = v;
                case "--cell" -> cellName = v;
                case "--hidden" -> hidden = Integer.parseInt(v);
                case "--seq" -> seq = Integer.parseInt(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--steps" -> steps = Integer.parseInt(v);
                case "--lr" -> lr = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--clip" -> clip = Double.parseDouble(v);
                case "--clip-mode" -> clipMode = v;
                case "--carry" -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException("--carry must be true or false, got " + v);
                    }
                    carry = Boolean.parseBoolean(v);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!clipMode.equals("layer") && !clipMode.equals("global")) {
            throw new IllegalArgumentException("--clip-mode must be layer or global, got " + clipMode);
        }
        final boolean globalClip = clipMode.equals("global");
        final double clipNorm = clip;
        if (!cellName.equalsIgnoreCase("lstm")) {
            throw new IllegalArgumentException("[ID] Peer DL4J hanya mendukung --cell lstm (DL4J 1.0.0-M2.1 tidak punya"
                    + " lapisan GRU; RNN tidak dibandingkan di sini). Pakai --cell lstm."
                    + " [EN] The DL4J peer supports only --cell lstm (DL4J 1.0.0-M2.1 has no GRU layer; the plain RNN is"
                    + " not compared here). Use --cell lstm. Got: " + cellName);
        }

        // data: sorted character set (code points, as Python's sorted(set(text)))
        String text = Files.readString(Path.of(corpus), StandardCharsets.UTF_8);
        int[] cps = text.codePoints().toArray();
        TreeSet<Integer> set = new TreeSet<>();
        for (int c : cps) {
            set.add(c);
        }
        int[] index = new int[set.last() + 1];
        int V = 0;
        for (int c : set) {
            index[c] = V++;
        }
        int[] data = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            data[i] = index[cps[i]];
        }
        final int B = batch, T = seq, H = hidden;
        int length = data.length / B;
        if (length < T + 1) {
            throw new IllegalArgumentException("corpus too short for batch*seq");
        }
        // chunks per pass before the library's streams wrap: positions 0, T, 2T, ... with pos + T + 1 <= length
        final int E = (length - 1) / T;

        // one pass as one long sequence: features/labels [B, V, E*T], one-hot, float32
        INDArray x = Nd4j.zeros(DataType.FLOAT, B, V, (long) E * T);
        INDArray y = Nd4j.zeros(DataType.FLOAT, B, V, (long) E * T);
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < E * T; t++) {
                x.putScalar(new long[] {b, data[b * length + t], t}, 1f);
                y.putScalar(new long[] {b, data[b * length + t + 1], t}, 1f);
            }
        }
        int fullPasses = steps / E, rest = steps % E;
        INDArray xRest = null, yRest = null;
        if (rest > 0) {
            xRest = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, (long) rest * T)).dup('c');
            yRest = y.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, (long) rest * T)).dup('c');
        }

        INDArray[] xChunks = new INDArray[carry ? 0 : E], yChunks = new INDArray[carry ? 0 : E];
        for (int c = 0; c < xChunks.length; c++) {
            xChunks[c] = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval((long) c * T, (long) (c + 1) * T)).dup('c');
            yChunks[c] = y.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval((long) c * T, (long) (c + 1) * T)).dup('c');
        }
        double k = 1.0 / Math.sqrt(H);
        final double threshold = clip * T; // DL4J's units: gradient of the per-sequence score (see above)
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(lr, 0.9, 0.999, 1e-8))
                .weightInit(new UniformDistribution(-k, k))
                .biasInit(0.0)
                .gradientNormalization(globalClip ? GradientNormalization.None : GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(threshold)
                .list()
                .layer(new LSTM.Builder().nIn(V).nOut(H)
                        .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID)
                        .forgetGateBiasInit(1.0).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(H).nOut(V).build())
                .backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(T).tBPTTBackwardLength(T)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // DL4J 1.0.0-M2.1 draws the UniformDistribution init differently on every run whatever the seed (checked:
        // same seed, different parameters, even within one JVM). For reproducible seeds the same distribution is
        // drawn again here from a seeded java.util.SplittableRandom into the weight views (biases stay as DL4J
        // set them: 0, LSTM forget gate 1).
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (String[] lp : new String[][] {{"0", "W"}, {"0", "RW"}, {"1", "W"}}) {
            INDArray w = net.getLayer(Integer.parseInt(lp[0])).getParam(lp[1]);
            float[] u = new float[(int) w.length()];
            for (int i = 0; i < u.length; i++) {
                u[i] = (float) (-k + 2 * k * rng.nextDouble());
            }
            w.assign(Nd4j.createFromArray(u).reshape(w.shape()));
        }

        final double[] losses = new double[steps];
        final int[] done = {0};
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                if (globalClip) {
                    // raw flattened gradient = sum over the B streams of the per-sequence gradient: B·T times
                    // the library's; clip it where the library would (global norm 5 in its units)
                    INDArray g = ((MultiLayerNetwork) model).getFlattenedGradients();
                    double norm = g.norm2Number().doubleValue() / ((double) B * T);
                    if (norm > clipNorm) {
                        g.muli(clipNorm / norm);
                    }
                }
            }

            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                if (done[0] < losses.length) {
                    losses[done[0]] = model.score() / T; // per sequence (sum over T) → mean per char
                }
                done[0]++;
            }
        });

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long proc0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        if (!carry) { // diagnostic: one fit per chunk, so DL4J zeroes the state before every chunk
            for (int s = 0; s < steps; s++) {
                net.fit(xChunks[s % E], yChunks[s % E]);
            }
            fullPasses = 0;
            rest = 0;
        }
        for (int p = 0; p < fullPasses; p++) {
            net.fit(x, y); // E updates, state zeroed at the start (the streams wrap)
        }
        if (rest > 0) {
            net.fit(xRest, yRest);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double proc = (os.getProcessCpuTime() - proc0) / 1e9;
        if (done[0] != steps) {
            throw new IllegalStateException("expected " + steps + " parameter updates, DL4J made " + done[0]);
        }
        int tail = Math.max(1, steps / 10);
        double fin = 0;
        for (int s = steps - tail; s < steps; s++) {
            fin += losses[s];
        }
        fin /= tail;
        String omp = System.getenv("OMP_NUM_THREADS");
        return String.format(Locale.ROOT,
                "{\"impl\": \"java-dl4j\", \"cell\": \"lstm\", \"hidden\": %d, \"seq\": %d, \"batch\": %d, \"steps\": %d, "
                        + "\"chars_per_sec\": %.1f, \"first_loss\": %.4f, \"final_loss\": %.4f, \"wall_s\": %.3f, "
                        + "\"dtype\": \"float32\", \"vocab\": %d, \"lr\": %s, \"seed\": %d, \"omp_num_threads\": %s, "
                        + "\"nd4j_threads\": %d, \"java\": \"%s\", \"cpu_s\": %.3f, \"chars_per_cpu_sec\": %.1f, "
                        + "\"process_cpu_s\": %.3f, \"chars_per_process_cpu_sec\": %.1f, "
                        + "\"clip\": \"%s\", \"chunks_per_pass\": %d, \"carry_state\": %s}",
                H, T, B, steps, (double) B * T * steps / wall, losses[0], fin, wall,
                V, lr, seed, omp == null ? "null" : "\"" + omp + "\"",
                Nd4j.getEnvironment().maxMasterThreads(), System.getProperty("java.version"),
                cpu, (double) B * T * steps / cpu, proc, (double) B * T * steps / proc,
                globalClip ? "global norm " + clip + " (listener)" : "ClipL2PerLayer " + threshold + " (= " + clip + " per char)", E, carry);
    }
}
