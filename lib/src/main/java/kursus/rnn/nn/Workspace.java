package kursus.rnn.nn;

import kursus.rnn.core.F32;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The large arrays of a built-in cell's float32 forward pass ({@code T·B·4H} gate values, the
 * states, ...), kept for the next pass once a training step has consumed them
 * ({@link SequenceCache#recycle()}), so that a training loop allocates (and the JVM zeroes and
 * collects) nothing of that size per step. Measured on an LSTM (128, 32, 32): the fresh arrays were
 * about 8 MB per step, which cost zeroing, cache misses and, being larger than half a G1 region,
 * a garbage collection every few steps.
 *
 * <p>One array per slot is kept. What {@link #floats}/{@link #rows} return is NOT zeroed when it
 * comes from the pool: the caller writes every element it later reads.
 */
final class Workspace {
    private final float[][] heap;
    private final INDArray[] offHeap;

    Workspace(int slots) {
        heap = new float[slots][];
        offHeap = new INDArray[slots];
    }

    /** A {@code float[n]}: the one given back in {@code slot} when it has that length (contents undefined), else a new one. */
    float[] floats(int slot, int n) {
        float[] a = heap[slot];
        heap[slot] = null;
        return a != null && a.length == n ? a : new float[n];
    }

    /** A native FLOAT {@code [rows, cols]} array: the one given back in {@code slot} when its shape matches, else a new one. */
    F32 rows(int slot, long rows, long cols) {
        INDArray a = offHeap[slot];
        offHeap[slot] = null;
        if (a != null && a.size(0) == rows && a.size(1) == cols) {
            return F32.of(a);
        }
        return F32.zeros(rows, cols);
    }

    void give(int slot, float[] a) {
        heap[slot] = a;
    }

    void give(int slot, INDArray a) {
        offHeap[slot] = a;
    }
}
