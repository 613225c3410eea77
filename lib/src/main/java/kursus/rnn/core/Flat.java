package kursus.rnn.core;

import java.lang.ref.Reference;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to the memory of a contiguous, C-order {@link INDArray}, as if it were a flat
 * Java array: element {@code [i, j]} of a {@code [rows, cols]} array is {@code get(i * cols + j)}.
 *
 * <p>Why: every ND4J call costs 2–35 µs of fixed overhead, whatever the array size
 * (measured on ND4J 1.0.0-M2.1, warm JIT: ≈ 2 µs for an in-place transform, 10–15 µs for a
 * pairwise or broadcast op, 25–35 µs for a product that allocates its result). An LSTM step written as ~25 separate element-wise ND4J calls spends
 * most of its time in that overhead. The library therefore writes element-wise rules (gate
 * non-linearities and their derivatives, losses, optimiser updates) as plain loops over a
 * {@code Flat} view, and uses ND4J for what it is good at: matrix products. Reads and writes go
 * straight to the array's memory (no copy), in double precision whatever the storage type.
 *
 * <p>The view keeps its array alive: ND4J frees an array's native memory when the Java object is
 * garbage collected, and a NIO buffer over that memory does not hold the array. A view that only
 * kept the buffer read freed memory (seen as infinite gradient norms under {@code -Xmx512m}), so every
 * access fences the owning array.
 *
 * <p>Only FLOAT and DOUBLE arrays that are contiguous in C order (including contiguous views such
 * as {@code x.slice(t)} or a block of whole rows) are accepted.
 */
public abstract sealed class Flat permits Flat.F32, Flat.F64 {
    /** Number of elements. */
    public final int length;
    /** The array whose memory this view reads; kept reachable while the view is used. */
    final INDArray owner;

    private Flat(INDArray owner, int length) {
        this.owner = owner;
        this.length = length;
    }

    /** A flat view of {@code a}; throws if {@code a} is not a contiguous C-order FLOAT/DOUBLE array. */
    public static Flat of(INDArray a) {
        if (!isContiguous(a)) {
            throw Msg.badState(
                    "array harus bersebelahan di memori (urutan C); salin dulu dengan x.dup('c')",
                    "array must be contiguous in memory (C order); copy it first with x.dup('c')");
        }
        long n = a.length();
        if (n > Integer.MAX_VALUE) {
            throw Msg.badInput("array terlalu besar: " + n + " elemen", "array too large: " + n + " elements");
        }
        int offset = (int) a.offset();
        DataType dt = a.dataType();
        if (dt == DataType.FLOAT) {
            return new F32(a, floatBuffer(a), offset, (int) n);
        } else if (dt == DataType.DOUBLE) {
            return new F64(a, doubleBuffer(a), offset, (int) n);
        }
        throw Msg.badInput(
                "tipe data harus FLOAT atau DOUBLE, ternyata " + dt,
                "data type must be FLOAT or DOUBLE, got " + dt);
    }

    /**
     * The whole memory of a FLOAT array's buffer, native byte order; element {@code i} of {@code a} is at
     * {@code a.offset() + i} when {@code a} is contiguous. The buffer does not keep {@code a} alive.
     */
    static FloatBuffer floatBuffer(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** As {@link #floatBuffer}, for DOUBLE arrays. */
    static DoubleBuffer doubleBuffer(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** True when {@code a} occupies one contiguous block in C order (so {@link #of} accepts it). */
    public static boolean isContiguous(INDArray a) {
        if (a.isEmpty()) {
            return true;
        }
        if (a.length() == 1) {
            return true;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Element {@code i} (C order), widened to double. */
    public abstract double get(int i);

    /** Sets element {@code i} (rounded to float for FLOAT arrays). */
    public abstract void set(int i, double v);

    /** Adds {@code v} to element {@code i}. */
    public abstract void add(int i, double v);

    /** Copies all elements into a new double array. */
    public double[] toArray() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Copies all elements into {@code dst} (length at least {@link #length}), widened to double; one bulk read. */
    public abstract void copyTo(double[] dst);

    /** Writes {@code src[0..length)} into the elements (rounded to float for FLOAT arrays); one bulk write. */
    public abstract void copyFrom(double[] src);

    /** Sets every element to {@code v}. */
    public void fill(double v) {
        for (int i = 0; i < length; i++) {
            set(i, v);
        }
    }

    /** FLOAT storage. */
    static final class F32 extends Flat {
        private final FloatBuffer b;
        private final int off;

        F32(INDArray owner, FloatBuffer b, int off, int n) {
            super(owner, n);
            if (off + n > b.capacity()) {
                throw new IllegalStateException("Flat: view outside its buffer");
            }
            this.b = b;
            this.off = off;
        }

        @Override
        public double get(int i) {
            double v = b.get(off + i);
            Reference.reachabilityFence(owner);
            return v;
        }

        @Override
        public void set(int i, double v) {
            b.put(off + i, (float) v);
            Reference.reachabilityFence(owner);
        }

        @Override
        public void add(int i, double v) {
            int k = off + i;
            b.put(k, (float) (b.get(k) + v));
            Reference.reachabilityFence(owner);
        }

        @Override
        public void copyTo(double[] dst) {
            float[] tmp = new float[length];
            b.get(off, tmp);
            Reference.reachabilityFence(owner);
            for (int i = 0; i < length; i++) {
                dst[i] = tmp[i];
            }
        }

        @Override
        public void copyFrom(double[] src) {
            float[] tmp = new float[length];
            for (int i = 0; i < length; i++) {
                tmp[i] = (float) src[i];
            }
            b.put(off, tmp);
            Reference.reachabilityFence(owner);
        }
    }

    /** DOUBLE storage. */
    static final class F64 extends Flat {
        private final DoubleBuffer b;
        private final int off;

        F64(INDArray owner, DoubleBuffer b, int off, int n) {
            super(owner, n);
            if (off + n > b.capacity()) {
                throw new IllegalStateException("Flat: view outside its buffer");
            }
            this.b = b;
            this.off = off;
        }

        @Override
        public double get(int i) {
            double v = b.get(off + i);
            Reference.reachabilityFence(owner);
            return v;
        }

        @Override
        public void set(int i, double v) {
            b.put(off + i, v);
            Reference.reachabilityFence(owner);
        }

        @Override
        public void add(int i, double v) {
            int k = off + i;
            b.put(k, b.get(k) + v);
            Reference.reachabilityFence(owner);
        }

        @Override
        public void copyTo(double[] dst) {
            b.get(off, dst, 0, length);
            Reference.reachabilityFence(owner);
        }

        @Override
        public void copyFrom(double[] src) {
            b.put(off, src, 0, length);
            Reference.reachabilityFence(owner);
        }
    }
}
