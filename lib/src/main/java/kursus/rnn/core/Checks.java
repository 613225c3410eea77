package kursus.rnn.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks that fail with a bilingual message naming the argument, what was expected and
 * what was found, e.g.
 *
 * <pre>
 * [ID] x_t: bentuk harus [batch=4, input=3], ternyata [4, 5]
 * [EN] x_t: expected shape [batch=4, input=3], got [4, 5]
 * </pre>
 *
 * All checks throw {@link IllegalArgumentException} (via {@link Msg#badInput}).
 */
public final class Checks {
    /** Size wildcard for {@link #shape}: any size is accepted for that dimension. */
    public static final long ANY = -1;

    private Checks() {}

    /** Fails unless {@code o} is non-null. */
    public static <T> T notNull(String arg, T o) {
        if (o == null) {
            throw Msg.badInput(arg + ": tidak boleh null", arg + ": must not be null");
        }
        return o;
    }

    /**
     * Checks the rank and every size of {@code x}.
     *
     * @param arg name of the argument as the caller wrote it, e.g. {@code "x_t"}
     * @param dims comma-separated names of the dimensions, e.g. {@code "batch,input"}
     * @param sizes expected sizes, one per dimension; {@link #ANY} accepts any size
     */
    public static INDArray shape(String arg, INDArray x, String dims, long... sizes) {
        notNull(arg, x);
        String[] names = dims.split(",");
        if (names.length != sizes.length) {
            throw new IllegalArgumentException("Checks.shape: " + names.length + " names, " + sizes.length + " sizes");
        }
        long[] got = x.shape();
        boolean ok = got.length == sizes.length;
        for (int d = 0; ok && d < sizes.length; d++) {
            ok = sizes[d] == ANY || sizes[d] == got[d];
        }
        if (!ok) {
            String expected = describe(names, sizes);
            String actual = Arrays.toString(got);
            String rankId = got.length != sizes.length
                    ? " (rank harus " + sizes.length + ", ternyata " + got.length + ")" : "";
            String rankEn = got.length != sizes.length
                    ? " (expected rank " + sizes.length + ", got " + got.length + ")" : "";
            throw Msg.badInput(
                    arg + ": bentuk harus " + expected + ", ternyata " + actual + rankId,
                    arg + ": expected shape " + expected + ", got " + actual + rankEn);
        }
        return x;
    }

    /** {@code [batch=4, input=3]}; a wildcard size prints as the bare name. */
    public static String describe(String[] names, long[] sizes) {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < names.length; d++) {
            if (d > 0) {
                sb.append(", ");
            }
            sb.append(names[d].trim());
            if (sizes[d] != ANY) {
                sb.append('=').append(sizes[d]);
            }
        }
        return sb.append(']').toString();
    }

    /** Fails if {@code x} contains NaN or ±Infinity; the message gives the first bad index. */
    public static INDArray finite(String arg, INDArray x) {
        notNull(arg, x);
        if (x.isEmpty() || !x.dataType().isFPType()) {
            return x;
        }
        // One pass answers the common case (v·0 is 0 for every finite v, NaN otherwise); the slow scan
        // runs only to name the bad entry. FLOAT/DOUBLE contiguous arrays are read in bulk (no ND4J op).
        if (Flat.isContiguous(x) && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE)) {
            double probe = 0;
            if (x.dataType() == DataType.FLOAT) {
                for (float v : F32.of(x).toArray()) {
                    probe += v * 0f;
                }
            } else {
                Flat f = Flat.of(x);
                double[] v = new double[f.length];
                f.copyTo(v);
                for (double d : v) {
                    probe += d * 0.0;
                }
            }
            if (probe == 0) {
                return x;
            }
        } else if (Double.isFinite(x.sumNumber().doubleValue())) {
            return x;
        }
        long n = x.length();
        INDArray flat = x.reshape(x.ordering(), new long[] {n});
        for (long i = 0; i < n; i++) {
            double v = flat.getDouble(i);
            if (!Double.isFinite(v)) {
                String where = Arrays.toString(unravel(i, x.shape()));
                String what = Double.isNaN(v) ? "NaN" : (v > 0 ? "+Inf" : "-Inf");
                throw Msg.badInput(
                        arg + ": semua nilai harus berhingga, ternyata " + what + " pada indeks " + where
                                + " (bentuk " + Arrays.toString(x.shape()) + "); periksa data atau laju belajar",
                        arg + ": expected finite values, got " + what + " at index " + where
                                + " (shape " + Arrays.toString(x.shape()) + "); check the data or the learning rate");
            }
        }
        return x; // the sum overflowed although every entry is finite
    }

    /** Fails unless {@code value > 0}. */
    public static int positive(String arg, long value) {
        if (value <= 0) {
            throw Msg.badInput(arg + ": harus > 0, ternyata " + value, arg + ": expected > 0, got " + value);
        }
        return (int) value;
    }

    /** Fails unless {@code value > 0} and finite. */
    public static double positive(String arg, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw Msg.badInput(arg + ": harus > 0, ternyata " + value, arg + ": expected > 0, got " + value);
        }
        return value;
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static double inRange(String arg, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw Msg.badInput(
                    arg + ": harus di [" + lo + ", " + hi + "], ternyata " + value,
                    arg + ": expected a value in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Fails unless {@code 0 <= index < size}. */
    public static int index(String arg, long index, long size) {
        if (index < 0 || index >= size) {
            throw Msg.badInput(
                    arg + ": indeks harus di 0.." + (size - 1) + ", ternyata " + index,
                    arg + ": expected an index in 0.." + (size - 1) + ", got " + index);
        }
        return (int) index;
    }

    /** Fails unless the sequence length {@code T >= 1}; {@code shape} is printed for context. */
    public static void nonEmptySequence(String arg, long T, long[] shape) {
        if (T < 1) {
            throw Msg.badInput(
                    arg + ": panjang urutan T harus >= 1, ternyata " + T + " (bentuk " + Arrays.toString(shape) + ")",
                    arg + ": expected sequence length T >= 1, got " + T + " (shape " + Arrays.toString(shape) + ")");
        }
    }

    /** Fails unless the batch size {@code B >= 1}; {@code shape} is printed for context. */
    public static int nonEmptyBatch(String arg, long B, long[] shape) {
        if (B < 1) {
            throw Msg.badInput(
                    arg + ": ukuran batch harus >= 1, ternyata " + B + " (bentuk " + Arrays.toString(shape) + ")",
                    arg + ": expected batch size >= 1, got " + B + " (shape " + Arrays.toString(shape) + ")");
        }
        return (int) B;
    }

    /**
     * Checks a padding mask: shape {@code [time=T, batch=B]}, every entry 0 or 1.
     *
     * @return the mask (unchanged)
     */
    public static INDArray mask(String arg, INDArray mask, long T, long B) {
        shape(arg, mask, "time,batch", T, B);
        Flat m = Flat.of(mask.dataType().isFPType() && Flat.isContiguous(mask) ? mask : mask.castTo(DataType.DOUBLE).dup('c'));
        for (int i = 0; i < m.length; i++) {
            double v = m.get(i);
            if (v != 0.0 && v != 1.0) {
                String where = Arrays.toString(unravel(i, mask.shape()));
                throw Msg.badInput(
                        arg + ": nilai mask harus 0 atau 1, ternyata " + v + " pada indeks " + where,
                        arg + ": expected mask values 0 or 1, got " + v + " at index " + where);
            }
        }
        return mask;
    }

    /** Fails unless {@code x} is FLOAT or DOUBLE. */
    public static INDArray floating(String arg, INDArray x) {
        notNull(arg, x);
        DataType dt = x.dataType();
        if (dt != DataType.FLOAT && dt != DataType.DOUBLE) {
            throw Msg.badInput(
                    arg + ": tipe data harus FLOAT atau DOUBLE, ternyata " + dt,
                    arg + ": expected data type FLOAT or DOUBLE, got " + dt);
        }
        return x;
    }

    /** Fails unless {@code dt} is FLOAT or DOUBLE (the two types the library computes in). */
    public static DataType floating(String arg, DataType dt) {
        if (dt != DataType.FLOAT && dt != DataType.DOUBLE) {
            throw Msg.badInput(
                    arg + ": tipe data harus FLOAT (latihan) atau DOUBLE (pemeriksaan), ternyata " + dt,
                    arg + ": expected data type FLOAT (training) or DOUBLE (checks), got " + dt);
        }
        return dt;
    }

    /** Multi-index of the C-order linear index {@code i}. */
    public static long[] unravel(long i, long[] shape) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            long s = Math.max(shape[d], 1);
            idx[d] = i % s;
            i /= s;
        }
        return idx;
    }
}
