package kursus.rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data/README.md and the files in data/ cannot drift apart: every listed checksum is recomputed. */
class DataChecksumsTest {

    @Test
    void everyShippedFileMatchesItsReadmeChecksumAndEveryDataFileIsListed() {
        DataFiles.verifyChecksums(DataFiles.dataDir());
    }

    @Test
    void readmeListsTheMainDataFiles() {
        Map<String, String> listed = DataFiles.listedChecksums(DataFiles.dataDir());
        for (String f : new String[] {Datasets.ID_NAMES, Datasets.EN_FEMALE_NAMES, Datasets.EN_MALE_NAMES,
                Datasets.DISTRICTS, Datasets.MOBY_DICK, Datasets.REVIEWS_ID, Datasets.SENTIMENT_EN,
                Datasets.SP500, Datasets.OPENNLP_NAMES}) {
            assertTrue(listed.containsKey(f), "README checksum table lacks " + f);
        }
    }

    @Test
    void sha256MatchesAKnownDigest() throws IOException {
        // sha256("abc") from FIPS 180-2, appendix B.1
        Path f = Files.createTempFile("abc", ".txt");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DataFiles.sha256(f));
        Files.delete(f);
    }

    private static Path miniDataDir(Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "abc", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), DataFiles.MARKER + "\n| File | Bytes | SHA-256 |\n|---|---|---|\n"
                + "| `a.txt` | 3 | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad |\n",
                StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void aMatchingFolderPasses(@TempDir Path dir) throws IOException {
        DataFiles.verifyChecksums(miniDataDir(dir));
    }

    @Test
    void aChangedFileIsNamed(@TempDir Path dir) throws IOException {
        miniDataDir(dir);
        Files.writeString(dir.resolve("a.txt"), "abd", StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.verifyChecksums(dir));
        assertTrue(e.getMessage().contains("a.txt changed"), e.getMessage());
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
        miniDataDir(dir);
        Files.delete(dir.resolve("a.txt"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.verifyChecksums(dir));
        assertTrue(e.getMessage().contains("a.txt is missing"), e.getMessage());
    }

    @Test
    void anUnlistedDataFileIsNamedButScriptsAreNot(@TempDir Path dir) throws IOException {
        miniDataDir(dir);
        Files.writeString(dir.resolve("build.py"), "print(1)\n", StandardCharsets.UTF_8);
        DataFiles.verifyChecksums(dir);   // scripts need no checksum
        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve("extra/new.csv"), "x\n", StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.verifyChecksums(dir));
        assertTrue(e.getMessage().contains("extra/new.csv is not listed"), e.getMessage());
    }

    @Test
    void aWrongSizeInTheReadmeIsNamed(@TempDir Path dir) throws IOException {
        miniDataDir(dir);
        Files.writeString(dir.resolve("README.md"), Files.readString(dir.resolve("README.md")).replace("| 3 |", "| 4 |"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.verifyChecksums(dir));
        assertTrue(e.getMessage().contains("a.txt has 3 bytes, README: 4"), e.getMessage());
    }
}
