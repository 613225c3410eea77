package kursus.rnn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {

    @TempDir
    Path tmp;

    Path classes;
    Path jars;
    Path rapaioJar;
    Path launcherJar;
    Path data;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<List<String>> commands = new ArrayList<>();
    Installer.Env env;

    @BeforeEach
    void setUp() throws IOException {
        classes = Files.createDirectories(tmp.resolve("lib/target/classes/kursus/rnn")).getParent().getParent();
        Files.writeString(classes.resolve("kursus/rnn/X.class"), "x");
        jars = Files.createDirectories(tmp.resolve("lib/target/lib"));
        Files.writeString(jars.resolve("a-1.jar"), "a");
        Files.writeString(jars.resolve("b-2.jar"), "b");
        rapaioJar = Files.writeString(tmp.resolve("rapaio-jupyter-kernel-3.0.1.jar"), "rapaio");
        launcherJar = Files.writeString(tmp.resolve("kursus-rnn-kernel-0.1.0-SNAPSHOT.jar"), "launcher");
        data = tmp.resolve("jupyter-data");
        env = new Installer.Env();
        env.vars = new HashMap<>();
        env.javaFeature = 17;
        env.javaVersion = "17.0.15";
        env.javaExe = tmp.resolve("jdk/bin/java");
        env.osName = "Linux";
        env.home = Files.createDirectories(tmp.resolve("home"));
        env.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        env.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        jupyter(cmd -> new Installer.CommandResult(-1, "not found"));
    }

    void jupyter(Function<List<String>, Installer.CommandResult> f) {
        env.runner = (cmd, dir, inherit) -> {
            commands.add(cmd);
            return f.apply(cmd);
        };
    }

    String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("--lib-classes", classes.toString(), "--lib-jars", jars.toString(),
                "--rapaio-jar", rapaioJar.toString(), "--launcher-jar", launcherJar.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    int run(String... a) {
        return new Installer(env).run(a);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Path kernelDir) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(kernelDir.resolve("kernel.json")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> envOf(Map<String, Object> spec) {
        return (Map<String, Object>) spec.get("env");
    }

    @Test
    void argvRunsTheRunningJavaWithCapsAndTheLauncher() throws IOException {
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        assertEquals(List.of(env.javaExe.toString(), "-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1400m",
                "-Djava.awt.headless=true", "-cp",
                "{resource_dir}/rapaio-jupyter-kernel-3.0.1.jar:{resource_dir}/kursus-rnn-kernel.jar",
                "kursus.rnn.kernel.SafeKernelLauncher", "{connection_file}"),
                spec(data.resolve("kernels/kursus-rnn")).get("argv"));
    }

    @Test
    void java24AndNewerGetTheOptionsThatSilenceNd4jNativeWarnings() throws IOException {
        env.javaFeature = 25;
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        List<?> argv = (List<?>) spec(data.resolve("kernels/kursus-rnn")).get("argv");
        assertEquals(List.of("-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp"), argv.subList(3, 7));
    }

    @Test
    void envHoldsTheLibraryClasspathForEveryJavaKernelAndOneOmpThread() throws IOException {
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        String cp = classes.toAbsolutePath() + ";" + jars.toAbsolutePath() + "/*.jar";
        // IJava/JJava take the OS path separator and no glob: every jar listed
        String javaCp = classes.toAbsolutePath() + ":" + jars.resolve("a-1.jar").toAbsolutePath() + ":"
                + jars.resolve("b-2.jar").toAbsolutePath();
        assertEquals(Map.of("RJK_CLASSPATH", cp, "IJAVA_CLASSPATH", javaCp, "JJAVA_CLASSPATH", javaCp,
                "OMP_NUM_THREADS", "1"), envOf(spec(data.resolve("kernels/kursus-rnn"))));
    }

    @Test
    void displayNameAndLanguageMatchTheNotebookMetadata() throws IOException {
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        Map<String, Object> s = spec(data.resolve("kernels/kursus-rnn"));
        assertEquals("Java 17 \u00b7 Kursus RNN", s.get("display_name"));
        assertEquals("java", s.get("language"));
    }

    @Test
    void displayNameSaysTheJdkTheKernelRunsOn() throws IOException {
        env.javaFeature = 25;
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        assertEquals("Java 25 \u00b7 Kursus RNN", spec(data.resolve("kernels/kursus-rnn")).get("display_name"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Kernel 'Java 25 \u00b7 Kursus RNN'"));
    }

    @Test
    void unbuiltLibraryWithOnJjavaSuggestsABuildThatInstallsNoKernel() throws IOException {
        Path base = Files.createDirectories(data.resolve("kernels/java"));
        Files.writeString(base.resolve("kernel.json"), "{\"argv\": [\"java\", \"-jar\", \"jjava.jar\","
                + " \"{connection_file}\"], \"display_name\": \"Java\", \"language\": \"java\"}");
        assertEquals(1, run("--lib-classes", tmp.resolve("nothing").toString(), "--lib-jars",
                tmp.resolve("nothing-either").toString(), "--jupyter-data-dir", data.toString(), "--on", "jjava"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("mvn -q -ntp package -DskipTests") && e.contains("--on jjava"), e);
        assertTrue(!e.contains("-Pjupyter"), "-Pjupyter would install the default kernel over the JJava one: " + e);
        assertTrue(Files.notExists(data.resolve("kernels/kursus-rnn")));
    }

    @Test
    void bothJarsAreCopiedUnderTheNamesTheArgvUses() throws IOException {
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        Path k = data.resolve("kernels/kursus-rnn");
        assertEquals("rapaio", Files.readString(k.resolve("rapaio-jupyter-kernel-3.0.1.jar")));
        assertEquals("launcher", Files.readString(k.resolve("kursus-rnn-kernel.jar")));
    }

    @Test
    void launcherClassNameMatchesTheClass() {
        assertEquals(SafeKernelLauncher.class.getName(), Installer.LAUNCHER_CLASS);
    }

    @Test
    void windowsUsesSemicolonInCpAndListsEveryJar() throws IOException {
        env.osName = "Windows 11";
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        Map<String, Object> s = spec(data.resolve("kernels/kursus-rnn"));
        assertEquals("{resource_dir}/rapaio-jupyter-kernel-3.0.1.jar;{resource_dir}/kursus-rnn-kernel.jar",
                ((List<?>) s.get("argv")).get(5));
        assertEquals(classes.toAbsolutePath() + ";" + jars.resolve("a-1.jar").toAbsolutePath() + ";"
                + jars.resolve("b-2.jar").toAbsolutePath(), envOf(s).get("RJK_CLASSPATH"));
    }

    @Test
    void reinstallReplacesOwnKernelspecAndLeavesOtherKernelsAlone() throws IOException {
        Path other = Files.createDirectories(data.resolve("kernels/python3"));
        Files.writeString(other.resolve("kernel.json"), "{\"argv\": [\"python\"]}");
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));
        Path ours = data.resolve("kernels/kursus-rnn");
        Files.writeString(ours.resolve("stale.txt"), "old");

        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));

        assertFalse(Files.exists(ours.resolve("stale.txt")));
        assertTrue(Files.exists(ours.resolve("kernel.json")));
        assertEquals("{\"argv\": [\"python\"]}", Files.readString(other.resolve("kernel.json")));
        assertEquals(List.of("kernel.json"), Files.list(other).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void uninstallRemovesOnlyOwnKernelspec() throws IOException {
        Path other = Files.createDirectories(data.resolve("kernels/java"));
        Files.writeString(other.resolve("kernel.json"), "{}");
        assertEquals(0, run(args("--jupyter-data-dir", data.toString())));

        assertEquals(0, run("--uninstall", "--jupyter-data-dir", data.toString()));

        assertFalse(Files.exists(data.resolve("kernels/kursus-rnn")));
        assertTrue(Files.exists(other.resolve("kernel.json")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("removed from"));
    }

    @Test
    void uninstallWhenNotInstalledSaysSoAndSucceeds() {
        assertEquals(0, run("--uninstall", "--jupyter-data-dir", data.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("is not installed; nothing removed"));
    }

    @Test
    void ijavaVariantCopiesBaseArgvAddsJvmOptsAndSetsIjavaClasspath() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("ijava-spec"));
        String baseJson = "{\"argv\": [\"java\", \"-jar\", \"{resource_dir}/ijava.jar\", \"{connection_file}\"],"
                + " \"display_name\": \"Java\", \"language\": \"java\", \"env\": {\"IJAVA_COMPILER_OPTS\": \"\"}}";
        Files.writeString(base.resolve("kernel.json"), baseJson);
        Files.writeString(base.resolve("ijava.jar"), "ijava");

        assertEquals(0, run(args("--jupyter-data-dir", data.toString(), "--on", "ijava",
                "--base-kernel", base.toString())));

        Path k = data.resolve("kernels/kursus-rnn");
        Map<String, Object> s = spec(k);
        assertEquals(List.of("java", "-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1400m",
                "-Djava.awt.headless=true", "-jar", "{resource_dir}/ijava.jar", "{connection_file}"), s.get("argv"));
        assertEquals(classes.toAbsolutePath() + ":" + jars.resolve("a-1.jar").toAbsolutePath() + ":"
                + jars.resolve("b-2.jar").toAbsolutePath(), envOf(s).get("IJAVA_CLASSPATH"));
        assertEquals("", envOf(s).get("IJAVA_COMPILER_OPTS"));
        assertEquals("IJava \u00b7 Kursus RNN", s.get("display_name"));
        assertEquals("ijava", Files.readString(k.resolve("ijava.jar")));
        assertEquals(baseJson, Files.readString(base.resolve("kernel.json")), "base kernelspec must not change");
    }

    @Test
    void jjavaVariantIsFoundInTheDataDirAndGetsJvmOptsThroughEnv() throws IOException {
        Path base = Files.createDirectories(data.resolve("kernels/java"));
        Files.writeString(base.resolve("kernel.json"), "{\"argv\": [\"java\", \"-jar\", \"{resource_dir}/jjava.jar\","
                + " \"{connection_file}\"], \"display_name\": \"Java (JJava)\", \"language\": \"java\","
                + " \"env\": {\"JJAVA_JVM_OPTS\": \"-Xss4m\"}}");
        Files.writeString(base.resolve("jjava.jar"), "jjava");
        env.osName = "Windows 11";

        assertEquals(0, run(args("--jupyter-data-dir", data.toString(), "--on", "jjava")));

        Map<String, Object> s = spec(data.resolve("kernels/kursus-rnn"));
        assertEquals(List.of("java", "-jar", "{resource_dir}/jjava.jar", "{connection_file}"), s.get("argv"));
        assertEquals("-Xss4m -Xmx512m -Dorg.bytedeco.javacpp.maxphysicalbytes=1400m -Djava.awt.headless=true",
                envOf(s).get("JJAVA_JVM_OPTS"));
        assertEquals(classes.toAbsolutePath() + ";" + jars.resolve("a-1.jar").toAbsolutePath() + ";"
                + jars.resolve("b-2.jar").toAbsolutePath(), envOf(s).get("JJAVA_CLASSPATH"));
        assertEquals("1", envOf(s).get("OMP_NUM_THREADS"));
        assertTrue(Files.exists(data.resolve("kernels/kursus-rnn/jjava.jar")));
    }

    @Test
    void ijavaInAJupyterPathsDataDirIsFound() throws IOException {
        Path condaShare = tmp.resolve("conda/share/jupyter");
        Path base = Files.createDirectories(condaShare.resolve("kernels/java"));
        Files.writeString(base.resolve("kernel.json"), "{\"argv\": [\"java\", \"-jar\", \"/opt/IJava/ijava-1.3.0.jar\","
                + " \"{connection_file}\"], \"display_name\": \"Java\", \"language\": \"java\"}");
        jupyter(cmd -> cmd.contains("--paths") ? new Installer.CommandResult(0, "{\"data\": [\"" + condaShare + "\"]}")
                : cmd.contains("--version") ? new Installer.CommandResult(0, "4.12")
                : new Installer.CommandResult(1, ""));
        env.vars.put("JUPYTER_DATA_DIR", data.toString());

        assertEquals(0, run(args("--on", "ijava")));

        assertEquals("ijava from " + base.toAbsolutePath().normalize(),
                ((Map<?, ?>) spec(data.resolve("kernels/kursus-rnn")).get("metadata")).get("kursus_rnn_installer"));
    }

    @Test
    void onJjavaWithoutAnInstalledJjavaExplainsWhatToDo() {
        assertEquals(1, run(args("--jupyter-data-dir", data.toString(), "--on", "jjava")));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("[ID] Tidak menemukan kernelspec jjava") && e.contains("--base-kernel"), e);
    }

    @Test
    void libraryNotBuiltGivesBilingualMessageAndWritesNothing() throws IOException {
        Path emptyClasses = Files.createDirectories(tmp.resolve("empty/classes"));
        assertEquals(1, run("--lib-classes", emptyClasses.toString(), "--lib-jars", tmp.resolve("none").toString(),
                "--rapaio-jar", rapaioJar.toString(), "--launcher-jar", launcherJar.toString(),
                "--jupyter-data-dir", data.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("[ID] Pustaka kursus (lib/) belum dibangun") && e.contains("[EN] The course library"
                + " (lib/) is not built") && e.contains("mvn -q -ntp package -Pjupyter"), e);
        assertFalse(Files.exists(data.resolve("kernels/kursus-rnn")));
    }

    @Test
    void javaOlderThan17GivesBilingualMessageNamingTheVersion() {
        env.javaFeature = 11;
        env.javaVersion = "11.0.22";
        assertEquals(1, run(args("--jupyter-data-dir", data.toString())));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("[ID] Kursus ini memerlukan Java 17") && e.contains("[EN] This course needs Java 17")
                && e.contains("11.0.22"), e);
        assertFalse(Files.exists(data.resolve("kernels/kursus-rnn")));
    }

    @Test
    void withoutJupyterItWritesToTheLinuxUserDataDirAndSaysHowToInstallJupyter() throws IOException {
        assertEquals(0, run(args()));
        assertTrue(Files.exists(env.home.resolve(".local/share/jupyter/kernels/kursus-rnn/kernel.json")));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("pip install jupyterlab") && e.contains("apt install jupyter-notebook")
                && e.contains("[ID]") && e.contains("[EN]"), e);
    }

    @Test
    void withoutJupyterOnMacItWritesToLibraryJupyter() {
        env.osName = "Mac OS X";
        assertEquals(0, run(args()));
        assertTrue(Files.exists(env.home.resolve("Library/Jupyter/kernels/kursus-rnn/kernel.json")));
    }

    @Test
    void withoutJupyterOnWindowsItWritesToAppDataJupyter() {
        env.osName = "Windows 10";
        env.vars.put("APPDATA", tmp.resolve("AppData/Roaming").toString());
        assertEquals(0, run(args()));
        assertTrue(Files.exists(tmp.resolve("AppData/Roaming/jupyter/kernels/kursus-rnn/kernel.json")));
    }

    @Test
    void jupyterDataDirEnvironmentVariableIsHonoured() {
        env.vars.put("JUPYTER_DATA_DIR", data.toString());
        assertEquals(0, run(args()));
        assertTrue(Files.exists(data.resolve("kernels/kursus-rnn/kernel.json")));
        assertTrue(commands.isEmpty(), "an explicit data dir must not call jupyter: " + commands);
    }

    @Test
    void withJupyterItUsesKernelspecInstallUserReplace() {
        jupyter(cmd -> new Installer.CommandResult(0, cmd.contains("--data-dir") ? data.toString() : ""));
        assertEquals(0, run(args()));
        List<String> install = commands.stream().filter(c -> c.contains("kernelspec")).findFirst().orElseThrow();
        assertEquals(List.of("jupyter", "kernelspec", "install", "--user", "--replace", "--name", "kursus-rnn"),
                install.subList(0, 7));
    }

    @Test
    void whenKernelspecSubcommandFailsItWritesIntoJupytersDataDir() {
        jupyter(cmd -> cmd.contains("kernelspec") ? new Installer.CommandResult(1, "not found")
                : new Installer.CommandResult(0, cmd.contains("--data-dir") ? data + "\n" : "jupyter 4.12"));
        assertEquals(0, run(args()));
        assertTrue(Files.exists(data.resolve("kernels/kursus-rnn/kernel.json")));
    }

    @Test
    void openWithoutJupyterLabPrintsTheCommandAndHowToInstall() {
        assertEquals(0, run(args("--jupyter-data-dir", data.toString(), "--open", "--notebooks",
                tmp.resolve("nb").toString())));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("pip install jupyterlab") && o.contains("&& jupyter lab"), o);
    }

    @Test
    void openStartsJupyterLabInTheNotebooksFolder() {
        List<Path> dirs = new ArrayList<>();
        env.runner = (cmd, dir, inherit) -> {
            commands.add(cmd);
            dirs.add(dir);
            return new Installer.CommandResult(0, "");
        };
        assertEquals(0, run(args("--jupyter-data-dir", data.toString(), "--open", "true", "--notebooks",
                tmp.resolve("nb").toString())));
        assertEquals(List.of("jupyter", "lab"), commands.get(commands.size() - 1));
        assertEquals(tmp.resolve("nb").toAbsolutePath().normalize(), dirs.get(dirs.size() - 1));
    }

    @Test
    void jupyterThatStopsWithAnErrorIsReportedWithTheCommandToRunItYourself() {
        env.runner = (cmd, dir, inherit) -> new Installer.CommandResult(cmd.equals(List.of("jupyter", "notebook")) ? 1
                : cmd.contains("lab") ? 1 : 0, "");
        assertEquals(0, run(args("--jupyter-data-dir", data.toString(), "--open", "true", "--notebooks",
                tmp.resolve("nb").toString())));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("Jupyter notebook stopped with exit code 1") && e.contains("jupyter notebook --allow-root"), e);
    }

    @Test
    void openFalseDoesNotStartJupyter() {
        jupyter(cmd -> new Installer.CommandResult(0, ""));
        assertEquals(0, run(args("--jupyter-data-dir", data.toString(), "--open", "false")));
        assertTrue(commands.stream().noneMatch(c -> c.contains("lab") || c.contains("notebook")), "" + commands);
    }

    @Test
    void unknownBaseKernelKindIsRejected() {
        assertEquals(1, run(args("--jupyter-data-dir", data.toString(), "--on", "kotlin")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--on must be 'ijava' or 'jjava'"));
    }

    @Test
    void installerRunsWithOnlyItsOwnClassesOnTheClassPath() throws Exception {
        // README: `java -cp kernel/target/classes kursus.rnn.kernel.Installer ...` (no Maven, no third-party jar)
        Path own = Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", own.toString(), Installer.class.getName(),
                "--uninstall", "--jupyter-data-dir", data.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        assertTrue(text.contains("is not installed; nothing removed"), text);
    }
}
