package kursus.rnn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.MessageType;

class SafeKernelLauncherTest {

    @Test
    void pinnedRapaioJarIsVersion301() {
        assertEquals("3.0.1", SafeKernelLauncher.rapaioVersion());
    }

    @Test
    void pinnedJarHasEveryPrivateFieldWithTheExpectedType() {
        SafeKernelLauncher.Internals in = SafeKernelLauncher.verifyCompatibility();
        assertEquals(3, in.loopThreadOf.size());
        assertEquals(18, SafeKernelLauncher.requiredFields().size());
    }

    @Test
    void missingFieldFailsWithBilingualMessageNamingIt() {
        var spec = new SafeKernelLauncher.FieldSpec(Channels.class, "handlerz", Map.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, spec::resolve);
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertTrue(e.getMessage().contains("Channels.handlerz not found"), e.getMessage());
        assertTrue(e.getMessage().contains("3.0.1"), e.getMessage());
    }

    @Test
    void fieldWithOtherTypeFailsWithMessageNamingBothTypes() {
        var spec = new SafeKernelLauncher.FieldSpec(Channels.class, "handlers", List.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, spec::resolve);
        assertTrue(e.getMessage().contains("has type java.util.Map, expected java.util.List"), e.getMessage());
    }

    @Test
    void handlerMapCoversTheTwelveMessageTypesOfConnect() {
        // lambdas capture the kernel but do not call it, so no JShell is started here
        var map = SafeKernelLauncher.handlerMap(null);
        assertEquals(Set.of(MessageType.SHELL_EXECUTE_REQUEST, MessageType.SHELL_INSPECT_REQUEST,
                MessageType.SHELL_COMPLETE_REQUEST, MessageType.SHELL_HISTORY_REQUEST,
                MessageType.SHELL_IS_COMPLETE_REQUEST, MessageType.SHELL_KERNEL_INFO_REQUEST,
                MessageType.CONTROL_SHUTDOWN_REQUEST, MessageType.CONTROL_INTERRUPT_REQUEST,
                MessageType.CUSTOM_COMM_OPEN, MessageType.CUSTOM_COMM_MSG, MessageType.CUSTOM_COMM_CLOSE,
                MessageType.SHELL_COMM_INFO_REQUEST), map.keySet());
    }

    private static Channels unboundChannels() throws Exception {
        return new Channels(new ConnectionProperties(0, 0, "tcp", "hmac-sha256", 0, 0, "127.0.0.1", 0,
                "0123456789abcdef"));
    }

    /** A loop thread that ran and stopped, then has running=true: exactly what the start race leaves. */
    private static LoopThread raceVictim(SafeKernelLauncher.Internals in, AtomicInteger ticks) throws Exception {
        LoopThread t = new LoopThread("Shell-test", 5, ticks::incrementAndGet);
        // start normally, stop it, then set the flag back to true as the start race leaves it
        t.start();
        t.shutdown();
        t.join(5_000);
        in.running.set(t, true);
        return t;
    }

    @Test
    void threadThatExitedWithRunningTrueIsReplacedByALiveOne() throws Exception {
        SafeKernelLauncher.Internals in = SafeKernelLauncher.verifyCompatibility();
        Channels channels = unboundChannels();
        try {
            AtomicInteger ticks = new AtomicInteger();
            LoopThread dead = raceVictim(in, ticks);
            int before = ticks.get();
            ShellChannel shell = (ShellChannel) ((Set<?>) in.channelSet.get(channels)).stream()
                    .filter(c -> c instanceof ShellChannel).findFirst().orElseThrow();
            in.loopThreadOf.get(ShellChannel.class).set(shell, dead);

            int revived = SafeKernelLauncher.watchLoopThreads(in, Set.<AbstractChannel>of(shell), 500);

            LoopThread fresh = (LoopThread) in.loopThreadOf.get(ShellChannel.class).get(shell);
            assertEquals(1, revived);
            assertNotSame(dead, fresh);
            assertEquals("Shell-test", fresh.getName());
            Thread.sleep(100);
            assertTrue(fresh.isAlive() && ticks.get() > before, "revived thread must run the same loop body");
            fresh.shutdown();
            fresh.join(5_000);
        } finally {
            channels.close();
        }
    }

    @Test
    void threadThatWasShutDownIsNotRevived() throws Exception {
        SafeKernelLauncher.Internals in = SafeKernelLauncher.verifyCompatibility();
        Channels channels = unboundChannels();
        try {
            LoopThread stopped = new LoopThread("Shell-stopped", 5, () -> { });
            stopped.start();
            stopped.shutdown();
            stopped.join(5_000);
            ShellChannel shell = (ShellChannel) ((Set<?>) in.channelSet.get(channels)).stream()
                    .filter(c -> c instanceof ShellChannel).findFirst().orElseThrow();
            in.loopThreadOf.get(ShellChannel.class).set(shell, stopped);

            assertEquals(0, SafeKernelLauncher.watchLoopThreads(in, Set.<AbstractChannel>of(shell), 300));
            assertTrue(in.loopThreadOf.get(ShellChannel.class).get(shell) == stopped);
        } finally {
            channels.close();
        }
    }
}
