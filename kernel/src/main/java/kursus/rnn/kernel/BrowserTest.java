package kursus.rnn.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser step of the integration tests: a student's day in a real browser
 * ({@code kernel/src/test/browser/student_day.mjs}) — Debian's classic Jupyter Notebook server with the test
 * kernelspec, the system Chromium headless, driven by puppeteer-core from npm (no browser download).
 *
 * <p>It needs Chromium ({@code $KURSUS_CHROMIUM}, {@code chromium}, {@code chromium-browser}), a Python that can
 * {@code import notebook} (Debian: {@code jupyter-notebook}), and Node.js with npm. Without Chromium, or without
 * the notebook server, it is skipped with one clear line (the README's test command still passes where they
 * cannot be installed); everything else that goes wrong fails the build. Screenshots and the server log go to
 * {@code kernel/target/browser/}.
 */
final class BrowserTest {
    private BrowserTest() {
    }

    /** Runs the browser test; returns 0 when it passed or was skipped, non-zero when it failed. */
    static int run(Path repo, Path jupyterDir, String python) throws IOException, InterruptedException {
        String chromium = findChromium(System.getenv("KURSUS_CHROMIUM"));
        if (chromium == null) {
            skip("tidak ada Chromium", "no Chromium found",
                    "Debian/Ubuntu: apt-get install chromium jupyter-notebook; or set KURSUS_CHROMIUM");
            return 0;
        }
        if (Installer.runCommand(List.of(python, "-c", "import notebook.notebookapp"), null, false).exit() != 0) {
            skip("server Jupyter Notebook klasik tidak ada", "the classic Jupyter Notebook server is missing",
                    "Debian/Ubuntu: apt-get install jupyter-notebook");
            return 0;
        }
        for (String tool : List.of("node", "npm")) {
            if (Installer.runCommand(List.of(tool, "--version"), null, false).exit() != 0) {
                System.err.println("[ID] Uji peramban butuh " + tool + " (Node.js).\n[EN] The browser test needs " + tool
                        + " (Node.js). Debian/Ubuntu: apt-get install nodejs npm");
                return 1;
            }
        }
        Path src = repo.resolve("kernel/src/test/browser");
        Path work = repo.resolve("kernel/target/browser-run");
        Files.createDirectories(work);
        for (String f : List.of("package.json", "package-lock.json", "student_day.mjs")) {
            Files.copy(src.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules/puppeteer-core"))) {
            int npm = IntegrationRunner.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), work,
                    jupyterDir);
            if (npm != 0) {
                return npm;
            }
        }
        List<String> cmd = new ArrayList<>(List.of("node", "student_day.mjs", "--notebooks",
                repo.resolve("notebooks").toString(), "--out", repo.resolve("kernel/target/browser").toString(),
                "--chromium", chromium, "--python", python));
        return IntegrationRunner.run(cmd, work, jupyterDir);
    }

    static String findChromium(String explicit) {
        List<String> candidates = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(explicit);
        }
        candidates.addAll(List.of("chromium", "chromium-browser", "/usr/bin/chromium"));
        for (String c : candidates) {
            String path = absolute(c);
            if (path != null && Installer.runCommand(List.of(path, "--version"), null, false).exit() == 0) {
                return path;
            }
        }
        return null;
    }

    /** The absolute path of a command (puppeteer needs one): itself if it has a separator, else found on PATH. */
    static String absolute(String command) {
        if (command.contains("/") || command.contains(java.io.File.separator)) {
            return Files.isExecutable(Path.of(command)) ? Path.of(command).toAbsolutePath().toString() : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return Path.of(dir, command).toAbsolutePath().toString();
            }
        }
        return null;
    }

    private static void skip(String id, String en, String fix) {
        System.out.println("[kursus-it] uji peramban DILEWATI / browser test SKIPPED: " + id + " / " + en + " (" + fix
                + ")");
    }
}
