package kursus.rnn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kursus.rnn.core.Params;
import kursus.rnn.nn.CellKind;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.optim.Adam;
import kursus.rnn.optim.GradClip;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Benchmark (not a test): character-level language model training steps with the library's
 * {@link CharLanguageModel}, the same model and procedure as the numpy/PyTorch peers in
 * {@code lib/bench/peers/} (numpy and PyTorch; {@code lib/bench/run.sh} runs them side by side):
 *
 * <ul>
 *   <li>corpus {@code /usr/share/common-licenses/GPL-3}, vocabulary = sorted set of its characters;
 *   <li>the corpus is cut into B contiguous streams; each step trains on the next T characters of
 *       every stream (truncated BPTT: the state is carried between chunks, detached, and zeroed when
 *       the streams wrap around);
 *   <li>one-hot inputs, weights U(−1/√H, 1/√H), biases 0 (LSTM forget bias 1), float32, fused gate
 *       products, softmax cross-entropy (mean nats per char), clip by global norm 5, Adam lr 0.003
 *       with PyTorch's update.
 * </ul>
 *
 * Prints one JSON line with the peers' keys: {@code chars_per_sec = B·T·steps / wall_s}, where
 * {@code wall_s} is the training loop alone (no JVM start, no corpus loading; the JIT warm-up is
 * inside the loop, as the peers' first steps are); {@code final_loss} = mean loss over the last
 * 10 % of the steps. {@code cpu_s}: CPU time of the training thread over the same loop (with
 * {@code OMP_NUM_THREADS=1} every operation runs on it; JIT and GC threads are not counted), a
 * measure that depends less on other load of a shared machine; {@code chars_per_cpu_sec} from it.
 * {@code process_cpu_s}: CPU time of the whole JVM over the loop (adds JIT compiler, GC and
 * ND4J/JavaCPP deallocator threads); {@code chars_per_process_cpu_sec} from it. With
 * {@code --warm-steps N} the same model then trains N more steps in the same JVM, measured alone
 * ({@code warm_chars_per_process_cpu_sec}): what a re-run notebook cell sees once the JIT has
 * compiled the training code (the timed loop and {@code final_loss} above are unchanged).
 *
 * <pre>
 * mvn -B -ntp -o -q -pl lib test-compile
 * mvn -B -ntp -o -q -pl lib dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * OMP_NUM_THREADS=1 java -cp lib/target/classes:lib/target/test-classes:$(cat /tmp/cp.txt) \
 *     kursus.rnn.bench.CharLstmBench --hidden 128 --seq 32 --batch 32 --steps 600 --seed 0 [--cell lstm|gru|rnn]
 * </pre>
 */
public final class CharLstmBench {
    private CharLstmBench() {}

    /** CPU seconds of every thread of this process (JIT compiler and GC threads included), from /proc, to stderr. */
    private static void printThreadCpu() throws IOException {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(t.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9#]+$", "").trim();
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double sec = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, clock ticks
                byName.merge(name, sec, Double::sum);
            }
        }
        byName.forEach((k, v) -> { if (v > 0) System.err.printf(Locale.ROOT, "thread %-24s %.2f s%n", k, v); });
    }

    public static void main(String[] args) throws IOException {
        String corpus = "/usr/share/common-licenses/GPL-3";
        String cellName = "lstm";
        int hidden = 128, seq = 32, batch = 32, steps = 100, warmSteps = 0;
        double lr = 0.003;
        long seed = 0;
        for (int i = 0; i < args.length; i += 2) {
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
                case "--warm-steps" -> warmSteps = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // data: sorted character set (code points, as Python's sorted(set(text))), no special tokens
        String text = Files.readString(Path.of(corpus), StandardCharsets.UTF_8);
        Vocabulary vocab = Vocabulary.ofChars(text);
        int[] data = vocab.encode(text);
        int V = vocab.size();
        final int B = batch, T = seq;
        int length = data.length / B;
        if (length < T + 1) {
            throw new IllegalArgumentException("corpus too short for batch*seq");
        }

        CellKind kind = CellKind.parse(cellName);
        NumpyRandom rng = new NumpyRandom(seed);
        RecurrentCell cell = kind.create(V, hidden, DataType.FLOAT, Init.uniform(rng));
        Dense out = new Dense(hidden, V, DataType.FLOAT, Init.uniform(rng));
        CharLanguageModel lm = new CharLanguageModel(cell, out);
        Params params = lm.params();
        Adam adam = new Adam(lr);

        double[] losses = new double[steps + warmSteps];
        int[][] xs = new int[T][B], ys = new int[T][B];
        int[] pos = {0};
        java.util.function.IntConsumer train = s -> {
            if (pos[0] + T + 1 > length) {
                pos[0] = 0;
                lm.resetState();
            }
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    xs[t][b] = data[b * length + pos[0] + t];
                    ys[t][b] = data[b * length + pos[0] + t + 1];
                }
            }
            pos[0] += T;
            losses[s] = lm.forwardBackward(xs, ys);
            GradClip.clipByGlobalNorm(params, 5.0);
            adam.step(params);
        };
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long proc0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            train.accept(s);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double proc = (os.getProcessCpuTime() - proc0) / 1e9;
        // optional: the same model trained on for warmSteps more steps in the same JVM, as a re-run
        // notebook cell does (JIT compilation is done by then): whole-process CPU of those steps alone
        long proc1 = os.getProcessCpuTime();
        for (int s = steps; s < steps + warmSteps; s++) {
            train.accept(s);
        }
        double warmProc = (os.getProcessCpuTime() - proc1) / 1e9;
        int tail = Math.max(1, steps / 10);
        double fin = 0;
        for (int s = steps - tail; s < steps; s++) {
            fin += losses[s];
        }
        fin /= tail;
        if (System.getenv("BENCH_THREADS") != null) {
            printThreadCpu();
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        System.out.println(String.format(Locale.ROOT,
                "{\"impl\": \"java-nd4j\", \"cell\": \"%s\", \"hidden\": %d, \"seq\": %d, \"batch\": %d, \"steps\": %d, "
                        + "\"chars_per_sec\": %.1f, \"first_loss\": %.4f, \"final_loss\": %.4f, \"wall_s\": %.3f, "
                        + "\"dtype\": \"float32\", \"vocab\": %d, \"lr\": %s, \"seed\": %d, \"omp_num_threads\": %s, "
                        + "\"nd4j_threads\": %d, \"java\": \"%s\", \"cpu_s\": %.3f, \"chars_per_cpu_sec\": %.1f, "
                        + "\"process_cpu_s\": %.3f, \"chars_per_process_cpu_sec\": %.1f, "
                        + "\"warm_steps\": %d, \"warm_chars_per_process_cpu_sec\": %.1f}",
                kind.name().toLowerCase(Locale.ROOT), hidden, T, B, steps, (double) B * T * steps / wall, losses[0], fin, wall,
                V, lr, seed, omp == null ? "null" : "\"" + omp + "\"",
                Nd4j.getEnvironment().maxMasterThreads(), System.getProperty("java.version"),
                cpu, (double) B * T * steps / cpu, proc, (double) B * T * steps / proc,
                warmSteps, warmSteps == 0 ? 0.0 : (double) B * T * warmSteps / warmProc));
    }
}
