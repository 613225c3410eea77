package kursus.rnn.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.ControlChannel;
import org.rapaio.jupyter.kernel.channels.HeartbeatChannel;
import org.rapaio.jupyter.kernel.channels.IOPubChannel;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.ExecutionContext;
import org.rapaio.jupyter.kernel.core.KernelEnv;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatter;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatters;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;
import org.rapaio.jupyter.kernel.core.util.Glob;
import org.rapaio.jupyter.kernel.global.Global;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.org.zeromq.ZMQ;

import jdk.jshell.JShell;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Start-up replacement for {@code org.rapaio.jupyter.kernel.MainApp.main} of rapaio-jupyter-kernel
 * <b>3.0.1</b> that closes its two start-up races:
 *
 * <ol>
 *   <li><b>Handler race.</b> {@code Channels.connect()} binds the ZMQ sockets (which starts the loop
 *   threads) and only afterwards assigns and fills the message-handler map. A request that arrives in
 *   that window kills the Shell thread ({@code NullPointerException}) or is dropped. The launcher performs
 *   the same steps as {@code connect()} in a safe order: it registers the channels with the kernel,
 *   installs the <em>complete</em> handler map, then binds the sockets, publishes {@code starting} and
 *   marks the {@code Channels} as connected (so {@code connect()} would be a no-op).</li>
 *   <li><b>Loop-thread race.</b> {@code LoopThread.start()} calls {@code Thread.start()} before it sets
 *   {@code running = true}; a thread scheduled at once sees {@code false} and exits, leaving its channel
 *   silent. After binding, the launcher watches every loop thread for a short window; a thread that
 *   terminated while its {@code running} flag is still {@code true} can only have exited through this
 *   race, so it is replaced by a fresh {@code LoopThread} with the same name, period and body whose flag
 *   is set <em>before</em> it starts. Each revival is logged on stderr.</li>
 * </ol>
 *
 * <p>It also makes non-image results {@code text/plain} by default (rapaio's default is unescaped
 * {@code text/html}), so notebooks need no rapaio-only {@code options()} call.
 *
 * <p><b>Kernel → Interrupt.</b> rapaio 3.0.1's interrupt does not stop a busy loop ({@code Future.cancel} only
 * interrupts the thread), shuts its executor down (so later cells fail) and handles the request on the control
 * thread with the shell's shared message id and after-action stack (so the interrupted cell's reply is lost).
 * The launcher therefore (a) replaces the kernel's {@link JavaEngine} by a {@link CourseJavaEngine} whose
 * {@link CourseExecutionControl} instruments cell code with stop checks ({@link LoopInstrumenter}) and interrupts
 * the cell's thread, and (b) runs the control channel's loop itself: an {@code interrupt_request} gets its reply
 * and busy/idle status with its own parent header, without touching the shell's state. Shutdown and other control
 * messages go to rapaio's handlers as before (a running cell is interrupted first, so the JVM can exit). The
 * course engine also gives compile errors a message and a bilingual "run the cells above first" hint.
 *
 * <p>The launcher reads private fields by reflection and is therefore pinned to rapaio 3.0.1: on any other
 * version, or if a field is missing or has another type, it stops with a clear message instead of
 * starting a half-working kernel. {@link #verifyCompatibility()} performs that check without starting
 * anything (used by the unit tests).
 */
public final class SafeKernelLauncher {

    /** The only rapaio-jupyter-kernel version whose internals this launcher was written and tested for. */
    public static final String PINNED_RAPAIO_VERSION = "3.0.1";

    /** Longest time the launcher watches the loop threads after binding (it stops once all were seen looping). */
    static final long WATCH_MILLIS = 15_000;

    /** Default MIME type for non-image results. */
    static final String DEFAULT_MIME = "text/plain";

    private static final PrintStream ERR = System.err;

    private SafeKernelLauncher() {
    }

    /**
     * A private field of a rapaio class that the launcher needs: declaring class, name and type.
     *
     * @param owner declaring class
     * @param name  field name
     * @param type  expected field type (exact)
     */
    record FieldSpec(Class<?> owner, String name, Class<?> type) {
        Field resolve() {
            Field f;
            try {
                f = owner.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                throw incompatible("field " + owner.getName() + "." + name + " not found");
            }
            if (!f.getType().equals(type)) {
                throw incompatible("field " + owner.getName() + "." + name + " has type " + f.getType().getName()
                        + ", expected " + type.getName());
            }
            f.setAccessible(true);
            return f;
        }
    }

    /** Every private field the launcher touches, with the type it must have in rapaio 3.0.1. */
    static List<FieldSpec> requiredFields() {
        return List.of(
                new FieldSpec(Channels.class, "connProps", ConnectionProperties.class),
                new FieldSpec(Channels.class, "channels", Set.class),
                new FieldSpec(Channels.class, "iopub", IOPubChannel.class),
                new FieldSpec(Channels.class, "handlers", Map.class),
                new FieldSpec(Channels.class, "isConnected", boolean.class),
                new FieldSpec(ShellChannel.class, "loopThread", LoopThread.class),
                new FieldSpec(ControlChannel.class, "loopThread", LoopThread.class),
                new FieldSpec(HeartbeatChannel.class, "loopThread", LoopThread.class),
                new FieldSpec(LoopThread.class, "running", boolean.class),
                new FieldSpec(LoopThread.class, "sleep", long.class),
                new FieldSpec(LoopThread.class, "loopBody", Runnable.class),
                new FieldSpec(Channels.class, "control", ControlChannel.class),
                new FieldSpec(AbstractChannel.class, "socket", ZMQ.Socket.class),
                new FieldSpec(AbstractChannel.class, "ctx", ZMQ.Context.class),
                new FieldSpec(RapaioKernel.class, "javaEngine", JavaEngine.class),
                new FieldSpec(RapaioKernel.class, "shellConsole", JShellConsole.class),
                new FieldSpec(RapaioKernel.class, "ctx", ExecutionContext.class),
                new FieldSpec(ErrorFormatters.class, "map", Map.class));
    }

    /** Resolved reflective handles (valid only for the pinned rapaio version). */
    static final class Internals {
        final Field connProps;
        final Field channelSet;
        final Field iopub;
        final Field handlers;
        final Field isConnected;
        final Map<Class<?>, Field> loopThreadOf = new HashMap<>();
        final Field running;
        final Field sleep;
        final Field loopBody;
        final Field control;
        final Field socket;
        final Field zmqContext;
        final Field javaEngine;
        final Field shellConsole;
        final Field executionContext;
        final Field formatters;

        Internals() {
            List<Field> f = new ArrayList<>();
            for (FieldSpec spec : requiredFields()) {
                f.add(spec.resolve());
            }
            connProps = f.get(0);
            channelSet = f.get(1);
            iopub = f.get(2);
            handlers = f.get(3);
            isConnected = f.get(4);
            loopThreadOf.put(ShellChannel.class, f.get(5));
            loopThreadOf.put(ControlChannel.class, f.get(6));
            loopThreadOf.put(HeartbeatChannel.class, f.get(7));
            running = f.get(8);
            sleep = f.get(9);
            loopBody = f.get(10);
            control = f.get(11);
            socket = f.get(12);
            zmqContext = f.get(13);
            javaEngine = f.get(14);
            shellConsole = f.get(15);
            executionContext = f.get(16);
            formatters = f.get(17);
        }
    }

    /**
     * Reads the version of the rapaio-jupyter-kernel jar that provides {@link MainApp}.
     *
     * @return the version from the jar's Maven {@code pom.properties}, or {@code null} if absent
     */
    static String rapaioVersion() {
        String res = "META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties";
        // Look in the jar that holds MainApp, not elsewhere on the class path.
        String mainAppUrl = String.valueOf(MainApp.class.getResource("MainApp.class"));
        try {
            for (var urls = MainApp.class.getClassLoader().getResources(res); urls.hasMoreElements(); ) {
                var url = urls.nextElement();
                String u = url.toString();
                int bang = u.indexOf("!/");
                if (bang > 0 && !mainAppUrl.startsWith(u.substring(0, bang + 2))) {
                    continue;
                }
                try (InputStream in = url.openStream()) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("version");
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Checks that the rapaio jar on the class path is the pinned version and has every private field the
     * launcher needs, with the expected types.
     *
     * @return the resolved reflective handles
     * @throws IllegalStateException with a bilingual message naming the mismatch
     */
    static Internals verifyCompatibility() {
        String version = rapaioVersion();
        if (!PINNED_RAPAIO_VERSION.equals(version)) {
            throw incompatible("found rapaio-jupyter-kernel version " + version + ", this launcher is pinned to "
                    + PINNED_RAPAIO_VERSION);
        }
        return new Internals();
    }

    /**
     * Public variant of {@link #verifyCompatibility()} for diagnostics.
     *
     * @throws IllegalStateException if rapaio's version or internals differ from the pinned ones
     */
    public static void checkCompatible() {
        verifyCompatibility();
    }

    static IllegalStateException incompatible(String detail) {
        return new IllegalStateException(
                "[ID] SafeKernelLauncher hanya cocok dengan rapaio-jupyter-kernel " + PINNED_RAPAIO_VERSION
                        + " dan tidak dapat memulai kernel: " + detail + ". Pasang ulang kernel dengan "
                        + "'mvn -q -ntp package -Pjupyter' atau perbarui launcher untuk versi rapaio yang baru.\n"
                        + "[EN] SafeKernelLauncher only works with rapaio-jupyter-kernel " + PINNED_RAPAIO_VERSION
                        + " and cannot start the kernel: " + detail + ". Re-install the kernel with "
                        + "'mvn -q -ntp package -Pjupyter' or update the launcher for the new rapaio version.");
    }

    /**
     * Kernel entry point, used in the kernelspec's argv.
     *
     * @param args exactly one argument: the Jupyter connection file
     * @throws Exception if the kernel cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("[ID] Perlu tepat satu argumen: berkas koneksi Jupyter. "
                    + "[EN] Expected exactly one argument: the Jupyter connection file.");
        }
        Internals in = verifyCompatibility();

        try (InputStream logCfg = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
            if (logCfg != null) {
                LogManager.getLogManager().readConfiguration(logCfg);
            }
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("[ID] Berkas koneksi tidak ditemukan: " + file
                    + " [EN] Connection file not found: " + file);
        }
        ConnectionProperties props = Transform.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                ConnectionProperties.class);

        Global.options().display().defaultMime(DEFAULT_MIME);

        RapaioKernel kernel = MainApp.kernel;
        installCourseEngine(in, kernel);
        Channels channels = new Channels(props);
        int revived = connectSafely(in, channels, kernel);
        if (revived > 0) {
            ERR.println("[SafeKernelLauncher] revived " + revived + " loop thread(s) at start-up");
        }
        channels.joinUntilClose();
    }

    /**
     * Does what {@code Channels.connect(kernel)} does in rapaio 3.0.1, in a race-free order, then watches the
     * loop threads and revives any that exited at once.
     *
     * @return how many loop threads were revived
     */
    static int connectSafely(Internals in, Channels channels, RapaioKernel kernel) throws Exception {
        if ((boolean) in.isConnected.get(channels)) {
            throw new IllegalStateException("Channels already connected");
        }
        kernel.registerChannels(channels);
        in.handlers.set(channels, handlerMap(kernel));
        @SuppressWarnings("unchecked")
        Set<AbstractChannel> all = (Set<AbstractChannel>) in.channelSet.get(channels);
        ConnectionProperties props = (ConnectionProperties) in.connProps.get(channels);
        // Bind the loop-free channels (IOPub, Stdin) first, then the ones with loop threads.
        List<AbstractChannel> order = new ArrayList<>(all);
        order.sort((a, b) -> Boolean.compare(in.loopThreadOf.containsKey(a.getClass()),
                in.loopThreadOf.containsKey(b.getClass())));
        IOPubChannel iopub = (IOPubChannel) in.iopub.get(channels);
        ControlChannel control = (ControlChannel) in.control.get(channels);
        for (AbstractChannel c : order) {
            if (c == control) {
                bindControl(in, control, iopub, props, channels, kernel);
            } else {
                c.bind(props);
            }
        }
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
        in.isConnected.set(channels, true);
        return watchLoopThreads(in, all, WATCH_MILLIS);
    }

    /** The handler map {@code Channels.connect()} builds in rapaio 3.0.1, built completely up front. */
    static Map<MessageType<?>, MessageHandler> handlerMap(RapaioKernel k) {
        Map<MessageType<?>, MessageHandler> h = new HashMap<>();
        h.put(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler<?>) m -> k.handleExecuteRequest(cast(m)));
        h.put(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler<?>) m -> k.handleInspectRequest(cast(m)));
        h.put(MessageType.SHELL_COMPLETE_REQUEST, (MessageHandler<?>) m -> k.handleCompleteRequest(cast(m)));
        h.put(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler<?>) m -> k.handleHistoryRequest(cast(m)));
        h.put(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler<?>) m -> k.handleIsCompleteRequest(cast(m)));
        h.put(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler<?>) m -> k.handleKernelInfoRequest(cast(m)));
        h.put(MessageType.CONTROL_SHUTDOWN_REQUEST, (MessageHandler<?>) m -> k.handleShutdownRequest(cast(m)));
        h.put(MessageType.CONTROL_INTERRUPT_REQUEST, (MessageHandler<?>) m -> k.handleInterruptRequest(cast(m)));
        h.put(MessageType.CUSTOM_COMM_OPEN, (MessageHandler<?>) m -> k.handleCommOpenCommand(cast(m)));
        h.put(MessageType.CUSTOM_COMM_MSG, (MessageHandler<?>) m -> k.handleCommMsgCommand(cast(m)));
        h.put(MessageType.CUSTOM_COMM_CLOSE, (MessageHandler<?>) m -> k.handleCommCloseCommand(cast(m)));
        h.put(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler<?>) m -> k.handleCommInfoRequest(cast(m)));
        return h;
    }

    @SuppressWarnings("unchecked")
    private static <T> Message<T> cast(Message<?> m) {
        return (Message<T>) m;
    }

    /**
     * Watches the loop threads of {@code all} for {@code millis}; a thread that is TERMINATED while its
     * {@code running} flag is still {@code true} exited through the start race and is replaced. A thread seen
     * sleeping (between two loop iterations) is healthy and no longer watched.
     *
     * @return the number of revived threads
     */
    static int watchLoopThreads(Internals in, Set<AbstractChannel> all, long millis) throws Exception {
        Map<AbstractChannel, Field> watched = new IdentityHashMap<>();
        for (AbstractChannel c : all) {
            Field f = in.loopThreadOf.get(c.getClass());
            if (f != null) {
                watched.put(c, f);
            }
        }
        int revived = 0;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!watched.isEmpty() && System.nanoTime() < deadline) {
            for (var it = watched.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                LoopThread t = (LoopThread) e.getValue().get(e.getKey());
                if (t == null) {
                    continue;
                }
                Thread.State st = t.getState();
                if (st == Thread.State.TIMED_WAITING) {
                    it.remove(); // inside its loop: healthy
                } else if (st == Thread.State.TERMINATED) {
                    if ((boolean) in.running.get(t)) {
                        LoopThread fresh = new LoopThread(t.getName(), (long) in.sleep.get(t),
                                (Runnable) in.loopBody.get(t));
                        in.running.set(fresh, true); // set before start: no window left
                        e.getValue().set(e.getKey(), fresh);
                        fresh.start();
                        revived++;
                        ERR.println("[SafeKernelLauncher] revived loop thread '" + t.getName() + "' of "
                                + e.getKey().getClass().getSimpleName() + " (it exited at start-up)");
                    } else {
                        it.remove(); // shut down normally
                    }
                }
            }
            Thread.sleep(10);
        }
        return revived;
    }

    // ------------------------------------------------------------------------------------- course engine

    /**
     * Replaces the kernel's rapaio {@link JavaEngine} by a {@link CourseJavaEngine} built from the same settings
     * (rapaio's {@code RJK_*} environment: class path, compiler options, init script) and registers the error
     * formatters of its exceptions.
     *
     * @return the installed engine
     */
    @SuppressWarnings("unchecked")
    static CourseJavaEngine installCourseEngine(Internals in, RapaioKernel kernel) throws Exception {
        KernelEnv env = new KernelEnv();
        JShellConsole console = new CourseConsole(); // output that survives an interrupted cell thread
        in.shellConsole.set(kernel, console);
        ExecutionContext ctx = (ExecutionContext) in.executionContext.get(kernel);
        CourseExecutionControl control = new CourseExecutionControl();
        JShell shell = JShell.builder()
                .compilerOptions(env.compilerOptions().toArray(String[]::new))
                .executionEngine(new ExecutionControlProvider() {
                    @Override
                    public String name() {
                        return "KursusRnnControlProvider";
                    }

                    @Override
                    public ExecutionControl generate(ExecutionEnv e, Map<String, String> parameters) {
                        return control;
                    }
                }, Map.of())
                .in(console.getIn())
                .out(new PrintStream(console.getOut(), true, StandardCharsets.UTF_8))
                .err(new PrintStream(console.getErr(), true, StandardCharsets.UTF_8))
                .build();
        for (String cp : env.classpath().split(";")) {
            if (cp.isBlank()) {
                continue;
            }
            for (Path entry : new Glob().findPaths(ctx, cp)) {
                shell.addToClasspath(entry.toAbsolutePath().toString());
            }
        }
        List<String> scripts = new ArrayList<>();
        try (InputStream init = RapaioKernel.class.getClassLoader().getResourceAsStream("init.jshell")) {
            if (init != null) {
                scripts.add(new String(init.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (env.initScriptContent() != null && !env.initScriptContent().isBlank()) {
            scripts.add(env.initScriptContent());
        }
        CourseJavaEngine engine = new CourseJavaEngine(java.util.UUID.randomUUID().toString(), shell, control,
                scripts);
        engine.initialize();
        JavaEngine old = (JavaEngine) in.javaEngine.get(kernel);
        in.javaEngine.set(kernel, engine);
        old.shutdown();

        Map<Class<? extends Throwable>, ErrorFormatter<? extends Throwable>> formatters =
                (Map<Class<? extends Throwable>, ErrorFormatter<? extends Throwable>>) in.formatters.get(null);
        formatters.put(CourseJavaEngine.CellInterruptedException.class,
                (ErrorFormatter<CourseJavaEngine.CellInterruptedException>) (k, e) -> e.traceback());
        formatters.put(CourseJavaEngine.CompilerException.class,
                (ErrorFormatter<CourseJavaEngine.CompilerException>) (k, e) -> e.traceback());
        return engine;
    }

    /**
     * Binds the control socket and starts the launcher's own control loop (instead of rapaio's
     * {@code ControlChannel.bind}); see {@link #controlStep}.
     */
    static void bindControl(Internals in, ControlChannel control, IOPubChannel iopub, ConnectionProperties props,
            Channels channels, RapaioKernel kernel) throws Exception {
        ZMQ.Socket socket = (ZMQ.Socket) in.socket.get(control);
        ZMQ.Context zctx = (ZMQ.Context) in.zmqContext.get(control);
        socket.bind(props.formatAddress(props.controlPort()));
        ZMQ.Poller poller = zctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        LoopThread loop = new LoopThread("Control-kursus", CONTROL_LOOP_MILLIS, () -> {
            if (poller.poll(0) > 0) {
                controlStep(control.readMessage(), control, iopub, channels, kernel);
            }
        });
        in.running.set(loop, true); // set before start: no start-up race
        in.loopThreadOf.get(ControlChannel.class).set(control, loop);
        loop.start();
    }

    /** Poll period of the control loop in ms (rapaio: 50). */
    static final long CONTROL_LOOP_MILLIS = 20;

    /**
     * Handles one control message. {@code interrupt_request}: busy, interrupt the running cell, reply, idle — all
     * with the request as parent, without the shell's shared message id. Anything else: as rapaio's control loop
     * does (a shutdown first interrupts a running cell).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void controlStep(Message<?> message, ControlChannel control, IOPubChannel iopub, Channels channels,
            RapaioKernel kernel) {
        if (message == null) {
            return; // channel closed
        }
        MessageType<?> type = message.header().type();
        if (type == MessageType.CONTROL_INTERRUPT_REQUEST) {
            MessageId<?> id = message.getId();
            iopub.sendMessage(new Message<>(id, IOPubStatus.BUSY.type(), IOPubStatus.BUSY));
            try {
                kernel.javaEngine().interrupt();
            } catch (RuntimeException e) {
                ERR.println("[SafeKernelLauncher] interrupt failed: " + e);
            }
            ControlInterruptReply reply = new ControlInterruptReply();
            control.sendMessage(new Message<>(id, reply.type(), reply));
            iopub.sendMessage(new Message<>(id, IOPubStatus.IDLE.type(), IOPubStatus.IDLE));
            return;
        }
        if (type == MessageType.CONTROL_SHUTDOWN_REQUEST) {
            try {
                kernel.javaEngine().interrupt();
            } catch (RuntimeException e) {
                ERR.println("[SafeKernelLauncher] interrupt before shutdown failed: " + e);
            }
        }
        MessageHandler handler = channels.getHandler((MessageType) type);
        if (handler == null) {
            ERR.println("[SafeKernelLauncher] unhandled control message: " + type.name());
            return;
        }
        channels.setMsgId(message.getId());
        try {
            handler.handle(message);
        } catch (Exception e) {
            ERR.println("[SafeKernelLauncher] exception handling " + type.name() + ": " + e);
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            channels.close();
        }
    }
}
