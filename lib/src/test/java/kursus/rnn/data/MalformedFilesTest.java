package kursus.rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A bad file gives a bilingual error naming the file, the line and what was expected. */
class MalformedFilesTest {
    private static final String REVIEW_HEADER = "id,text,label,domain,phenomenon,pair,split\n";
    private static final String SP_HEADER = "date,open,high,low,close,adjclose,volume\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** Runs the call, expects an IllegalStateException and checks the message names file, line and both languages. */
    private static String expectError(Executable call, String fileName, int line, String... mentions) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        String m = e.getMessage();
        assertTrue(m.startsWith("[ID] ") && m.contains("\n[EN] "), m);
        assertTrue(m.contains(fileName + ", line " + line + ":"), m);
        assertTrue(m.contains(fileName + ", baris " + line + ":"), m);
        assertTrue(m.contains("Fix:") && m.contains("Perbaikan:"), m);
        for (String s : mentions) {
            assertTrue(m.contains(s), "missing '" + s + "' in: " + m);
        }
        return m;
    }

    // ---------------------------------------------------------------- reviews

    @Test
    void goodReviewFileWithNonAsciiTextRoundTrips() throws IOException {
        String text = "Kafénya nyaman, kopinya Rp25.000 — \"mantap\", tapi antreannya panjang.";
        Path f = write("ulasan.csv", REVIEW_HEADER
                + "r1,\"" + text.replace("\"", "\"\"") + "\",0,makanan,contrast,,train\n");
        List<Review> r = Datasets.readReviews(f);
        assertEquals(List.of(new Review("r1", text, 0, "makanan", "contrast", "", "train")), r);
    }

    @Test
    void reviewLabelMustBe0or1() throws IOException {
        Path f = write("ulasan.csv", REVIEW_HEADER
                + "r1,Enak.,1,makanan,plain,,train\n"
                + "r2,Hambar.,negatif,makanan,plain,,train\n");
        expectError(() -> Datasets.readReviews(f), "ulasan.csv", 3, "column 'label' 0 or 1", "\"negatif\"");
    }

    @Test
    void reviewWithTooFewFields() throws IOException {
        Path f = write("ulasan.csv", REVIEW_HEADER + "r1,Enak.,1,makanan\n");
        expectError(() -> Datasets.readReviews(f), "ulasan.csv", 2, "7 fields", "4 fields");
    }

    @Test
    void reviewHeaderMustMatch() throws IOException {
        Path f = write("ulasan.csv", "id,text,label\nr1,Enak.,1\n");
        expectError(() -> Datasets.readReviews(f), "ulasan.csv", 1, "header line id,text,label,domain");
    }

    @Test
    void unterminatedQuoteIsNamed() throws IOException {
        Path f = write("ulasan.csv", REVIEW_HEADER + "r1,\"Enak, tapi mahal.,0,makanan,contrast,,train\n");
        expectError(() -> Datasets.readReviews(f), "ulasan.csv", 2, "closing quote");
    }

    @Test
    void unknownDomainSplitAndTagAreNamed() throws IOException {
        Path d = write("d.csv", REVIEW_HEADER + "r1,Enak.,1,restoran,plain,,train\n");
        expectError(() -> Datasets.readReviews(d), "d.csv", 2, "column 'domain'", "\"restoran\"");
        Path s = write("s.csv", REVIEW_HEADER + "r1,Enak.,1,makanan,plain,,dev\n");
        expectError(() -> Datasets.readReviews(s), "s.csv", 2, "column 'split'", "\"dev\"");
        Path t = write("t.csv", REVIEW_HEADER + "r1,Enak.,1,makanan,sarcasm,,train\n");
        expectError(() -> Datasets.readReviews(t), "t.csv", 2, "column 'phenomenon'", "\"sarcasm\"");
    }

    @Test
    void duplicateReviewIdIsNamed() throws IOException {
        Path f = write("ulasan.csv", REVIEW_HEADER + "r1,Enak.,1,makanan,plain,,train\nr1,Hambar.,0,makanan,plain,,train\n");
        expectError(() -> Datasets.readReviews(f), "ulasan.csv", 3, "unique id", "\"r1\"");
    }

    // ---------------------------------------------------------------- English sentiment

    @Test
    void englishSentimentSourceIsChecked() throws IOException {
        Path f = write("en.csv", "source,text,label\nyelp,\"Great food.\",1\ntwitter,\"Meh.\",0\n");
        expectError(() -> Datasets.readEnglishSentiment(f), "en.csv", 3, "column 'source'", "\"twitter\"");
    }

    // ---------------------------------------------------------------- S&P 500

    @Test
    void sp500DatesMustIncrease() throws IOException {
        Path f = write("sp.csv", SP_HEADER
                + "2000-01-04,1,2,0.5,1.5,1.5,100\n"
                + "2000-01-03,1,2,0.5,1.5,1.5,100\n");
        expectError(() -> Datasets.readSp500(f), "sp.csv", 3, "a date after 2000-01-04", "\"2000-01-03\"");
    }

    @Test
    void sp500NumbersAndDatesAreChecked() throws IOException {
        Path num = write("num.csv", SP_HEADER + "2000-01-03,1,2,0.5,n/a,1.5,100\n");
        expectError(() -> Datasets.readSp500(num), "num.csv", 2, "a number in column 'close'", "\"n/a\"");
        Path date = write("date.csv", SP_HEADER + "03/01/2000,1,2,0.5,1.5,1.5,100\n");
        expectError(() -> Datasets.readSp500(date), "date.csv", 2, "an ISO date", "\"03/01/2000\"");
        Path vol = write("vol.csv", SP_HEADER + "2000-01-03,1,2,0.5,1.5,1.5,1.5e9\n");
        expectError(() -> Datasets.readSp500(vol), "vol.csv", 2, "column 'volume'");
    }

    @Test
    void aGoodPriceFileIsReadWithTypes() throws IOException {
        Path f = write("sp.csv", SP_HEADER + "2000-01-03,1,2,0.5,1.5,1.5,100\n2000-01-04,1.5,2,1,1.75,1.75,200\n");
        var t = Datasets.readSp500(f);
        assertEquals(2, t.rowCount());
        assertEquals(1.75, t.doubleColumn("close").get(1), 0.0);
        assertEquals(200L, t.longColumn("volume").get(1));
    }

    // ---------------------------------------------------------------- names, districts

    @Test
    void nameListRejectsBadCharacters() throws IOException {
        Path bad = write("names.txt", "budi\nsiti\nrayyan,rabiah\n");
        expectError(() -> Datasets.readNames(bad, Pattern.compile("[a-z]+"), "a-z", "a-z"),
                "names.txt", 3, "one name per line", "\"rayyan,rabiah\"");
    }

    @Test
    void aRepeatedNameIsKeptOnceAtItsFirstPosition() throws IOException {
        Path dup = write("dup.txt", "budi\nsiti\nbudi\nani\n");
        assertEquals(List.of("budi", "siti", "ani"), Datasets.readNames(dup, Pattern.compile("[a-z]+"), "a-z", "a-z"));
    }

    @Test
    void districtCodesAreChecked() throws IOException {
        Path f = write("districts.csv", "code,regency_code,name\n11.01.01,11.01,Bakongan\n11.01.02,11.02,Kluet Utara\n");
        expectError(() -> Datasets.readDistrictsTable(f), "districts.csv", 3, "regency code", "\"11.02\"");
    }

    // ---------------------------------------------------------------- OpenNLP markup

    @Test
    void unclosedNameIsNamed() throws IOException {
        Path f = write("names.train", "So I called <START:person> Julie <END> .\n\nHis name is <START:person> Gerhard Fritsch.\n");
        expectError(() -> NameMarkup.parse(f), "names.train", 3, "<END> before the end of the line");
    }

    @Test
    void endWithoutStartAndNestedStartAreNamed() throws IOException {
        Path end = write("end.train", "Hello Julie <END> .\n");
        expectError(() -> NameMarkup.parse(end), "end.train", 1, "<END> without a <START>");
        Path nested = write("nested.train", "ok\n<START:person> Julie <START:person> Mike <END> <END>\n");
        expectError(() -> NameMarkup.parse(nested), "nested.train", 2, "a nested");
        Path empty = write("empty.train", "<START:person> <END> hi\n");
        expectError(() -> NameMarkup.parse(empty), "empty.train", 1, "an empty span");
    }

    // ---------------------------------------------------------------- empty data, languages, own stock

    @Test
    void aHeaderOnlyFileIsAnEmptyDataSetNotAnEmptyTable() throws IOException {
        Path reviews = write("ulasan.csv", REVIEW_HEADER);
        expectError(() -> Datasets.readReviews(reviews), "ulasan.csv", 2, "empty data set", "data set kosong",
                "add data rows below the header line");
        Path prices = write("harga.csv", SP_HEADER);
        expectError(() -> Datasets.readPrices(prices), "harga.csv", 2, "empty data set");
        Path en = write("en.csv", "source,text,label\n");
        expectError(() -> Datasets.readEnglishSentiment(en), "en.csv", 2, "empty data set");
        Path districts = write("d.csv", "code,regency_code,name\n");
        expectError(() -> Datasets.readDistrictsTable(districts), "d.csv", 2, "empty data set");
    }

    @Test
    void theIndonesianLineOfEveryEmptyFileMessageIsIndonesian() throws IOException {
        Path csv = write("kosong.csv", "");
        Path names = write("kosong.txt", "");
        Path blankLine = write("ulasan.csv", REVIEW_HEADER + "\n");
        for (Executable call : List.<Executable>of(() -> Datasets.readReviews(csv),
                () -> Datasets.readNames(names, Pattern.compile("[a-z]+"), "a-z", "a-z"),
                () -> Datasets.readReviews(blankLine))) {
            String m = assertThrows(IllegalStateException.class, call).getMessage();
            String id = m.substring(0, m.indexOf("\n[EN] "));
            assertTrue(!id.contains("an empty") && !id.contains(" found ") && !id.contains("expected"), id);
            assertTrue(id.contains("berkas kosong") || id.contains("baris kosong"), id);
        }
    }

    @Test
    void aStudentsOwnFileIsToldToCorrectTheLineNotToRestoreIt() throws IOException {
        Path f = write("ulasan.csv", REVIEW_HEADER + "r1,Enak.,2,makanan,plain,,train\n");
        String m = expectError(() -> Datasets.readReviews(f), "ulasan.csv", 2, "correct that line in your file");
        assertTrue(!m.contains("git checkout"), m);
    }

    @Test
    void aYahooFinanceDownloadIsReadAsThePriceTable() throws IOException {
        Path f = write("BBCA.JK.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-02,9400.0,9500.0,9375.0,9475.0,9210.5,45000000\n"
                + "2024-01-03,9475.0,9525.0,9400.0,9425.0,9161.9,51234500\n"
                + "2024-01-04,9425.0,9450.0,9300.0,9350.0,9089.0,38000000\n");
        var t = Datasets.readPrices(f);
        assertEquals(List.of("date", "open", "high", "low", "close", "adjclose", "volume"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(java.time.LocalDate.of(2024, 1, 3), t.dateColumn("date").get(1));
        assertEquals(9425.0, t.doubleColumn("close").get(1), 0.0);
        assertEquals(9161.9, t.doubleColumn("adjclose").get(1), 0.0);
        assertEquals(51234500L, t.longColumn("volume").get(1));
        assertEquals("BBCA.JK", t.name());
    }

    @Test
    void aPriceFileWithoutAdjustedCloseCopiesTheClose() throws IOException {
        Path f = write("p.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1.5,2,1,1.75,20\n");
        var t = Datasets.readPrices(f);
        assertEquals(1.75, t.doubleColumn("adjclose").get(1), 0.0);
        assertEquals(20L, t.longColumn("volume").get(1));
    }

    @Test
    void yahoosNullLinesAreNamedWithTheFix() throws IOException {
        Path f = write("y.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-02,1,2,0.5,1.5,1.5,10\n2024-01-03,null,null,null,null,null,null\n");
        expectError(() -> Datasets.readPrices(f), "y.csv", 3, "column 'open'", "\"null\"", "delete that line");
    }

    @Test
    void aNewestFirstPriceFileIsToldToBeSorted() throws IOException {
        Path f = write("terbaru.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-03,1,2,0.5,1.5,1.5,10\n2024-01-02,1,2,0.5,1.5,1.5,10\n");
        expectError(() -> Datasets.readPrices(f), "terbaru.csv", 3, "newest-first", "from the oldest date");
    }
}
