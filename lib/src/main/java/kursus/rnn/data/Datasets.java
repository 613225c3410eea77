package kursus.rnn.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kursus.rnn.core.Msg;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Ready-to-use data sets of the course, read from the shipped files in {@code data/} (see
 * {@code data/README.md} for sources, licences and checksums). Nothing is downloaded.
 *
 * <p>Every loader reads the file again (they are small) and returns an unmodifiable result. A missing
 * or malformed file throws an {@link IllegalStateException} with a bilingual message naming the file,
 * the line, what was expected and the fix. The {@code read...(Path)} variants parse any file of the
 * same format, e.g. your own reviews.
 */
public final class Datasets {
    /** Indonesian given names, one per line (lowercase a-z). */
    public static final String ID_NAMES = "names/id-given-names.txt";
    /** English female first names, one per line. */
    public static final String EN_FEMALE_NAMES = "names/en-female-first-names.txt";
    /** English male first names, one per line. */
    public static final String EN_MALE_NAMES = "names/en-male-first-names.txt";
    /** Indonesian districts (kecamatan): code,regency_code,name. */
    public static final String DISTRICTS = "districts/districts.csv";
    /** Moby-Dick, plain UTF-8 text. */
    public static final String MOBY_DICK = "moby-dick/moby-dick.txt";
    /** Indonesian review sentences: id,text,label,domain,phenomenon,pair,split. */
    public static final String REVIEWS_ID = "sentiment-id/ulasan-id.csv";
    /** English UCI sentiment sentences: source,text,label. */
    public static final String SENTIMENT_EN = "sentiment-en/uci-sentiment.csv";
    /** Daily S&P 500, 2000-01-03 to 2020-04-17: date,open,high,low,close,adjclose,volume. */
    public static final String SP500 = "sp500/sp500-2000.csv";
    /** OpenNLP annotated sentences with {@code <START:person> ... <END>} markup. */
    public static final String OPENNLP_NAMES = "opennlp/AnnotatedSentencesWithTypes.txt";

    private static final List<String> REVIEW_HEADER =
            List.of("id", "text", "label", "domain", "phenomenon", "pair", "split");
    private static final List<String> SENTIMENT_EN_HEADER = List.of("source", "text", "label");
    private static final List<String> SP500_HEADER =
            List.of("date", "open", "high", "low", "close", "adjclose", "volume");
    private static final List<String> PRICE_HEADER_NO_ADJ = List.of("date", "open", "high", "low", "close", "volume");
    private static final List<String> DISTRICT_HEADER = List.of("code", "regency_code", "name");

    private static final Pattern ID_NAME = Pattern.compile("[a-z]+");
    private static final Pattern EN_NAME = Pattern.compile("[A-Z][A-Za-z]*(?:['-][A-Za-z]+)*");
    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");
    private static final Pattern REGENCY_CODE = Pattern.compile("\\d{2}\\.\\d{2}");
    private static final Pattern PAIR_ID = Pattern.compile("p\\d{3,}");
    private static final Set<String> DOMAINS = Set.of("film", "makanan", "produk", "layanan");
    private static final Set<String> TAGS = Set.of("negation", "contrast", "intensifier");
    private static final Set<String> SPLITS = Set.of("train", "test");
    private static final Set<String> EN_SOURCES = Set.of("amazon", "imdb", "yelp");

    private Datasets() {}

    // ------------------------------------------------------------------------------------------
    // Names (character-level generation)
    // ------------------------------------------------------------------------------------------

    /** 1,553 Indonesian given names, lowercase a-z (zxcvbn-ts, from Wiktionary). */
    public static List<String> indonesianNames() {
        return readNames(DataFiles.file(ID_NAMES), ID_NAME, "huruf kecil a-z", "lowercase letters a-z");
    }

    /** 4,944 distinct English female first names, capitalised (Moby Word II, public domain; the file has 4,951 lines). */
    public static List<String> englishFemaleNames() {
        return readNames(DataFiles.file(EN_FEMALE_NAMES), EN_NAME, "nama berhuruf awal kapital",
                "a capitalised name");
    }

    /** 3,897 distinct English male first names, capitalised (Moby Word II, public domain; the file has 3,898 lines). */
    public static List<String> englishMaleNames() {
        return readNames(DataFiles.file(EN_MALE_NAMES), EN_NAME, "nama berhuruf awal kapital",
                "a capitalised name");
    }

    /** Female then male English first names, each name once (8,422 names). */
    public static List<String> englishNames() {
        LinkedHashSet<String> all = new LinkedHashSet<>(englishFemaleNames());
        all.addAll(englishMaleNames());
        return List.copyOf(all);
    }

    /**
     * Reads a name list: one name per line, each matching {@code allowed}; a name that occurs again is
     * kept once, at its first position.
     *
     * @param expectedId / expectedEn what a valid line looks like, for the error message
     */
    public static List<String> readNames(Path f, Pattern allowed, String expectedId, String expectedEn) {
        List<String> lines = DataFiles.readLines(f);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i);
            if (!allowed.matcher(name).matches()) {
                throw DataFiles.malformedShipped(f, i + 1, "satu nama per baris (" + expectedId + ")",
                        "one name per line (" + expectedEn + ")", DataFiles.quote(name));
            }
            names.add(name);
        }
        if (lines.isEmpty()) {
            throw DataFiles.malformedShipped(f, 1, "satu nama per baris", "one name per line", "berkas kosong",
                    "an empty file");
        }
        return List.copyOf(names);
    }

    // ------------------------------------------------------------------------------------------
    // Indonesian districts
    // ------------------------------------------------------------------------------------------

    /** The 6,907 distinct Indonesian district (kecamatan) names, in file order (ODbL, idn-area-data). */
    public static List<String> districts() {
        Path f = DataFiles.file(DISTRICTS);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (CsvRows.Row r : readDistrictRows(f)) {
            names.add(r.get(2));
        }
        return List.copyOf(names);
    }

    /** All 7,285 district rows as a table: code, regency_code, name (all STRING: "11.01" is a code, not a number). */
    public static Table districtsTable() {
        return readDistrictsTable(DataFiles.file(DISTRICTS));
    }

    /** Reads a districts CSV (code,regency_code,name) as a table, checked line by line first. */
    public static Table readDistrictsTable(Path f) {
        readDistrictRows(f);
        return tablesaw(f, "districts", new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING});
    }

    private static List<CsvRows.Row> readDistrictRows(Path f) {
        List<CsvRows.Row> rows = CsvRows.read(f, DISTRICT_HEADER);
        for (CsvRows.Row r : rows) {
            String code = r.get(0);
            String regency = r.get(1);
            if (!DISTRICT_CODE.matcher(code).matches()) {
                throw DataFiles.malformedShipped(f, r.line(), "kode kecamatan seperti 11.01.02",
                        "a district code like 11.01.02", DataFiles.quote(code));
            }
            if (!REGENCY_CODE.matcher(regency).matches() || !code.startsWith(regency + ".")) {
                throw DataFiles.malformedShipped(f, r.line(), "kode kabupaten yang mengawali kode kecamatan",
                        "a regency code that prefixes the district code", DataFiles.quote(regency));
            }
            if (r.get(2).isBlank()) {
                throw DataFiles.malformedShipped(f, r.line(), "nama kecamatan", "a district name", "nama kosong",
                        "an empty name");
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------
    // Prose
    // ------------------------------------------------------------------------------------------

    /** The full text of Moby-Dick (1,204,997 bytes of UTF-8, about 1.2 million characters). */
    public static String mobyDick() {
        return DataFiles.readUtf8(DataFiles.file(MOBY_DICK));
    }

    // ------------------------------------------------------------------------------------------
    // Indonesian reviews (the project's own CC0 set)
    // ------------------------------------------------------------------------------------------

    /** All 816 Indonesian review sentences, train and test, in file order. */
    public static List<Review> indonesianReviews() {
        return readReviews(DataFiles.file(REVIEWS_ID));
    }

    /** The Indonesian review sentences of one split: {@code "train"} or {@code "test"}. */
    public static List<Review> indonesianReviews(String split) {
        if (!SPLITS.contains(split)) {
            throw Msg.badInput("split harus \"train\" atau \"test\", bukan " + DataFiles.quote(String.valueOf(split)) + ".",
                    "split must be \"train\" or \"test\", not " + DataFiles.quote(String.valueOf(split)) + ".");
        }
        List<Review> out = new ArrayList<>();
        for (Review r : indonesianReviews()) {
            if (r.split().equals(split)) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The Indonesian review set as a table (all columns STRING except label INTEGER), for display. */
    public static Table indonesianReviewsTable() {
        Path f = DataFiles.file(REVIEWS_ID);
        readReviews(f);
        return tablesaw(f, "ulasan-id", new ColumnType[] {ColumnType.STRING, ColumnType.STRING,
                ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING});
    }

    /** Reads a review CSV in the format of {@code ulasan-id.csv}, checking every field. */
    public static List<Review> readReviews(Path f) {
        List<Review> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvRows.Row r : CsvRows.read(f, REVIEW_HEADER)) {
            String id = r.get(0);
            if (id.isBlank() || !ids.add(id)) {
                throw DataFiles.malformedShipped(f, r.line(), "id yang unik di kolom 'id'",
                        "a unique id in column 'id'", DataFiles.quote(id));
            }
            String text = r.get(1);
            if (text.isBlank()) {
                throw DataFiles.malformedShipped(f, r.line(), "kalimat di kolom 'text'", "a sentence in column 'text'",
                        "teks kosong", "an empty text");
            }
            int label = label(f, r, 2);
            String domain = r.get(3);
            if (!DOMAINS.contains(domain)) {
                throw DataFiles.malformedShipped(f, r.line(), "kolom 'domain' salah satu dari " + DOMAINS,
                        "column 'domain' one of " + DOMAINS, DataFiles.quote(domain));
            }
            String phenomenon = r.get(4);
            if (!validPhenomenon(phenomenon)) {
                throw DataFiles.malformedShipped(f, r.line(),
                        "kolom 'phenomenon' \"plain\" atau gabungan " + TAGS + " dengan \"+\"",
                        "column 'phenomenon' \"plain\" or tags from " + TAGS + " joined by \"+\"",
                        DataFiles.quote(phenomenon));
            }
            String pair = r.get(5);
            if (!pair.isEmpty() && !PAIR_ID.matcher(pair).matches()) {
                throw DataFiles.malformedShipped(f, r.line(), "kolom 'pair' kosong atau seperti p017",
                        "column 'pair' empty or like p017", DataFiles.quote(pair));
            }
            String split = r.get(6);
            if (!SPLITS.contains(split)) {
                throw DataFiles.malformedShipped(f, r.line(), "kolom 'split' \"train\" atau \"test\"",
                        "column 'split' \"train\" or \"test\"", DataFiles.quote(split));
            }
            out.add(new Review(id, text, label, domain, phenomenon, pair, split));
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean validPhenomenon(String s) {
        if (s.equals("plain")) {
            return true;
        }
        String[] parts = s.split("\\+", -1);
        Set<String> seen = new HashSet<>();
        for (String p : parts) {
            if (!TAGS.contains(p) || !seen.add(p)) {
                return false;
            }
        }
        return true;
    }

    private static int label(Path f, CsvRows.Row r, int col) {
        String s = r.get(col);
        if (!s.equals("0") && !s.equals("1")) {
            throw DataFiles.malformedShipped(f, r.line(), "kolom 'label' 0 atau 1", "column 'label' 0 or 1",
                    DataFiles.quote(s));
        }
        return s.charAt(0) - '0';
    }

    // ------------------------------------------------------------------------------------------
    // English sentiment (UCI, Kotzias et al. 2015)
    // ------------------------------------------------------------------------------------------

    /** All 3,000 English sentences: 1,000 each from Amazon, IMDb and Yelp, 500 positive + 500 negative each. */
    public static List<LabelledSentence> englishSentiment() {
        return readEnglishSentiment(DataFiles.file(SENTIMENT_EN));
    }

    /** The 1,000 English sentences of one source: {@code "amazon"}, {@code "imdb"} or {@code "yelp"}. */
    public static List<LabelledSentence> englishSentiment(String source) {
        if (!EN_SOURCES.contains(source)) {
            throw Msg.badInput("source harus salah satu dari " + EN_SOURCES + ", bukan "
                            + DataFiles.quote(String.valueOf(source)) + ".",
                    "source must be one of " + EN_SOURCES + ", not " + DataFiles.quote(String.valueOf(source)) + ".");
        }
        List<LabelledSentence> out = new ArrayList<>();
        for (LabelledSentence s : englishSentiment()) {
            if (s.source().equals(source)) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Reads a CSV in the format of {@code uci-sentiment.csv} (source,text,label). */
    public static List<LabelledSentence> readEnglishSentiment(Path f) {
        List<LabelledSentence> out = new ArrayList<>();
        for (CsvRows.Row r : CsvRows.read(f, SENTIMENT_EN_HEADER)) {
            if (!EN_SOURCES.contains(r.get(0))) {
                throw DataFiles.malformedShipped(f, r.line(), "kolom 'source' salah satu dari " + EN_SOURCES,
                        "column 'source' one of " + EN_SOURCES, DataFiles.quote(r.get(0)));
            }
            if (r.get(1).isBlank()) {
                throw DataFiles.malformedShipped(f, r.line(), "kalimat di kolom 'text'", "a sentence in column 'text'",
                        "teks kosong", "an empty text");
            }
            out.add(new LabelledSentence(r.get(0), r.get(1), label(f, r, 2)));
        }
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------------------------------------
    // S&P 500 daily
    // ------------------------------------------------------------------------------------------

    /**
     * Daily S&amp;P 500, 5,105 trading days from 2000-01-03 to 2020-04-17, oldest first. Columns: date
     * (LOCAL_DATE), open, high, low, close, adjclose (DOUBLE), volume (LONG).
     */
    public static Table sp500() {
        return readSp500(DataFiles.file(SP500));
    }

    /** The daily closing values of {@link #sp500()}, oldest first. */
    public static double[] sp500Close() {
        return sp500().doubleColumn("close").asDoubleArray();
    }

    /** {@link #readPrices(Path)} under its old name (the table is called "sp500"). */
    public static Table readSp500(Path f) {
        return readPrices(f, "sp500");
    }

    /**
     * Reads a daily price CSV, e.g. your own stock downloaded from Yahoo Finance, with explicit column
     * types, after checking every line: ISO dates strictly increasing, numbers parse.
     *
     * <p>Accepted first lines (case and spaces do not matter):
     * <ul>
     *   <li>{@code date,open,high,low,close,adjclose,volume} (the course's {@code sp500-2000.csv});</li>
     *   <li>{@code Date,Open,High,Low,Close,Adj Close,Volume} (Yahoo Finance's "Download");</li>
     *   <li>{@code Date,Open,High,Low,Close,Volume} (no adjusted close: {@code adjclose} is then a copy of
     *       {@code close}).</li>
     * </ul>
     * The table always has the columns date (LOCAL_DATE), open, high, low, close, adjclose (DOUBLE),
     * volume (LONG), so the same notebook code works for any of them:
     * <pre>{@code
     * Table prices = Datasets.readPrices(Path.of("../data/my/BBCA.JK.csv"));
     * double[] close = prices.doubleColumn("close").asDoubleArray();
     * }</pre>
     * Yahoo writes {@code null} for days without prices; such a line is reported (delete it).
     */
    public static Table readPrices(Path f) {
        String name = f == null || f.getFileName() == null ? "prices"
                : f.getFileName().toString().replaceFirst("\\.csv$", "");
        return readPrices(f, name);
    }

    private static Table readPrices(Path f, String name) {
        CsvRows.Parsed parsed = CsvRows.read(f, List.of(SP500_HEADER, PRICE_HEADER_NO_ADJ),
                s -> s.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace("_", ""));
        boolean hasAdj = parsed.header() == 0;
        List<String> header = hasAdj ? SP500_HEADER : PRICE_HEADER_NO_ADJ;
        int n = parsed.rows().size();
        LocalDate[] dates = new LocalDate[n];
        double[][] values = new double[5][n];
        long[] volume = new long[n];
        LocalDate previous = null;
        for (int i = 0; i < n; i++) {
            CsvRows.Row r = parsed.rows().get(i);
            LocalDate d;
            try {
                d = LocalDate.parse(r.get(0));
            } catch (DateTimeParseException e) {
                throw DataFiles.malformedShipped(f, r.line(), "tanggal ISO seperti 2000-01-03 di kolom 'date'",
                        "an ISO date like 2000-01-03 in column 'date'", DataFiles.quote(r.get(0)));
            }
            if (previous != null && !d.isAfter(previous)) {
                if (i == 1 && d.isBefore(previous)) {
                    throw DataFiles.malformed(f, r.line(), "tanggal setelah " + previous + " (urut waktu)",
                            "a date after " + previous + " (chronological order)", DataFiles.quote(r.get(0)),
                            "berkas ini tampaknya terurut dari yang terbaru; urutkan barisnya dari tanggal terlama"
                                    + " ke terbaru (baris judul tetap di atas)",
                            "this file looks newest-first; sort its lines from the oldest date to the newest (keep"
                                    + " the header line on top)");
                }
                throw DataFiles.malformedShipped(f, r.line(), "tanggal setelah " + previous + " (urut waktu)",
                        "a date after " + previous + " (chronological order)", DataFiles.quote(r.get(0)));
            }
            previous = d;
            dates[i] = d;
            int numbers = hasAdj ? 5 : 4;
            for (int c = 1; c <= numbers; c++) {
                String v = r.get(c);
                if (v.equalsIgnoreCase("null")) {
                    throw DataFiles.malformed(f, r.line(), "angka di kolom '" + header.get(c) + "'",
                            "a number in column '" + header.get(c) + "'", DataFiles.quote(v),
                            "hapus baris itu (Yahoo menulis null untuk hari tanpa harga)",
                            "delete that line (Yahoo writes null for days without prices)");
                }
                try {
                    double x = Double.parseDouble(v);
                    if (!Double.isFinite(x)) {
                        throw new NumberFormatException();
                    }
                    values[c - 1][i] = x;
                } catch (NumberFormatException e) {
                    throw DataFiles.malformedShipped(f, r.line(), "angka di kolom '" + header.get(c) + "'",
                            "a number in column '" + header.get(c) + "'", DataFiles.quote(v));
                }
            }
            if (!hasAdj) {
                values[4][i] = values[3][i];
            }
            String vol = r.get(hasAdj ? 6 : 5);
            try {
                volume[i] = Long.parseLong(vol);
            } catch (NumberFormatException e) {
                throw DataFiles.malformedShipped(f, r.line(), "bilangan bulat di kolom 'volume'",
                        "a whole number in column 'volume'", DataFiles.quote(vol));
            }
        }
        return Table.create(name,
                DateColumn.create("date", dates),
                DoubleColumn.create("open", values[0]),
                DoubleColumn.create("high", values[1]),
                DoubleColumn.create("low", values[2]),
                DoubleColumn.create("close", values[3]),
                DoubleColumn.create("adjclose", values[4]),
                LongColumn.create("volume", volume));
    }

    // ------------------------------------------------------------------------------------------
    // NER test set (OpenNLP)
    // ------------------------------------------------------------------------------------------

    /**
     * The OpenNLP annotated English sentences (Apache-2.0) as tokens with BIO tags ({@code B-PER},
     * {@code I-PER}, {@code O}): 114 sentences with 25 person names, a small real test set for a tagger
     * trained on generated sentences. See {@link NameMarkup} for the tokenisation.
     */
    public static List<TaggedSentence> openNlpNames() {
        return NameMarkup.parse(DataFiles.file(OPENNLP_NAMES));
    }

    // ------------------------------------------------------------------------------------------

    /** Reads an already checked CSV with Tablesaw: UTF-8, header, explicit types, only "" is missing. */
    private static Table tablesaw(Path f, String name, ColumnType[] types) {
        CsvReadOptions options = CsvReadOptions.builder(Source.fromString(DataFiles.readUtf8(f)))
                .tableName(name)
                .header(true)
                .separator(',')
                .columnTypes(types)
                .dateFormat(DateTimeFormatter.ISO_LOCAL_DATE)
                .missingValueIndicator("")
                .build();
        return Table.read().csv(options);
    }
}
