package kursus.rnn.random;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Micro-benchmark (not a test): how fast {@link NumpyRandom#randn()} draws.
 *
 * <p>Run after {@code mvn -pl lib test-compile}:
 * {@code java -cp lib/target/classes:lib/target/test-classes:<deps> kursus.rnn.random.NumpyRandomBenchmark}.
 * Compare with NumPy: {@code python3 -m timeit -s "import numpy as np; np.random.seed(0)" "np.random.randn(10**6)"}.
 */
public final class NumpyRandomBenchmark {
    private NumpyRandomBenchmark() {}

    public static void main(String[] args) {
        int n = 1_000_000;
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        NumpyRandom rng = new NumpyRandom(0);
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += rng.randn();
            }
            long t1 = System.nanoTime();
            sink += rng.randn(1000, 1000).getDouble(0);
            long t2 = System.nanoTime();
            sink += rng.randn(DataType.FLOAT, 1000, 1000).getDouble(0);
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += rng.rand();
            }
            long t4 = System.nanoTime();
            System.out.printf("round %d: randn() %.1f M/s | randn(1000,1000) DOUBLE %.1f ms | FLOAT %.1f ms | rand() %.1f M/s%n",
                    r, n / ((t1 - t0) / 1e3), (t2 - t1) / 1e6, (t3 - t2) / 1e6, n / ((t4 - t3) / 1e3));
        }
        System.out.println("(checksum " + sink + ")");
    }
}
