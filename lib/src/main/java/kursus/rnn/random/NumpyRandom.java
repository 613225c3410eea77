package kursus.rnn.random;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A random number generator that gives, bit for bit, the numbers NumPy's legacy
 * {@code np.random} functions ({@code RandomState}, NumPy 1.24) give after {@code np.random.seed(s)}.
 *
 * <p><b>Why.</b> Much RNN teaching material is written in Python with NumPy, and it prints its
 * outputs after {@code np.random.seed(1)}. A lecturer who ports such material to Java wants the
 * students to see <i>the same numbers</i>, so that a Java cell can be checked against the printed
 * Python output digit by digit. {@code java.util.Random} and ND4J's own generator cannot do that.
 * This class is also the library's single source of randomness: every initialiser, shuffle and
 * sampler is seeded through it, never through {@code java.util.Random}, so a notebook run twice
 * prints the same numbers.
 *
 * <p><b>NumPy to Java.</b>
 * <pre>
 * np.random.seed(1)                         rng = new NumpyRandom(1)   (or rng.seed(1))
 * np.random.rand()  / random_sample()       rng.rand()
 * np.random.rand(3, 10)                     rng.rand(3, 10)            INDArray DOUBLE [3, 10]
 * np.random.randn(5, 10)                    rng.randn(5, 10)
 * np.random.randn(5, 10).astype(np.float32) rng.randn(DataType.FLOAT, 5, 10)
 * np.random.uniform(-1, 1, size=(2, 3))     rng.uniform(-1, 1, 2, 3)
 * np.random.normal(0, 0.01, size=(4, 4))    rng.normal(0, 0.01, 4, 4)
 * np.random.randint(0, 100)                 rng.randint(0, 100)
 * np.random.randint(0, 100, size=20)        rng.randint(0, 100, 20)   long[]
 * np.random.choice(5)                       rng.choice(5)
 * np.random.choice(5, p=probs)              rng.choice(5, probs)       probs: double[] or INDArray
 * np.random.choice(10, 3, replace=False)    rng.choice(10, 3, false)
 * np.random.shuffle(x)                      rng.shuffle(x)             int[], double[], List, INDArray
 * np.random.permutation(10)                 rng.permutation(10)        int[]
 * </pre>
 * Arrays are filled in C (row-major) order, the same order NumPy fills them, so
 * {@code rng.randn(3, 10)} holds the same 30 numbers at the same positions as
 * {@code np.random.randn(3, 10)}. Mixing calls keeps the streams in step too: {@code randn} keeps
 * the second value of each Gaussian pair for the next call, exactly as NumPy does.
 *
 * <p><b>How.</b> The bits come from MT19937 seeded like {@code init_genrand}; doubles use 53 bits
 * from two 32-bit draws; Gaussians use NumPy's legacy polar (Marsaglia) method; bounded integers use
 * NumPy's legacy masked rejection sampling; shuffles use NumPy's Fisher–Yates with the same masked
 * draw. The polar method needs a logarithm: {@link Math#log} does not round like the C library
 * NumPy calls, so a port of glibc's {@code log} is used (see {@code GlibcLog}).
 *
 * <p><b>Limits.</b> The reference is NumPy 1.24 on Linux x86-64 with glibc, which picks its FMA
 * variant of {@code log} on every x86-64 CPU made since about 2013 (the port agreed with that
 * {@code log} on 9.2 million arguments, and the tests compare a million {@code randn} draws per
 * seed). NumPy on macOS, Windows or an x86-64 CPU without FMA uses another {@code log}, so there
 * NumPy's own {@code randn} may differ from this class, rarely, in the last bit. On a CPU without
 * FMA, {@link Math#fma} is emulated in software and {@code randn} becomes much slower. Only
 * integer seeds are supported (not {@code seed([1, 2, 3])}, not {@code get_state/set_state}), and
 * NumPy's newer {@code np.random.default_rng()} (PCG64) is a different generator altogether. An
 * instance is not thread-safe; give each thread its own.
 */
public final class NumpyRandom {
    /** Largest seed NumPy accepts: 2^32 - 1. */
    public static final long MAX_SEED = 0xFFFFFFFFL;

    private final Mt19937 mt = new Mt19937();
    /** The legacy Gaussian's cached second value ({@code has_gauss} / {@code gauss} in NumPy). */
    private boolean hasGauss;
    private double gauss;

    /** A generator in the state {@code np.random.seed(seed)} leaves NumPy in. */
    public NumpyRandom(long seed) {
        seed(seed);
    }

    /**
     * Reseeds exactly like {@code np.random.seed(seed)}: MT19937 {@code init_genrand} and the cached
     * Gaussian forgotten.
     *
     * @param seed an integer in {@code [0, 2^32 - 1]}, as NumPy requires
     */
    public void seed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw Msg.badInput(
                    "seed harus bilangan bulat dari 0 sampai 2^32 - 1 = 4294967295 (seperti np.random.seed), "
                            + "tetapi diberikan " + seed + ". Pakai seed tak-negatif, misalnya 1.",
                    "seed must be an integer from 0 to 2^32 - 1 = 4294967295 (as in np.random.seed), "
                            + "but got " + seed + ". Use a non-negative seed, e.g. 1.");
        }
        mt.seed(seed);
        hasGauss = false;
        gauss = 0.0;
    }

    // ------------------------------------------------------------------ uniform doubles

    /** {@code np.random.rand()} = {@code random_sample()}: one double uniform on [0, 1). */
    public double rand() {
        return mt.nextDouble();
    }

    /** {@code np.random.rand(d0, d1, ...)}: a DOUBLE array of that shape, uniform on [0, 1). */
    public INDArray rand(int... shape) {
        return rand(DataType.DOUBLE, shape);
    }

    /**
     * Like {@link #rand(int...)}, as DOUBLE or FLOAT; FLOAT rounds each double draw to float, as
     * {@code np.random.rand(...).astype(np.float32)} does.
     */
    public INDArray rand(DataType type, int... shape) {
        checkType("rand", type);
        double[] v = new double[size("rand", shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = mt.nextDouble();
        }
        return array(v, type, shape);
    }

    /** {@code np.random.uniform(low, high)}: {@code low + (high - low) * rand()}. */
    public double uniform(double low, double high) {
        return low + checkedRange(low, high) * mt.nextDouble();
    }

    /** {@code np.random.uniform(low, high, size=shape)} as a DOUBLE array. */
    public INDArray uniform(double low, double high, int... shape) {
        return uniform(DataType.DOUBLE, low, high, shape);
    }

    /** {@code np.random.uniform(low, high, size=shape)} as DOUBLE or FLOAT (float: rounded draws). */
    public INDArray uniform(DataType type, double low, double high, int... shape) {
        double range = checkedRange(low, high);
        checkType("uniform", type);
        double[] v = new double[size("uniform", shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = low + range * mt.nextDouble();
        }
        return array(v, type, shape);
    }

    // ------------------------------------------------------------------ Gaussians

    /**
     * {@code np.random.randn()} = {@code standard_normal()}: one standard normal draw.
     *
     * <p>NumPy's legacy polar method makes Gaussians in pairs from two uniforms; it returns one and
     * keeps the other for the next call. This is why {@code randn(3)} followed by {@code randn(3)}
     * equals {@code randn(6)}, and why a {@code rand()} between two {@code randn()} calls does not
     * shift the second Gaussian.
     */
    public double randn() {
        if (hasGauss) {
            double cached = gauss;
            hasGauss = false;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * mt.nextDouble() - 1.0;
            x2 = 2.0 * mt.nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * GlibcLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code np.random.randn(d0, d1, ...)}: a DOUBLE array of standard normal draws, C order. */
    public INDArray randn(int... shape) {
        return randn(DataType.DOUBLE, shape);
    }

    /**
     * Like {@link #randn(int...)}, as DOUBLE or FLOAT; FLOAT rounds each double draw to float, so it
     * equals {@code np.random.randn(...).astype(np.float32)}.
     */
    public INDArray randn(DataType type, int... shape) {
        checkType("randn", type);
        double[] v = new double[size("randn", shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = randn();
        }
        return array(v, type, shape);
    }

    /** {@code np.random.normal(loc, scale)}: {@code loc + scale * randn()}. */
    public double normal(double loc, double scale) {
        checkScale(scale);
        return loc + scale * randn();
    }

    /** {@code np.random.normal(loc, scale, size=shape)} as a DOUBLE array. */
    public INDArray normal(double loc, double scale, int... shape) {
        return normal(DataType.DOUBLE, loc, scale, shape);
    }

    /** {@code np.random.normal(loc, scale, size=shape)} as DOUBLE or FLOAT (float: rounded draws). */
    public INDArray normal(DataType type, double loc, double scale, int... shape) {
        checkScale(scale);
        checkType("normal", type);
        double[] v = new double[size("normal", shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = loc + scale * randn();
        }
        return array(v, type, shape);
    }

    // ------------------------------------------------------------------ integers

    /** {@code np.random.randint(high)}: an integer uniform on {@code [0, high)}. */
    public long randint(long high) {
        return randint(0, high);
    }

    /** {@code np.random.randint(low, high)}: an integer uniform on {@code [low, high)}. */
    public long randint(long low, long high) {
        long rng = checkedIntRange(low, high);
        return low + boundedUint64(rng);
    }

    /** {@code np.random.randint(low, high, size=size)}: {@code size} integers on {@code [low, high)}. */
    public long[] randint(long low, long high, int size) {
        long rng = checkedIntRange(low, high);
        long[] out = new long[checkedCount("randint", "size", size)];
        for (int i = 0; i < out.length; i++) {
            out[i] = low + boundedUint64(rng);
        }
        return out;
    }

    /**
     * NumPy's legacy {@code random_bounded_uint64} with {@code use_masked = true}: a value in
     * {@code [0, rng]} (rng read as unsigned). Ranges that fit in 32 bits use 32-bit draws, wider
     * ones 64-bit draws; a draw is masked to the smallest all-ones mask covering rng and rejected if
     * it is still above rng.
     */
    private long boundedUint64(long rng) {
        if (rng == 0) {
            return 0; // numpy draws nothing when low == high - 1
        }
        if (Long.compareUnsigned(rng, 0xFFFFFFFFL) <= 0) {
            if (rng == 0xFFFFFFFFL) {
                return Integer.toUnsignedLong(mt.nextInt32());
            }
            return maskedUint32((int) rng);
        }
        if (rng == -1L) {
            return mt.nextLong64();
        }
        long mask = mask(rng);
        long v;
        do {
            v = mt.nextLong64() & mask;
        } while (Long.compareUnsigned(v, rng) > 0);
        return v;
    }

    /** Masked rejection on 32-bit draws: uniform on {@code [0, max]}, max read as unsigned. */
    private long maskedUint32(int max) {
        long m = Integer.toUnsignedLong(max);
        long mask = mask(m);
        long v;
        do {
            v = Integer.toUnsignedLong(mt.nextInt32()) & mask;
        } while (v > m);
        return v;
    }

    /** Smallest {@code 2^k - 1} that is at least {@code max} (unsigned). */
    private static long mask(long max) {
        long m = max;
        m |= m >>> 1;
        m |= m >>> 2;
        m |= m >>> 4;
        m |= m >>> 8;
        m |= m >>> 16;
        m |= m >>> 32;
        return m;
    }

    // ------------------------------------------------------------------ choice

    /** {@code np.random.choice(n)}: one index uniform on {@code [0, n)} (same draw as randint). */
    public int choice(int n) {
        checkPopulation(n, 1);
        return (int) randint(0, n);
    }

    /**
     * {@code np.random.choice(n, p=p)}: one index drawn with probabilities {@code p} — e.g. the next
     * character sampled from a softmax output. NumPy's recipe: {@code cdf = cumsum(p)},
     * {@code cdf /= cdf[-1]}, then the first index whose cdf exceeds one {@code rand()} draw.
     *
     * @param p n non-negative probabilities summing to 1 (within {@code sqrt(2^-52)})
     */
    public int choice(int n, double[] p) {
        checkPopulation(n, 1);
        checkProbabilities(n, p, SQRT_EPS_DOUBLE);
        return searchRight(cdf(p), mt.nextDouble());
    }

    /**
     * {@code np.random.choice(n, p=p.ravel())} with {@code p} an INDArray of n probabilities (any
     * shape, read in C order — a softmax output {@code [n, 1]} or {@code [1, n]} is fine). As in
     * NumPy, a FLOAT {@code p} may be off from 1 by up to {@code sqrt(float eps)} ≈ 3.5e-4.
     */
    public int choice(int n, INDArray p) {
        if (p == null) {
            throw Msg.badInput("choice: p tidak boleh null.", "choice: p must not be null.");
        }
        checkPopulation(n, 1);
        double[] pd = p.ravel().toDoubleVector();
        double atol = SQRT_EPS_DOUBLE;
        if (p.dataType() == DataType.FLOAT) {
            atol = Math.max(atol, Math.sqrt(Math.ulp(1.0f)));
        } else if (p.dataType() == DataType.HALF) {
            atol = Math.max(atol, Math.sqrt(0x1p-10));
        }
        checkProbabilities(n, pd, atol);
        return searchRight(cdf(pd), mt.nextDouble());
    }

    /**
     * {@code np.random.choice(n, size, replace)}: {@code size} indices from {@code [0, n)}. With
     * replacement they are {@code randint(0, n, size)}; without, the first {@code size} entries of
     * {@code permutation(n)} (so the whole permutation's draws are consumed, as in NumPy).
     */
    public int[] choice(int n, int size, boolean replace) {
        return choice(n, size, replace, null);
    }

    /**
     * {@code np.random.choice(n, size, replace, p)}; {@code p} may be null (uniform).
     *
     * <p>With {@code p} and without replacement NumPy's loop is followed: draw as many uniforms as
     * indices are still missing, zero the probabilities already taken, keep each new index at its
     * first occurrence, repeat until {@code size} distinct indices are found.
     */
    public int[] choice(int n, int size, boolean replace, double[] p) {
        checkPopulation(n, size);
        if (p != null) {
            checkProbabilities(n, p, SQRT_EPS_DOUBLE);
        }
        int count = checkedCount("choice", "size", size);
        int[] out = new int[count];
        if (replace) {
            if (p != null) {
                double[] cdf = cdf(p);
                for (int i = 0; i < count; i++) {
                    out[i] = searchRight(cdf, mt.nextDouble());
                }
            } else {
                for (int i = 0; i < count; i++) {
                    out[i] = (int) randint(0, n);
                }
            }
            return out;
        }
        if (count > n) {
            throw Msg.badInput(
                    "choice: tanpa pengembalian (replace=false) size tidak boleh lebih besar dari n; size = "
                            + count + ", n = " + n + ". Kecilkan size atau pakai replace=true.",
                    "choice: without replacement (replace=false) size cannot exceed n; size = "
                            + count + ", n = " + n + ". Lower size or use replace=true.");
        }
        if (p == null) {
            int[] perm = permutation(n);
            System.arraycopy(perm, 0, out, 0, count);
            return out;
        }
        int nonZero = 0;
        for (double v : p) {
            if (v > 0) {
                nonZero++;
            }
        }
        if (nonZero < count) {
            throw Msg.badInput(
                    "choice: tanpa pengembalian dibutuhkan minimal size = " + count
                            + " peluang positif di p, tetapi hanya ada " + nonZero + ".",
                    "choice: without replacement p needs at least size = " + count
                            + " positive probabilities, but has only " + nonZero + ".");
        }
        double[] q = p.clone();
        int found = 0;
        while (found < count) {
            double[] x = new double[count - found];
            for (int i = 0; i < x.length; i++) {
                x[i] = mt.nextDouble();
            }
            for (int i = 0; i < found; i++) {
                q[out[i]] = 0.0;
            }
            double[] cdf = cdf(q);
            // np.unique(new, return_index=True), indices sorted: each new index at its first occurrence.
            boolean[] seen = new boolean[n];
            int added = 0;
            for (double u : x) {
                int idx = searchRight(cdf, u);
                if (!seen[idx]) {
                    seen[idx] = true;
                    out[found + added++] = idx;
                }
            }
            found += added;
        }
        return out;
    }

    /** {@code np.random.choice(items)}: one element, the same draw as {@link #choice(int)}. */
    public <T> T choice(List<T> items) {
        return items.get(choice(items.size()));
    }

    /** {@code np.random.choice(items, p=p)}: one element with probabilities {@code p}. */
    public <T> T choice(List<T> items, double[] p) {
        return items.get(choice(items.size(), p));
    }

    // ------------------------------------------------------------------ shuffle / permutation

    /** {@code np.random.shuffle(a)} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = randomInterval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code np.random.shuffle(a)} in place. */
    public void shuffle(double[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = randomInterval(i);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * {@code np.random.shuffle(list)} in place (NumPy's untyped path: the same swaps). Works on
     * {@code Arrays.asList(array)}, which shuffles the array behind it.
     */
    public void shuffle(List<?> list) {
        shuffleList(list);
    }

    private <T> void shuffleList(List<T> list) {
        if (list instanceof RandomAccess) {
            for (int i = list.size() - 1; i > 0; i--) {
                Collections.swap(list, i, randomInterval(i));
            }
            return;
        }
        List<T> copy = new ArrayList<>(list);
        shuffleList(copy);
        ListIterator<T> it = list.listIterator();
        for (T item : copy) {
            it.next();
            it.set(item);
        }
    }

    /**
     * {@code np.random.shuffle(x)} in place along the first axis: for a matrix the rows are
     * shuffled, each row kept intact (so shuffle the examples of a dataset, not their features).
     * Views work too; the array is changed where it lives. As in NumPy, a {@code [1, n]} row vector
     * has a single row and stays as it is: pass a rank-1 array to shuffle its n entries.
     */
    public void shuffle(INDArray x) {
        if (x == null || x.rank() == 0) {
            throw Msg.badInput(
                    "shuffle: x harus array berdimensi minimal 1 (diacak sepanjang sumbu 0), tetapi "
                            + (x == null ? "null" : "skalar (rank 0)") + ".",
                    "shuffle: x must be an array with at least 1 dimension (shuffled along axis 0), but got "
                            + (x == null ? "null" : "a scalar (rank 0)") + ".");
        }
        if (x.isEmpty()) {
            return;
        }
        int n = (int) x.size(0);
        int[] perm = permutation(n);
        // Same swaps applied to the row indices: after them, row k must hold the old row perm[k].
        INDArray old = x.dup();
        for (int k = 0; k < n; k++) {
            if (perm[k] != k) {
                x.slice(k).assign(old.slice(perm[k]));
            }
        }
    }

    /** {@code np.random.permutation(n)}: {@code 0..n-1} shuffled. */
    public int[] permutation(int n) {
        int[] a = new int[checkedCount("permutation", "n", n)];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        shuffle(a);
        return a;
    }

    /** {@code np.random.permutation(x)}: a shuffled copy of x along axis 0; x is left unchanged. */
    public INDArray permutation(INDArray x) {
        if (x == null) {
            throw Msg.badInput("permutation: x tidak boleh null.", "permutation: x must not be null.");
        }
        INDArray copy = x.dup('c');
        shuffle(copy);
        return copy;
    }

    /** NumPy's {@code random_interval(max)}: uniform on {@code [0, max]} by masked 32-bit draws. */
    private int randomInterval(int max) {
        if (max == 0) {
            return 0;
        }
        return (int) maskedUint32(max);
    }

    // ------------------------------------------------------------------ helpers

    /** {@code np.sqrt(np.finfo(np.float64).eps)}: NumPy's tolerance for {@code sum(p) == 1}. */
    private static final double SQRT_EPS_DOUBLE = Math.sqrt(Math.ulp(1.0));

    /** {@code cumsum(p) / cumsum(p)[-1]} with sequential sums, as NumPy computes it. */
    private static double[] cdf(double[] p) {
        double[] c = new double[p.length];
        double s = 0.0;
        for (int i = 0; i < p.length; i++) {
            s += p[i];
            c[i] = s;
        }
        double last = c[c.length - 1];
        for (int i = 0; i < c.length; i++) {
            c[i] /= last;
        }
        return c;
    }

    /** {@code searchsorted(cdf, u, side='right')}: the number of entries {@code <= u}. */
    private static int searchRight(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** NumPy's {@code kahan_sum}, used only to validate p exactly as NumPy does. */
    private static double kahanSum(double[] a) {
        if (a.length == 0) {
            return 0.0;
        }
        double sum = a[0];
        double c = 0.0;
        for (int i = 1; i < a.length; i++) {
            double y = a[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    private static void checkProbabilities(int n, double[] p, double atol) {
        if (p == null) {
            throw Msg.badInput("choice: p tidak boleh null.", "choice: p must not be null.");
        }
        if (p.length != n) {
            throw Msg.badInput(
                    "choice: p harus berisi satu peluang per pilihan, yaitu n = " + n
                            + " nilai, tetapi berisi " + p.length + ".",
                    "choice: p must hold one probability per choice, i.e. n = " + n
                            + " values, but holds " + p.length + ".");
        }
        double sum = kahanSum(p);
        if (Double.isNaN(sum)) {
            throw Msg.badInput("choice: p berisi NaN. Periksa softmax/normalisasi sebelum sampling.",
                    "choice: p contains NaN. Check the softmax/normalisation before sampling.");
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0) {
                throw Msg.badInput(
                        "choice: peluang tidak boleh negatif, tetapi p[" + i + "] = " + p[i] + ".",
                        "choice: probabilities must be non-negative, but p[" + i + "] = " + p[i] + ".");
            }
        }
        if (Math.abs(sum - 1.0) > atol) {
            throw Msg.badInput(
                    "choice: jumlah p harus 1 (toleransi " + atol + "), tetapi " + sum
                            + ". Bagi p dengan jumlahnya dulu.",
                    "choice: p must sum to 1 (tolerance " + atol + "), but sums to " + sum
                            + ". Divide p by its sum first.");
        }
    }

    private static void checkPopulation(int n, int size) {
        if (n <= 0 && size != 0) {
            throw Msg.badInput(
                    "choice: n (banyaknya pilihan) harus lebih dari 0, tetapi n = " + n + ".",
                    "choice: n (the number of choices) must be greater than 0, but n = " + n + ".");
        }
    }

    private static long checkedIntRange(long low, long high) {
        if (low >= high) {
            throw Msg.badInput(
                    "randint: harus low < high (high tidak ikut), tetapi low = " + low + ", high = " + high
                            + ". Untuk 0..9 pakai randint(0, 10).",
                    "randint: needs low < high (high is excluded), but low = " + low + ", high = " + high
                            + ". For 0..9 use randint(0, 10).");
        }
        return high - 1 - low; // the closed range [0, rng], exact as an unsigned 64-bit value
    }

    private static double checkedRange(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw Msg.badInput(
                    "uniform: high - low harus berhingga, tetapi low = " + low + ", high = " + high + ".",
                    "uniform: high - low must be finite, but low = " + low + ", high = " + high + ".");
        }
        return range;
    }

    private static void checkScale(double scale) {
        if (!(scale >= 0)) {
            throw Msg.badInput(
                    "normal: scale (simpangan baku) harus >= 0, tetapi scale = " + scale + ".",
                    "normal: scale (the standard deviation) must be >= 0, but scale = " + scale + ".");
        }
    }

    private static int checkedCount(String method, String name, int count) {
        if (count < 0) {
            throw Msg.badInput(
                    method + ": " + name + " tidak boleh negatif, tetapi " + name + " = " + count + ".",
                    method + ": " + name + " must not be negative, but " + name + " = " + count + ".");
        }
        return count;
    }

    /** Number of elements of {@code shape}, checked: no negative dimension, fits in a Java array. */
    private static int size(String method, int[] shape) {
        if (shape == null) {
            throw Msg.badInput(method + ": shape tidak boleh null.", method + ": shape must not be null.");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw Msg.badInput(
                        method + ": ukuran dimensi tidak boleh negatif, tetapi shape = " + Arrays.toString(shape) + ".",
                        method + ": dimensions must not be negative, but shape = " + Arrays.toString(shape) + ".");
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw Msg.badInput(
                        method + ": shape " + Arrays.toString(shape) + " terlalu besar (lebih dari 2^31 elemen).",
                        method + ": shape " + Arrays.toString(shape) + " is too large (more than 2^31 elements).");
            }
        }
        return (int) n;
    }

    private static void checkType(String method, DataType type) {
        if (type != DataType.DOUBLE && type != DataType.FLOAT) {
            throw Msg.badInput(
                    method + ": tipe data harus DOUBLE atau FLOAT, tetapi " + type + ".",
                    method + ": the data type must be DOUBLE or FLOAT, but got " + type + ".");
        }
    }

    /** Wraps the draws (C order) into an INDArray of the requested floating type. */
    private static INDArray array(double[] v, DataType type, int[] shape) {
        long[] s = Arrays.stream(shape).asLongStream().toArray();
        if (type == DataType.DOUBLE) {
            return v.length == 0 ? Nd4j.create(DataType.DOUBLE, s) : Nd4j.create(v, s, DataType.DOUBLE);
        }
        if (type == DataType.FLOAT) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i]; // round to nearest, like numpy's astype(np.float32)
            }
            return f.length == 0 ? Nd4j.create(DataType.FLOAT, s) : Nd4j.create(f, s, DataType.FLOAT);
        }
        throw new AssertionError(type); // unreachable: checkType ran first
    }
}
