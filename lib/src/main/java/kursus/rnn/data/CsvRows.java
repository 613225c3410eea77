package kursus.rnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict line-by-line reader for the course's comma-separated files (RFC 4180 quoting, one record
 * per line). It exists for the error messages: every problem is reported with the file and the line
 * number, which Tablesaw cannot give. Tables are then read with Tablesaw from the checked text.
 */
final class CsvRows {
    /** One record with the 1-based line number it came from. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return fields.get(i);
        }
    }

    private CsvRows() {}

    /**
     * Reads {@code f}, checks that the first line is exactly {@code header} and that every other line
     * has as many fields, and returns the records after the header. Empty lines are errors, and so is
     * a file with no record after the header (an empty data set).
     */
    static List<Row> read(Path f, List<String> header) {
        return read(f, List.of(header), s -> s).rows();
    }

    /** Records read under one of several accepted headers: which one matched, and the rows. */
    record Parsed(int header, List<Row> rows) {}

    /**
     * Like {@link #read(Path, List)} but the first line may be any of {@code accepted} after applying
     * {@code normalize} to each of its fields (e.g. lower case without spaces, so "Adj Close" matches
     * "adjclose"). The error lists the first accepted header.
     */
    static Parsed read(Path f, List<List<String>> accepted, java.util.function.UnaryOperator<String> normalize) {
        List<String> header = accepted.get(0);
        List<String> lines = DataFiles.readLines(f);
        if (lines.isEmpty()) {
            throw DataFiles.malformedShipped(f, 1, "baris judul " + String.join(",", header),
                    "the header line " + String.join(",", header), "berkas kosong", "an empty file");
        }
        List<String> got = new ArrayList<>();
        for (String field : parseLine(f, 1, lines.get(0))) {
            got.add(normalize.apply(field));
        }
        int which = accepted.indexOf(got);
        if (which < 0) {
            throw DataFiles.malformedShipped(f, 1, "baris judul " + String.join(",", header),
                    "the header line " + String.join(",", header), DataFiles.quote(lines.get(0)));
        }
        header = accepted.get(which);
        List<Row> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isEmpty()) {
                throw DataFiles.malformedShipped(f, lineNo, header.size() + " kolom dipisah koma",
                        header.size() + " comma-separated fields", "baris kosong", "an empty line");
            }
            List<String> fields = parseLine(f, lineNo, line);
            if (fields.size() != header.size()) {
                throw DataFiles.malformedShipped(f, lineNo,
                        header.size() + " kolom (" + String.join(",", header) + ")",
                        header.size() + " fields (" + String.join(",", header) + ")",
                        fields.size() + " kolom di " + DataFiles.quote(line),
                        fields.size() + " fields in " + DataFiles.quote(line));
            }
            rows.add(new Row(lineNo, List.copyOf(fields)));
        }
        if (rows.isEmpty()) {
            String fixId = DataFiles.isCourseFile(f)
                    ? "pulihkan berkas asli (git checkout -- data/)"
                    : "tambahkan baris data di bawah baris judul, atau periksa apakah ini berkas yang dimaksud";
            String fixEn = DataFiles.isCourseFile(f)
                    ? "restore the original (git checkout -- data/)"
                    : "add data rows below the header line, or check that this is the file you meant";
            throw DataFiles.malformed(f, 2, "minimal satu baris data setelah baris judul",
                    "at least one data row after the header line",
                    "akhir berkas: hanya ada baris judul (data set kosong)",
                    "the end of the file: only the header line (an empty data set)", fixId, fixEn);
        }
        return new Parsed(which, rows);
    }

    /** Splits one CSV line; quoted fields may contain commas and doubled quotes. */
    static List<String> parseLine(Path f, int lineNo, String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw DataFiles.malformedShipped(f, lineNo, "tanda kutip penutup \"",
                                "a closing quote \"", "akhir baris di dalam kolom berkutip",
                                "the end of the line inside a quoted field");
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            cur.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        cur.append(c);
                        i++;
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw DataFiles.malformedShipped(f, lineNo, "koma setelah kolom berkutip",
                            "a comma after a quoted field", DataFiles.quote(line.substring(i)));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i);
                    if (c == '"') {
                        throw DataFiles.malformedShipped(f, lineNo,
                                "tanda kutip hanya di awal kolom (tulis \"\" di dalam kolom berkutip)",
                                "quotes only around a whole field (write \"\" inside a quoted field)",
                                DataFiles.quote(line));
                    }
                    cur.append(c);
                    i++;
                }
            }
            out.add(cur.toString());
            cur.setLength(0);
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }
}
