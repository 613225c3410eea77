package kursus.rnn.kernel;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts a call of {@link StopCheck#check()} into the byte code of notebook cells: at the start of every
 * method and before every backward jump (each loop iteration). This makes Kernel → Interrupt stop a busy loop
 * in a cell on every JDK, without {@code Thread.stop} (which throws {@code UnsupportedOperationException} from
 * JDK 20 on). JShell's own {@code LocalExecutionControl} does the same on new JDKs.
 *
 * <p>Uses the ASM copy inside rapaio-jupyter-kernel 3.0.1 (it reads class files up to Java 25). A class file the
 * ASM copy cannot read (a newer JDK) is loaded unchanged: Kernel → Interrupt then still stops sleeps, waits and
 * the library's loops, and a busy loop in such a cell is left running in the background (the kernel says so).
 */
final class LoopInstrumenter {

    static final String OWNER = StopCheck.class.getName().replace('.', '/');
    static final String METHOD = "check";

    private static volatile String failure;

    private LoopInstrumenter() {
    }

    /**
     * @param classFile a class file produced by JShell for a cell
     * @return the instrumented class file, or {@code classFile} itself if it cannot be instrumented
     */
    static byte[] instrument(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    return mv == null ? null : new CheckInserter(mv);
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            if (failure == null) {
                failure = e.toString();
                System.err.println("[SafeKernelLauncher] cannot instrument cell code for Kernel -> Interrupt ("
                        + e + "); busy loops in cells will not stop on interrupt");
            }
            return classFile;
        }
    }

    /** The first instrumentation failure, or {@code null}. */
    static String failure() {
        return failure;
    }

    /** Adds the check at method start and before jumps to labels already seen (backward jumps). */
    private static final class CheckInserter extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        CheckInserter(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, METHOD, "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            super.visitLabel(label);
            seen.add(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anySeen(dflt, labels)) {
                check();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anySeen(dflt, labels)) {
                check();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean anySeen(Label dflt, Label[] labels) {
            if (seen.contains(dflt)) {
                return true;
            }
            for (Label l : labels) {
                if (seen.contains(l)) {
                    return true;
                }
            }
            return false;
        }
    }
}
