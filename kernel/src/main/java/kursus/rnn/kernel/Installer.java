package kursus.rnn.kernel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Installs (or removes) the course's Jupyter kernelspec {@value #NAME}. Run through Maven
 * ({@code mvn -q -ntp package -Pjupyter}) so that it works the same on Linux, macOS and Windows.
 *
 * <p>Default mode: a rapaio-jupyter-kernel 3.0.1 kernelspec started through {@link SafeKernelLauncher}, with
 * the course library ({@code lib/target/classes} + {@code lib/target/lib/*.jar}) on the notebook classpath.
 * With {@code --on ijava|jjava} the course kernelspec is derived from an already installed IJava/JJava
 * kernelspec instead. The installer only ever writes or deletes the kernelspec named {@code --name}
 * (default {@value #NAME}); other kernels are never touched.
 *
 * <pre>
 * Options:
 *   --lib-classes DIR       compiled course library (lib/target/classes)          [install]
 *   --lib-jars DIR          its runtime dependency jars (lib/target/lib)            [install]
 *   --rapaio-jar FILE       rapaio-jupyter-kernel-3.0.1.jar                         [default mode]
 *   --launcher-jar FILE     this module's jar (holds SafeKernelLauncher)            [default mode]
 *   --jupyter-data-dir DIR  write to DIR/kernels/NAME (else $JUPYTER_DATA_DIR, else
 *                           'jupyter kernelspec install --user', else the platform's data dir)
 *   --name NAME             kernelspec name (default kursus-rnn)
 *   --uninstall             remove the kernelspec NAME
 *   --on ijava|jjava        derive the kernelspec from an installed IJava/JJava kernelspec
 *   --base-kernel DIR       the IJava/JJava kernelspec directory to derive from (default: search)
 *   --open [true|false]     after installing, start 'jupyter lab' (or 'jupyter notebook') in --notebooks
 *   --notebooks DIR         folder to open (default ./notebooks)
 * </pre>
 */
public final class Installer {

    /** Kernelspec name; notebooks refer to it in their metadata. */
    public static final String NAME = "kursus-rnn";
    /** Display name suffix shown in JupyterLab's launcher and kernel picker (see {@link #displayName}). */
    public static final String DISPLAY_NAME_SUFFIX = " \u00b7 Kursus RNN";
    /** JVM options of the notebook kernel: heap and RSS caps for a 2 GB Binder, headless AWT. */
    public static final List<String> JVM_OPTS = List.of("-Xmx512m",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=1400m", "-Djava.awt.headless=true");
    /**
     * Extra JVM options on Java 24 and newer, which otherwise print warnings about JavaCPP's {@code System::load}
     * and {@code sun.misc.Unsafe} memory access in the first ND4J cell. Java 17 rejects the second option.
     */
    public static final List<String> JVM_OPTS_24 = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");
    /** File name of the rapaio jar inside the kernelspec directory. */
    public static final String RAPAIO_JAR = "rapaio-jupyter-kernel-" + SafeKernelLauncher.PINNED_RAPAIO_VERSION
            + ".jar";
    /** File name of the launcher jar inside the kernelspec directory. */
    public static final String LAUNCHER_JAR = "kursus-rnn-kernel.jar";
    /** Main class in the kernelspec's argv. */
    public static final String LAUNCHER_CLASS = "kursus.rnn.kernel.SafeKernelLauncher";
    /** Minimum Java feature version. */
    public static final int MIN_JAVA = 17;

    /** Result of an external command; {@code exit == -1} means the command could not be started. */
    record CommandResult(int exit, String output) {
    }

    /** Runs external commands (injectable so tests never call a real Jupyter). */
    interface CommandRunner {
        /**
         * @param cmd       command and arguments
         * @param dir       working directory or {@code null}
         * @param inheritIo pass the console through (interactive programs such as jupyter lab)
         */
        CommandResult run(List<String> cmd, Path dir, boolean inheritIo);
    }

    /** Everything the installer reads from its surroundings; tests build their own. */
    static final class Env {
        Map<String, String> vars = System.getenv();
        int javaFeature = Runtime.version().feature();
        String javaVersion = System.getProperty("java.version");
        Path javaExe;
        String osName = System.getProperty("os.name");
        Path home = Path.of(System.getProperty("user.home"));
        CommandRunner runner = Installer::runCommand;
        PrintStream out = System.out;
        PrintStream err = System.err;

        Env() {
            javaExe = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        }

        boolean isWindows() {
            return osName.toLowerCase(Locale.ROOT).startsWith("windows");
        }

        boolean isMac() {
            String o = osName.toLowerCase(Locale.ROOT);
            return o.startsWith("mac") || o.startsWith("darwin");
        }

        /** The OS's class path separator (for -cp and IJava/JJava classpaths). */
        String pathSeparator() {
            return isWindows() ? ";" : ":";
        }
    }

    /** A failure with a bilingual message for the student; the installer exits with status 1. */
    static final class InstallerException extends RuntimeException {
        InstallerException(String id, String en) {
            super("[ID] " + id + "\n[EN] " + en);
        }
    }

    /** Parsed command line. */
    static final class Options {
        Path libClasses;
        Path libJars;
        Path rapaioJar;
        Path launcherJar;
        Path jupyterDataDir;
        Path baseKernel;
        Path notebooks = Path.of("notebooks");
        String name = NAME;
        String on;
        boolean uninstall;
        boolean open;
    }

    private final Env env;

    Installer(Env env) {
        this.env = env;
    }

    /**
     * Command-line entry point; exits with status 1 and a bilingual message on failure.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        int rc = new Installer(new Env()).run(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /**
     * Runs the installer.
     *
     * @param args command-line arguments
     * @return process exit status (0 = success)
     */
    int run(String[] args) {
        try {
            Options o = parse(args);
            if (o.uninstall) {
                uninstall(o);
            } else {
                Path dir = install(o);
                if (o.open) {
                    open(o, dir);
                }
            }
            return 0;
        } catch (InstallerException e) {
            env.err.println(e.getMessage());
            return 1;
        }
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            switch (a) {
                case "--uninstall" -> o.uninstall = true;
                case "--open" -> {
                    if (k + 1 < args.length && (args[k + 1].equals("true") || args[k + 1].equals("false"))) {
                        o.open = Boolean.parseBoolean(args[++k]);
                    } else {
                        o.open = true;
                    }
                }
                case "--lib-classes" -> o.libClasses = Path.of(value(args, ++k, a));
                case "--lib-jars" -> o.libJars = Path.of(value(args, ++k, a));
                case "--rapaio-jar" -> o.rapaioJar = Path.of(value(args, ++k, a));
                case "--launcher-jar" -> o.launcherJar = Path.of(value(args, ++k, a));
                case "--jupyter-data-dir" -> o.jupyterDataDir = Path.of(value(args, ++k, a));
                case "--base-kernel" -> o.baseKernel = Path.of(value(args, ++k, a));
                case "--notebooks" -> o.notebooks = Path.of(value(args, ++k, a));
                case "--name" -> o.name = value(args, ++k, a);
                case "--on" -> {
                    o.on = value(args, ++k, a).toLowerCase(Locale.ROOT);
                    if (o.on.isEmpty() || o.on.equals("rapaio")) {
                        o.on = null;
                    } else if (!o.on.equals("ijava") && !o.on.equals("jjava")) {
                        throw new InstallerException("--on harus 'ijava' atau 'jjava', bukan '" + o.on + "'.",
                                "--on must be 'ijava' or 'jjava', not '" + o.on + "'.");
                    }
                }
                default -> throw new InstallerException("Opsi tidak dikenal: " + a, "Unknown option: " + a);
            }
        }
        if (!o.name.matches("[A-Za-z0-9._-]+")) {
            throw new InstallerException("Nama kernel tidak sah: " + o.name, "Invalid kernel name: " + o.name);
        }
        return o;
    }

    private static String value(String[] args, int k, String opt) {
        if (k >= args.length) {
            throw new InstallerException("Opsi " + opt + " perlu nilai.", "Option " + opt + " needs a value.");
        }
        return args[k];
    }

    // ------------------------------------------------------------------------------------------ install

    /**
     * Checks the prerequisites, writes the kernelspec and installs it.
     *
     * @return the installed kernelspec directory (as far as known)
     */
    Path install(Options o) {
        checkJava();
        checkLibBuilt(o);
        Path staging;
        try {
            staging = Files.createTempDirectory("kursus-rnn-kernelspec");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path specDir = staging.resolve(o.name);
            Files.createDirectories(specDir);
            Map<String, Object> spec = o.on == null ? writeRapaioSpec(o, specDir) : writeDerivedSpec(o, specDir);
            Files.writeString(specDir.resolve("kernel.json"), Json.write(spec), StandardCharsets.UTF_8);
            Path where = installSpecDir(o, specDir);
            env.out.println("[ID] Kernel '" + displayName(o) + "' (" + o.name + ") terpasang di " + where);
            env.out.println("[EN] Kernel '" + displayName(o) + "' (" + o.name + ") installed in " + where);
            return where;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * The kernel's display name: the JDK major that runs it ("Java 25 · Kursus RNN"; the installer writes its own
     * {@code java} into the kernelspec), or the base kernel for {@code --on ijava|jjava}, whose JDK is the base
     * kernelspec's ("JJava · Kursus RNN"). Notebooks keep their stored metadata; the harness checks only the
     * kernelspec name.
     */
    String displayName(Options o) {
        if (o.on == null) {
            return "Java " + env.javaFeature + DISPLAY_NAME_SUFFIX;
        }
        return (o.on.equals("ijava") ? "IJava" : "JJava") + DISPLAY_NAME_SUFFIX;
    }

    void checkJava() {
        if (env.javaFeature < MIN_JAVA) {
            throw new InstallerException(
                    "Kursus ini memerlukan Java " + MIN_JAVA + " atau lebih baru, tetapi Java yang dipakai adalah "
                            + env.javaVersion + " (" + env.javaExe + "). Pasang JDK 17 (mis. Eclipse Temurin 17) "
                            + "lalu atur JAVA_HOME dan PATH ke JDK itu.",
                    "This course needs Java " + MIN_JAVA + " or newer, but the running Java is " + env.javaVersion
                            + " (" + env.javaExe + "). Install JDK 17 (e.g. Eclipse Temurin 17) and point JAVA_HOME "
                            + "and PATH at it.");
        }
    }

    void checkLibBuilt(Options o) {
        boolean classesOk = o.libClasses != null && Files.isDirectory(o.libClasses.resolve("kursus"));
        boolean jarsOk = o.libJars != null && !listJars(o.libJars).isEmpty();
        if (!classesOk || !jarsOk) {
            // with --on the fix must only build: -Pjupyter would install the default kernel over the IJava/JJava one
            String fixId = o.on == null ? "jalankan dari folder utama repo: mvn -q -ntp package -Pjupyter"
                    : "bangun dulu (tanpa memasang kernel) dari folder utama repo: mvn -q -ntp package -DskipTests, "
                    + "lalu ulangi perintah --on " + o.on + " ini";
            String fixEn = o.on == null ? "run from the repository's top folder: mvn -q -ntp package -Pjupyter"
                    : "build it first (without installing a kernel) from the repository's top folder: "
                    + "mvn -q -ntp package -DskipTests, then repeat this --on " + o.on + " command";
            throw new InstallerException(
                    "Pustaka kursus (lib/) belum dibangun: " + (classesOk ? "" : "kelas tidak ada di "
                            + o.libClasses + "; ") + (jarsOk ? "" : "jar dependensi tidak ada di " + o.libJars + "; ")
                            + fixId,
                    "The course library (lib/) is not built: " + (classesOk ? "" : "no classes in " + o.libClasses
                            + "; ") + (jarsOk ? "" : "no dependency jars in " + o.libJars + "; ") + fixEn);
        }
    }

    static List<Path> listJars(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code RJK_CLASSPATH}: {@code ;}-separated absolute entries (rapaio's format; globs on Unix). */
    String rapaioClasspath(Options o) {
        List<String> entries = new ArrayList<>();
        entries.add(abs(o.libClasses));
        if (env.isWindows()) {
            listJars(o.libJars).forEach(j -> entries.add(abs(j)));
        } else {
            entries.add(abs(o.libJars) + "/*.jar");
        }
        return String.join(";", entries);
    }

    /** IJava/JJava classpath: OS path separator, every jar listed. */
    String javaClasspath(Options o) {
        List<String> entries = new ArrayList<>();
        entries.add(abs(o.libClasses));
        listJars(o.libJars).forEach(j -> entries.add(abs(j)));
        return String.join(env.pathSeparator(), entries);
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    Map<String, Object> writeRapaioSpec(Options o, Path specDir) throws IOException {
        for (var jar : List.of(o.rapaioJar, o.launcherJar)) {
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new InstallerException("Jar kernel tidak ditemukan: " + jar
                        + ". Jalankan lewat Maven: mvn -q -ntp package -Pjupyter",
                        "Kernel jar not found: " + jar + ". Run through Maven: mvn -q -ntp package -Pjupyter");
            }
        }
        Files.copy(o.rapaioJar, specDir.resolve(RAPAIO_JAR), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(o.launcherJar, specDir.resolve(LAUNCHER_JAR), StandardCopyOption.REPLACE_EXISTING);

        List<Object> argv = new ArrayList<>();
        argv.add(abs(env.javaExe));
        argv.addAll(JVM_OPTS);
        if (env.javaFeature >= 24) {
            argv.addAll(JVM_OPTS_24);
        }
        argv.add("-cp");
        argv.add("{resource_dir}/" + RAPAIO_JAR + env.pathSeparator() + "{resource_dir}/" + LAUNCHER_JAR);
        argv.add(LAUNCHER_CLASS);
        argv.add("{connection_file}");

        String cp = rapaioClasspath(o);
        Map<String, Object> envMap = new LinkedHashMap<>();
        envMap.put("RJK_CLASSPATH", cp);
        envMap.put("OMP_NUM_THREADS", "1");
        // Same library for IJava/JJava, in their own format (OS path separator, no glob), so the
        // env block can be copied into such a kernelspec as it is.
        String javaCp = javaClasspath(o);
        envMap.put("IJAVA_CLASSPATH", javaCp);
        envMap.put("JJAVA_CLASSPATH", javaCp);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName(o));
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", envMap);
        spec.put("metadata", Map.of("kursus_rnn_installer", "rapaio-" + SafeKernelLauncher.PINNED_RAPAIO_VERSION));
        return spec;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> writeDerivedSpec(Options o, Path specDir) throws IOException {
        Path base = o.baseKernel != null ? o.baseKernel : findBaseKernel(o);
        Path baseJson = base.resolve("kernel.json");
        if (!Files.isRegularFile(baseJson)) {
            throw new InstallerException("Tidak ada kernel.json di " + base, "No kernel.json in " + base);
        }
        Map<String, Object> baseSpec;
        try {
            baseSpec = (Map<String, Object>) Json.parse(Files.readString(baseJson, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InstallerException("kernel.json tidak terbaca di " + base + ": " + e.getMessage(),
                    "Cannot read kernel.json in " + base + ": " + e.getMessage());
        }
        // Copy the base kernelspec's files so that {resource_dir} in its argv still resolves.
        try (Stream<Path> files = Files.list(base)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("kernel.json")) {
                    copyTree(f, specDir.resolve(f.getFileName().toString()));
                }
            }
        }
        List<Object> argv = new ArrayList<>((List<Object>) baseSpec.getOrDefault("argv", List.of()));
        Map<String, Object> envMap = new LinkedHashMap<>(
                (Map<String, Object>) baseSpec.getOrDefault("env", new LinkedHashMap<>()));
        String cp = javaClasspath(o);
        String jvmOpts = String.join(" ", JVM_OPTS);
        if (o.on.equals("ijava")) {
            envMap.put("IJAVA_CLASSPATH", cp);
            int at = argv.isEmpty() ? 0 : 1; // after the java executable
            for (int k = JVM_OPTS.size() - 1; k >= 0; k--) {
                if (!argv.contains(JVM_OPTS.get(k))) {
                    argv.add(at, JVM_OPTS.get(k));
                }
            }
        } else {
            envMap.put("JJAVA_CLASSPATH", cp);
            Object old = envMap.get("JJAVA_JVM_OPTS");
            envMap.put("JJAVA_JVM_OPTS", old == null || old.toString().isBlank() ? jvmOpts : old + " " + jvmOpts);
        }
        envMap.put("OMP_NUM_THREADS", "1");

        Map<String, Object> spec = new LinkedHashMap<>(baseSpec);
        spec.put("argv", argv);
        spec.put("display_name", displayName(o));
        spec.put("language", "java");
        spec.put("env", envMap);
        spec.put("metadata", Map.of("kursus_rnn_installer", o.on + " from " + abs(base)));
        return spec;
    }

    /** Searches the Jupyter data directories for an IJava/JJava kernelspec (not our own). */
    @SuppressWarnings("unchecked")
    Path findBaseKernel(Options o) {
        for (Path data : searchDataDirs(o)) {
            Path kernels = data.resolve("kernels");
            if (!Files.isDirectory(kernels)) {
                continue;
            }
            List<Path> dirs;
            try (Stream<Path> s = Files.list(kernels)) {
                dirs = s.sorted().toList();
            } catch (IOException e) {
                continue;
            }
            for (Path d : dirs) {
                if (d.getFileName().toString().equals(o.name) || !Files.isRegularFile(d.resolve("kernel.json"))) {
                    continue;
                }
                try {
                    Map<String, Object> spec = (Map<String, Object>) Json.parse(
                            Files.readString(d.resolve("kernel.json"), StandardCharsets.UTF_8));
                    String argv = String.valueOf(spec.get("argv")).toLowerCase(Locale.ROOT);
                    if (argv.contains(o.on)) {
                        return d;
                    }
                } catch (IOException | RuntimeException e) {
                    // unreadable kernelspec: not ours to judge, skip it
                }
            }
        }
        throw new InstallerException("Tidak menemukan kernelspec " + o.on + " yang terpasang. Pasang " + o.on
                + " dulu, atau tunjuk foldernya dengan --base-kernel DIR.",
                "No installed " + o.on + " kernelspec found. Install " + o.on + " first, or point at its folder with "
                        + "--base-kernel DIR.");
    }

    /** Jupyter data directories, user ones first. */
    List<Path> searchDataDirs(Options o) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (o.jupyterDataDir != null) {
            dirs.add(o.jupyterDataDir);
        }
        String dd = env.vars.get("JUPYTER_DATA_DIR");
        if (dd != null && !dd.isBlank()) {
            dirs.add(Path.of(dd));
        }
        String jp = env.vars.get("JUPYTER_PATH");
        if (jp != null) {
            for (String p : jp.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    dirs.add(Path.of(p));
                }
            }
        }
        if (o.jupyterDataDir == null) {
            dirs.addAll(jupyterPathsData());
            dirs.add(platformDataDir());
            if (env.isWindows()) {
                String pd = env.vars.get("PROGRAMDATA");
                if (pd != null) {
                    dirs.add(Path.of(pd, "jupyter"));
                }
            } else {
                dirs.add(Path.of("/usr/local/share/jupyter"));
                dirs.add(Path.of("/usr/share/jupyter"));
            }
        }
        return new ArrayList<>(dirs);
    }

    /** The "data" list of {@code jupyter --paths --json} (covers conda/venv prefixes), empty without Jupyter. */
    @SuppressWarnings("unchecked")
    List<Path> jupyterPathsData() {
        CommandResult r = env.runner.run(List.of("jupyter", "--paths", "--json"), null, false);
        if (r.exit() != 0 || r.output() == null) {
            return List.of();
        }
        try {
            String text = r.output().substring(Math.max(0, r.output().indexOf('{')));
            Object data = ((Map<String, Object>) Json.parse(text.strip())).get("data");
            return data instanceof List<?> l ? l.stream().map(x -> Path.of(String.valueOf(x))).toList() : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The per-user Jupyter data directory of this platform (what {@code jupyter --data-dir} prints). */
    Path platformDataDir() {
        if (env.isWindows()) {
            String appData = env.vars.get("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : env.home.resolve("AppData/Roaming/jupyter");
        }
        if (env.isMac()) {
            return env.home.resolve("Library/Jupyter");
        }
        String xdg = env.vars.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter") : env.home.resolve(".local/share/jupyter");
    }

    /** An explicitly chosen data dir (option or JUPYTER_DATA_DIR), or null. */
    Path explicitDataDir(Options o) {
        if (o.jupyterDataDir != null) {
            return o.jupyterDataDir;
        }
        String dd = env.vars.get("JUPYTER_DATA_DIR");
        return dd != null && !dd.isBlank() ? Path.of(dd) : null;
    }

    boolean jupyterAvailable() {
        return env.runner.run(List.of("jupyter", "--version"), null, false).exit() == 0;
    }

    Path installSpecDir(Options o, Path specDir) {
        Path explicit = explicitDataDir(o);
        if (explicit != null) {
            return copyInto(explicit, o.name, specDir);
        }
        if (jupyterAvailable()) {
            CommandResult r = env.runner.run(List.of("jupyter", "kernelspec", "install", "--user", "--replace",
                    "--name", o.name, abs(specDir)), null, false);
            Path data = jupyterDataDir();
            if (r.exit() == 0) {
                return data.resolve("kernels").resolve(o.name);
            }
            // e.g. Debian's jupyter without the kernelspec sub-command: write the files ourselves
            return copyInto(data, o.name, specDir);
        }
        Path where = copyInto(platformDataDir(), o.name, specDir);
        env.err.println(jupyterMissingMessage());
        return where;
    }

    /** {@code jupyter --data-dir}, or the platform default if that fails. */
    Path jupyterDataDir() {
        CommandResult r = env.runner.run(List.of("jupyter", "--data-dir"), null, false);
        String s = r.output() == null ? "" : r.output().strip();
        if (r.exit() == 0 && !s.isEmpty() && !s.contains("\n")) {
            return Path.of(s);
        }
        return platformDataDir();
    }

    static String jupyterMissingMessage() {
        return "[ID] Jupyter tidak ditemukan di PATH. Kernelspec sudah ditulis, tetapi untuk membuka notebook pasang "
                + "Jupyter dulu: 'pip install jupyterlab' (atau di Debian/Ubuntu: 'sudo apt install jupyter-notebook').\n"
                + "[EN] Jupyter was not found on PATH. The kernelspec is written, but to open the notebooks install "
                + "Jupyter first: 'pip install jupyterlab' (or on Debian/Ubuntu: 'sudo apt install jupyter-notebook').";
    }

    /** Replaces {@code data/kernels/name} (and only that directory) by a copy of {@code specDir}. */
    static Path copyInto(Path data, String name, Path specDir) {
        Path target = data.resolve("kernels").resolve(name);
        deleteTree(target);
        try {
            Files.createDirectories(target.getParent());
            copyTree(specDir, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    // ---------------------------------------------------------------------------------------- uninstall

    void uninstall(Options o) {
        List<Path> removed = new ArrayList<>();
        Path explicit = explicitDataDir(o);
        if (explicit != null) {
            removeIfPresent(explicit, o.name, removed);
        } else {
            if (jupyterAvailable()) {
                env.runner.run(List.of("jupyter", "kernelspec", "remove", "-y", o.name), null, false);
                removeIfPresent(jupyterDataDir(), o.name, removed);
            }
            removeIfPresent(platformDataDir(), o.name, removed);
        }
        if (removed.isEmpty()) {
            env.out.println("[ID] Kernel " + o.name + " tidak terpasang; tidak ada yang dihapus.");
            env.out.println("[EN] Kernel " + o.name + " is not installed; nothing removed.");
        } else {
            env.out.println("[ID] Kernel " + o.name + " dihapus dari " + removed);
            env.out.println("[EN] Kernel " + o.name + " removed from " + removed);
        }
    }

    private static void removeIfPresent(Path data, String name, List<Path> removed) {
        Path target = data.resolve("kernels").resolve(name);
        if (Files.exists(target)) {
            deleteTree(target);
            removed.add(target);
        }
    }

    // --------------------------------------------------------------------------------------------- open

    void open(Options o, Path installed) {
        Path nb = o.notebooks.toAbsolutePath().normalize();
        for (String app : List.of("lab", "notebook")) {
            if (env.runner.run(List.of("jupyter", app, "--version"), null, false).exit() == 0) {
                env.out.println("[ID] Membuka Jupyter " + app + " di " + nb + " (hentikan dengan Ctrl+C).");
                env.out.println("[EN] Opening Jupyter " + app + " in " + nb + " (stop with Ctrl+C).");
                int exit = env.runner.run(List.of("jupyter", app), nb, true).exit();
                // 130 / 143: stopped with Ctrl+C or a signal, as the message above says
                if (exit != 0 && exit != 130 && exit != 143) {
                    env.err.println("[ID] Jupyter " + app + " berhenti dengan kode " + exit + " (lihat pesannya di atas). "
                            + "Kernel sudah terpasang. Bila Jupyter menolak berjalan sebagai root (mis. di container), "
                            + "jalankan sendiri: cd " + nb + " && jupyter " + app + " --allow-root");
                    env.err.println("[EN] Jupyter " + app + " stopped with exit code " + exit + " (see its message above). "
                            + "The kernel is installed. If Jupyter refuses to run as root (e.g. in a container), "
                            + "start it yourself: cd " + nb + " && jupyter " + app + " --allow-root");
                }
                return;
            }
        }
        env.out.println("[ID] JupyterLab/Notebook tidak ditemukan. Pasang dengan 'pip install jupyterlab' (atau "
                + "'sudo apt install jupyter-notebook'), lalu jalankan: cd " + nb + " && jupyter lab");
        env.out.println("[EN] JupyterLab/Notebook not found. Install it with 'pip install jupyterlab' (or "
                + "'sudo apt install jupyter-notebook'), then run: cd " + nb + " && jupyter lab");
    }

    // ------------------------------------------------------------------------------------------ helpers

    static CommandResult runCommand(List<String> cmd, Path dir, boolean inheritIo) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            if (inheritIo) {
                pb.inheritIO();
                return new CommandResult(pb.start().waitFor(), "");
            }
            pb.redirectErrorStream(true);
            Process p = pb.start();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(buf);
            }
            return new CommandResult(p.waitFor(), buf.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new CommandResult(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(-1, "interrupted");
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(from)) {
                for (Path c : s.toList()) {
                    copyTree(c, to.resolve(c.getFileName().toString()));
                }
            }
        } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
