package kursus.rnn.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Integration-test step of {@code mvn -B -ntp verify} (run by exec-maven-plugin after the test kernelspec was
 * installed into an isolated Jupyter data directory):
 * <ol>
 *   <li>finds a Python that can {@code import nbclient} ({@code $KURSUS_PYTHON}, then {@code python3}, then
 *   {@code /usr/bin/python3}, then {@code python});</li>
 *   <li>starts the kernel N times through jupyter_client; each start must answer {@code kernel_info} within
 *   60 s ({@code kernel/src/test/python/kernel_startup.py});</li>
 *   <li>Kernel → Interrupt: a busy loop, a {@code Thread.sleep} loop and a {@code Trainer} loop must each stop
 *   within 1 s of a real {@code interrupt_request}, and the next cell must print its result
 *   ({@code kernel/src/test/python/kernel_interrupt.py}); on the build's JDK, and again on a second JDK
 *   ({@code --other-jdk DIR}, default Temurin 25) when that JDK exists: its own test kernelspec is installed
 *   with that JDK's {@code java} running the {@link Installer};</li>
 *   <li>runs the notebook harness ({@code kernel/src/main/python/nbcheck.py}) on {@code notebooks/}, writing
 *   executed copies to the output directory ({@code --refresh} also stores the outputs in the committed
 *   notebooks).</li>
 * </ol>
 * Any failure ends the process with status 1, which fails the Maven build.
 *
 * <pre>
 * Options: --repo DIR --jupyter-dir DIR --kernel NAME --starts N --out DIR [--refresh true|false]
 *          [--only GLOB] [--retries N] [--skip-notebooks true|false] [--skip-claims true|false]
 *          [--other-jdk DIR --lib-classes DIR --lib-jars DIR --rapaio-jar FILE --launcher-jar FILE]
 * </pre>
 */
public final class IntegrationRunner {

    private IntegrationRunner() {
    }

    /**
     * Entry point.
     *
     * @param args see the class documentation
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        Path jupyterDir = null;
        Path out = null;
        String kernel = Installer.NAME;
        String starts = "8";
        boolean refresh = false;
        boolean skipNotebooks = false;
        boolean skipBrowser = false;
        boolean skipClaims = false;
        String only = "";
        String retries = "";
        String otherJdk = "";
        List<String> installArgs = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--repo" -> repo = Path.of(args[++k]);
                case "--jupyter-dir" -> jupyterDir = Path.of(args[++k]);
                case "--out" -> out = Path.of(args[++k]);
                case "--kernel" -> kernel = args[++k];
                case "--starts" -> starts = args[++k];
                case "--refresh" -> refresh = Boolean.parseBoolean(args[++k]);
                case "--skip-notebooks" -> skipNotebooks = Boolean.parseBoolean(args[++k]);
                case "--skip-claims" -> skipClaims = Boolean.parseBoolean(args[++k]);
                case "--skip-browser" -> skipBrowser = Boolean.parseBoolean(args[++k]);
                // empty values may be dropped by Maven: an option directly followed by another one is empty
                case "--only" -> only = k + 1 < args.length && !args[k + 1].startsWith("--") ? args[++k] : "";
                case "--retries" -> retries = k + 1 < args.length && !args[k + 1].startsWith("--") ? args[++k] : "";
                case "--other-jdk" -> otherJdk = k + 1 < args.length && !args[k + 1].startsWith("--") ? args[++k] : "";
                case "--lib-classes", "--lib-jars", "--rapaio-jar", "--launcher-jar" -> {
                    installArgs.add(args[k]);
                    installArgs.add(args[++k]);
                }
                default -> fail("Opsi tidak dikenal: " + args[k], "Unknown option: " + args[k]);
            }
        }
        repo = repo.toAbsolutePath().normalize();
        if (jupyterDir == null || out == null) {
            fail("--jupyter-dir dan --out wajib.", "--jupyter-dir and --out are required.");
        }
        String python = findPython(System.getenv("KURSUS_PYTHON"));
        System.out.println("[kursus-it] Python: " + python);

        // The harness's own static checks (no kernel): a broken check must not pass silently.
        // With -Dkursus.only (a developer running one lesson) the slow kernel tests of the self-test (grading a
        // class of notebooks) are skipped; every full run, CI's included, runs them.
        ProcessBuilder selfTest = process(List.of(python, "-m", "unittest", "discover", "-s", "kernel/src/test/python",
                "-p", "test_*.py"), repo, jupyterDir).inheritIO();
        if (!only.isBlank()) {
            selfTest.environment().put("KURSUS_SKIP_SLOW_SELFTESTS", "1");
        }
        if (selfTest.start().waitFor() != 0) {
            fail("Uji mandiri harness gagal (lihat log di atas).", "Harness self-test failed (see the log above).");
        }

        Path startup = repo.resolve("kernel/src/test/python/kernel_startup.py");
        List<String> cmd = new ArrayList<>(List.of(python, startup.toString(), "--kernel", kernel, "--n", starts,
                "--timeout", "60"));
        if (run(cmd, repo, jupyterDir) != 0) {
            fail("Uji start kernel gagal (lihat log di atas).", "Kernel start-up test failed (see the log above).");
        }
        Path interrupt = repo.resolve("kernel/src/test/python/kernel_interrupt.py");
        Path logs = (out == null ? jupyterDir : out.toAbsolutePath().getParent()).resolve("interrupt-logs");
        if (run(List.of(python, interrupt.toString(), "--kernel", kernel, "--logdir", logs.toString()), repo,
                jupyterDir) != 0) {
            fail("Uji Kernel → Interrupt gagal (lihat log di atas).", "Kernel → Interrupt test failed (see the log above).");
        }
        String other = otherJdkKernel(otherJdk, installArgs, jupyterDir, repo);
        if (other != null && run(List.of(python, interrupt.toString(), "--kernel", other, "--logdir",
                logs.toString()), repo, jupyterDir) != 0) {
            fail("Uji Kernel → Interrupt gagal di " + otherJdk + " (lihat log di atas).",
                    "Kernel → Interrupt test failed on " + otherJdk + " (see the log above).");
        }
        if (skipNotebooks) {
            return;
        }
        Path harness = repo.resolve("kernel/src/main/python/nbcheck.py");
        if (!Files.isRegularFile(harness)) {
            fail("Harness notebook tidak ditemukan: " + harness, "Notebook harness not found: " + harness);
        }
        Files.createDirectories(out);
        expectHarnessFailsOnThrowingCell(python, harness, kernel, repo, jupyterDir, out);
        cmd = new ArrayList<>(List.of(python, harness.toString(), "--kernel", kernel, "--notebooks",
                repo.resolve("notebooks").toString(), "--out", out.toAbsolutePath().toString()));
        if (refresh) {
            cmd.add("--refresh");
        }
        if (skipClaims) {
            cmd.add("--skip-claims");
        }
        if (!only.isBlank()) {
            cmd.add("--only");
            cmd.add(only);
        }
        if (!retries.isBlank()) {
            cmd.add("--retries");
            cmd.add(retries);
        }
        if (run(cmd, repo, jupyterDir) != 0) {
            fail("Pemeriksaan notebook gagal (lihat log di atas).", "Notebook check failed (see the log above).");
        }
        if (!skipBrowser && only.isBlank() && BrowserTest.run(repo, jupyterDir, python) != 0) {
            fail("Uji peramban gagal (lihat log di atas dan kernel/target/browser/).",
                    "Browser test failed (see the log above and kernel/target/browser/).");
        }
    }

    /**
     * Installs a test kernelspec that runs on the JDK in {@code jdkHome} (the installer itself runs on that JDK, so
     * the kernelspec gets its {@code java} and JVM options), next to the main test kernelspec.
     *
     * @return its name, or {@code null} (with a clear line) when there is no such JDK
     */
    static String otherJdkKernel(String jdkHome, List<String> installArgs, Path jupyterDir, Path repo)
            throws IOException, InterruptedException {
        if (jdkHome == null || jdkHome.isBlank()) {
            System.out.println("[kursus-it] Kernel → Interrupt on a second JDK: skipped (no --other-jdk given)");
            return null;
        }
        Path java = Path.of(jdkHome, "bin", System.getProperty("os.name", "").startsWith("Windows") ? "java.exe"
                : "java");
        if (!Files.isExecutable(java)) {
            System.out.println("[kursus-it] Kernel → Interrupt on a second JDK: skipped (no JDK at " + jdkHome
                    + "; set -Dkursus.jdk.other=DIR)");
            return null;
        }
        String feature = jdkFeature(Path.of(jdkHome));
        String name = Installer.NAME + "-jdk" + feature;
        String launcherJar = null;
        for (int k = 0; k + 1 < installArgs.size(); k += 2) {
            if (installArgs.get(k).equals("--launcher-jar")) {
                launcherJar = installArgs.get(k + 1);
            }
        }
        if (launcherJar == null) {
            fail("--other-jdk perlu --lib-classes, --lib-jars, --rapaio-jar dan --launcher-jar.",
                    "--other-jdk needs --lib-classes, --lib-jars, --rapaio-jar and --launcher-jar.");
        }
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", launcherJar, Installer.class.getName(),
                "--name", name, "--jupyter-data-dir", jupyterDir.toAbsolutePath().toString()));
        cmd.addAll(installArgs);
        if (run(cmd, repo, jupyterDir) != 0) {
            fail("Kernelspec uji untuk " + jdkHome + " tidak terpasang.", "Test kernelspec for " + jdkHome
                    + " was not installed.");
        }
        return name;
    }

    /** The feature version ("25") from a JDK's {@code release} file, or "other". */
    static String jdkFeature(Path jdkHome) {
        try {
            for (String line : Files.readAllLines(jdkHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(line.indexOf('=') + 1).replace("\"", "");
                    return v.startsWith("1.") ? v.split("\\.")[1] : v.split("[.+-]")[0];
                }
            }
        } catch (IOException e) {
            return "other";
        }
        return "other";
    }

    /**
     * Finds a Python interpreter that can import nbclient and jupyter_client.
     *
     * @param explicit value of {@code KURSUS_PYTHON} or {@code null}
     * @return the interpreter command
     */
    static String findPython(String explicit) {
        List<String> candidates = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(explicit);
        }
        candidates.addAll(List.of("python3", "/usr/bin/python3", "python"));
        for (String c : candidates) {
            var r = Installer.runCommand(List.of(c, "-c", "import nbclient, nbformat, jupyter_client"), null, false);
            if (r.exit() == 0) {
                return c;
            }
        }
        fail("Tidak ada Python yang bisa 'import nbclient' (dicoba: " + candidates + "). Pasang dengan "
                        + "'sudo apt install jupyter-nbconvert python3-nbclient' (Debian/Ubuntu) atau "
                        + "'pip install nbclient nbformat jupyter_client', atau tunjuk Python lewat KURSUS_PYTHON.",
                "No Python can 'import nbclient' (tried: " + candidates + "). Install it with "
                        + "'sudo apt install jupyter-nbconvert python3-nbclient' (Debian/Ubuntu) or "
                        + "'pip install nbclient nbformat jupyter_client', or point KURSUS_PYTHON at a Python.");
        return null;
    }

    /**
     * Proves the harness can fail: it runs the fixture notebooks through the real kernel and requires a
     * non-zero exit naming the exception of the throwing cell ({@code throws-in-cell.ipynb}), the false
     * prediction of {@code claim-false.ipynb} reported as a failed claim, and {@code claim-true.ipynb} (whose
     * claims hold only if the parameter change was really applied) passing.
     */
    private static void expectHarnessFailsOnThrowingCell(String python, Path harness, String kernel, Path repo,
            Path jupyterDir, Path out) throws IOException, InterruptedException {
        Path fixtures = repo.resolve("kernel/src/test/notebooks");
        Path log = out.resolveSibling(out.getFileName() + "-fixture.log");
        List<String> cmd = List.of(python, harness.toString(), "--kernel", kernel, "--notebooks", fixtures.toString(),
                "--out", out.resolveSibling(out.getFileName() + "-fixture").toAbsolutePath().toString());
        System.out.println("[kursus-it] " + String.join(" ", cmd) + "  (must fail)");
        int exit = process(cmd, repo, jupyterDir).redirectErrorStream(true).redirectOutput(log.toFile())
                .start().waitFor();
        String text = Files.readString(log);
        if (exit == 0 || !text.contains("Index 5 out of bounds")) {
            System.out.println(text);
            fail("Harness tidak melaporkan sel yang melempar pengecualian (exit " + exit + ").",
                    "The harness did not report a cell that throws (exit " + exit + ").");
        }
        if (!text.contains("claim wrong-prediction: expect is false")
                || !text.matches("(?s).*\\nclaim-true\\.ipynb\\s+\\S+\\s+\\S+\\s+ok\\b.*")
                || !text.contains("claims: 2 checked, 2 passed") || !text.contains("1 passed, 2 failed")) {
            System.out.println(text);
            fail("Harness tidak menggagalkan prediksi yang salah atau tidak meluluskan prediksi yang benar "
                            + "(fixture claim-false/claim-true, exit " + exit + ").",
                    "The harness did not fail a false prediction or did not pass a true one "
                            + "(fixtures claim-false/claim-true, exit " + exit + ").");
        }
        System.out.println("[kursus-it] harness fails the throwing cell and the false claim, passes the true claim: OK");
    }

    static int run(List<String> cmd, Path dir, Path jupyterDir) throws IOException, InterruptedException {
        System.out.println("[kursus-it] " + String.join(" ", cmd));
        return process(cmd, dir, jupyterDir).inheritIO().start().waitFor();
    }

    /** A process in {@code dir} that finds only the test kernelspecs under {@code jupyterDir}. */
    private static ProcessBuilder process(List<String> cmd, Path dir, Path jupyterDir) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        String jd = jupyterDir.toAbsolutePath().normalize().toString();
        env.put("JUPYTER_PATH", jd);
        env.put("JUPYTER_DATA_DIR", jd);
        env.put("PYTHONUNBUFFERED", "1");
        return pb;
    }

    private static void fail(String id, String en) {
        System.err.println("[ID] " + id + "\n[EN] " + en);
        System.exit(1);
    }
}
