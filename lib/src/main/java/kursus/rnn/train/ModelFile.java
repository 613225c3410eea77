package kursus.rnn.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saves and loads a trained model: its parameters, its vocabulary (as a token list) and its
 * hyperparameters, in one zip file. Loading checks the format version, the model kind and every
 * parameter's name and shape, and says clearly what does not match.
 *
 * <p>Layout of the zip: {@code model.properties} (format, version, kind, hyperparameters,
 * vocabulary tokens, parameter names and shapes) and one {@code params/NAME.bin} per parameter
 * (big-endian doubles in C order), so the file does not depend on ND4J's own serialisation.
 */
public final class ModelFile {
    /** Written into every file; a file without it was not written by this class. */
    public static final String FORMAT = "kursus-rnn-model";
    /** Bumped when the layout changes; older readers refuse newer files. */
    public static final int VERSION = 1;

    /** What was read from a model file. */
    public record Saved(String kind, Map<String, String> hyper, List<String> vocabulary,
                        Map<String, INDArray> arrays) {
        /** A hyperparameter as an int, with a clear error when it is missing. */
        public int intHyper(String name) {
            String v = hyper.get(name);
            if (v == null) {
                throw Msg.badInput("file model tidak punya hyperparameter '" + name + "'; yang ada: " + hyper.keySet(),
                        "the model file has no hyperparameter '" + name + "'; present: " + hyper.keySet());
            }
            return Integer.parseInt(v);
        }
    }

    private ModelFile() {}

    /**
     * Writes {@code params} with the model's {@code kind} (e.g. "char-lm/lstm"), its
     * hyperparameters and vocabulary tokens (may be empty) to {@code file}. An existing file is only
     * replaced when {@code overwrite} is true.
     */
    public static void save(Path file, String kind, Params params, Map<String, ?> hyper,
                            List<String> vocabulary, boolean overwrite) throws IOException {
        if (Files.exists(file) && !overwrite) {
            throw Msg.badInput("file " + file + " sudah ada; pakai overwrite=true untuk menimpanya atau pilih nama lain",
                    "file " + file + " already exists; pass overwrite=true to replace it or choose another name");
        }
        Properties meta = new Properties();
        meta.setProperty("format", FORMAT);
        meta.setProperty("version", Integer.toString(VERSION));
        meta.setProperty("kind", kind);
        hyper.forEach((k, v) -> meta.setProperty("hyper." + k, String.valueOf(v)));
        List<String> vocab = vocabulary == null ? List.of() : vocabulary;
        meta.setProperty("vocab.size", Integer.toString(vocab.size()));
        for (int i = 0; i < vocab.size(); i++) {
            meta.setProperty("vocab." + i, vocab.get(i));
        }
        List<String> names = new ArrayList<>();
        for (Param p : params) {
            names.add(p.name());
            meta.setProperty("param." + p.name() + ".shape", shapeString(p.shape()));
        }
        meta.setProperty("params", String.join(",", names));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream fos = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(fos)) {
            zip.putNextEntry(new ZipEntry("model.properties"));
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            meta.store(buf, "Kursus RNN model");
            zip.write(buf.toByteArray());
            zip.closeEntry();
            for (Param p : params) {
                zip.putNextEntry(new ZipEntry("params/" + p.name() + ".bin"));
                DataOutputStream out = new DataOutputStream(zip);
                double[] data = p.value().dup('c').castTo(DataType.DOUBLE).data().asDouble();
                for (double d : data) {
                    out.writeDouble(d);
                }
                out.flush();
                zip.closeEntry();
            }
        }
    }

    /** Reads a model file written by {@link #save}. */
    public static Saved read(Path file) throws IOException {
        Properties meta = null;
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals("model.properties")) {
                    meta = new Properties();
                    meta.load(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1));
                } else if (e.getName().startsWith("params/") && e.getName().endsWith(".bin")) {
                    blobs.put(e.getName().substring(7, e.getName().length() - 4), bytes);
                }
            }
        } catch (NoSuchFileException ex) {
            throw Msg.badInput("file model tidak ditemukan: " + file, "model file not found: " + file);
        }
        if (meta == null || !FORMAT.equals(meta.getProperty("format"))) {
            throw Msg.badInput(file + " bukan file model Kursus RNN (tidak ada model.properties dengan format=" + FORMAT + ")",
                    file + " is not a Kursus RNN model file (no model.properties with format=" + FORMAT + ")");
        }
        int version = Integer.parseInt(meta.getProperty("version", "-1"));
        if (version != VERSION) {
            throw Msg.badInput(file + " ditulis dengan versi format " + version + ", library ini membaca versi " + VERSION
                            + "; latih ulang model atau pakai versi library yang menulisnya",
                    file + " was written with format version " + version + ", this library reads version " + VERSION
                            + "; retrain the model or use the library version that wrote it");
        }
        Map<String, String> hyper = new LinkedHashMap<>();
        for (String k : meta.stringPropertyNames()) {
            if (k.startsWith("hyper.")) {
                hyper.put(k.substring(6), meta.getProperty(k));
            }
        }
        int vs = Integer.parseInt(meta.getProperty("vocab.size", "0"));
        List<String> vocab = new ArrayList<>(vs);
        for (int i = 0; i < vs; i++) {
            vocab.add(meta.getProperty("vocab." + i));
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        String names = meta.getProperty("params", "");
        for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
            long[] shape = parseShape(meta.getProperty("param." + name + ".shape"));
            byte[] blob = blobs.get(name);
            long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (blob == null || blob.length != n * 8) {
                throw Msg.badInput(file + ": data parameter '" + name + "' hilang atau terpotong (file rusak?)",
                        file + ": data of parameter '" + name + "' is missing or truncated (damaged file?)");
            }
            double[] data = new double[(int) n];
            DataInputStream din = new DataInputStream(new java.io.ByteArrayInputStream(blob));
            for (int i = 0; i < n; i++) {
                data[i] = din.readDouble();
            }
            arrays.put(name, Nd4j.create(data, shape, DataType.DOUBLE));
        }
        return new Saved(meta.getProperty("kind"), hyper, vocab, arrays);
    }

    /**
     * Reads {@code file} and copies its parameters into {@code target} (cast to the target's data
     * type). The kind and every name and shape must match; the error lists the differences.
     */
    public static Saved loadInto(Path file, String expectedKind, Params target) throws IOException {
        Saved saved = read(file);
        if (expectedKind != null && !expectedKind.equals(saved.kind())) {
            throw Msg.badInput(file + " berisi model jenis '" + saved.kind() + "', bukan '" + expectedKind + "'",
                    file + " holds a model of kind '" + saved.kind() + "', not '" + expectedKind + "'");
        }
        List<String> problems = new ArrayList<>();
        for (Param p : target) {
            INDArray a = saved.arrays().get(p.name());
            if (a == null) {
                problems.add(p.name() + ": missing in file / tidak ada di file");
            } else if (!Arrays.equals(a.shape(), p.shape())) {
                problems.add(p.name() + ": file " + shapeString(a.shape()) + " vs model " + shapeString(p.shape()));
            }
        }
        for (String name : saved.arrays().keySet()) {
            if (!target.contains(name)) {
                problems.add(name + ": only in file / hanya ada di file");
            }
        }
        if (!problems.isEmpty()) {
            throw Msg.badInput("parameter di " + file + " tidak cocok dengan model (hyperparameter berbeda?): " + problems,
                    "parameters in " + file + " do not match the model (different hyperparameters?): " + problems);
        }
        for (Param p : target) {
            p.value().assign(saved.arrays().get(p.name()).castTo(p.dataType()));
        }
        return saved;
    }

    private static String shapeString(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return sb.toString();
    }

    private static long[] parseShape(String s) {
        if (s == null || s.isEmpty()) {
            return new long[0];
        }
        return Arrays.stream(s.split("x")).mapToLong(Long::parseLong).toArray();
    }
}
