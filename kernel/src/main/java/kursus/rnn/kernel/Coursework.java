package kursus.rnn.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maven entry point of the coursework tools ({@code kernel/src/main/python/coursework.py}): finds a Python that
 * has nbclient (as the notebook tests do: {@code $KURSUS_PYTHON}, {@code python3}, {@code /usr/bin/python3},
 * {@code python}) and runs the script with the given arguments, so a lecturer needs only Maven's commands:
 *
 * <pre>
 * mvn -q -ntp package -Pstudent -Dkursus.student.out=target/student-notebooks [-Dkursus.force=true]
 * mvn -q -ntp package -Pgrade -Dkursus.submissions=DIR -Dkursus.grades=target/grades [-Dkursus.jobs=N]
 * </pre>
 *
 * Arguments: {@code --repo DIR} then the script's own arguments; empty values (unset Maven properties) and
 * {@code --force false} are dropped. The exit status is the script's.
 */
public final class Coursework {
    private Coursework() {
    }

    /**
     * Entry point.
     *
     * @param args {@code --repo DIR}, then {@code student ...} or {@code grade ...}
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].equals("--repo")) {
            System.err.println("usage: Coursework --repo DIR student|grade [options]");
            System.exit(2);
        }
        Path repo = Path.of(args[1]).toAbsolutePath().normalize();
        Path script = repo.resolve("kernel/src/main/python/coursework.py");
        if (!Files.isRegularFile(script)) {
            System.err.println("[ID] Skrip tidak ditemukan: " + script + "\n[EN] Script not found: " + script);
            System.exit(2);
        }
        String python = IntegrationRunner.findPython(System.getenv("KURSUS_PYTHON"));
        List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
        cmd.addAll(scriptArguments(Arrays.asList(args).subList(2, args.length)));
        System.exit(new ProcessBuilder(cmd).directory(repo.toFile()).inheritIO().start().waitFor());
    }

    /** Drops options whose value is empty (an unset Maven property) and boolean flags set to false. */
    static List<String> scriptArguments(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            boolean option = a.startsWith("--");
            String value = k + 1 < args.size() && !args.get(k + 1).startsWith("--") ? args.get(k + 1) : null;
            if (!option) {
                out.add(a);
            } else if (a.equals("--force")) {
                if ("true".equalsIgnoreCase(value)) {
                    out.add(a);
                }
                k += value != null ? 1 : 0;
            } else if (value == null || value.isBlank() || value.equals("0")) {
                k += value != null ? 1 : 0;
            } else {
                out.add(a);
                out.add(value);
                k++;
            }
        }
        return out;
    }
}
