package kursus.rnn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kursus.rnn.core.Msg;

/**
 * Finds the course's {@code data/} folder and reads its files with errors a student can act on.
 *
 * <p>The folder is found, in this order, from: the system property {@value #PROPERTY} (in a notebook:
 * {@code System.setProperty("kursus.data", "/path/to/repo/data")}), the environment variable
 * {@value #ENV}, or by walking up from the working directory until a folder containing
 * {@code data/README.md} is found (notebooks run in {@code notebooks/}, tests in {@code lib/}: both
 * find {@code ../data}). The README must carry the marker {@value #MARKER} so an unrelated
 * {@code data/} folder higher up is never picked by mistake.
 *
 * <p>Every file is decoded as strict UTF-8: a byte sequence that is not UTF-8 is an error naming the
 * file and the line, never a silent replacement character.
 */
public final class DataFiles {
    /** System property naming the data folder (the folder that holds README.md). */
    public static final String PROPERTY = "kursus.data";
    /** Environment variable naming the data folder, used when the property is not set. */
    public static final String ENV = "KURSUS_DATA";
    /** Text that data/README.md must contain to be recognised as this course's data folder. */
    public static final String MARKER = "<!-- kursus-rnn-data -->";

    private static final Pattern CHECKSUM_ROW = Pattern.compile(
            "^\\|\\s*`([^`]+)`\\s*\\|\\s*([0-9,]+)\\s*\\|\\s*([0-9a-f]{64})\\s*\\|\\s*$");

    private DataFiles() {}

    /** The data folder (absolute), located as described in the class comment. */
    public static Path dataDir() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return checkedDataDir(Paths.get(prop), "-D" + PROPERTY + "=" + prop);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return checkedDataDir(Paths.get(env), ENV + "=" + env);
        }
        Path start = Paths.get("").toAbsolutePath().normalize();
        Path found = findFrom(start);
        if (found != null) {
            return found;
        }
        throw Msg.badState(
                "Folder data/ kursus tidak ditemukan: tidak ada data/README.md (dengan penanda "
                        + MARKER + ") di " + start + " maupun di folder induknya. Perbaikan: jalankan"
                        + " dari dalam repositori kursus, atau beri tahu lokasinya dengan"
                        + " System.setProperty(\"" + PROPERTY + "\", \"/jalur/ke/repo/data\") atau"
                        + " variabel lingkungan " + ENV + ".",
                "The course's data/ folder was not found: no data/README.md (with the marker "
                        + MARKER + ") in " + start + " or any parent folder. Fix: run from inside the"
                        + " course repository, or say where it is with System.setProperty(\""
                        + PROPERTY + "\", \"/path/to/repo/data\") or the environment variable "
                        + ENV + ".");
    }

    /**
     * Walks up from {@code start} (inclusive) and returns the first {@code data/} folder whose README.md
     * carries {@link #MARKER}, or null if there is none.
     */
    static Path findFrom(Path start) {
        for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("data");
            if (isDataDir(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A file inside the data folder, e.g. {@code file("sp500/sp500-2000.csv")}.
     *
     * @throws IllegalStateException (bilingual) if the file does not exist
     */
    public static Path file(String relative) {
        Path f = dataDir().resolve(relative);
        requireFile(f);
        return f;
    }

    /**
     * Throws a bilingual error naming the file if it does not exist or is not a regular file. The fix
     * depends on whose file it is: one of the course's files listed in data/README.md can be restored
     * from the repository; a student's own file cannot, so the message explains where a relative path
     * is looked for instead.
     */
    static void requireFile(Path f) {
        if (Files.isRegularFile(f)) {
            return;
        }
        if (isCourseFile(f)) {
            throw Msg.badState(
                    "Berkas data tidak ada: " + f + ". Perbaikan: pulihkan berkas dari repositori"
                            + " (git checkout -- data/) atau buat ulang dengan data/fetch/extract.sh;"
                            + " daftar berkas ada di data/README.md.",
                    "Data file missing: " + f + ". Fix: restore it from the repository"
                            + " (git checkout -- data/) or rebuild it with data/fetch/extract.sh;"
                            + " the list of files is in data/README.md.");
        }
        Path abs = f.toAbsolutePath().normalize();
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        if (Files.isDirectory(f)) {
            throw Msg.badState(
                    "Berkas " + abs + " adalah folder, bukan berkas. Perbaikan: tambahkan nama berkasnya,"
                            + " mis. " + abs.resolve("harga.csv") + ".",
                    "File " + abs + " is a folder, not a file. Fix: add the file's name, e.g. "
                            + abs.resolve("prices.csv") + ".");
        }
        String relativeId = f.isAbsolute() ? "" : " Jalur relatif dibaca dari folder kerja " + cwd
                + " (notebook berjalan di folder notebooks/, jadi berkas di data/ ditulis ../data/nama.csv).";
        String relativeEn = f.isAbsolute() ? "" : " A relative path is read from the working folder " + cwd
                + " (notebooks run in notebooks/, so a file in data/ is ../data/name.csv).";
        boolean inData = false;
        try {
            inData = abs.startsWith(dataDir());
        } catch (IllegalStateException e) {
            // no course data folder: certainly the student's own file
        }
        String listId = inData ? " Berkas ini tidak termasuk berkas kursus yang terdaftar di data/README.md." : "";
        String listEn = inData ? " It is not one of the course's files listed in data/README.md." : "";
        throw Msg.badState(
                "Berkas tidak ditemukan: " + abs + "." + listId + " Perbaikan: periksa jalur dan nama berkas"
                        + " (huruf besar/kecil, ekstensi .csv/.txt), atau pakai jalur absolut." + relativeId,
                "File not found: " + abs + "." + listEn + " Fix: check the path and the file name (upper/lower"
                        + " case, the .csv/.txt extension), or use an absolute path." + relativeEn);
    }

    /** Whether {@code f} is one of the course's own data files (listed in data/README.md). */
    static boolean isCourseFile(Path f) {
        try {
            Path data = dataDir();
            Path abs = f.toAbsolutePath().normalize();
            if (!abs.startsWith(data)) {
                return false;
            }
            String rel = data.relativize(abs).toString().replace('\\', '/');
            return listedChecksums(data).containsKey(rel);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean isDataDir(Path dir) {
        Path readme = dir.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return false;
        }
        try {
            return Files.readString(readme, StandardCharsets.UTF_8).contains(MARKER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path checkedDataDir(Path dir, String origin) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!isDataDir(abs)) {
            throw Msg.badState(
                    origin + " menunjuk ke " + abs + ", tetapi di sana tidak ada README.md dengan"
                            + " penanda " + MARKER + ". Perbaikan: arahkan ke folder data/ repositori"
                            + " kursus (folder yang berisi README.md itu).",
                    origin + " points to " + abs + ", but there is no README.md with the marker "
                            + MARKER + " there. Fix: point it at the course repository's data/"
                            + " folder (the folder that holds that README.md).");
        }
        return abs;
    }

    /** How a file is shown in messages: relative to the data folder when inside it. */
    static String show(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        try {
            Path data = dataDir();
            if (abs.startsWith(data)) {
                return "data/" + data.relativize(abs).toString().replace('\\', '/');
            }
        } catch (IllegalStateException e) {
            // no data folder: show the absolute path
        }
        return abs.toString();
    }

    /**
     * Reads a whole file as strict UTF-8 (a leading byte-order mark is dropped).
     *
     * @throws IllegalStateException (bilingual) naming the file and line of the first invalid byte
     */
    public static String readUtf8(Path f) {
        requireFile(f);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw Msg.badState("Berkas " + show(f) + " tidak bisa dibaca: " + e.getMessage(),
                    "File " + show(f) + " cannot be read: " + e.getMessage());
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int pos = in.position();
            int line = 1;
            for (int i = 0; i < pos; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw malformed(f, line,
                    "teks UTF-8", "UTF-8 text",
                    String.format("byte 0x%02X", bytes[pos] & 0xFF),
                    "simpan berkas sebagai UTF-8 (bukan Latin-1/Windows-1252)",
                    "save the file as UTF-8 (not Latin-1/Windows-1252)");
        }
        dec.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The file's lines (UTF-8, without line terminators; a final newline does not add a line). */
    public static List<String> readLines(Path f) {
        String s = readUtf8(f);
        List<String> lines = new ArrayList<>(List.of(s.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * A bilingual error for a malformed data file: which file, which line, what was expected, what was
     * found, and how to fix it. {@code found} is used in both languages (e.g. a quoted value).
     */
    public static IllegalStateException malformed(Path f, int line, String expectedId, String expectedEn,
                                                  String found, String fixId, String fixEn) {
        return malformed(f, line, expectedId, expectedEn, found, found, fixId, fixEn);
    }

    /** Like {@link #malformed(Path, int, String, String, String, String, String)} with what was found in each language. */
    public static IllegalStateException malformed(Path f, int line, String expectedId, String expectedEn,
                                                  String foundId, String foundEn, String fixId, String fixEn) {
        String where = show(f);
        return Msg.badState(
                "Berkas " + where + ", baris " + line + ": diharapkan " + expectedId + ", ditemukan "
                        + foundId + ". Perbaikan: " + fixId + ".",
                "File " + where + ", line " + line + ": expected " + expectedEn + ", found " + foundEn
                        + ". Fix: " + fixEn + ".");
    }

    /** Standard fix text: restore a course file, correct the line of one's own file. */
    static IllegalStateException malformedShipped(Path f, int line, String expectedId, String expectedEn,
                                                  String found) {
        return malformedShipped(f, line, expectedId, expectedEn, found, found);
    }

    /** Like {@link #malformedShipped(Path, int, String, String, String)} with what was found in each language. */
    static IllegalStateException malformedShipped(Path f, int line, String expectedId, String expectedEn,
                                                  String foundId, String foundEn) {
        if (isCourseFile(f)) {
            return malformed(f, line, expectedId, expectedEn, foundId, foundEn,
                    "pulihkan berkas asli (git checkout -- data/) atau buat ulang dengan skrip yang disebut di"
                            + " data/README.md",
                    "restore the original (git checkout -- data/) or rebuild it with the script named in"
                            + " data/README.md");
        }
        return malformed(f, line, expectedId, expectedEn, foundId, foundEn,
                "perbaiki baris itu di berkas Anda (format yang diharapkan ada di dokumentasi pembacanya)",
                "correct that line in your file (the expected format is in the reader's documentation)");
    }

    /** Quotes a found value for a message, shortened to 60 characters. */
    static String quote(String s) {
        String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return "\"" + t + "\"";
    }

    // ------------------------------------------------------------------------------------------
    // Checksums listed in data/README.md
    // ------------------------------------------------------------------------------------------

    /**
     * The checksum table of {@code README.md} in the given data folder: path (relative to the data
     * folder) to lowercase SHA-256 hex, in README order. Rows look like
     * {@code | `sp500/sp500-2000.csv` | 415,968 | 9409e9...c8 |}.
     */
    public static Map<String, String> listedChecksums(Path dataDir) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : listedRows(dataDir)) {
            out.put(row[0], row[2]);
        }
        return out;
    }

    /** Rows of the README checksum table as {path, bytes without separators, sha256}. */
    private static List<String[]> listedRows(Path dataDir) {
        Path readme = dataDir.resolve("README.md");
        List<String[]> out = new ArrayList<>();
        List<String> lines = readLines(readme);
        for (String line : lines) {
            Matcher m = CHECKSUM_ROW.matcher(line.trim());
            if (m.matches()) {
                out.add(new String[] {m.group(1), m.group(2).replace(",", ""), m.group(3)});
            }
        }
        if (out.isEmpty()) {
            throw malformed(readme, lines.size(), "tabel checksum (| `berkas` | byte | sha256 |)",
                    "a checksum table (| `file` | bytes | sha256 |)", "tidak ada baris seperti itu", "no such rows",
                    "pulihkan data/README.md", "restore data/README.md");
        }
        return out;
    }

    /** Lowercase hex SHA-256 of a file. */
    public static String sha256(Path f) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw Msg.badState("Berkas " + show(f) + " tidak bisa dibaca: " + e.getMessage(),
                    "File " + show(f) + " cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /**
     * Checks every file listed in the README checksum table of {@code dataDir} against its SHA-256, and
     * that every data file in the folder is listed (scripts under {@code fetch/}, {@code *.py},
     * {@code *.sh} and README.md itself are not data and need no checksum).
     *
     * @throws IllegalStateException (bilingual) naming every file that is missing, changed or unlisted
     */
    public static void verifyChecksums(Path dataDir) {
        Map<String, String> listed = new LinkedHashMap<>();
        List<String> problemsId = new ArrayList<>();
        List<String> problemsEn = new ArrayList<>();
        for (String[] row : listedRows(dataDir)) {
            String rel = row[0];
            listed.put(rel, row[2]);
            Path f = dataDir.resolve(rel);
            if (!Files.isRegularFile(f)) {
                problemsId.add(rel + " tidak ada");
                problemsEn.add(rel + " is missing");
                continue;
            }
            String actual = sha256(f);
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                size = -1;
            }
            if (!actual.equals(row[2])) {
                problemsId.add(rel + " berubah (sha256 " + actual + ", README: " + row[2] + ")");
                problemsEn.add(rel + " changed (sha256 " + actual + ", README: " + row[2] + ")");
            } else if (!Long.toString(size).equals(row[1])) {
                problemsId.add(rel + " berukuran " + size + " byte, README: " + row[1]);
                problemsEn.add(rel + " has " + size + " bytes, README: " + row[1]);
            }
        }
        for (String rel : dataFilesOnDisk(dataDir)) {
            if (!listed.containsKey(rel)) {
                problemsId.add(rel + " tidak tercantum di tabel checksum README");
                problemsEn.add(rel + " is not listed in the README checksum table");
            }
        }
        if (!problemsId.isEmpty()) {
            throw Msg.badState(
                    "Isi data/ tidak cocok dengan data/README.md: " + String.join("; ", problemsId)
                            + ". Perbaikan: pulihkan berkas (git checkout -- data/), atau jika"
                            + " perubahannya disengaja, perbarui baris berkas itu di README (ukuran,"
                            + " sha256sum) beserta penjelasan asal-usulnya.",
                    "data/ does not match data/README.md: " + String.join("; ", problemsEn)
                            + ". Fix: restore the files (git checkout -- data/), or if the change is"
                            + " intended, update that file's row in the README (size, sha256sum) and"
                            + " its provenance notes.");
        }
    }

    /** Data files under dataDir (relative, '/'-separated, sorted), excluding scripts and README.md. */
    static List<String> dataFilesOnDisk(Path dataDir) {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dataDir)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String rel = dataDir.relativize(p).toString().replace('\\', '/');
                boolean script = rel.startsWith("fetch/") || rel.endsWith(".py") || rel.endsWith(".sh");
                boolean cache = rel.contains("__pycache__/");
                if (!script && !cache && !rel.equals("README.md")) {
                    out.add(rel);
                }
            });
        } catch (IOException e) {
            throw Msg.badState("Folder " + dataDir + " tidak bisa dibaca: " + e.getMessage(),
                    "Folder " + dataDir + " cannot be read: " + e.getMessage());
        }
        return new ArrayList<>(out);
    }
}
