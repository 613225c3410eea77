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
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import kursus.rnn.nn.CellKind;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Embedding;
import kursus.rnn.nn.GruCell;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.text.Vocabulary;
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
 *
 * <p>A {@link CharLanguageModel} with a built-in cell is saved together with everything needed to
 * rebuild it, so loading needs no hand-built model of the right size:
 * <pre>{@code
 * ModelFile.save(Path.of("nama-lstm.zip"), model, vocab, true);
 * ModelFile.LanguageModel back = ModelFile.loadLanguageModel(Path.of("nama-lstm.zip"));
 * String name = TextGenerator.generateLine(back.model(), back.vocabulary(), "", 20, 1.0, 0, 7);
 * }</pre>
 *
 * <p>A damaged or truncated file is refused with a bilingual error naming the file and what to do.
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
        if (file == null) {
            throw Msg.badInput("file model bernilai null", "the model file is null");
        }
        if (!Files.exists(file)) {
            throw Msg.badInput("file model tidak ditemukan: " + file + ". Perbaikan: periksa nama dan folder file"
                            + " (folder kerja: " + Path.of("").toAbsolutePath() + "), atau simpan model dulu"
                            + " dengan ModelFile.save.",
                    "model file not found: " + file + ". Fix: check the file name and folder (working folder: "
                            + Path.of("").toAbsolutePath() + "), or save the model first with ModelFile.save.");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw damaged(file, "file kosong (0 byte)", "the file is empty (0 bytes)");
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int got = in.readNBytes(head, 0, 4);
            if (got == 4 && !(head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
                throw Msg.badInput(file + " bukan file model Kursus RNN (bukan file zip). Perbaikan: periksa nama"
                                + " filenya; file model dibuat oleh ModelFile.save",
                        file + " is not a Kursus RNN model file (not a zip file). Fix: check the file name; model"
                                + " files are written by ModelFile.save");
            }
        }
        // ZipFile reads the central directory at the end of the file first, so a file cut short
        // anywhere is refused at once instead of failing half-way through an entry.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            java.util.Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (e.getSize() >= 0 && bytes.length != e.getSize()) {
                    throw new ZipException("entry " + e.getName() + ": " + bytes.length + " of " + e.getSize() + " bytes");
                }
                if (e.getName().equals("model.properties")) {
                    meta = new Properties();
                    meta.load(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1));
                } else if (e.getName().startsWith("params/") && e.getName().endsWith(".bin")) {
                    blobs.put(e.getName().substring(7, e.getName().length() - 4), bytes);
                }
            }
        } catch (NoSuchFileException ex) {
            throw Msg.badInput("file model tidak ditemukan: " + file, "model file not found: " + file);
        } catch (java.io.EOFException | ZipException | IllegalArgumentException ex) {
            // IllegalArgumentException: Properties.load on a garbled entry (a malformed unicode escape)
            throw damaged(file, "isinya terpotong atau rusak (" + ex.getMessage() + ")",
                    "its content is cut short or corrupted (" + ex.getMessage() + ")");
        }
        try {
            return parse(file, meta, blobs);
        } catch (NumberFormatException ex) {
            throw damaged(file, "model.properties berisi angka yang tidak terbaca (" + ex.getMessage() + ")",
                    "model.properties holds an unreadable number (" + ex.getMessage() + ")");
        }
    }

    private static Saved parse(Path file, Properties meta, Map<String, byte[]> blobs) throws IOException {
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
                throw damaged(file, "data parameter '" + name + "' hilang atau terpotong",
                        "the data of parameter '" + name + "' is missing or truncated");
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

    /** A language model rebuilt from a file, with the vocabulary it was trained with. */
    public record LanguageModel(CharLanguageModel model, Vocabulary vocabulary, Saved saved) {}

    /** Kind written by {@link #save(Path, CharLanguageModel, Vocabulary, boolean)}: "char-lm/" + cell kind. */
    static final String LM_KIND = "char-lm/";

    /**
     * Saves a character/word language model with its vocabulary and the hyperparameters needed to
     * rebuild it (cell kind, sizes, data type, embedding), so {@link #loadLanguageModel} can recreate
     * it without any other code. Only the built-in cells (RNN, LSTM, GRU) can be rebuilt.
     */
    public static void save(Path file, CharLanguageModel model, Vocabulary vocab, boolean overwrite) throws IOException {
        if (model == null || vocab == null) {
            throw Msg.badInput("model dan vocab tidak boleh null", "model and vocab must not be null");
        }
        if (vocab.size() != model.vocabSize()) {
            throw Msg.badInput("kosakata punya " + vocab.size() + " token, model " + model.vocabSize()
                            + ": simpan dengan kosakata yang dipakai saat pelatihan",
                    "the vocabulary has " + vocab.size() + " tokens, the model " + model.vocabSize()
                            + ": save it with the vocabulary it was trained with");
        }
        CellKind kind = kindOf(model.cell());
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("cell", kind.name().toLowerCase(java.util.Locale.ROOT));
        hyper.put("vocab", model.vocabSize());
        hyper.put("hidden", model.cell().hiddenSize());
        hyper.put("input", model.cell().inputSize());
        hyper.put("embedding", model.embedding() == null ? 0 : model.embedding().dim());
        hyper.put("dtype", model.cell().dataType().name());
        hyper.put("level", vocab.level().name());
        save(file, LM_KIND + hyper.get("cell"), model.params(), hyper, vocab.tokens(), overwrite);
    }

    /**
     * Rebuilds a language model saved with {@link #save(Path, CharLanguageModel, Vocabulary, boolean)}:
     * same cell kind, sizes and data type, the saved weights and the saved vocabulary. Generation with
     * the same seed gives the same text as the model that was saved.
     */
    public static LanguageModel loadLanguageModel(Path file) throws IOException {
        Saved saved = read(file);
        String kindName = saved.kind() == null ? "" : saved.kind();
        if (!kindName.startsWith(LM_KIND) || !saved.hyper().containsKey("cell")) {
            throw Msg.badInput(file + " berisi model jenis '" + kindName + "' tanpa keterangan untuk membangunnya ulang;"
                            + " simpan model bahasa dengan ModelFile.save(file, model, vocab, overwrite), atau muat ke"
                            + " model yang sudah dibangun dengan ModelFile.loadInto",
                    file + " holds a model of kind '" + kindName + "' without what is needed to rebuild it; save"
                            + " language models with ModelFile.save(file, model, vocab, overwrite), or load into a"
                            + " model you built with ModelFile.loadInto");
        }
        CellKind kind = CellKind.parse(saved.hyper().get("cell"));
        int vocabSize = saved.intHyper("vocab");
        int hidden = saved.intHyper("hidden");
        int input = saved.intHyper("input");
        int emb = saved.intHyper("embedding");
        DataType dtype = DataType.valueOf(saved.hyper().getOrDefault("dtype", "FLOAT"));
        Vocabulary.Level level = Vocabulary.Level.valueOf(saved.hyper().getOrDefault("level", "CHAR"));
        Init zeros = Init.zeros();
        Embedding embedding = emb > 0 ? new Embedding(vocabSize, emb, dtype, zeros) : null;
        RecurrentCell cell = kind.create(input, hidden, dtype, zeros);
        CharLanguageModel model = new CharLanguageModel(embedding, cell, new Dense(hidden, vocabSize, dtype, zeros));
        loadInto(file, saved.kind(), model.params());
        Vocabulary vocab = Vocabulary.fromTokens(level, saved.vocabulary());
        return new LanguageModel(model, vocab, saved);
    }

    private static CellKind kindOf(RecurrentCell cell) {
        if (cell instanceof LstmCell) {
            return CellKind.LSTM;
        }
        if (cell instanceof GruCell) {
            return CellKind.GRU;
        }
        if (cell instanceof RnnCell) {
            return CellKind.RNN;
        }
        throw Msg.badInput("hanya sel bawaan (RnnCell, LstmCell, GruCell) yang bisa dibangun ulang dari file; untuk sel "
                        + cell.getClass().getSimpleName() + " pakai save(file, kind, params, ...) dan loadInto",
                "only the built-in cells (RnnCell, LstmCell, GruCell) can be rebuilt from a file; for a "
                        + cell.getClass().getSimpleName() + " use save(file, kind, params, ...) and loadInto");
    }

    /** A damaged or truncated model file: the name, what is wrong, and what to do. */
    private static IllegalArgumentException damaged(Path file, String whatId, String whatEn) {
        return Msg.badInput("file model " + file + " rusak: " + whatId + ". Biasanya penyimpanan terputus atau"
                        + " file tersalin tidak utuh. Perbaikan: simpan ulang model (ModelFile.save) atau salin ulang"
                        + " file aslinya; jika tidak ada salinan, latih ulang modelnya.",
                "model file " + file + " is damaged: " + whatEn + ". Usually saving was interrupted or the file was"
                        + " copied incompletely. Fix: save the model again (ModelFile.save) or copy the original file"
                        + " again; if there is no copy, retrain the model.");
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
