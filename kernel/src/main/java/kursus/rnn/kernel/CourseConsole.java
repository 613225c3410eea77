package kursus.rnn.kernel;

import java.io.IOException;
import java.io.OutputStream;

import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;

/**
 * rapaio's console whose output streams can be written from a cell thread that Kernel → Interrupt has
 * interrupted. rapaio sends every write at once over ZeroMQ on the writing thread, and jeromq fails with
 * {@code ZMQException: Errno 4 (Interrupted function)} on an interrupted thread, so a library loop that stops
 * cleanly and prints "interrupted at step N" would fail in its print. Each write here clears the thread's
 * interrupt flag, writes, and sets it again; {@link CellThreads#interrupt(Thread)} takes the same lock, so an
 * interrupt never lands in the middle of a write.
 */
final class CourseConsole extends JShellConsole {

    private final OutputStream out = new InterruptSafe(super.getOut());
    private final OutputStream err = new InterruptSafe(super.getErr());

    @Override
    public OutputStream getOut() {
        return out;
    }

    @Override
    public OutputStream getErr() {
        return err;
    }

    /** Writes with the interrupt flag cleared (and restored afterwards). */
    static final class InterruptSafe extends OutputStream {
        private final OutputStream delegate;

        InterruptSafe(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (CellThreads.LOCK) {
                boolean was = Thread.interrupted();
                try {
                    delegate.write(b);
                } finally {
                    if (was) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (CellThreads.LOCK) {
                boolean was = Thread.interrupted();
                try {
                    delegate.write(b, off, len);
                } finally {
                    if (was) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (CellThreads.LOCK) {
                boolean was = Thread.interrupted();
                try {
                    delegate.flush();
                } finally {
                    if (was) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
