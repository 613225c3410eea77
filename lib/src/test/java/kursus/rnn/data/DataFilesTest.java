package kursus.rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(DataFiles.PROPERTY);
    }

    @Test
    void findsTheRepositoryDataFolderByWalkingUpFromTheWorkingDirectory() {
        // Surefire runs with cwd lib/; the repository's data/ is one level up.
        Path expected = Paths.get("").toAbsolutePath().getParent().resolve("data").normalize();
        assertEquals(expected, DataFiles.dataDir());
    }

    @Test
    void aNotebookInNotebooksFindsTheSiblingDataFolder(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("data"));
        Files.createDirectories(repo.resolve("notebooks/extra"));
        Files.writeString(repo.resolve("data/README.md"), "# x\n" + DataFiles.MARKER + "\n", StandardCharsets.UTF_8);
        Path data = repo.resolve("data").toAbsolutePath().normalize();
        assertEquals(data, DataFiles.findFrom(repo.resolve("notebooks")));
        assertEquals(data, DataFiles.findFrom(repo.resolve("notebooks/extra")));
        assertEquals(data, DataFiles.findFrom(repo));
    }

    @Test
    void aDataFolderWithoutTheMarkerIsNotTaken(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("inner/data"));
        Files.writeString(repo.resolve("inner/data/README.md"), "someone else's data\n", StandardCharsets.UTF_8);
        Files.createDirectories(repo.resolve("data"));
        Files.writeString(repo.resolve("data/README.md"), DataFiles.MARKER + "\n", StandardCharsets.UTF_8);
        assertEquals(repo.resolve("data").toAbsolutePath().normalize(), DataFiles.findFrom(repo.resolve("inner")));
    }

    @Test
    void theSystemPropertyWins(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), DataFiles.MARKER + "\n", StandardCharsets.UTF_8);
        System.setProperty(DataFiles.PROPERTY, dir.toString());
        assertEquals(dir.toAbsolutePath().normalize(), DataFiles.dataDir());
    }

    @Test
    void aPropertyPointingElsewhereIsABilingualErrorNamingIt(@TempDir Path dir) {
        System.setProperty(DataFiles.PROPERTY, dir.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, DataFiles::dataDir);
        assertTrue(e.getMessage().contains("-Dkursus.data=" + dir), e.getMessage());
        assertTrue(e.getMessage().startsWith("[ID] ") && e.getMessage().contains("\n[EN] "), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataFiles.file("sp500/no-such-file.csv"));
        assertTrue(e.getMessage().contains("no-such-file.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("not one of the course's files listed in data/README.md"), e.getMessage());
        assertTrue(!e.getMessage().contains("git checkout"), "an unlisted name cannot be restored: " + e.getMessage());
    }

    @Test
    void aMissingCourseFileIsToBeRestoredFromTheRepository(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("README.md"), DataFiles.MARKER + "\n| `prices/p.csv` | 10 | "
                + "0".repeat(64) + " |\n");
        System.setProperty(DataFiles.PROPERTY, data.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.file("prices/p.csv"));
        assertTrue(e.getMessage().contains("git checkout -- data/") && e.getMessage().contains("p.csv"), e.getMessage());
    }

    @Test
    void aStudentsOwnMissingFileIsNotToldToRestoreItFromTheRepository(@TempDir Path dir) {
        Path own = dir.resolve("saham-saya.csv");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.readPrices(own));
        String m = e.getMessage();
        assertTrue(!m.contains("git checkout") && !m.contains("extract.sh"), m);
        assertTrue(m.contains("File not found: " + own.toAbsolutePath()) && m.contains("Berkas tidak ditemukan"), m);
        IllegalStateException rel = assertThrows(IllegalStateException.class,
                () -> Datasets.readPrices(Path.of("no-such-own-prices.csv")));
        assertTrue(rel.getMessage().contains("working folder " + Path.of("").toAbsolutePath())
                && rel.getMessage().contains("../data/"), rel.getMessage());
    }

    @Test
    void invalidUtf8IsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.txt");
        // "Kaiserstraße" in Latin-1 on line 3: 0xDF is not valid UTF-8 here
        byte[] bytes = "one\ntwo\nKaiserstra\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.readUtf8(f));
        assertTrue(e.getMessage().contains("latin1.txt, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("byte 0xDF"), e.getMessage());
        assertTrue(e.getMessage().contains("baris 3"), e.getMessage());
    }

    @Test
    void utf8TextWithAByteOrderMarkRoundTrips(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bom.txt");
        String text = "Kafé enak, Rp15.000 — murah\r\nbaris dua\n";
        Files.write(f, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        assertEquals(text, DataFiles.readUtf8(f));
        assertEquals(List.of("Kafé enak, Rp15.000 — murah", "baris dua"), DataFiles.readLines(f));
    }
}
