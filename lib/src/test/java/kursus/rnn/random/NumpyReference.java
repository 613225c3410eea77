package kursus.rnn.random;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NumPy reference streams in {@code /numpy/reference.txt}, written once by
 * {@code make_reference.py} with Debian's NumPy 1.24 (never by the Java code under test).
 */
final class NumpyReference {
    /** One line: the shape NumPy gave (empty for "-") and the values as written. */
    record Case(String key, int[] shape, String[] values) {
        double[] doubles() {
            return Arrays.stream(values).mapToDouble(Double::parseDouble).toArray();
        }

        long[] longs() {
            return Arrays.stream(values).mapToLong(Long::parseLong).toArray();
        }

        int[] ints() {
            return Arrays.stream(values).mapToInt(Integer::parseInt).toArray();
        }
    }

    private static final Map<String, Case> CASES = load();

    private NumpyReference() {}

    static Case get(String key) {
        Case c = CASES.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no reference case " + key + " (rerun make_reference.py?)");
        }
        return c;
    }

    static Case get(long seed, String name) {
        return get(seed + "/" + name);
    }

    /** Cases whose key starts with prefix, in file order (the order NumPy drew them). */
    static List<Case> withPrefix(String prefix) {
        List<Case> out = new ArrayList<>();
        for (Case c : CASES.values()) {
            if (c.key().startsWith(prefix)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Map<String, Case> load() {
        Map<String, Case> map = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                NumpyReference.class.getResourceAsStream("/numpy/reference.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                int[] shape = cols[1].equals("-") ? new int[0]
                        : Arrays.stream(cols[1].split("x")).mapToInt(Integer::parseInt).toArray();
                map.put(cols[0], new Case(cols[0], shape, cols[2].split(" ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
