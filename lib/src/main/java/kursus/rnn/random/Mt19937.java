package kursus.rnn.random;

/**
 * The Mersenne Twister MT19937 exactly as NumPy's legacy {@code RandomState} uses it
 * ({@code numpy/random/src/mt19937}), which is Matsumoto &amp; Nishimura's reference generator.
 *
 * <p>Package-private: students and helpers use {@link NumpyRandom}. Java has no unsigned 32-bit
 * type, so a draw is returned as an {@code int} holding the 32 bits; callers that need its unsigned
 * value use {@code Integer.toUnsignedLong}.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] key = new int[N];
    private int pos;

    /** {@code init_genrand}: what {@code np.random.seed(s)} does for an integer {@code 0 <= s < 2^32}. */
    void seed(long seed) {
        int s = (int) seed; // the low 32 bits, as numpy's "seed &= 0xffffffff"
        for (int i = 0; i < N; i++) {
            key[i] = s;
            // int arithmetic wraps modulo 2^32, exactly like the C uint32 expression.
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** Refills the whole state block (the "twist"). */
    private void generate() {
        int y;
        int i = 0;
        for (; i < N - M; i++) {
            y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i < N - 1; i++) {
            y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
        key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /** One tempered 32-bit draw ({@code mt19937_next32}); the 32 bits are unsigned in numpy. */
    int nextInt32() {
        if (pos == N) {
            generate();
        }
        int y = key[pos++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    /** {@code mt19937_next64}: the first draw is the high word, the second the low word. */
    long nextLong64() {
        long hi = Integer.toUnsignedLong(nextInt32());
        long lo = Integer.toUnsignedLong(nextInt32());
        return (hi << 32) | lo;
    }

    /** {@code mt19937_next_double}: 53 random bits from two draws, uniform on [0, 1). */
    double nextDouble() {
        int a = nextInt32() >>> 5;  // 27 bits
        int b = nextInt32() >>> 6;  // 26 bits
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
